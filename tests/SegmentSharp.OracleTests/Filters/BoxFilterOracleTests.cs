using OpenCvSharp;
using SegmentSharp.Filters;
using SegmentSharp.Imaging;
using static SegmentSharp.OracleTests.Filters.FilterOracleData;

namespace SegmentSharp.OracleTests.Filters;

public class BoxFilterOracleTests
{
    internal static readonly BorderType[] Borders =
        [BorderType.Reflect101, BorderType.Replicate, BorderType.Reflect, BorderType.Constant];

    private static void Check(Image<byte> img, int kx, int ky, bool normalize, BorderType border, string ctx)
    {
        using var m = Oracle.ToMat(img);
        using var expected = new Mat();
        Cv2.BoxFilter(m, expected, MatType.CV_8U, new OpenCvSharp.Size(kx, ky), null, normalize, ToCv(border));
        var actual = img.CloneEmpty();
        BoxFilter.Apply(img.ReadOnlyView, actual.View, kx, ky, normalize, border);
        Oracle.AssertEqual(expected, actual, $"{ctx} k={kx}x{ky} norm={normalize} {border}");
    }

    public static IEnumerable<object[]> SizeCases()
    {
        foreach (var (w, h) in Sizes) yield return [w, h];
    }

    [Theory]
    [MemberData(nameof(SizeCases))]
    public void RandomSizesKernelsBorders(int w, int h)
    {
        foreach (int cn in new[] { 1, 3, 4 })
        {
            var img = Random(w, h, cn, w * 1000 + h * 10 + cn);
            foreach (var b in Borders)
                foreach (int k in new[] { 1, 2, 3, 4, 5, 8, 15, 16, 17, 31 })
                    foreach (bool n in new[] { true, false })
                        Check(img, k, k, n, b, $"{w}x{h}x{cn}");
            Check(img, 3, 8, true, BorderType.Reflect101, $"{w}x{h}x{cn}");
            Check(img, 20, 1, false, BorderType.Replicate, $"{w}x{h}x{cn}");
        }
    }

    [Fact]
    public void AllKernelSizes()
    {
        var page = Random(157, 93, 1, 7, kind: 3);
        var noise = Random(101, 67, 1, 8);
        for (int k = 1; k <= 33; k++)
            foreach (bool n in new[] { true, false })
            {
                Check(page, k, k, n, BorderType.Reflect101, "page");
                Check(noise, k, k, n, BorderType.Replicate, "noise");
            }
        Check(noise, 1, 30, true, BorderType.Reflect, "column only");
        Check(noise, 30, 2, true, BorderType.Constant, "row-ish");
    }

    [Fact]
    public void HugeWindows()
    {
        var page = Random(700, 400, 1, 9, kind: 3);
        var noise = Random(333, 301, 1, 10);
        foreach (int k in new[] { 64, 101, 151, 255, 301 })
        {
            Check(page, k, k, true, BorderType.Reflect101, "page");
            Check(noise, k, k, true, BorderType.Replicate, "noise");
            Check(noise, k, k, true, BorderType.Constant, "noise");
        }
        Check(Random(1000, 700, 1, 11, kind: 3), 255, 255, true, BorderType.Replicate, "1000x700");
    }

    /// <summary>
    /// For windows over 256 pixels OpenCV rounds s·(1/area) in float32 in its SIMD lanes but in double in the scalar
    /// tail (the last (width·cn) mod 8 samples). The two disagree for a few sums; craft windows hitting such a sum
    /// in a SIMD lane and in the tail.
    /// </summary>
    [Fact]
    public void FloatLanesAndDoubleTailRoundDifferently()
    {
        const int k = 255, area = k * k;
        float sf = (float)(1.0 / area);
        int bad = 0;
        for (int s = 1; ; s++)
            if ((int)MathF.Round(s * sf, MidpointRounding.ToEven) != (int)Math.Round(s * (1.0 / area), MidpointRounding.ToEven)) { bad = s; break; }
        int w = 8 * 80 + 5;
        foreach (int x in new[] { 300, w - 2 })
        {
            var img = new Image<byte>(w, k);
            int x0 = Math.Max(0, x - k / 2), x1 = Math.Min(w, x + k / 2 + 1);
            int cells = k * (x1 - x0), q = bad / cells, r = bad % cells, n = 0;
            Assert.True(q < 255);
            for (int y = 0; y < k; y++)
                for (int xx = x0; xx < x1; xx++, n++) img.Row(y)[xx] = (byte)(n < r ? q + 1 : q);
            Check(img, k, k, true, BorderType.Constant, $"crafted sum {bad} at x={x}");
        }
    }

    [Fact]
    public void ConstantImages()
    {
        foreach (int kind in new[] { 1, 2 })
            foreach (var b in Borders)
                foreach (int k in new[] { 3, 16, 17, 64 })
                    Check(Random(70, 30, 1, 0, kind), k, k, true, b, $"constant {kind}");
    }

    [Fact]
    public void Samples()
    {
        foreach (var path in SamplePaths())
        {
            var img = LoadGray(path);
            foreach (int k in new[] { 3, 5, 16, 31, 75 })
                Check(img, k, k, true, BorderType.Reflect101, Path.GetFileName(path));
            Check(img, 7, 7, false, BorderType.Replicate, Path.GetFileName(path));
        }
        var colour = LoadColor(Path.Combine(RepoRoot, "samples", "chelsea.png"), 3);
        Check(colour, 9, 9, true, BorderType.Reflect101, "chelsea");
        Check(colour, 33, 21, true, BorderType.Replicate, "chelsea");
    }

    [Fact]
    public void WrapIsRejectedLikeOpenCV()
    {
        var img = Random(10, 10, 1, 1);
        using var m = Oracle.ToMat(img);
        using var d = new Mat();
        Assert.ThrowsAny<Exception>(() => Cv2.BoxFilter(m, d, MatType.CV_8U, new OpenCvSharp.Size(3, 3), null, true, BorderTypes.Wrap));
        Assert.Throws<ArgumentException>(() => BoxFilter.Apply(img.ReadOnlyView, img.CloneEmpty().View, 3, 3, true, BorderType.Wrap));
    }
}
