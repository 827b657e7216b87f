using System.Buffers.Binary;
using System.IO.Compression;
using SegmentSharp.Codecs;
using SegmentSharp.Imaging;

namespace SegmentSharp.Tests.Codecs;

/// <summary>Bad PNG input must always end in <see cref="ImageFormatException"/> with a message naming the problem.</summary>
public class PngCodecTests
{
    private static readonly byte[] Sig = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static byte[] Chunk(string type, ReadOnlySpan<byte> data, bool badCrc = false)
    {
        var c = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(c, data.Length);
        for (int i = 0; i < 4; i++) c[4 + i] = (byte)type[i];
        data.CopyTo(c.AsSpan(8));
        uint crc = PngCrc.Compute(c.AsSpan(4, 4 + data.Length));
        BinaryPrimitives.WriteUInt32BigEndian(c.AsSpan(8 + data.Length), badCrc ? crc ^ 1 : crc);
        return c;
    }

    private static byte[] Ihdr(uint w, uint h, byte depth, byte type, byte interlace = 0)
    {
        var b = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(b, w);
        BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(4), h);
        b[8] = depth; b[9] = type; b[12] = interlace;
        return Chunk("IHDR", b);
    }

    private static byte[] Zlib(byte[] raw)
    {
        var ms = new MemoryStream();
        using (var z = new ZLibStream(ms, CompressionLevel.Fastest, leaveOpen: true)) z.Write(raw);
        return ms.ToArray();
    }

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    private static byte[] ValidPng(int w, int h, int cn, int seed = 1)
    {
        var img = new Image<byte>(w, h, cn);
        var rng = new Random(seed);
        for (int i = 0; i < img.Data.Length; i++) img.Data[i] = (byte)(rng.Next(4) == 0 ? rng.Next(256) : (i / 7) & 255);
        return PngCodec.Encode(img, new ImageWriteOptions { Bilevel = BilevelMode.Never });
    }

    private static ImageFormatException Fails(byte[] data)
    {
        var e1 = Record.Exception(() => PngCodec.DecodeGray(data));
        var e2 = Record.Exception(() => PngCodec.DecodeColor(data));
        Assert.IsType<ImageFormatException>(e1);
        Assert.IsType<ImageFormatException>(e2);
        Assert.Equal(e1.Message, e2.Message);
        return (ImageFormatException)e1;
    }

    [Fact]
    public void EmptyInputIsRejected() => Assert.Contains("signature", Fails([]).Message);

    [Fact]
    public void WrongMagicIsRejected()
    {
        var png = ValidPng(5, 5, 1);
        png[1] = (byte)'J';
        Assert.Contains("bad signature", Fails(png).Message);
        Assert.Contains("bad signature", Fails("GIF89a.........."u8.ToArray()).Message);
    }

    [Fact]
    public void MissingIhdrIsRejected()
    {
        Assert.Contains("missing IHDR", Fails(Concat(Sig, Chunk("IEND", []))).Message);
        Assert.Contains("missing IHDR", Fails(Concat(Sig, Chunk("tEXt", "a\0b"u8), Ihdr(1, 1, 8, 0))).Message);
        Assert.Contains("IHDR", Fails(Sig).Message);
    }

    [Theory]
    [InlineData(2, 4)]
    [InlineData(3, 16)]
    [InlineData(4, 1)]
    [InlineData(6, 2)]
    [InlineData(0, 3)]
    [InlineData(1, 8)]
    [InlineData(7, 8)]
    public void IllegalColourTypeDepthCombinationsAreRejected(byte type, byte depth)
    {
        var png = Concat(Sig, Ihdr(4, 4, depth, type), Chunk("IDAT", Zlib(new byte[100])), Chunk("IEND", []));
        var m = Fails(png).Message;
        Assert.Contains("colour type", m);
        Assert.Contains("bit depth", m);
    }

    [Theory]
    [InlineData(0u, 5u)]
    [InlineData(5u, 0u)]
    [InlineData(0x80000000u, 1u)]
    public void InvalidSizesAreRejected(uint w, uint h)
        => Assert.Contains("invalid image size", Fails(Concat(Sig, Ihdr(w, h, 8, 0), Chunk("IDAT", Zlib([0, 0])), Chunk("IEND", []))).Message);

    [Theory]
    [InlineData(100000u, 100000u, (byte)0)]
    [InlineData(0x7FFFFFFFu, 2u, (byte)6)]
    [InlineData(50000u, 50000u, (byte)2)]
    public void HugeDeclaredDimensionsAreRejected(uint w, uint h, byte type)
    {
        var png = Concat(Sig, Ihdr(w, h, 8, type), Chunk("IDAT", Zlib(new byte[10])), Chunk("IEND", []));
        Assert.Contains("too large", Fails(png).Message);
    }

    [Fact]
    public void DimensionsFarBeyondTheDataAreRejectedBeforeAllocating()
    {
        var png = Concat(Sig, Ihdr(20000, 20000, 8, 0), Chunk("IDAT", Zlib(new byte[10])), Chunk("IEND", []));
        Assert.Contains("truncated", Fails(png).Message);
    }

    [Fact]
    public void ShortImageDataIsReported()
    {
        // 4×4 gray needs 4 × 5 bytes; give three rows only.
        var png = Concat(Sig, Ihdr(4, 4, 8, 0), Chunk("IDAT", Zlib(new byte[15])), Chunk("IEND", []));
        Assert.Contains("IDAT ends early", Fails(png).Message);
        var inter = Concat(Sig, Ihdr(9, 9, 8, 0, 1), Chunk("IDAT", Zlib(new byte[20])), Chunk("IEND", []));
        Assert.Contains("IDAT ends early", Fails(inter).Message);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(17)]
    [InlineData(255)]
    public void BadFilterTypeIsReported(byte filter)
    {
        var raw = new byte[4 * 5];
        raw[10] = filter; // row 2
        var png = Concat(Sig, Ihdr(4, 4, 8, 0), Chunk("IDAT", Zlib(raw)), Chunk("IEND", []));
        var m = Fails(png).Message;
        Assert.Contains($"bad filter type {filter}", m);
        Assert.Contains("row 2", m);
    }

    [Fact]
    public void CorruptZlibStreamIsReported()
    {
        var z = Zlib(new byte[4 * 5]);
        var bad = (byte[])z.Clone();
        bad[0] = 0x12; // not a deflate header
        var png = Concat(Sig, Ihdr(4, 4, 8, 0), Chunk("IDAT", bad), Chunk("IEND", []));
        Assert.Contains("zlib", Fails(png).Message);
    }

    [Fact]
    public void MissingIdatAndPaletteAreReported()
    {
        Assert.Contains("IDAT", Fails(Concat(Sig, Ihdr(4, 4, 8, 0), Chunk("IEND", []))).Message);
        var pal = Concat(Sig, Ihdr(4, 4, 8, 3), Chunk("IDAT", Zlib(new byte[20])), Chunk("IEND", []));
        Assert.Contains("PLTE", Fails(pal).Message);
        var badPal = Concat(Sig, Ihdr(4, 4, 8, 3), Chunk("PLTE", new byte[4]), Chunk("IDAT", Zlib(new byte[20])), Chunk("IEND", []));
        Assert.Contains("PLTE", Fails(badPal).Message);
    }

    [Fact]
    public void CrcErrorsInCriticalChunksAreFatalButIgnoredInAncillaryOnes()
    {
        var raw = new byte[4 * 5];
        var badIdat = Concat(Sig, Ihdr(4, 4, 8, 0), Chunk("IDAT", Zlib(raw), badCrc: true), Chunk("IEND", []));
        Assert.Contains("CRC mismatch in 'IDAT'", Fails(badIdat).Message);
        var badIhdr = Concat(Sig, Chunk("IHDR", new byte[13], badCrc: true), Chunk("IDAT", Zlib(raw)), Chunk("IEND", []));
        Assert.Contains("CRC mismatch in 'IHDR'", Fails(badIhdr).Message);
        var badText = Concat(Sig, Ihdr(4, 4, 8, 0), Chunk("tEXt", "k\0v"u8, badCrc: true), Chunk("IDAT", Zlib(raw)), Chunk("IEND", []));
        Assert.Equal(16, PngCodec.DecodeGray(badText).Data.Length);
    }

    [Fact]
    public void UnknownCriticalChunkIsRejected()
    {
        var png = Concat(Sig, Ihdr(4, 4, 8, 0), Chunk("ABCD", [1]), Chunk("IDAT", Zlib(new byte[20])), Chunk("IEND", []));
        Assert.Contains("unknown critical chunk 'ABCD'", Fails(png).Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    public void TruncationAtAnyOffsetIsAnImageFormatException(int cn)
    {
        var png = ValidPng(23, 11, cn);
        Assert.Equal(23 * 11, PngCodec.DecodeGray(png).Data.Length);
        for (int cut = 0; cut < png.Length; cut++)
        {
            var e = Fails(png[..cut]);
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
        }
    }

    [Fact]
    public void TruncatedLargeFileSaysWhatIsMissing()
    {
        var png = ValidPng(300, 200, 3);
        var m = Fails(png[..(png.Length / 2)]).Message;
        Assert.Contains("truncated", m);
        Assert.Contains("IDAT", m);
        Assert.Contains("IEND", Fails(png[..^12]).Message);
    }

    [Fact]
    public void IdatSplitAcrossManyChunksDecodes()
    {
        var img = new Image<byte>(31, 7);
        new Random(4).NextBytes(img.Data);
        var raw = new byte[7 * 32];
        for (int y = 0; y < 7; y++) img.Row(y).CopyTo(raw.AsSpan(y * 32 + 1));
        var z = Zlib(raw);
        var parts = new List<byte[]> { Sig, Ihdr(31, 7, 8, 0) };
        for (int i = 0; i < z.Length; i += 3) parts.Add(Chunk("IDAT", z.AsSpan(i, Math.Min(3, z.Length - i))));
        parts.Add(Chunk("IEND", []));
        Assert.Equal(img.Data, PngCodec.DecodeGray(Concat([.. parts])).Data);
    }

    [Fact]
    public void RandomCorruptionNeverEscapesAsAnotherExceptionType()
    {
        var rng = new Random(99);
        var sources = new[] { ValidPng(40, 30, 1), ValidPng(17, 9, 3, 2), ValidPng(9, 33, 4, 3) };
        for (int k = 0; k < 600; k++)
        {
            var png = (byte[])sources[k % sources.Length].Clone();
            int flips = 1 + rng.Next(4);
            for (int f = 0; f < flips; f++) png[rng.Next(8, png.Length)] = (byte)rng.Next(256);
            if (k % 2 == 0) FixCrcs(png); // get past the CRC check so the inflater and unfilter see the damage
            foreach (bool gray in new[] { true, false })
            {
                var e = Record.Exception(() => { if (gray) PngCodec.DecodeGray(png); else PngCodec.DecodeColor(png); });
                if (e != null) Assert.IsType<ImageFormatException>(e);
            }
        }
    }

    private static void FixCrcs(byte[] png)
    {
        int pos = 8;
        while (pos + 12 <= png.Length)
        {
            long len = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(pos));
            if (len > png.Length - pos - 12) return;
            BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(pos + 8 + (int)len), PngCrc.Compute(png.AsSpan(pos + 4, 4 + (int)len)));
            pos += 12 + (int)len;
        }
    }

    [Fact]
    public void CrcMatchesKnownValues()
    {
        Assert.Equal(0xCBF43926u, PngCrc.Compute("123456789"u8));
        Assert.Equal(0xAE426082u, PngCrc.Compute("IEND"u8));
        var data = new byte[1000];
        new Random(5).NextBytes(data);
        for (int n = 0; n < 40; n++) Assert.Equal(BitwiseCrc(data.AsSpan(0, n)), PngCrc.Compute(data.AsSpan(0, n)));
        Assert.Equal(BitwiseCrc(data), PngCrc.Compute(data));
    }

    private static uint BitwiseCrc(ReadOnlySpan<byte> d)
    {
        uint c = 0xFFFFFFFF;
        foreach (var b in d) { c ^= b; for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1; }
        return ~c;
    }

    [Fact]
    public void MaximallyCompressedImagesAreNotMistakenForTruncatedOnes()
    {
        // An all-zero image at zlib level 9 approaches deflate's ~1032:1 limit, right at the early-truncation guard.
        var img = new Image<byte>(5000, 2000);
        var png = PngCodec.Encode(img, new ImageWriteOptions { PngCompressionLevel = 9, Bilevel = BilevelMode.Never });
        Assert.True(png.Length < 5000 * 2000 / 900, $"{png.Length} bytes");
        Assert.Equal(-1, PngCodec.DecodeGray(png).Data.AsSpan().IndexOfAnyExcept((byte)0));
        var bin = new Image<byte>(8000, 2000);
        var png1 = PngCodec.Encode(bin, new ImageWriteOptions { PngCompressionLevel = 9 });
        Assert.Equal(8000 * 2000, PngCodec.DecodeGray(png1).Data.Length);
    }

    [Fact]
    public void EncoderRejectsTwoChannelImages()
        => Assert.Throws<ArgumentException>(() => PngCodec.Encode(new Image<byte>(3, 3, 2), ImageWriteOptions.Default));

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    public void EncodeDecodeRoundTrip(int cn)
    {
        var img = new Image<byte>(37, 19, cn);
        new Random(cn).NextBytes(img.Data);
        var back = PngCodec.DecodeColor(PngCodec.Encode(img, ImageWriteOptions.Default));
        for (int i = 0, j = 0; i < img.PixelCount; i++, j += cn)
            if (cn == 1) Assert.Equal(img.Data[j], back.Data[3 * i]);
            else { Assert.Equal(img.Data[j], back.Data[3 * i]); Assert.Equal(img.Data[j + 2], back.Data[3 * i + 2]); }
    }
}
