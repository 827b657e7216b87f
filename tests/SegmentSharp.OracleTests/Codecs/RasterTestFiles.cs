using System.Buffers.Binary;
using System.Text;
using OpenCvSharp;
using SegmentSharp.Codecs;
using SegmentSharp.Imaging;

namespace SegmentSharp.OracleTests.Codecs;

/// <summary>Repository paths for the raster codec tests.</summary>
internal static class RasterTestPaths
{
    public static string RepoRoot => RepoPaths.Root;

    public static string Sample(string name) => Path.Combine(RepoRoot, "samples", name);
}

/// <summary>
/// Compares our decoders with OpenCV's <c>imread</c> on a temporary file. <c>imread</c>, not <c>imdecode</c>, is the
/// oracle: OpenCV 4.13's in-memory TIFF path fails on some valid files (uncompressed tiles, several strips) that
/// <c>imread</c> reads.
/// </summary>
internal static class RasterOracle
{
    public static Mat Read(byte[] file, ImreadModes mode)
    {
        string path = Path.Combine(Path.GetTempPath(), $"segsharp-raster-{Guid.NewGuid():N}.img");
        File.WriteAllBytes(path, file);
        try { return Cv2.ImRead(path, mode); }
        finally { File.Delete(path); }
    }

    public static readonly (int W, int H)[] Sizes = [(1, 1), (1, 9), (9, 1), (13, 7), (333, 77)];

    public static void AssertDecodesLikeOpenCv(byte[] file, string context)
    {
        using var g = Read(file, ImreadModes.Grayscale);
        using var c = Read(file, ImreadModes.Color);
        Assert.False(g.Empty(), $"{context}: OpenCV could not decode the test file");
        Oracle.AssertEqual(g, ImageFile.DecodeGray(file), context + " gray");
        Oracle.AssertEqual(c, ImageFile.DecodeColor(file), context + " color");
    }

    /// <summary>Our encoder's output, read back by OpenCV unchanged, equals the source pixels.</summary>
    public static void AssertOpenCvReadsBack(Image<byte> src, byte[] file, string context)
    {
        using var m = Read(file, ImreadModes.Unchanged);
        Assert.False(m.Empty(), $"{context}: OpenCV could not decode our file");
        Oracle.AssertEqual(m, src, context); // OpenCV's reading must equal what we wrote
        Assert.Equal(MatType.CV_8U, m.Depth());
    }

    public static Image<byte> Random(int w, int h, int cn, int seed)
    {
        var img = new Image<byte>(w, h, cn);
        new Random(seed).NextBytes(img.Data);
        return img;
    }

    /// <summary>Random data with runs, so that run-length coders see both runs and literals.</summary>
    public static byte[] RunnyIndices(int count, int maxIndex, Random rng)
    {
        var a = new byte[count];
        for (int i = 0; i < count;)
        {
            int run = rng.Next(4) == 0 ? rng.Next(1, 300) : 1;
            byte v = (byte)rng.Next(maxIndex + 1);
            for (int k = 0; k < run && i < count; k++) a[i++] = v;
        }
        return a;
    }

    public static Image<byte> RandomBilevel(int w, int h, int seed)
    {
        var img = new Image<byte>(w, h, 1);
        var idx = RunnyIndices(w * h, 1, new Random(seed));
        for (int i = 0; i < idx.Length; i++) img.Data[i] = (byte)(idx[i] * 255);
        return img;
    }
}

/// <summary>A test-only BMP writer covering the variants OpenCV's <c>imwrite</c> does not produce.</summary>
internal sealed class TestBmp
{
    public int Width, Height, Bpp = 24, HeaderSize = 40, Compression;
    public bool TopDown, Mask565;
    public int ClrUsed;
    public byte[] Palette = []; // B,G,R per entry
    public byte[] Indices = []; // per pixel for bpp <= 8, row-major top-down
    public byte[] Pixels = [];  // raw BGR / BGRA / 16-bit LE per pixel for bpp > 8, row-major top-down
    public byte[]? Payload;     // hand-made pixel data (e.g. RLE with delta codes), used as is
    public uint[]? Masks;       // R, G, B, A bit masks for BI_BITFIELDS in a V4/V5 header

    public byte[] Build()
    {
        var body = new List<byte>();
        int palEntries = Bpp <= 8 ? (ClrUsed == 0 ? 1 << Bpp : ClrUsed) : 0;
        int entrySize = HeaderSize == 12 ? 3 : 4;
        var extra = new List<byte>();
        if (Compression == 3 && HeaderSize == 40)
        {
            uint r = Bpp == 32 ? 0xFF0000u : Mask565 ? 0xF800u : 0x7C00u, g = Bpp == 32 ? 0xFF00u : Mask565 ? 0x7E0u : 0x3E0u, b = Bpp == 32 ? 0xFFu : 0x1Fu;
            foreach (var m in new[] { r, g, b }) extra.AddRange(BitConverter.GetBytes(m));
        }
        for (int i = 0; i < palEntries; i++)
        {
            extra.Add(Palette.Length > i * 3 ? Palette[i * 3] : (byte)0);
            extra.Add(Palette.Length > i * 3 + 1 ? Palette[i * 3 + 1] : (byte)0);
            extra.Add(Palette.Length > i * 3 + 2 ? Palette[i * 3 + 2] : (byte)0);
            if (entrySize == 4) extra.Add(0);
        }
        byte[] pixels = Payload ?? Compression switch { 1 => Rle8(), 2 => Rle4(), _ => Raw() };
        int offset = 14 + HeaderSize + extra.Count;
        var f = new byte[offset + pixels.Length];
        f[0] = (byte)'B'; f[1] = (byte)'M';
        BinaryPrimitives.WriteInt32LittleEndian(f.AsSpan(2), f.Length);
        BinaryPrimitives.WriteInt32LittleEndian(f.AsSpan(10), offset);
        BinaryPrimitives.WriteInt32LittleEndian(f.AsSpan(14), HeaderSize);
        if (HeaderSize == 12)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(f.AsSpan(18), (ushort)Width);
            BinaryPrimitives.WriteUInt16LittleEndian(f.AsSpan(20), (ushort)Height);
            BinaryPrimitives.WriteUInt16LittleEndian(f.AsSpan(22), 1);
            BinaryPrimitives.WriteUInt16LittleEndian(f.AsSpan(24), (ushort)Bpp);
        }
        else
        {
            BinaryPrimitives.WriteInt32LittleEndian(f.AsSpan(18), Width);
            BinaryPrimitives.WriteInt32LittleEndian(f.AsSpan(22), TopDown ? -Height : Height);
            BinaryPrimitives.WriteUInt16LittleEndian(f.AsSpan(26), 1);
            BinaryPrimitives.WriteUInt16LittleEndian(f.AsSpan(28), (ushort)Bpp);
            BinaryPrimitives.WriteInt32LittleEndian(f.AsSpan(30), Compression);
            BinaryPrimitives.WriteInt32LittleEndian(f.AsSpan(34), pixels.Length);
            BinaryPrimitives.WriteInt32LittleEndian(f.AsSpan(46), ClrUsed);
            if (HeaderSize >= 56)
            {
                if (Compression == 3 && Masks != null)
                    for (int i = 0; i < 4; i++) BinaryPrimitives.WriteUInt32LittleEndian(f.AsSpan(54 + 4 * i), Masks[i]);
                else if (Compression == 3)
                {
                    uint r = Bpp == 32 ? 0xFF0000u : Mask565 ? 0xF800u : 0x7C00u, g = Bpp == 32 ? 0xFF00u : Mask565 ? 0x7E0u : 0x3E0u, b = Bpp == 32 ? 0xFFu : 0x1Fu;
                    BinaryPrimitives.WriteUInt32LittleEndian(f.AsSpan(54), r);
                    BinaryPrimitives.WriteUInt32LittleEndian(f.AsSpan(58), g);
                    BinaryPrimitives.WriteUInt32LittleEndian(f.AsSpan(62), b);
                }
                if (HeaderSize >= 108) BinaryPrimitives.WriteUInt32LittleEndian(f.AsSpan(70), 0x73524742); // 'sRGB'
            }
        }
        extra.CopyTo(f, 14 + HeaderSize);
        pixels.CopyTo(f, offset);
        return f;
    }

    private int FileRow(int y) => TopDown ? y : Height - 1 - y;

    private byte[] Raw()
    {
        int pitch = ((Width * Bpp + 7) / 8 + 3) & ~3;
        var d = new byte[pitch * Height];
        int bytesPerPixel = Bpp / 8;
        for (int y = 0; y < Height; y++)
        {
            var row = d.AsSpan(FileRow(y) * pitch, pitch);
            for (int x = 0; x < Width; x++)
            {
                if (Bpp <= 8)
                {
                    int v = Indices[y * Width + x], perByte = 8 / Bpp;
                    row[x / perByte] |= (byte)(v << (8 - Bpp * (x % perByte + 1)));
                }
                else
                    Pixels.AsSpan((y * Width + x) * bytesPerPixel, bytesPerPixel).CopyTo(row[(x * bytesPerPixel)..]);
            }
        }
        return d;
    }

    /// <summary>RLE8: runs of 3+ as encoded runs, the rest as literals (3+ pixels) or single runs; EOL per row, EOF at the end.</summary>
    private byte[] Rle8()
    {
        var o = new List<byte>();
        for (int fy = 0; fy < Height; fy++)
        {
            int y = TopDown ? fy : Height - 1 - fy;
            var row = Indices.AsSpan(y * Width, Width);
            int x = 0;
            while (x < Width)
            {
                int run = 1;
                while (x + run < Width && run < 255 && row[x + run] == row[x]) run++;
                if (run >= 3 || Width - x < 3) { o.Add((byte)run); o.Add(row[x]); x += run; continue; }
                int lit = 0;
                while (x + lit < Width && lit < 255)
                {
                    int r = 1;
                    while (x + lit + r < Width && r < 3 && row[x + lit + r] == row[x + lit]) r++;
                    if (r >= 3) break;
                    lit++;
                }
                if (lit < 3) { o.Add(1); o.Add(row[x]); x++; continue; }
                o.Add(0); o.Add((byte)lit);
                for (int i = 0; i < lit; i++) o.Add(row[x + i]);
                if ((lit & 1) != 0) o.Add(0);
                x += lit;
            }
            o.Add(0); o.Add(0);
        }
        o.Add(0); o.Add(1);
        return o.ToArray();
    }

    /// <summary>RLE4: runs of one index as encoded runs, the rest as word-padded literals; EOL per row.</summary>
    private byte[] Rle4()
    {
        var o = new List<byte>();
        for (int fy = 0; fy < Height; fy++)
        {
            int y = TopDown ? fy : Height - 1 - fy;
            var row = Indices.AsSpan(y * Width, Width);
            int x = 0;
            while (x < Width)
            {
                int run = 1;
                while (x + run < Width && run < 255 && row[x + run] == row[x]) run++;
                if (run >= 4 || Width - x < 3)
                {
                    if (Width - x < 3 && run < Width - x)
                    {
                        // Two different pixels: an encoded run alternates its two nibbles.
                        int n = Width - x;
                        o.Add((byte)n); o.Add((byte)((row[x] << 4) | (n > 1 ? row[x + 1] : 0))); x += n; continue;
                    }
                    o.Add((byte)run); o.Add((byte)((row[x] << 4) | row[x])); x += run; continue;
                }
                int lit = Math.Min(Width - x, Math.Min(255, 3 + (x * 7 + y) % 40));
                o.Add(0); o.Add((byte)lit);
                int bytes = (((lit + 1) >> 1) + 1) & ~1;
                for (int i = 0; i < bytes; i++)
                {
                    int a = 2 * i < lit ? row[x + 2 * i] : 0, b = 2 * i + 1 < lit ? row[x + 2 * i + 1] : 0;
                    o.Add((byte)((a << 4) | b));
                }
                x += lit;
            }
            o.Add(0); o.Add(0);
        }
        o.Add(0); o.Add(1);
        return o.ToArray();
    }
}

/// <summary>A test-only Netpbm writer covering ASCII forms, comments and unusual maximum values.</summary>
internal static class TestPnm
{
    /// <summary>Samples are given in file order (RGB for colour); <paramref name="maxval"/> 1 with kind 1/4 means PBM.</summary>
    public static byte[] Build(int kind, int w, int h, int maxval, int[] samples, bool comments, Random rng)
    {
        var sb = new StringBuilder();
        sb.Append('P').Append(kind).Append(comments ? "\n# a comment line\n" : "\n");
        sb.Append(w).Append(comments ? "  \t" : " ").Append(h).Append('\n');
        if (comments) sb.Append("#another\r\n");
        if (kind is not (1 or 4)) sb.Append(maxval).Append('\n');
        var head = Encoding.ASCII.GetBytes(sb.ToString());
        var o = new List<byte>(head);
        if (kind >= 4)
        {
            if (kind == 4)
            {
                int rb = (w + 7) / 8;
                for (int y = 0; y < h; y++)
                {
                    var row = new byte[rb];
                    for (int x = 0; x < w; x++) if (samples[y * w + x] != 0) row[x >> 3] |= (byte)(0x80 >> (x & 7));
                    o.AddRange(row);
                }
            }
            else
                foreach (int s in samples)
                {
                    if (maxval > 255) o.Add((byte)(s >> 8));
                    o.Add((byte)s);
                }
        }
        else
        {
            var t = new StringBuilder();
            for (int i = 0; i < samples.Length; i++)
            {
                if (kind == 1 && rng.Next(3) == 0) t.Append(samples[i]); // PBM digits may touch
                else t.Append(samples[i]).Append(rng.Next(5) == 0 ? "\n" : " ");
                if (rng.Next(50) == 0) t.Append("\n# mid-data comment\n");
            }
            t.Append('\n');
            o.AddRange(Encoding.ASCII.GetBytes(t.ToString()));
        }
        return o.ToArray();
    }
}
