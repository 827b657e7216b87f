using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using SegmentSharp.Imaging;
using SegmentSharp.Thresholding.Local;

namespace SegmentSharp.Benchmarks;

/// <summary>
/// The histogram and edge based local methods (median, local Otsu, Su, Gatos) at windows 15 and 101 on the 12 MP page,
/// against the budget issue 3 sets: <c>cv::adaptiveThreshold</c> mean (C 5) at the same window. OpenCV has none of the
/// four, so there is no output to compare; each SegmentSharp case returns a new 12 MB mask.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class LocalExtraBenchmarks : LocalBudgetBenchmark
{
    [Benchmark, BenchmarkCategory("Window15")]
    public Image<byte> Median15SegmentSharp() => LocalThreshold.Median(Src, 15);

    [Benchmark, BenchmarkCategory("Window15")]
    public Image<byte> LocalOtsu15SegmentSharp() => LocalThreshold.LocalOtsu(Src, 15);

    [Benchmark, BenchmarkCategory("Window15")]
    public Image<byte> Su15SegmentSharp() => LocalThreshold.Su(Src, 15);

    [Benchmark, BenchmarkCategory("Window15")]
    public Image<byte> Gatos15SegmentSharp() => LocalThreshold.Gatos(Src, 15);

    [Benchmark, BenchmarkCategory("Window101")]
    public Image<byte> Median101SegmentSharp() => LocalThreshold.Median(Src, 101);

    [Benchmark, BenchmarkCategory("Window101")]
    public Image<byte> LocalOtsu101SegmentSharp() => LocalThreshold.LocalOtsu(Src, 101);

    [Benchmark, BenchmarkCategory("Window101")]
    public Image<byte> Su101SegmentSharp() => LocalThreshold.Su(Src, 101);

    [Benchmark, BenchmarkCategory("Window101")]
    public Image<byte> Gatos101SegmentSharp() => LocalThreshold.Gatos(Src, 101);
}
