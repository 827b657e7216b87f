using System.Buffers.Binary;
using System.IO.Compression;

namespace SegmentSharp.OracleTests.Codecs;

/// <summary>
/// A deliberately independent PNG writer for tests: it emits any colour type, bit depth, filter choice and
/// interlace method straight from a sample array, so the decoder can be checked against OpenCV on every
/// legal variant without committed fixtures. It shares no code with the codec under test.
/// </summary>
internal sealed class RawPngWriter
{
    public required int Width { get; init; }
    public required int Height { get; init; }
    /// <summary>0 gray, 2 RGB, 3 palette, 4 gray+alpha, 6 RGBA.</summary>
    public required int ColorType { get; init; }
    public required int BitDepth { get; init; }
    /// <summary>Samples in file order (R, G, B[, A] or palette index), one ushort each, row-major.</summary>
    public required ushort[] Samples { get; init; }
    public bool Interlaced { get; init; }
    /// <summary>RGB triplets for colour type 3.</summary>
    public byte[]? Palette { get; init; }
    /// <summary>Raw tRNS chunk payload, if any.</summary>
    public byte[]? Trns { get; init; }
    /// <summary>gAMA value (×100000), if any.</summary>
    public int? Gamma { get; init; }
    /// <summary>Further ancillary chunks written before PLTE (e.g. sRGB).</summary>
    public (string Type, byte[] Data)[] Extra { get; init; } = [];
    /// <summary>Filter per row: 0–4, or -1 to pick one at random per row.</summary>
    public int Filter { get; init; } = -1;
    public int Seed { get; init; } = 1;
    /// <summary>Split the zlib stream over IDAT chunks of at most this many bytes.</summary>
    public int IdatChunkSize { get; init; } = 1 << 20;

    public static int ChannelsOf(int colorType) => colorType switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, 6 => 4, _ => throw new ArgumentException("colour type") };

    public byte[] Write()
    {
        int ch = ChannelsOf(ColorType);
        var rng = new Random(Seed);
        var raw = new MemoryStream();
        if (!Interlaced) WritePass(raw, rng, ch, 0, 0, 1, 1);
        else
        {
            int[] x0 = [0, 4, 0, 2, 0, 1, 0], y0 = [0, 0, 4, 0, 2, 0, 1], dx = [8, 8, 4, 4, 2, 2, 1], dy = [8, 8, 8, 4, 4, 2, 2];
            for (int p = 0; p < 7; p++) WritePass(raw, rng, ch, x0[p], y0[p], dx[p], dy[p]);
        }
        var z = new MemoryStream();
        using (var zs = new ZLibStream(z, CompressionLevel.Fastest, leaveOpen: true)) raw.WriteTo(zs);
        byte[] zdata = z.ToArray();

        var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, Width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), Height);
        ihdr[8] = (byte)BitDepth; ihdr[9] = (byte)ColorType; ihdr[12] = (byte)(Interlaced ? 1 : 0);
        Chunk(png, "IHDR", ihdr);
        if (Gamma is int g) { var b = new byte[4]; BinaryPrimitives.WriteInt32BigEndian(b, g); Chunk(png, "gAMA", b); }
        foreach (var (t, d) in Extra) Chunk(png, t, d);
        if (Palette != null) Chunk(png, "PLTE", Palette);
        if (Trns != null) Chunk(png, "tRNS", Trns);
        for (int i = 0; i < zdata.Length || i == 0; i += IdatChunkSize)
            Chunk(png, "IDAT", zdata.AsSpan(i, Math.Min(IdatChunkSize, zdata.Length - i)));
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private void WritePass(MemoryStream raw, Random rng, int ch, int x0, int y0, int dx, int dy)
    {
        int pw = (Width - x0 + dx - 1) / dx, ph = (Height - y0 + dy - 1) / dy;
        if (pw <= 0 || ph <= 0) return;
        int bitsPerPixel = ch * BitDepth;
        int rowBytes = (pw * bitsPerPixel + 7) / 8, bpp = Math.Max(1, bitsPerPixel / 8);
        var prev = new byte[rowBytes];
        var cur = new byte[rowBytes];
        var outRow = new byte[rowBytes];
        for (int py = 0; py < ph; py++)
        {
            Array.Clear(cur);
            int y = y0 + py * dy;
            int bit = 0;
            for (int px = 0; px < pw; px++)
            {
                int x = x0 + px * dx;
                for (int c = 0; c < ch; c++)
                {
                    int v = Samples[(y * Width + x) * ch + c];
                    if (BitDepth == 16) { cur[bit >> 3] = (byte)(v >> 8); cur[(bit >> 3) + 1] = (byte)v; }
                    else if (BitDepth == 8) cur[bit >> 3] = (byte)v;
                    else cur[bit >> 3] |= (byte)(v << (8 - BitDepth - (bit & 7)));
                    bit += BitDepth;
                }
            }
            int f = Filter >= 0 ? Filter : rng.Next(5);
            for (int i = 0; i < rowBytes; i++)
            {
                int a = i >= bpp ? cur[i - bpp] : 0, b = prev[i], c = i >= bpp ? prev[i - bpp] : 0;
                int pred = f switch { 0 => 0, 1 => a, 2 => b, 3 => (a + b) >> 1, _ => Paeth(a, b, c) };
                outRow[i] = (byte)(cur[i] - pred);
            }
            raw.WriteByte((byte)f);
            raw.Write(outRow);
            (prev, cur) = (cur, prev);
        }
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static void Chunk(Stream s, string type, ReadOnlySpan<byte> data)
    {
        var head = new byte[8];
        BinaryPrimitives.WriteInt32BigEndian(head, data.Length);
        for (int i = 0; i < 4; i++) head[4 + i] = (byte)type[i];
        s.Write(head);
        s.Write(data);
        uint crc = Crc(head.AsSpan(4), 0xFFFFFFFFu);
        crc = Crc(data, crc) ^ 0xFFFFFFFFu;
        var tail = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(tail, crc);
        s.Write(tail);
    }

    /// <summary>Bitwise CRC-32 (ISO 3309), slow on purpose: independent of the codec's table version.</summary>
    public static uint Crc(ReadOnlySpan<byte> data, uint crc)
    {
        foreach (byte b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return crc;
    }

    /// <summary>Random samples for the given type: indices below the palette size for type 3.</summary>
    public static ushort[] RandomSamples(Random rng, int width, int height, int colorType, int bitDepth, int paletteSize = 0)
    {
        var s = new ushort[width * height * ChannelsOf(colorType)];
        int max = colorType == 3 ? paletteSize : 1 << bitDepth;
        for (int i = 0; i < s.Length; i++) s[i] = (ushort)rng.Next(max);
        return s;
    }
}
