using System.Runtime.InteropServices;

namespace SegmentSharp.Codecs;

/// <summary>
/// Turns one reconstructed PNG scanline into 8-bit gray or BGR samples the way OpenCV's libpng
/// set-up does: sub-byte gray is scaled to 0..255 (bit replication), 16-bit samples keep their
/// high byte (<c>png_set_strip_16</c>), alpha and tRNS are dropped without compositing, palettes
/// are expanded (indices past the PLTE length read as black), and colour becomes gray through
/// <see cref="PngGrayConversion"/>.
/// </summary>
internal sealed class PngRowConverter
{
    private readonly int _colorType, _depth, _outCh;
    private readonly PngGrayConversion? _gray;
    private readonly byte[] _valueMap = new byte[256];   // sub-byte gray scale, or palette index → gray
    private readonly byte[]? _bgrPalette;                // palette index → B, G, R
    private readonly ulong[]? _unpack1;                  // one byte of 1-bit samples → 8 mapped bytes
    private readonly uint[]? _unpack2;
    private readonly ushort[]? _unpack4;
    private readonly byte[] _scratch;

    public PngRowConverter(PngHeader h, bool gray)
    {
        _colorType = h.ColorType; _depth = h.BitDepth; _outCh = gray ? 1 : 3;
        _scratch = new byte[h.Width];
        if (_colorType == 0)
        {
            int max = (1 << Math.Min(_depth, 8)) - 1;
            for (int v = 0; v <= max; v++) _valueMap[v] = (byte)(v * 255 / max);
        }
        else if (_colorType == 3)
        {
            var pal = h.Palette!;
            if (gray)
            {
                _gray = new PngGrayConversion(h.Gamma);
                for (int i = 0; i < 256; i++) _valueMap[i] = _gray.Gray8(pal[3 * i], pal[3 * i + 1], pal[3 * i + 2]);
            }
            else
            {
                for (int i = 0; i < 256; i++) _valueMap[i] = (byte)i;
                _bgrPalette = new byte[768];
                for (int i = 0; i < 256; i++)
                {
                    _bgrPalette[3 * i] = pal[3 * i + 2]; _bgrPalette[3 * i + 1] = pal[3 * i + 1]; _bgrPalette[3 * i + 2] = pal[3 * i];
                }
            }
        }
        else if (gray && _colorType is 2 or 6) _gray = new PngGrayConversion(h.Gamma, h.BitDepth == 16 ? h.SigBit : 0);

        if (_colorType is 0 or 3 && _depth < 8)
        {
            // With a palette and colour output the map is the identity: indices are looked up afterwards.
            if (_depth == 1)
            {
                _unpack1 = new ulong[256];
                for (int b = 0; b < 256; b++)
                    for (int k = 0; k < 8; k++) _unpack1[b] |= (ulong)_valueMap[(b >> (7 - k)) & 1] << (8 * k);
            }
            else if (_depth == 2)
            {
                _unpack2 = new uint[256];
                for (int b = 0; b < 256; b++)
                    for (int k = 0; k < 4; k++) _unpack2[b] |= (uint)_valueMap[(b >> (6 - 2 * k)) & 3] << (8 * k);
            }
            else
            {
                _unpack4 = new ushort[256];
                for (int b = 0; b < 256; b++)
                    _unpack4[b] = (ushort)(_valueMap[b >> 4] | _valueMap[b & 15] << 8);
            }
        }
    }

    /// <summary>Converts <paramref name="width"/> pixels of <paramref name="raw"/> into <paramref name="dst"/> (width × 1 or width × 3 bytes).</summary>
    public void Convert(ReadOnlySpan<byte> raw, Span<byte> dst, int width)
    {
        if (_outCh == 1) ToGray(raw, dst[..width], width);
        else ToBgr(raw, dst[..(3 * width)], width);
    }

    private void ToGray(ReadOnlySpan<byte> raw, Span<byte> dst, int width)
    {
        switch (_colorType, _depth)
        {
            case (0 or 3, < 8): Unpack(raw, dst, width); break;
            case (0, 8): raw[..width].CopyTo(dst); break;
            case (3, 8): Map(raw, dst, _valueMap); break;
            case (0, 16): TakeEvery(raw, dst, 2); break;
            case (4, 8): TakeEvery(raw, dst, 2); break;
            case (4, 16): TakeEvery(raw, dst, 4); break;
            case (2, 8): _gray!.Row8(raw, dst, 3); break;
            case (6, 8): _gray!.Row8(raw, dst, 4); break;
            case (2, 16): _gray!.Row16(raw, dst, 3); break;
            case (6, 16): _gray!.Row16(raw, dst, 4); break;
        }
    }

    private void ToBgr(ReadOnlySpan<byte> raw, Span<byte> dst, int width)
    {
        switch (_colorType, _depth)
        {
            case (0, < 8):
            {
                var g = _scratch.AsSpan(0, width);
                Unpack(raw, g, width);
                Replicate(g, dst);
                break;
            }
            case (3, < 8):
            {
                var idx = _scratch.AsSpan(0, width);
                Unpack(raw, idx, width);
                PaletteBgr(idx, dst);
                break;
            }
            case (3, 8): PaletteBgr(raw[..width], dst); break;
            case (0, 8): Replicate(raw[..width], dst); break;
            case (0, 16) or (4, 8):
            {
                var g = _scratch.AsSpan(0, width);
                TakeEvery(raw, g, 2);
                Replicate(g, dst);
                break;
            }
            case (4, 16):
            {
                var g = _scratch.AsSpan(0, width);
                TakeEvery(raw, g, 4);
                Replicate(g, dst);
                break;
            }
            case (2, 8): PngPixelKernels.RgbToBgr(raw, dst, 3); break;
            case (6, 8): PngPixelKernels.RgbToBgr(raw, dst, 4); break;
            case (2, 16): SwapRB(raw, dst, 6, 2); break;
            case (6, 16): SwapRB(raw, dst, 8, 2); break;
        }
    }

    private void Unpack(ReadOnlySpan<byte> raw, Span<byte> dst, int width)
    {
        int full, x;
        if (_depth == 1)
        {
            full = width >> 3;
            var d = MemoryMarshal.Cast<byte, ulong>(dst[..(full * 8)]);
            for (int i = 0; i < full; i++) d[i] = _unpack1![raw[i]];
            for (x = full * 8; x < width; x++) dst[x] = _valueMap[(raw[x >> 3] >> (7 - (x & 7))) & 1];
        }
        else if (_depth == 2)
        {
            full = width >> 2;
            var d = MemoryMarshal.Cast<byte, uint>(dst[..(full * 4)]);
            for (int i = 0; i < full; i++) d[i] = _unpack2![raw[i]];
            for (x = full * 4; x < width; x++) dst[x] = _valueMap[(raw[x >> 2] >> (6 - 2 * (x & 3))) & 3];
        }
        else
        {
            full = width >> 1;
            var d = MemoryMarshal.Cast<byte, ushort>(dst[..(full * 2)]);
            for (int i = 0; i < full; i++) d[i] = _unpack4![raw[i]];
            if ((width & 1) != 0) dst[width - 1] = _valueMap[raw[full] >> 4];
        }
    }

    private static void Map(ReadOnlySpan<byte> src, Span<byte> dst, byte[] map)
    {
        for (int i = 0; i < dst.Length; i++) dst[i] = map[src[i]];
    }

    private static void TakeEvery(ReadOnlySpan<byte> src, Span<byte> dst, int step)
    {
        for (int x = 0, i = 0; x < dst.Length; x++, i += step) dst[x] = src[i];
    }

    private static void Replicate(ReadOnlySpan<byte> g, Span<byte> dst) => PngPixelKernels.Replicate(g, dst);

    private void PaletteBgr(ReadOnlySpan<byte> idx, Span<byte> dst)
    {
        var p = _bgrPalette!;
        for (int x = 0, i = 0; x < idx.Length; x++, i += 3)
        {
            int k = idx[x] * 3;
            dst[i] = p[k]; dst[i + 1] = p[k + 1]; dst[i + 2] = p[k + 2];
        }
    }

    // step = bytes per source pixel, s = bytes per sample (16-bit keeps the first, high, byte).
    private static void SwapRB(ReadOnlySpan<byte> src, Span<byte> dst, int step, int s)
    {
        for (int i = 0, j = 0; i < dst.Length; i += 3, j += step)
        {
            dst[i] = src[j + 2 * s]; dst[i + 1] = src[j + s]; dst[i + 2] = src[j];
        }
    }
}
