using System.Runtime.CompilerServices;
using System.Buffers.Binary;
using SegmentSharp.Imaging;

namespace SegmentSharp.Codecs;

/// <summary>
/// BMP decoding with OpenCV's exact conversions: palette and 16-bit pixels become gray through the imgcodecs
/// 14-bit BT.601 weights (<see cref="ImgcodecsGray"/>), 555/565 channels are widened by a left shift (no bit
/// replication), alpha is dropped, and RLE gaps (end-of-line, delta, end-of-bitmap) are filled with palette entry 0.
/// </summary>
internal static class BmpDecoder
{
    private const int BiRgb = 0, BiRle8 = 1, BiRle4 = 2, BiBitfields = 3;

    private struct Header
    {
        public int Width, Height, Bpp, Compression, PixelOffset;
        public bool BottomUp, Is555, HasMasks;
        public byte[] Palette; // 256 entries of B,G,R
        public uint[] Masks;   // R, G, B, A for 32-bit BI_BITFIELDS with a V3+ header
        public int[] MaskShift;
        public float[] MaskScale;
    }

    internal static Image<byte> Decode(ReadOnlySpan<byte> data, bool gray)
    {
        var hdr = ReadHeader(data);
        int cn = gray ? 1 : 3;
        var img = new Image<byte>(hdr.Width, hdr.Height, cn);
        byte[] grayPalette = new byte[256];
        if (gray)
            for (int i = 0; i < 256; i++)
                grayPalette[i] = ImgcodecsGray.FromBgr(hdr.Palette[i * 3], hdr.Palette[i * 3 + 1], hdr.Palette[i * 3 + 2]);

        if (hdr.Compression is BiRle8 or BiRle4)
        {
            var rle = new RleDecoder(data, hdr, img, gray, grayPalette);
            if (hdr.Compression == BiRle8) rle.Rle8(); else rle.Rle4();
            return img;
        }

        int bits = hdr.Bpp;
        long pitch = (((long)hdr.Width * bits + 7) / 8 + 3) & ~3L;
        if (hdr.PixelOffset < 0 || hdr.PixelOffset > data.Length || pitch * hdr.Height > data.Length - hdr.PixelOffset)
            throw new ImageFormatException($"truncated BMP: pixel data needs {pitch * hdr.Height} bytes at offset {hdr.PixelOffset}, the file has {Math.Max(0, data.Length - hdr.PixelOffset)}");

        for (int y = 0; y < hdr.Height; y++)
        {
            var src = data.Slice(hdr.PixelOffset + (int)(pitch * y), (int)pitch);
            var dst = img.Row(hdr.BottomUp ? hdr.Height - 1 - y : y);
            DecodeRow(src, dst, hdr, gray, grayPalette);
        }
        return img;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void DecodeRow(ReadOnlySpan<byte> src, Span<byte> dst, in Header hdr, bool gray, byte[] grayPalette)
    {
        int w = hdr.Width;
        var pal = hdr.Palette;
        switch (hdr.Bpp)
        {
            case 1:
            case 4:
            case 8:
            {
                int bpp = hdr.Bpp, perByte = 8 / bpp, mask = (1 << bpp) - 1;
                for (int x = 0; x < w; x++)
                {
                    int shift = 8 - bpp * (x % perByte + 1);
                    int idx = (src[x / perByte] >> shift) & mask;
                    if (gray) dst[x] = grayPalette[idx];
                    else { dst[x * 3] = pal[idx * 3]; dst[x * 3 + 1] = pal[idx * 3 + 1]; dst[x * 3 + 2] = pal[idx * 3 + 2]; }
                }
                break;
            }
            case 16:
                for (int x = 0; x < w; x++)
                {
                    int t = src[x * 2] | (src[x * 2 + 1] << 8);
                    int b = (t << 3) & 0xF8, g, r;
                    if (hdr.Is555) { g = (t >> 2) & 0xF8; r = (t >> 7) & 0xF8; }
                    else { g = (t >> 3) & 0xFC; r = (t >> 8) & 0xF8; }
                    if (gray) dst[x] = ImgcodecsGray.FromBgr(b, g, r);
                    else { dst[x * 3] = (byte)b; dst[x * 3 + 1] = (byte)g; dst[x * 3 + 2] = (byte)r; }
                }
                break;
            case 24:
                if (gray) ImgcodecsGray.Convert(src, dst, 3, 0);
                else src[..(w * 3)].CopyTo(dst);
                break;
            case 32 when hdr.HasMasks:
                DecodeMaskedRow(src, dst, hdr, gray);
                break;
            case 32:
                if (gray) ImgcodecsGray.Convert(src, dst, 4, 0);
                else
                    for (int x = 0; x < w; x++)
                    {
                        dst[x * 3] = src[x * 4]; dst[x * 3 + 1] = src[x * 4 + 1]; dst[x * 3 + 2] = src[x * 4 + 2];
                    }
                break;
        }
    }

    private static Header ReadHeader(ReadOnlySpan<byte> d)
    {
        if (d.Length < 18 || d[0] != 'B' || d[1] != 'M') throw new ImageFormatException("not a BMP file: the 'BM' signature or file header is missing");
        var h = new Header { Palette = new byte[256 * 3] };
        h.PixelOffset = BinaryPrimitives.ReadInt32LittleEndian(d[10..]);
        int size = BinaryPrimitives.ReadInt32LittleEndian(d[14..]);
        if (size >= 36)
        {
            if (14L + size > d.Length) throw new ImageFormatException($"truncated BMP: the {size}-byte info header ends early");
            int width = BinaryPrimitives.ReadInt32LittleEndian(d[18..]);
            int height = BinaryPrimitives.ReadInt32LittleEndian(d[22..]);
            int bpp = BinaryPrimitives.ReadUInt16LittleEndian(d[28..]);
            int comp = BinaryPrimitives.ReadInt32LittleEndian(d[30..]);
            int clrUsed = BinaryPrimitives.ReadInt32LittleEndian(d[46..]);
            bool ok = width > 0 && height != 0 && height != int.MinValue &&
                      (((bpp is 1 or 4 or 8 or 24 or 32) && comp == BiRgb) ||
                       ((bpp is 16 or 32) && comp is BiRgb or BiBitfields) ||
                       (bpp == 4 && comp == BiRle4) || (bpp == 8 && comp == BiRle8));
            if (!ok)
                throw new ImageFormatException($"unsupported BMP: {bpp} bits per pixel with compression {comp} (or size {width}×{height})");
            long after = 14L + size;
            if (bpp <= 8)
            {
                if (clrUsed is < 0 or > 256) throw new ImageFormatException($"corrupt BMP: the palette claims {clrUsed} colours");
                int n = clrUsed == 0 ? 1 << bpp : clrUsed;
                if (after + n * 4L > d.Length) throw new ImageFormatException("truncated BMP: the palette ends early");
                for (int i = 0; i < n; i++)
                {
                    int p = (int)after + i * 4;
                    h.Palette[i * 3] = d[p]; h.Palette[i * 3 + 1] = d[p + 1]; h.Palette[i * 3 + 2] = d[p + 2];
                }
            }
            else if (bpp == 32 && comp == BiBitfields && size >= 56)
            {
                // V3+ headers: OpenCV honours the channel masks, scaling each field to 0..255 in float.
                h.Masks = new uint[4]; h.MaskShift = new int[4]; h.MaskScale = new float[4];
                for (int i = 0; i < 4; i++)
                {
                    uint m = BinaryPrimitives.ReadUInt32LittleEndian(d[(54 + 4 * i)..]);
                    h.Masks[i] = m;
                    h.MaskShift[i] = -1;
                    if (m != 0)
                    {
                        int sh = System.Numerics.BitOperations.TrailingZeroCount(m);
                        h.MaskShift[i] = sh;
                        h.MaskScale[i] = 255.0f / (m >> sh);
                    }
                }
                h.HasMasks = h.MaskShift[0] >= 0 && h.MaskShift[1] >= 0 && h.MaskShift[2] >= 0;
            }
            else if (bpp == 16)
            {
                h.Is555 = true;
                if (comp == BiBitfields)
                {
                    // OpenCV looks for the three masks right after the info header (where BITMAPINFOHEADER keeps them);
                    // V2+ headers carry them inside the header, which we accept as well when the first place has none.
                    int kind = after + 12 <= d.Length ? MaskKind(d[(int)after..]) : 0;
                    if (kind == 0 && size >= 52) kind = MaskKind(d[54..]);
                    if (kind == 0) throw new ImageFormatException("unsupported BMP: 16-bit bit masks other than 5-5-5 and 5-6-5");
                    h.Is555 = kind == 1;
                }
            }
            h.Width = width; h.Height = Math.Abs(height); h.BottomUp = height > 0;
            h.Bpp = bpp; h.Compression = comp;
        }
        else if (size == 12)
        {
            if (d.Length < 26) throw new ImageFormatException("truncated BMP: the OS/2 core header ends early");
            int width = BinaryPrimitives.ReadUInt16LittleEndian(d[18..]);
            int height = BinaryPrimitives.ReadUInt16LittleEndian(d[20..]);
            int bpp = BinaryPrimitives.ReadUInt16LittleEndian(d[24..]);
            if (width == 0 || height == 0 || bpp is not (1 or 4 or 8 or 24 or 32))
                throw new ImageFormatException($"unsupported OS/2 BMP: {bpp} bits per pixel, size {width}×{height}");
            if (bpp <= 8)
            {
                int n = 1 << bpp;
                if (26 + n * 3 > d.Length) throw new ImageFormatException("truncated BMP: the palette ends early");
                d.Slice(26, n * 3).CopyTo(h.Palette);
            }
            h.Width = width; h.Height = height; h.BottomUp = true; h.Bpp = bpp; h.Compression = BiRgb;
        }
        else throw new ImageFormatException($"unsupported BMP: info header size {size}");
        DecodeLimits.Check("BMP", h.Width, h.Height);
        return h;
    }

    /// <summary>
    /// Bit-field pixels as OpenCV's mask path computes them: each field times <c>255f / fieldMax</c> in single
    /// precision, truncated; gray is <c>(byte)(0.299f R + 0.587f G + 0.114f B)</c>, also float and truncated.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void DecodeMaskedRow(ReadOnlySpan<byte> src, Span<byte> dst, in Header hdr, bool gray)
    {
        var m = hdr.Masks; var sh = hdr.MaskShift; var sc = hdr.MaskScale;
        for (int x = 0; x < hdr.Width; x++)
        {
            uint v = BinaryPrimitives.ReadUInt32LittleEndian(src[(x * 4)..]);
            int r = (byte)((float)((v & m[0]) >> sh[0]) * sc[0]);
            int g = (byte)((float)((v & m[1]) >> sh[1]) * sc[1]);
            int b = (byte)((float)((v & m[2]) >> sh[2]) * sc[2]);
            if (gray) dst[x] = (byte)(0.299f * r + 0.587f * g + 0.114f * b);
            else { dst[x * 3] = (byte)b; dst[x * 3 + 1] = (byte)g; dst[x * 3 + 2] = (byte)r; }
        }
    }

    /// <summary>1 = 5-5-5, 2 = 5-6-5, 0 = anything else; masks are stored red, green, blue.</summary>
    private static int MaskKind(ReadOnlySpan<byte> m)
    {
        uint r = BinaryPrimitives.ReadUInt32LittleEndian(m), g = BinaryPrimitives.ReadUInt32LittleEndian(m[4..]), b = BinaryPrimitives.ReadUInt32LittleEndian(m[8..]);
        if (b == 0x1F && g == 0x3E0 && r == 0x7C00) return 1;
        if (b == 0x1F && g == 0x7E0 && r == 0xF800) return 2;
        return 0;
    }

    /// <summary>
    /// Run-length decoding with OpenCV's cursor rules: an RLE8 run that reaches the row end wraps to the next row
    /// (and a following end-of-line code is then ignored), while RLE4 runs never wrap and its end-of-bitmap and delta
    /// codes only fill to the end of the current row; skipped pixels take palette entry 0.
    /// </summary>
    private ref struct RleDecoder
    {
        private readonly ReadOnlySpan<byte> _d;
        private readonly Header _h;
        private readonly Image<byte> _img;
        private readonly bool _gray;
        private readonly byte[] _grayPal;
        private int _pos, _x, _y;

        public RleDecoder(ReadOnlySpan<byte> d, Header h, Image<byte> img, bool gray, byte[] grayPal)
        {
            _d = d; _h = h; _img = img; _gray = gray; _grayPal = grayPal;
            _pos = h.PixelOffset; _x = 0; _y = 0;
            if (_pos < 0 || _pos > d.Length) throw new ImageFormatException("corrupt BMP: the pixel data offset lies outside the file");
        }

        private byte Next()
        {
            if (_pos >= _d.Length) throw new ImageFormatException($"truncated BMP: RLE data ends at row {_y} of {_h.Height}");
            return _d[_pos++];
        }

        private void Put(int idx)
        {
            var row = _img.Row(_h.BottomUp ? _h.Height - 1 - _y : _y);
            if (_gray) row[_x] = _grayPal[idx];
            else { var p = _h.Palette; row[_x * 3] = p[idx * 3]; row[_x * 3 + 1] = p[idx * 3 + 1]; row[_x * 3 + 2] = p[idx * 3 + 2]; }
            _x++;
        }

        /// <summary>Writes <paramref name="count"/> pixels of one index, wrapping to following rows; stops after the last row.</summary>
        private void FillWrapping(int idx, long count)
        {
            do
            {
                long n = Math.Min(count, _h.Width - _x);
                for (long i = 0; i < n; i++) Put(idx);
                count -= n;
                if (_x >= _h.Width)
                {
                    _x = 0;
                    if (++_y >= _h.Height) break;
                }
            } while (count > 0);
        }

        private static ImageFormatException Bad(string what) => new($"corrupt BMP: {what} runs past the end of a row");

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Rle8()
        {
            bool wrapped = false;
            int w = _h.Width;
            for (;;)
            {
                int len = Next(), code = Next();
                if (len != 0)
                {
                    if (_x + len > w) throw Bad("an RLE8 run");
                    int prevY = _y;
                    FillWrapping(code, len);
                    wrapped = _y != prevY;
                    if (_y >= _h.Height) break;
                }
                else if (code > 2)
                {
                    if (_x + code > w) throw Bad("an RLE8 literal");
                    int prevY = _y;
                    int padded = (code + 1) & ~1;
                    int start = _pos;
                    for (int i = 0; i < padded; i++) Next();
                    for (int i = 0; i < code; i++) Put(_d[start + i]);
                    wrapped = _y != prevY; // literals never wrap, so this is always false, as in OpenCV
                }
                else
                {
                    long skip = w - _x;
                    if (code != 0 || !wrapped || skip < w)
                    {
                        long rows = _h.Height - _y;
                        if (code == 2) { skip = Next(); rows = Next(); }
                        if (code != 0) skip += rows * w;
                        if (_y >= _h.Height) break;
                        FillWrapping(0, skip);
                        if (_y >= _h.Height) break;
                    }
                    wrapped = false;
                    if (_y >= _h.Height) break;
                }
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Rle4()
        {
            int w = _h.Width;
            for (;;)
            {
                int len = Next(), code = Next();
                if (len != 0)
                {
                    if (_x + len > w) throw Bad("an RLE4 run");
                    int a = code >> 4, b = code & 15;
                    for (int i = 0; i < len; i++) Put((i & 1) == 0 ? a : b);
                }
                else if (code > 2)
                {
                    if (_x + code > w) throw Bad("an RLE4 literal");
                    int bytes = (((code + 1) >> 1) + 1) & ~1;
                    int start = _pos;
                    for (int i = 0; i < bytes; i++) Next();
                    for (int i = 0; i < code; i++)
                    {
                        int v = _d[start + (i >> 1)];
                        Put((i & 1) == 0 ? v >> 4 : v & 15);
                    }
                }
                else
                {
                    long skip = w - _x;
                    if (code == 2) { skip = Next(); Next(); }
                    FillWrapping(0, skip);
                    if (_y >= _h.Height) break;
                }
            }
        }
    }
}
