using OpenCvSharp;
using SegmentSharp.Imaging;
using SegmentSharp.Thresholding;
using static SegmentSharp.OracleTests.Filters.FilterOracleData;

namespace SegmentSharp.OracleTests.Thresholding;

public class AdaptiveThresholdOracleTests
{
    internal static readonly int[] Blocks = [3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 25, 31, 51, 75, 99, 151, 201, 255];
    internal static readonly double[] Cs = [-20, -5.5, -0.5, 0, 0.3, 1, 5, 7.9, 20];

    private static void Check(Image<byte> img, double maxValue, AdaptiveMethod method, ThresholdType type, int block, double c, string ctx)
    {
        using var m = Oracle.ToMat(img);
        using var expected = new Mat();
        Cv2.AdaptiveThreshold(m, expected, maxValue, (AdaptiveThresholdTypes)(int)method, (ThresholdTypes)(int)type, block, c);
        var actual = AdaptiveThreshold.Apply(img, maxValue, method, type, block, c);
        Oracle.AssertEqual(expected, actual, $"{ctx} max={maxValue} {method} {type} b={block} C={c}");
    }

    public static IEnumerable<object[]> SizeCases()
    {
        foreach (var (w, h) in Sizes) yield return [w, h];
    }

    [Theory]
    [MemberData(nameof(SizeCases))]
    public void RandomSizes(int w, int h)
    {
        var noise = Random(w, h, 1, w * 100 + h);
        var page = Random(w, h, 1, w * 100 + h + 1, kind: 3);
        foreach (var method in new[] { AdaptiveMethod.Mean, AdaptiveMethod.Gaussian })
            foreach (int b in new[] { 3, 5, 7, 9, 15, 17, 31 })
            {
                Check(noise, 255, method, ThresholdType.Binary, b, 2, $"{w}x{h} noise");
                Check(page, 255, method, ThresholdType.BinaryInv, b, -0.5, $"{w}x{h} page");
            }
    }

    [Fact]
    public void BlockSizesAndConstantsGrid()
    {
        var page = Random(131, 77, 1, 5, kind: 3);
        var noise = Random(67, 45, 1, 6);
        foreach (var method in new[] { AdaptiveMethod.Mean, AdaptiveMethod.Gaussian })
            foreach (int b in Blocks)
                foreach (double c in Cs)
                    foreach (var type in new[] { ThresholdType.Binary, ThresholdType.BinaryInv })
                    {
                        Check(page, 255, method, type, b, c, "page");
                        if (b <= 31 || c == 0) Check(noise, 255, method, type, b, c, "noise");
                    }
    }

    [Fact]
    public void MaxValues()
    {
        var page = Random(100, 60, 1, 7, kind: 3);
        foreach (double max in new[] { 255, 1, 0, 0.5, 1.5, 127.49, 300, -1, -0.1 })
            foreach (var method in new[] { AdaptiveMethod.Mean, AdaptiveMethod.Gaussian })
                foreach (var type in new[] { ThresholdType.Binary, ThresholdType.BinaryInv })
                    Check(page, max, method, type, 11, 3, "page");
    }

    [Fact]
    public void ConstantImages()
    {
        foreach (int kind in new[] { 1, 2 })
            foreach (var method in new[] { AdaptiveMethod.Mean, AdaptiveMethod.Gaussian })
                foreach (double c in new[] { -1, 0, 1 })
                    foreach (var type in new[] { ThresholdType.Binary, ThresholdType.BinaryInv })
                        Check(Random(50, 20, 1, 0, kind), 255, method, type, 7, c, $"constant {kind}");
    }

    [Fact]
    public void LargeImages()
    {
        var page = Random(1000, 700, 1, 8, kind: 3);
        foreach (var method in new[] { AdaptiveMethod.Mean, AdaptiveMethod.Gaussian })
            foreach (int b in new[] { 11, 31, 101 })
                Check(page, 255, method, ThresholdType.Binary, b, 5, "1000x700");
        var noise = Random(997, 311, 1, 9);
        Check(noise, 255, AdaptiveMethod.Gaussian, ThresholdType.BinaryInv, 3, 0, "noise");
        Check(noise, 255, AdaptiveMethod.Gaussian, ThresholdType.Binary, 5, 0, "noise");
        Check(noise, 255, AdaptiveMethod.Gaussian, ThresholdType.Binary, 255, 0, "noise");
        Check(noise, 255, AdaptiveMethod.Mean, ThresholdType.Binary, 255, 0, "noise");
    }

    [Fact]
    public void Samples()
    {
        foreach (var path in SamplePaths())
        {
            var img = LoadGray(path);
            foreach (var method in new[] { AdaptiveMethod.Mean, AdaptiveMethod.Gaussian })
                foreach (int b in new[] { 3, 5, 11, 31, 75 })
                    Check(img, 255, method, ThresholdType.Binary, b, 5, Path.GetFileName(path));
            Check(img, 1, AdaptiveMethod.Gaussian, ThresholdType.BinaryInv, 21, -3.5, Path.GetFileName(path));
        }
    }

    [Fact]
    public void InvalidArgumentsThrowLikeOpenCV()
    {
        var img = Random(20, 20, 1, 1);
        using var m = Oracle.ToMat(img);
        using var d = new Mat();
        foreach (int b in new[] { 1, 2, 0, -3, 4 })
        {
            Assert.ThrowsAny<Exception>(() => Cv2.AdaptiveThreshold(m, d, 255, AdaptiveThresholdTypes.MeanC, ThresholdTypes.Binary, b, 0));
            Assert.Throws<ArgumentException>(() => AdaptiveThreshold.Apply(img, 255, AdaptiveMethod.Mean, ThresholdType.Binary, b, 0));
        }
        foreach (var t in new[] { ThresholdType.Trunc, ThresholdType.ToZero, ThresholdType.ToZeroInv })
        {
            Assert.ThrowsAny<Exception>(() => Cv2.AdaptiveThreshold(m, d, 255, AdaptiveThresholdTypes.MeanC, (ThresholdTypes)(int)t, 3, 0));
            Assert.Throws<ArgumentException>(() => AdaptiveThreshold.Apply(img, 255, AdaptiveMethod.Mean, t, 3, 0));
        }
        var colour = Random(20, 20, 3, 2);
        Assert.Throws<ArgumentException>(() => AdaptiveThreshold.Apply(colour, 255, AdaptiveMethod.Mean, ThresholdType.Binary, 3, 0));
    }
}
