using OpenCvSharp;
using SegmentSharp.Filters;
using SegmentSharp.Imaging;
using static SegmentSharp.OracleTests.Filters.FilterOracleData;

namespace SegmentSharp.OracleTests.Filters;

public class GaussianBlurOracleTests
{
    private static void Check(Image<byte> img, int kx, int ky, double sx, double sy, BorderType border, string ctx)
    {
        using var m = Oracle.ToMat(img);
        using var expected = new Mat();
        Cv2.GaussianBlur(m, expected, new OpenCvSharp.Size(kx, ky), sx, sy, ToCv(border));
        var actual = img.CloneEmpty();
        GaussianBlur.Apply(img.ReadOnlyView, actual.View, kx, ky, sx, sy, border);
        Oracle.AssertEqual(expected, actual, $"{ctx} k={kx}x{ky} s={sx}/{sy} {border}");
    }

    [Fact]
    public void KernelsMatchGetGaussianKernel()
    {
        double[] sigmas = [0, -1, 0.3, 0.5, 0.8, 1, 1.3, 2, 2.5, 3.7, 5, 10, 33.3];
        for (int n = 1; n <= 301; n++)
            foreach (var s in sigmas)
            {
                using var k = Cv2.GetGaussianKernel(n, s, MatType.CV_64F);
                var ours = GaussianKernel.Double(n, s);
                for (int i = 0; i < n; i++)
                {
                    double exp = k!.At<double>(i);
                    Assert.True(BitConverter.DoubleToInt64Bits(exp) == BitConverter.DoubleToInt64Bits(ours[i]),
                        $"n={n} sigma={s} tap {i}: OpenCV {exp:R}, ours {ours[i]:R}");
                }
            }
    }

    public static IEnumerable<object[]> SizeCases()
    {
        foreach (var (w, h) in Sizes) yield return [w, h];
    }

    [Theory]
    [MemberData(nameof(SizeCases))]
    public void RandomSizesAllKernelsAllBorders(int w, int h)
    {
        foreach (int cn in new[] { 1, 3, 4 })
        {
            var img = Random(w, h, cn, w * 1000 + h * 10 + cn);
            foreach (var b in AllBorders)
                foreach (int k in new[] { 1, 3, 5, 7, 9, 11, 15, 31 })
                    Check(img, k, k, 0, 0, b, $"{w}x{h}x{cn}");
            Check(img, 3, 7, 0, 0, BorderType.Reflect101, $"{w}x{h}x{cn}");
            Check(img, 9, 1, 1.3, 0, BorderType.Replicate, $"{w}x{h}x{cn}");
        }
    }

    [Fact]
    public void AllOddKernelSizesAndSigmas()
    {
        var img = Random(157, 93, 1, 7, kind: 3);
        var noise = Random(101, 67, 1, 8);
        for (int k = 1; k <= 41; k += 2)
            foreach (double s in new[] { 0, 0.5, 1.3, 2, 5 })
            {
                Check(img, k, k, s, 0, BorderType.Reflect101, "page");
                Check(noise, k, k, s, 0, BorderType.Reflect101, "noise");
            }
        foreach (double s in new[] { 0.5, 1.3, 2, 5 }) Check(noise, 0, 0, s, 0, BorderType.Reflect101, "auto ksize");
        Check(noise, 0, 0, 1.1, 3.2, BorderType.Reflect, "auto ksize asym");
        Check(noise, 5, 21, 0, 0, BorderType.Reflect101, "asym");
        Check(noise, 21, 3, 2, 0.7, BorderType.Constant, "asym sigma");
        Check(noise, 1, 9, 0, 0, BorderType.Wrap, "column only");
        Check(noise, 99, 1, 0, 0, BorderType.Reflect101, "row only, wider than image");
    }

    [Fact]
    public void ConstantImages()
    {
        foreach (int kind in new[] { 1, 2 })
            foreach (var b in AllBorders)
                Check(Random(70, 30, 1, 0, kind), 7, 7, 0, 0, b, $"constant {kind}");
    }

    [Fact]
    public void LargeImage()
    {
        var img = Random(1000, 700, 1, 3, kind: 3);
        Check(img, 7, 7, 0, 0, BorderType.Reflect101, "1000x700");
        Check(Random(1000, 700, 3, 4), 5, 5, 0, 0, BorderType.Replicate, "1000x700x3");
    }

    [Fact]
    public void Samples()
    {
        foreach (var path in SamplePaths())
        {
            var img = LoadGray(path);
            foreach (int k in new[] { 3, 7, 15, 31 })
                Check(img, k, k, 0, 0, BorderType.Reflect101, Path.GetFileName(path));
            Check(img, 0, 0, 2, 0, BorderType.Replicate, Path.GetFileName(path));
        }
        var colour = LoadColor(Path.Combine(RepoRoot, "samples", "coffee.png"), 3);
        Check(colour, 9, 9, 0, 0, BorderType.Reflect101, "coffee");
        var rgba = LoadColor(Path.Combine(RepoRoot, "samples", "horse.png"), 4);
        Check(rgba, 5, 5, 0, 0, BorderType.Reflect, "horse");
    }
}
