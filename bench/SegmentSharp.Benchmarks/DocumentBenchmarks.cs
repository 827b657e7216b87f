using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using OpenCvSharp;
using SegmentSharp.Thresholding;
using SegmentSharp.Thresholding.Document;

namespace SegmentSharp.Benchmarks;

/// <summary>
/// The parameter-free document binarizer (<c>--method auto</c>) on the 12 MP page. OpenCV has no counterpart; its
/// Gaussian <c>adaptiveThreshold</c> (block 31, C 5) is the baseline row, as the cheapest local method a user would
/// otherwise reach for. The outputs differ by design, so no identity check is recorded.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class DocumentBenchmarks : PageBenchmark
{
    [GlobalSetup]
    public void Setup() => LoadPage();

    [Benchmark(Baseline = true), BenchmarkCategory("Auto")]
    public void AdaptiveGaussian31OpenCv() =>
        Cv2.AdaptiveThreshold(SrcMat, DstMat, 255, AdaptiveThresholdTypes.GaussianC, ThresholdTypes.Binary, 31, 5);

    [Benchmark, BenchmarkCategory("Auto")]
    public object AutoSegmentSharp() => DocumentBinarizer.Binarize(Src.ReadOnlyView);
}
