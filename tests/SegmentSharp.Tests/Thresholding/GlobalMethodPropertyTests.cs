using CsCheck;
using SegmentSharp.Thresholding;

namespace SegmentSharp.Tests.Thresholding;

public class GlobalMethodPropertyTests
{
    /// <summary>Random 256-bin histograms: dense, sparse, a few levels, or all zero.</summary>
    private static readonly Gen<long[]> Hist = Gen.Int[0, 3].SelectMany(kind => kind switch
    {
        0 => Gen.Long[0, 5000].Array[256],
        1 => Gen.Long[0, 300].Array[256].Select(Gen.Int[0, 15].Array[256], (v, m) => v.Select((c, i) => m[i] == 0 ? c : 0).ToArray()),
        2 => Gen.Int[0, 255].Array[1, 4].Select(Gen.Long[1, 10000], (levels, c) =>
        {
            var h = new long[256];
            foreach (int l in levels) h[l] += c;
            return h;
        }),
        _ => Gen.Const(0).Select(_ => new long[256]),
    });

    [Fact]
    public void EveryMethodReturnsALevelWithoutThrowing()
    {
        Hist.Sample(h =>
        {
            foreach (var m in Enum.GetValues<GlobalMethod>())
            {
                int t = GlobalThreshold.Compute(m, h);
                if (m == GlobalMethod.Triangle) Assert.InRange(t, -1, 256);
                else if (m != GlobalMethod.MinError) Assert.InRange(t, 0, 255);
            }
        }, iter: 60);
    }

    [Fact]
    public void AllZeroHistogramGivesImageJsDocumentedLevels()
    {
        var h = new long[256];
        foreach (var m in Enum.GetValues<GlobalMethod>())
        {
            int want = m == GlobalMethod.Default ? 128 : m == GlobalMethod.Triangle ? Threshold.Triangle(h) : 0;
            Assert.Equal(want, GlobalThreshold.Compute(m, h));
        }
    }

    /// <summary>
    /// Doubling or quadrupling every count is exact in floating point, so every method but Default must keep its level
    /// (Default rounds 1.5 × the second-highest count to an int, which is not scale-exact in ImageJ either). MinError
    /// sums ImageJ's 32-bit products i·i·h, which wrap once they exceed int.MaxValue; there the level may legitimately
    /// change, so MinError is compared only while the scaled products fit.
    /// </summary>
    [Fact]
    public void PowerOfTwoScalingOfCountsKeepsTheLevel()
    {
        Hist.Select(Gen.Int[1, 2]).Sample((h, shift) =>
        {
            var scaled = h.Select(c => c << shift).ToArray();
            bool productsFit = scaled.Select((c, i) => (long)i * i * c).Max() <= int.MaxValue;
            foreach (var m in Enum.GetValues<GlobalMethod>())
                if (m != GlobalMethod.Default && (m != GlobalMethod.MinError || productsFit))
                    Assert.True(GlobalThreshold.Compute(m, h) == GlobalThreshold.Compute(m, scaled), $"{m} changed under ×{1 << shift}");
        }, iter: 40);
    }

    [Fact]
    public void MeanSplitsLikeScikitImagesUnflooredMean()
    {
        // skimage's threshold_mean keeps the fractional mean; on integer levels "v > floor(mean)" and "v > mean" agree.
        Hist.Where(h => h.Sum() > 0).Sample(h =>
        {
            double mean = h.Select((c, i) => (double)c * i).Sum() / h.Sum();
            int t = GlobalThreshold.Compute(GlobalMethod.Mean, h);
            for (int v = 0; v < 256; v++) Assert.Equal(v > mean, v > t);
        }, iter: 100);
    }
}
