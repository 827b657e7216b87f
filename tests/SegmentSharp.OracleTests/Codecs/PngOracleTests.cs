using OpenCvSharp;
using SegmentSharp.Codecs;
using SegmentSharp.Imaging;

namespace SegmentSharp.OracleTests.Codecs;

/// <summary>PNG decoding and encoding against OpenCV's <c>imdecode</c> (OpenCvSharp 4.13, bundled libpng).</summary>
public class PngOracleTests
{
    public static TheoryData<string> SampleNames()
    {
        var d = new TheoryData<string>();
        foreach (var p in PngTestPaths.Samples()) d.Add(Path.GetFileName(p));
        return d;
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void SampleDecodesLikeImread(string name)
    {
        string path = Path.Combine(PngTestPaths.RepoRoot, "samples", name);
        byte[] bytes = File.ReadAllBytes(path);
        using (var g = Cv2.ImRead(path, ImreadModes.Grayscale)) Oracle.AssertEqual(g, PngCodec.DecodeGray(bytes), name + " gray");
        using (var c = Cv2.ImRead(path, ImreadModes.Color)) Oracle.AssertEqual(c, PngCodec.DecodeColor(bytes), name + " colour");
    }

    public static TheoryData<int, int> TypeDepths() => new()
    {
        { 0, 1 }, { 0, 2 }, { 0, 4 }, { 0, 8 }, { 0, 16 },
        { 2, 8 }, { 2, 16 },
        { 3, 1 }, { 3, 2 }, { 3, 4 }, { 3, 8 },
        { 4, 8 }, { 4, 16 },
        { 6, 8 }, { 6, 16 },
    };

    private static readonly (int W, int H)[] Sizes = [(1, 1), (1, 9), (9, 1), (7, 3), (33, 17), (64, 40), (131, 9)];

    [Theory]
    [MemberData(nameof(TypeDepths))]
    public void GeneratedVariantsDecodeLikeImdecode(int colorType, int depth)
    {
        var rng = new Random(colorType * 100 + depth);
        foreach (var (w, h) in Sizes)
            foreach (bool interlaced in new[] { false, true })
                foreach (int variant in new[] { 0, 1, 2 })
                {
                    var png = Make(rng, w, h, colorType, depth, interlaced, variant);
                    string ctx = $"type {colorType} depth {depth} {w}×{h} interlaced={interlaced} variant {variant}";
                    CompareWithOpenCv(png, ctx);
                }
    }

    [Theory]
    [InlineData(2, 8)]
    [InlineData(6, 8)]
    [InlineData(2, 16)]
    [InlineData(6, 16)]
    [InlineData(3, 8)]
    [InlineData(3, 2)]
    public void GammaTaggedColourConvertsToGrayLikeLibpng(int colorType, int depth)
    {
        var rng = new Random(7 + colorType + depth);
        foreach (int gamma in new[] { 45455, 100000, 96000, 70000, 220000 })
        {
            var png = MakeWithChunks(rng, 67, 23, colorType, depth, gamma, []);
            CompareWithOpenCv(png, $"type {colorType} depth {depth} gAMA {gamma}");
        }
        var srgb = MakeWithChunks(rng, 67, 23, colorType, depth, null, [("sRGB", [0])]);
        CompareWithOpenCv(srgb, $"type {colorType} depth {depth} sRGB");
        var both = MakeWithChunks(rng, 67, 23, colorType, depth, 100000, [("sRGB", [0])]);
        CompareWithOpenCv(both, $"type {colorType} depth {depth} gAMA 1.0 + sRGB");
    }

    [Theory]
    [InlineData(2, 16, new byte[] { 10, 10, 10 })]
    [InlineData(6, 16, new byte[] { 12, 9, 10, 16 })]
    [InlineData(2, 16, new byte[] { 4, 4, 4 })]
    [InlineData(2, 16, new byte[] { 16, 16, 16 })]
    [InlineData(2, 16, new byte[] { 0, 3, 3 })]
    [InlineData(2, 8, new byte[] { 5, 5, 5 })]
    public void SignificantBitsSetLibpngsGammaPrecision(int colorType, int depth, byte[] sbit)
    {
        var rng = new Random(sbit[0] * 31 + sbit[1] + colorType);
        foreach (int? gamma in new int?[] { 45455, 70000, null })
        {
            var png = MakeWithChunks(rng, 61, 19, colorType, depth, gamma, [("sBIT", sbit), ("cHRM", new byte[32])]);
            CompareWithOpenCv(png, $"type {colorType} depth {depth} sBIT {string.Join(",", sbit)} gAMA {gamma}");
        }
    }

    [Fact]
    public void GammaChunkWithBadCrcIsIgnoredLikeLibpng()
    {
        var png = MakeWithChunks(new Random(11), 50, 20, 2, 8, 45455, []);
        Assert.Equal((byte)'g', png[37]); // gAMA follows IHDR; its CRC is bytes 45..48
        png[48] ^= 0x5A;
        CompareWithOpenCv(png, "gAMA with bad CRC");
    }

    [Fact]
    public void EveryGray16ValueUnderGammaConvertsLikeLibpng()
    {
        // R = G = B pixels take libpng's 16-to-8 gamma table (rounding) rather than the weighted sum.
        var s = new ushort[256 * 256 * 3];
        for (int i = 0; i < 65536; i++) s[3 * i] = s[3 * i + 1] = s[3 * i + 2] = (ushort)i;
        var png = new RawPngWriter { Width = 256, Height = 256, ColorType = 2, BitDepth = 16, Samples = s, Gamma = 45455 }.Write();
        CompareWithOpenCv(png, "all 16-bit grays, gAMA 0.45455");
    }

    [Fact]
    public void RandomFilterAndChunkingFuzzDecodesLikeImdecode()
    {
        var rng = new Random(2024);
        int[][] td = [[0, 1], [0, 2], [0, 4], [0, 8], [0, 16], [2, 8], [2, 16], [3, 1], [3, 2], [3, 4], [3, 8], [4, 8], [4, 16], [6, 8], [6, 16]];
        for (int k = 0; k < 60; k++)
        {
            var t = td[rng.Next(td.Length)];
            int w = rng.Next(1, 80), h = rng.Next(1, 50);
            var samples = RawPngWriter.RandomSamples(rng, w, h, t[0], t[1], t[0] == 3 ? 1 << t[1] : 0);
            byte[]? pal = null;
            if (t[0] == 3) { pal = new byte[3 * (1 << t[1])]; rng.NextBytes(pal); }
            var png = new RawPngWriter
            {
                Width = w, Height = h, ColorType = t[0], BitDepth = t[1], Samples = samples, Palette = pal,
                Interlaced = rng.Next(2) == 1, Seed = k, Filter = rng.Next(-1, 5), IdatChunkSize = rng.Next(1, 300),
            }.Write();
            CompareWithOpenCv(png, $"fuzz case {k}: type {t[0]} depth {t[1]} {w}×{h}");
        }
    }

    private static void CompareWithOpenCv(byte[] png, string ctx)
    {
        using var g = Cv2.ImDecode(png, ImreadModes.Grayscale);
        using var c = Cv2.ImDecode(png, ImreadModes.Color);
        Assert.False(g.Empty(), ctx + ": OpenCV could not read the test file");
        Oracle.AssertEqual(g, PngCodec.DecodeGray(png), ctx + " gray");
        Oracle.AssertEqual(c, PngCodec.DecodeColor(png), ctx + " colour");
    }

    // variant 0: plain; 1: tRNS (palette: partial alpha table, others: a transparent colour) and a short palette;
    // 2: gray-ish pixels (R = G = B) mixed in and random filters fixed to Paeth.
    private static byte[] Make(Random rng, int w, int h, int colorType, int depth, bool interlaced, int variant)
    {
        int ch = RawPngWriter.ChannelsOf(colorType);
        byte[]? pal = null, trns = null;
        int palSize = 0;
        if (colorType == 3)
        {
            palSize = variant == 1 ? Math.Max(1, (1 << depth) - 1) : 1 << depth;
            pal = new byte[3 * palSize];
            rng.NextBytes(pal);
        }
        var s = RawPngWriter.RandomSamples(rng, w, h, colorType, depth, colorType == 3 ? 1 << depth : 0);
        if (colorType == 3 && variant != 1)
            for (int i = 0; i < s.Length; i++) s[i] = (ushort)(s[i] % palSize);
        if (variant == 2 && colorType is 2 or 6)
            for (int i = 0; i < w * h; i += 3) { s[i * ch + 1] = s[i * ch]; s[i * ch + 2] = s[i * ch]; }
        if (variant == 1)
        {
            trns = colorType switch
            {
                3 => Enumerable.Range(0, Math.Min(palSize, 3)).Select(i => (byte)(i * 100)).ToArray(),
                0 => [0, (byte)s[0]],
                2 => [0, 0, 0, 0, 0, 0],
                _ => null,
            };
        }
        return new RawPngWriter
        {
            Width = w, Height = h, ColorType = colorType, BitDepth = depth, Samples = s, Palette = pal, Trns = trns,
            Interlaced = interlaced, Filter = variant == 2 ? 4 : -1, Seed = rng.Next(),
        }.Write();
    }

    private static byte[] MakeWithChunks(Random rng, int w, int h, int colorType, int depth, int? gamma, (string, byte[])[] extra)
    {
        byte[]? pal = null;
        if (colorType == 3) { pal = new byte[3 << depth]; rng.NextBytes(pal); }
        var s = RawPngWriter.RandomSamples(rng, w, h, colorType, depth, colorType == 3 ? 1 << depth : 0);
        int ch = RawPngWriter.ChannelsOf(colorType);
        if (colorType != 3)
            for (int i = 0; i < w * h; i += 5) { s[i * ch + 1] = s[i * ch]; s[i * ch + 2] = s[i * ch]; }
        return new RawPngWriter
        {
            Width = w, Height = h, ColorType = colorType, BitDepth = depth, Samples = s, Palette = pal, Gamma = gamma, Extra = extra,
        }.Write();
    }

    // ---- encoder round trips ----

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(1, 13, 3)]
    [InlineData(13, 1, 4)]
    [InlineData(33, 17, 1)]
    [InlineData(640, 480, 3)]
    [InlineData(257, 91, 4)]
    [InlineData(1000, 700, 1)]
    public void EncodedImagesReadBackIdenticallyInOpenCv(int w, int h, int cn)
    {
        var rng = new Random(w * 7 + h + cn);
        var img = new Image<byte>(w, h, cn);
        // Mix smooth gradients (so every filter gets chosen somewhere) with noise.
        for (int y = 0; y < h; y++)
        {
            var r = img.Row(y);
            for (int i = 0; i < r.Length; i++) r[i] = (byte)(y % 3 == 0 ? rng.Next(256) : (i * 3 + y * 5) & 255);
        }
        foreach (int level in new[] { 0, 1, 6, 9 })
        {
            var png = ImageFile.Encode(img, ImageFormat.Png, new ImageWriteOptions { PngCompressionLevel = level });
            using var back = Cv2.ImDecode(png, ImreadModes.Unchanged);
            Oracle.AssertEqual(back, img, $"{w}×{h}×{cn} level {level}");
        }
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 3)]
    [InlineData(8, 2)]
    [InlineData(33, 17)]
    [InlineData(1001, 77)]
    public void BilevelImagesAreWrittenAsOneBitAndReadBackIdentically(int w, int h)
    {
        var rng = new Random(w + 31 * h);
        var img = new Image<byte>(w, h);
        for (int i = 0; i < img.Data.Length; i++) img.Data[i] = rng.Next(3) == 0 ? (byte)0 : (byte)255;
        var png = ImageFile.Encode(img, ImageFormat.Png);
        Assert.Equal(1, png[24]); // IHDR bit depth
        using (var back = Cv2.ImDecode(png, ImreadModes.Unchanged)) Oracle.AssertEqual(back, img, "1-bit");
        var png8 = ImageFile.Encode(img, ImageFormat.Png, new ImageWriteOptions { Bilevel = BilevelMode.Never });
        Assert.Equal(8, png8[24]);
        using (var back = Cv2.ImDecode(png8, ImreadModes.Unchanged)) Oracle.AssertEqual(back, img, "8-bit");
    }

    [Fact]
    public void ConstantImagesRoundTrip()
    {
        foreach (byte v in new byte[] { 0, 255, 128 })
            foreach (int cn in new[] { 1, 3, 4 })
            {
                var img = new Image<byte>(45, 31, cn);
                img.Data.AsSpan().Fill(v);
                var png = ImageFile.Encode(img, ImageFormat.Png);
                using var back = Cv2.ImDecode(png, ImreadModes.Unchanged);
                Oracle.AssertEqual(back, img, $"constant {v} × {cn}");
                Oracle.AssertEqual(back, PngCodec.DecodeGray(png) is var g && cn == 1 ? g : img, "self");
            }
    }

    [Fact]
    public void EncoderHonoursStridedViews()
    {
        var big = new Image<byte>(50, 40, 3);
        new Random(3).NextBytes(big.Data);
        var view = big.ReadOnlyView.Slice(5, 7, 31, 20);
        var png = PngCodec.Encode(view, ImageWriteOptions.Default);
        using var back = Cv2.ImDecode(png, ImreadModes.Color);
        var expected = new Image<byte>(31, 20, 3);
        for (int y = 0; y < 20; y++) view.Row(y).CopyTo(expected.Row(y));
        Oracle.AssertEqual(back, expected, "view");
    }
}
