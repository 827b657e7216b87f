using System.Buffers.Binary;

namespace SegmentSharp.Codecs;

/// <summary>Colour space of the coded components, decided the way libjpeg's <c>default_decompress_parms</c> does.</summary>
internal enum JpegColorSpace { Gray, YCbCr, Rgb, Cmyk, Ycck }

/// <summary>
/// Parses a JPEG interchange stream (ITU-T T.81: baseline, extended sequential 8-bit and progressive Huffman
/// processes) and decodes it into one sample plane per component, following libjpeg-turbo's handling of
/// restart markers, missing data and corrupt codes so that the result equals what OpenCV's reader sees.
/// </summary>
internal sealed partial class JpegDecoder
{
    /// <summary>OpenCV refuses images above 2^30 pixels (CV_IO_MAX_IMAGE_PIXELS); so do we.</summary>
    private const long MaxPixels = 1L << 30;

    internal int Width, Height;
    internal JpegComponent[] Components = [];
    internal int MaxH, MaxV, McusX, McusY;
    internal bool Progressive;
    internal JpegColorSpace ColorSpace;
    /// <summary>EXIF orientation (1..8) from an APP1 segment, 1 when absent.</summary>
    internal int Orientation = 1;

    private readonly bool _grayOnly;
    private readonly short[]?[] _quant = new short[]?[4];
    private readonly JpegHuffmanTable?[] _dcTables = new JpegHuffmanTable?[4];
    private readonly JpegHuffmanTable?[] _acTables = new JpegHuffmanTable?[4];
    private int _restartInterval;
    private bool _sawJfif, _sawAdobe;
    private int _adobeTransform;
    private bool _frameSeen, _scanSeen, _planesReady;

    private JpegDecoder(bool grayOnly) => _grayOnly = grayOnly;

    /// <summary>Zig-zag position → natural (row-major) index, with 16 spare entries pointing at 63 so that a
    /// corrupt run length past the end of the block lands on the last coefficient instead of out of bounds.</summary>
    internal static readonly byte[] NaturalOrder = BuildNaturalOrder();

    private static byte[] BuildNaturalOrder()
    {
        var t = new byte[80];
        int k = 0;
        for (int s = 0; s < 15; s++)
        {
            // Anti-diagonal s; odd diagonals run top-right to bottom-left, even ones the other way.
            int lo = Math.Max(0, s - 7), hi = Math.Min(s, 7);
            for (int i = lo; i <= hi; i++)
            {
                int row = (s & 1) == 1 ? i : s - i;
                t[k++] = (byte)(row * 8 + (s - row));
            }
        }
        for (; k < 80; k++) t[k] = 63;
        return t;
    }

    /// <summary>Decodes the stream; <paramref name="grayOnly"/> skips the chroma transform of YCbCr images.</summary>
    internal static JpegDecoder Decode(ReadOnlySpan<byte> data, bool grayOnly)
    {
        var d = new JpegDecoder(grayOnly);
        d.Run(data);
        return d;
    }

    private void Run(ReadOnlySpan<byte> data)
    {
        if (data.Length < 2 || data[0] != 0xFF || data[1] != 0xD8)
            throw new ImageFormatException("not a JPEG file: it does not start with an SOI marker");
        int pos = 2;
        while (true)
        {
            int marker = NextMarker(data, ref pos);
            if (marker < 0)
            {
                // libjpeg's sources invent an EOI at the end of the file; that is fine once image data was seen.
                if (_scanSeen) break;
                throw new ImageFormatException(_frameSeen
                    ? "truncated JPEG: the file ends before any scan (SOS) data"
                    : "truncated JPEG: the file ends before the frame header (SOF)");
            }
            if (marker == 0xD9)
            {
                if (!_scanSeen)
                    throw new ImageFormatException(_frameSeen ? "JPEG has no image data: EOI before any scan (SOS)"
                                                              : "JPEG has no image data: EOI before the frame header (SOF)");
                break;
            }
            switch (marker)
            {
                case 0xD8: throw new ImageFormatException("corrupt JPEG: a second SOI marker");
                case >= 0xD0 and <= 0xD7:
                case 0x01:
                    continue; // stand-alone markers outside a scan carry nothing
                case 0xC0 or 0xC1 or 0xC2:
                    ReadFrame(Segment(data, ref pos, "SOF"), marker == 0xC2);
                    break;
                case 0xC3 or 0xC7 or 0xCB or 0xCF: throw new ImageFormatException("lossless JPEG is not supported");
                case 0xC5 or 0xC6 or 0xCD or 0xCE: throw new ImageFormatException("hierarchical (differential) JPEG is not supported");
                case 0xC9 or 0xCA: throw new ImageFormatException("arithmetic-coded JPEG is not supported");
                case 0xC4: ReadHuffmanTables(Segment(data, ref pos, "DHT")); break;
                case 0xCC: throw new ImageFormatException("arithmetic-coded JPEG is not supported");
                case 0xDB: ReadQuantTables(Segment(data, ref pos, "DQT")); break;
                case 0xDD:
                {
                    var seg = Segment(data, ref pos, "DRI");
                    if (seg.Length != 2) throw new ImageFormatException("corrupt JPEG: DRI segment has the wrong length");
                    _restartInterval = BinaryPrimitives.ReadUInt16BigEndian(seg);
                    break;
                }
                case 0xDA:
                {
                    if (!_frameSeen) throw new ImageFormatException("corrupt JPEG: scan (SOS) before the frame header (SOF)");
                    var seg = Segment(data, ref pos, "SOS");
                    bool complete = DecodeScan(data, seg, ref pos);
                    _scanSeen = true;
                    // libjpeg emits a single-scan sequential image while decoding that scan; OpenCV keeps those rows
                    // even if the markers after it are broken, so nothing after the scan may fail the decode.
                    if (complete && !Progressive) goto done;
                    break;
                }
                case 0xE0: ReadJfif(Segment(data, ref pos, "APP0")); break;
                case 0xE1: ReadExif(Segment(data, ref pos, "APP1")); break;
                case 0xEE: ReadAdobe(Segment(data, ref pos, "APP14")); break;
                case (>= 0xE2 and <= 0xEF) or 0xFE or 0xDC or 0xDE or 0xDF or 0xF0 or 0xFD:
                    Segment(data, ref pos, "marker");
                    break;
                default:
                    throw new ImageFormatException($"corrupt JPEG: unknown marker 0x{marker:X2}");
            }
        }
    done:
        if (!_planesReady) throw new ImageFormatException("JPEG has no image data");
        if (Progressive) TransformCoefficients();
    }

    /// <summary>Finds the next marker at or after <paramref name="pos"/>, skipping garbage and stuffed FF 00 pairs;
    /// leaves <paramref name="pos"/> after the marker code. Returns -1 at the end of the data.</summary>
    private static int NextMarker(ReadOnlySpan<byte> data, ref int pos)
    {
        int p = FindMarker(data, pos);
        if (p < 0) { pos = data.Length; return -1; }
        pos = p + 1;
        return data[p];
    }

    /// <summary>Index of the next marker code byte at or after <paramref name="pos"/>, or -1.</summary>
    internal static int FindMarker(ReadOnlySpan<byte> data, int pos)
    {
        while (pos < data.Length)
        {
            int ff = data[pos..].IndexOf((byte)0xFF);
            if (ff < 0) return -1;
            pos += ff;
            while (pos < data.Length && data[pos] == 0xFF) pos++;
            if (pos >= data.Length) return -1;
            if (data[pos] != 0) return pos;
            pos++;
        }
        return -1;
    }

    private static ReadOnlySpan<byte> Segment(ReadOnlySpan<byte> data, ref int pos, string name)
    {
        if (pos + 2 > data.Length) throw new ImageFormatException($"truncated JPEG: the file ends inside a {name} segment");
        int len = BinaryPrimitives.ReadUInt16BigEndian(data[pos..]);
        if (len < 2) throw new ImageFormatException($"corrupt JPEG: {name} segment length {len} is too small");
        if (pos + len > data.Length) throw new ImageFormatException($"truncated JPEG: the file ends inside a {name} segment");
        var seg = data.Slice(pos + 2, len - 2);
        pos += len;
        return seg;
    }

    private void ReadFrame(ReadOnlySpan<byte> seg, bool progressive)
    {
        if (_frameSeen) throw new ImageFormatException("corrupt JPEG: more than one frame header (SOF)");
        if (seg.Length < 6) throw new ImageFormatException("corrupt JPEG: SOF segment is too short");
        int precision = seg[0];
        Height = BinaryPrimitives.ReadUInt16BigEndian(seg[1..]);
        Width = BinaryPrimitives.ReadUInt16BigEndian(seg[3..]);
        int n = seg[5];
        if (precision != 8)
            throw new ImageFormatException(precision == 12 ? "12-bit JPEG is not supported" : $"corrupt JPEG: {precision}-bit sample precision");
        if (seg.Length != 6 + 3 * n) throw new ImageFormatException("corrupt JPEG: SOF segment length does not match its component count");
        if (Height == 0) throw new ImageFormatException("JPEG height defined by a DNL marker (height 0 in SOF) is not supported");
        if (Width == 0) throw new ImageFormatException("corrupt JPEG: image width is 0");
        if ((long)Width * Height > MaxPixels)
            throw new ImageFormatException($"JPEG dimensions {Width}×{Height} exceed the limit of 2^30 pixels");
        if (n is not (1 or 3 or 4)) throw new ImageFormatException($"JPEG with {n} components is not supported");
        Components = new JpegComponent[n];
        for (int i = 0; i < n; i++)
        {
            int h = seg[7 + 3 * i] >> 4, v = seg[7 + 3 * i] & 15, tq = seg[8 + 3 * i];
            if (h is < 1 or > 4 || v is < 1 or > 4) throw new ImageFormatException($"corrupt JPEG: sampling factors {h}×{v} out of range");
            if (tq > 3) throw new ImageFormatException($"corrupt JPEG: quantisation table {tq} out of range");
            Components[i] = new JpegComponent { Id = seg[6 + 3 * i], H = h, V = v, QuantIndex = tq };
        }
        if (n == 1) { Components[0].H = 1; Components[0].V = 1; } // a lone component is never subsampled
        MaxH = 1; MaxV = 1;
        foreach (var c in Components) { MaxH = Math.Max(MaxH, c.H); MaxV = Math.Max(MaxV, c.V); }
        McusX = (Width + 8 * MaxH - 1) / (8 * MaxH);
        McusY = (Height + 8 * MaxV - 1) / (8 * MaxV);
        foreach (var c in Components)
        {
            if (MaxH % c.H != 0 || MaxV % c.V != 0)
                throw new ImageFormatException("JPEG with fractional sampling ratios is not supported");
            c.BlocksW = McusX * c.H;
            c.BlocksH = McusY * c.V;
            c.DownW = (int)(((long)Width * c.H + MaxH - 1) / MaxH);
            c.DownH = (int)(((long)Height * c.V + MaxV - 1) / MaxV);
            c.CompBlocksW = (c.DownW + 7) / 8;
            c.CompBlocksH = (c.DownH + 7) / 8;
        }
        Progressive = progressive;
        _frameSeen = true;
    }

    private void ReadQuantTables(ReadOnlySpan<byte> seg)
    {
        while (seg.Length > 0)
        {
            int pq = seg[0] >> 4, tq = seg[0] & 15;
            if (tq > 3) throw new ImageFormatException($"corrupt JPEG: quantisation table id {tq} out of range");
            if (pq > 1) throw new ImageFormatException("corrupt JPEG: bad quantisation table precision");
            int size = pq == 0 ? 64 : 128;
            if (seg.Length < 1 + size) throw new ImageFormatException("corrupt JPEG: DQT segment is too short");
            var q = new short[64];
            for (int k = 0; k < 64; k++)
            {
                int v = pq == 0 ? seg[1 + k] : BinaryPrimitives.ReadUInt16BigEndian(seg[(1 + 2 * k)..]);
                // libjpeg-turbo's SIMD builds keep multipliers in 16-bit lanes; values above 32767 wrap the same way.
                q[NaturalOrder[k]] = unchecked((short)v);
            }
            _quant[tq] = q;
            seg = seg[(1 + size)..];
        }
    }

    private void ReadHuffmanTables(ReadOnlySpan<byte> seg)
    {
        Span<byte> counts = stackalloc byte[17];
        while (seg.Length > 0)
        {
            if (seg.Length < 17) throw new ImageFormatException("corrupt JPEG: DHT segment is too short");
            int tc = seg[0] >> 4, th = seg[0] & 15;
            if (tc > 1 || th > 3) throw new ImageFormatException($"corrupt JPEG: Huffman table id 0x{seg[0]:X2} out of range");
            counts[0] = 0;
            int total = 0;
            for (int i = 1; i <= 16; i++) { counts[i] = seg[i]; total += seg[i]; }
            if (total > 256 || seg.Length < 17 + total) throw new ImageFormatException("bad JPEG Huffman table: DHT segment is too short");
            var table = new JpegHuffmanTable(counts, seg.Slice(17, total), tc == 0);
            if (tc == 0) _dcTables[th] = table; else _acTables[th] = table;
            seg = seg[(17 + total)..];
        }
    }

    private void ReadJfif(ReadOnlySpan<byte> seg)
    {
        if (seg.Length >= 5 && seg[..5].SequenceEqual("JFIF\0"u8)) _sawJfif = true;
    }

    private void ReadAdobe(ReadOnlySpan<byte> seg)
    {
        if (seg.Length >= 12 && seg[..5].SequenceEqual("Adobe"u8))
        {
            _sawAdobe = true;
            _adobeTransform = seg[11];
        }
    }

    /// <summary>Picks the colour space from the component count, JFIF/Adobe markers and component ids
    /// (libjpeg's rules), and allocates the planes the requested output needs.</summary>
    private void PrepareOutput()
    {
        int n = Components.Length;
        if (n == 1) ColorSpace = JpegColorSpace.Gray;
        else if (n == 3)
        {
            if (_sawJfif) ColorSpace = JpegColorSpace.YCbCr;
            else if (_sawAdobe) ColorSpace = _adobeTransform == 0 ? JpegColorSpace.Rgb : JpegColorSpace.YCbCr;
            else if (Components[0].Id == 'R' && Components[1].Id == 'G' && Components[2].Id == 'B') ColorSpace = JpegColorSpace.Rgb;
            else ColorSpace = JpegColorSpace.YCbCr;
        }
        else
        {
            ColorSpace = _sawAdobe && _adobeTransform != 0 ? JpegColorSpace.Ycck : JpegColorSpace.Cmyk;
        }
        for (int i = 0; i < n; i++)
        {
            var c = Components[i];
            c.Needed = !(_grayOnly && ColorSpace == JpegColorSpace.YCbCr && i > 0);
            if (!c.Needed) continue;
            c.PlaneStride = c.CompBlocksW * 8;
            c.Plane = GC.AllocateUninitializedArray<byte>(checked(c.PlaneStride * c.CompBlocksH * 8));
            // A component whose scan never arrives (a truncated multi-scan file) decodes as all-zero coefficients.
            if (!Progressive) Array.Fill(c.Plane, (byte)128);
            if (Progressive) c.Coefs = new short[checked((long)c.BlocksW * c.BlocksH * 64 <= int.MaxValue
                ? c.BlocksW * c.BlocksH * 64 : throw new ImageFormatException("JPEG image is too large to decode"))];
        }
        _planesReady = true;
    }
}
