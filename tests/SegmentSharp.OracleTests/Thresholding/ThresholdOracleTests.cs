using OpenCvSharp;
using SegmentSharp.Imaging;
using SegmentSharp.Thresholding;
using static SegmentSharp.OracleTests.Thresholding.ThresholdOracle;

namespace SegmentSharp.OracleTests.Thresholding;

public class ThresholdOracleTests
{
    private static readonly ThresholdType[] Types =
        [ThresholdType.Binary, ThresholdType.BinaryInv, ThresholdType.Trunc, ThresholdType.ToZero, ThresholdType.ToZeroInv];
    private static readonly double[] Thresholds = [-1, 0, 1, 127, 127.5, 254, 255, 256, 300];
    private static readonly double[] MaxValues = [255, 1, 0, 127.6, 300];

    public static TheoryData<int, int> Sizes => new()
    {
        { 1, 1 }, { 1, 9 }, { 9, 1 }, { 7, 5 }, { 15, 3 }, { 16, 3 }, { 17, 3 }, { 31, 2 }, { 32, 2 }, { 33, 2 },
        { 63, 3 }, { 64, 3 }, { 65, 3 }, { 129, 7 }, { 1, 300 }, { 301, 1 },
    };

    /// <summary>Runs ours and OpenCV's on the same image and compares output and returned threshold.</summary>
    private static void Check(Image<byte> img, double thresh, double maxValue, ThresholdType type, AutoThreshold auto, string ctx)
    {
        using var mat = Oracle.ToMat(img);
        using var expected = new Mat();
        double cvT = Cv2.Threshold(mat, expected, thresh, maxValue, CvType(type, auto));
        var actual = Threshold.Apply(img, thresh, maxValue, type, out double ourT, auto);
        ctx = $"{ctx} {img.Width}x{img.Height}x{img.Channels} t={thresh} max={maxValue} {type} {auto}";
        Assert.True(cvT.Equals(ourT), $"{ctx}: OpenCV returned {cvT}, ours {ourT}");
        Oracle.AssertEqual(expected, actual, ctx);
    }

    private static void FullGrid(Image<byte> img, string ctx)
    {
        foreach (var type in Types)
        foreach (var t in Thresholds)
        foreach (var m in MaxValues)
            Check(img, t, m, type, AutoThreshold.None, ctx);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void FixedThresholdGridMatchesOpenCv(int w, int h)
    {
        var rng = new Random(w * 1009 + h);
        FullGrid(Random8(rng, w, h), "random");
    }

    [Fact]
    public void FixedThresholdOnLargeImageMatchesOpenCv()
    {
        var img = Random8(new Random(5), 1000, 700);
        foreach (var type in Types)
        foreach (var t in Thresholds)
            Check(img, t, 200.5, type, AutoThreshold.None, "large");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(255)]
    [InlineData(127)]
    [InlineData(1)]
    [InlineData(254)]
    public void ConstantImagesMatchOpenCv(int value)
    {
        var img = new Image<byte>(37, 11);
        img.Data.AsSpan().Fill((byte)value);
        FullGrid(img, $"constant {value}");
        foreach (var type in Types)
        {
            Check(img, 0, 255, type, AutoThreshold.Otsu, $"constant {value}");
            Check(img, 0, 255, type, AutoThreshold.Triangle, $"constant {value}");
        }
    }

    [Theory]
    [InlineData(50, 200)]
    [InlineData(0, 255)]
    [InlineData(127, 128)]
    [InlineData(254, 255)]
    [InlineData(0, 1)]
    public void TwoLevelImagesMatchOpenCv(int a, int b)
    {
        var rng = new Random(a * 256 + b);
        var img = new Image<byte>(45, 23);
        for (int i = 0; i < img.Data.Length; i++) img.Data[i] = (byte)(rng.Next(5) == 0 ? a : b);
        FullGrid(img, $"two-level {a}/{b}");
        foreach (var type in Types)
        {
            Check(img, 0, 255, type, AutoThreshold.Otsu, "two-level");
            Check(img, 0, 255, type, AutoThreshold.Triangle, "two-level");
        }
    }

    [Theory]
    [InlineData(double.NaN, 255)]
    [InlineData(1e10, 255)]
    [InlineData(-1e10, 255)]
    [InlineData(double.PositiveInfinity, 255)]
    [InlineData(double.NegativeInfinity, 255)]
    [InlineData(2147483647.5, 255)]
    [InlineData(-2147483648.5, 255)]
    [InlineData(-0.5, 255)]
    [InlineData(254.999, 255)]
    [InlineData(100, double.NaN)]
    [InlineData(100, 1e10)]
    [InlineData(100, -1e10)]
    [InlineData(100, 0.5)]
    [InlineData(100, 1.5)]
    [InlineData(100, 2.5)]
    [InlineData(100, 254.5)]
    [InlineData(100, 255.5)]
    [InlineData(100, -0.5)]
    [InlineData(100, -3)]
    public void ExtremeParametersMatchOpenCv(double thresh, double maxValue)
    {
        var img = Random8(new Random(3), 41, 9);
        foreach (var type in Types) Check(img, thresh, maxValue, type, AutoThreshold.None, "extreme");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(2)]
    public void MultiChannelFixedThresholdsMatchOpenCv(int channels)
    {
        var rng = new Random(channels);
        foreach (var (w, h) in new[] { (1, 1), (5, 3), (11, 7), (33, 4), (200, 50) })
        {
            var img = Random8(rng, w, h, channels);
            foreach (var type in Types)
            foreach (var t in Thresholds)
                Check(img, t, 127.6, type, AutoThreshold.None, "multi-channel");
        }
    }

    [Fact]
    public void AutomaticThresholdsRejectMultiChannelImages()
    {
        var img = new Image<byte>(4, 4, 3);
        Assert.Throws<ArgumentException>(() => Threshold.Apply(img, 0, 255, ThresholdType.Binary, out _, AutoThreshold.Otsu));
        Assert.Throws<ArgumentException>(() => Threshold.Apply(img, 0, 255, ThresholdType.Binary, out _, AutoThreshold.Triangle));
        using var mat = Oracle.ToMat(img);
        using var dst = new Mat();
        Assert.ThrowsAny<Exception>(() => Cv2.Threshold(mat, dst, 0, 255, ThresholdTypes.Binary | ThresholdTypes.Otsu));
    }

    public static TheoryData<int, int, int> AutoCases()
    {
        var data = new TheoryData<int, int, int>();
        int[][] sizes = [[1, 1], [1, 17], [17, 1], [15, 4], [16, 4], [33, 3], [64, 5], [65, 5], [250, 130], [1000, 700]];
        foreach (var s in sizes)
            for (int kind = 0; kind < 4; kind++)
                data.Add(s[0], s[1], kind);
        return data;
    }

    [Theory]
    [MemberData(nameof(AutoCases))]
    public void OtsuAndTriangleMatchOpenCv(int w, int h, int kind)
    {
        var rng = new Random(w * 7919 + h * 31 + kind);
        int reps = w * h > 100000 ? 1 : 5;
        for (int r = 0; r < reps; r++)
        {
            var img = Random8(rng, w, h, 1, kind);
            foreach (var type in Types)
            foreach (var auto in new[] { AutoThreshold.Otsu, AutoThreshold.Triangle })
                Check(img, 77, type == ThresholdType.Binary ? 255 : 200, type, auto, $"kind {kind}");
            using var mat = Oracle.ToMat(img);
            using var dst = new Mat();
            Assert.Equal(Cv2.Threshold(mat, dst, 0, 255, ThresholdTypes.Binary | ThresholdTypes.Otsu), Threshold.Otsu(img));
            Assert.Equal(Cv2.Threshold(mat, dst, 0, 255, ThresholdTypes.Binary | ThresholdTypes.Triangle), Threshold.Triangle(img));
        }
    }

    /// <summary>
    /// Few-level images leave gaps where the between-class variance is constant in exact arithmetic, so the
    /// chosen level depends on rounding in the incremental updates: the strongest test of replicated order.
    /// </summary>
    [Fact]
    public void AutoThresholdsOfFewLevelImagesMatchOpenCv()
    {
        var rng = new Random(21);
        using var dst = new Mat();
        for (int r = 0; r < 500; r++)
        {
            int w = rng.Next(1, 40), h = rng.Next(1, 20), levels = rng.Next(1, 7);
            var palette = new byte[levels];
            rng.NextBytes(palette);
            var img = new Image<byte>(w, h);
            for (int i = 0; i < img.Data.Length; i++) img.Data[i] = palette[rng.Next(levels)];
            using var mat = Oracle.ToMat(img);
            double otsu = Cv2.Threshold(mat, dst, 0, 255, ThresholdTypes.Binary | ThresholdTypes.Otsu);
            double tri = Cv2.Threshold(mat, dst, 0, 255, ThresholdTypes.Binary | ThresholdTypes.Triangle);
            string ctx = $"{w}x{h} palette [{string.Join(",", palette)}]";
            int ourOtsu = Threshold.Otsu(img), ourTri = Threshold.Triangle(img);
            Assert.True(otsu == ourOtsu, $"Otsu {ctx}: OpenCV {otsu}, ours {ourOtsu}");
            Assert.True(tri == ourTri, $"Triangle {ctx}: OpenCV {tri}, ours {ourTri}");

            if (r % 4 != 0) continue;  // 16-bit Otsu scans 65536 bins: a quarter of the cases suffices
            var img16 = new Image<ushort>(w, h);
            for (int i = 0; i < img.Data.Length; i++) img16.Data[i] = (ushort)(img.Data[i] * 257 + (r % 3));
            using var mat16 = Oracle.ToMat(img16);
            double otsu16 = Cv2.Threshold(mat16, dst, 0, 65535, ThresholdTypes.Binary | ThresholdTypes.Otsu);
            int ourOtsu16 = Threshold.Otsu(img16);
            Assert.True(otsu16 == ourOtsu16, $"Otsu16 {ctx}: OpenCV {otsu16}, ours {ourOtsu16}");
        }
    }

    [Fact]
    public void SamplesMatchOpenCv()
    {
        var samples = ThresholdTestPaths.Samples;
        Assert.NotEmpty(samples);
        foreach (var path in samples)
        {
            using var gray = Cv2.ImRead(path, ImreadModes.Grayscale);
            var img = Oracle.ToImage(gray);
            string name = Path.GetFileName(path);
            foreach (var type in Types)
            {
                Check(img, 0, 255, type, AutoThreshold.Otsu, name);
                Check(img, 0, 255, type, AutoThreshold.Triangle, name);
                Check(img, 127.5, 255, type, AutoThreshold.None, name);
            }
            using var color = Cv2.ImRead(path, ImreadModes.Color);
            var bgr = Oracle.ToImage(color);
            foreach (var type in Types) Check(bgr, 100, 250, type, AutoThreshold.None, name + " colour");
        }
    }

    [Fact]
    public void StridedViewsMatchOpenCvRoi()
    {
        var rng = new Random(11);
        var big = Random8(rng, 70, 40, 1, 1);
        using var bigMat = Oracle.ToMat(big);
        foreach (var (x, y, w, h) in new[] { (3, 2, 33, 17), (0, 0, 1, 40), (69, 0, 1, 40), (5, 5, 64, 30) })
        {
            using var roi = new Mat(bigMat, new Rect(x, y, w, h));
            foreach (var type in Types)
            foreach (var auto in new[] { AutoThreshold.None, AutoThreshold.Otsu, AutoThreshold.Triangle })
            {
                using var expected = new Mat();
                double cvT = Cv2.Threshold(roi, expected, 120, 255, CvType(type, auto));
                var dst = new Image<byte>(w + 3, h);  // destination with its own, wider stride
                var dstView = new ImageView<byte>(dst.Data, w, h, 1, w + 3);
                double ourT = Threshold.Apply(big.ReadOnlyView.Slice(x, y, w, h), dstView, 120, 255, type, auto);
                Assert.Equal(cvT, ourT);
                var tight = new Image<byte>(w, h);
                for (int r = 0; r < h; r++) dstView.Row(r).CopyTo(tight.Row(r));
                Oracle.AssertEqual(expected, tight, $"roi {x},{y} {w}x{h} {type} {auto}");
            }
        }
    }

    [Fact]
    public void InPlaceMatchesOpenCv()
    {
        var rng = new Random(12);
        foreach (var type in Types)
        foreach (var w in new[] { 1, 31, 33, 65, 1000 })
        {
            var img = Random8(rng, w, 3);
            using var mat = Oracle.ToMat(img);
            using var expected = new Mat();
            Cv2.Threshold(mat, expected, 5, 1, CvType(type, AutoThreshold.None));
            Threshold.Apply(img.ReadOnlyView, img.View, 5, 1, type);
            Oracle.AssertEqual(expected, img, $"in place {type} w={w}");
        }
    }

    // ---------------------------------------------------------------- 16-bit

    private static void Check16(Image<ushort> img, double thresh, double maxValue, ThresholdType type, AutoThreshold auto, string ctx)
    {
        using var mat = Oracle.ToMat(img);
        using var expected = new Mat();
        double cvT = Cv2.Threshold(mat, expected, thresh, maxValue, CvType(type, auto));
        var actual = Threshold.Apply(img, thresh, maxValue, type, out double ourT, auto);
        ctx = $"{ctx} {img.Width}x{img.Height}x{img.Channels} t={thresh} max={maxValue} {type} {auto}";
        Assert.True(cvT.Equals(ourT), $"{ctx}: OpenCV returned {cvT}, ours {ourT}");
        AssertEqual16(expected, actual, ctx);
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(7, 3, 1)]
    [InlineData(15, 2, 1)]
    [InlineData(16, 2, 1)]
    [InlineData(17, 2, 1)]
    [InlineData(33, 3, 1)]
    [InlineData(300, 200, 1)]
    [InlineData(9, 4, 3)]
    [InlineData(33, 5, 4)]
    public void FixedThreshold16MatchesOpenCv(int w, int h, int channels)
    {
        var rng = new Random(w * 131 + h + channels);
        var img = Random16(rng, w, h, channels);
        foreach (var type in Types)
        foreach (var t in new[] { -1, 0, 1, 1000.5, 32767, 65534, 65535, 65536, 1e6, double.NaN })
        foreach (var m in new[] { 65535, 1, 300.5, 70000, -2 })
            Check16(img, t, m, type, AutoThreshold.None, "16-bit");
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(17, 3)]
    [InlineData(64, 9)]
    [InlineData(301, 203)]
    public void Otsu16MatchesOpenCv(int w, int h)
    {
        var rng = new Random(w * 17 + h);
        for (int kind = 0; kind < 4; kind++)
        {
            var img = Random16(rng, w, h, 1, kind);
            foreach (var type in Types) Check16(img, 0, 65535, type, AutoThreshold.Otsu, $"otsu16 kind {kind}");
            using var mat = Oracle.ToMat(img);
            using var dst = new Mat();
            Assert.Equal(Cv2.Threshold(mat, dst, 0, 65535, ThresholdTypes.Binary | ThresholdTypes.Otsu), Threshold.Otsu(img));
        }
        foreach (ushort c in new ushort[] { 0, 65535, 300 })
        {
            var img = new Image<ushort>(w, h);
            img.Data.AsSpan().Fill(c);
            Check16(img, 0, 1000, ThresholdType.Binary, AutoThreshold.Otsu, $"otsu16 constant {c}");
        }
    }

    [Fact]
    public void Triangle16IsRejectedLikeOpenCv()
    {
        var img = new Image<ushort>(8, 8);
        var ex = Assert.Throws<ArgumentException>(() => Threshold.Apply(img, 0, 255, ThresholdType.Binary, out _, AutoThreshold.Triangle));
        Assert.Contains("8-bit", ex.Message);
        using var mat = Oracle.ToMat(img);
        using var dst = new Mat();
        Assert.ThrowsAny<Exception>(() => Cv2.Threshold(mat, dst, 0, 255, ThresholdTypes.Binary | ThresholdTypes.Triangle));
    }
}
