using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using OpenCvSharp;
using SegmentSharp.Imaging;
using SegmentSharp.Thresholding;

namespace SegmentSharp.Benchmarks;

/// <summary>
/// <c>cv::adaptiveThreshold</c> with a 31×31 block and C = 5 (the seed CLI's defaults), mean and
/// Gaussian, on the 12 MP page into a preallocated output.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class AdaptiveBenchmarks : PageBenchmark
{
    private const int BlockSize = 31;
    private const double C = 5;

    [GlobalSetup]
    public void Setup()
    {
        LoadPage();
        CheckSame("Adaptive.Mean31", Mean31OpenCv, Mean31SegmentSharp);
        CheckSame("Adaptive.Gaussian31", Gaussian31OpenCv, Gaussian31SegmentSharp);
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Mean31")]
    public void Mean31OpenCv() =>
        Cv2.AdaptiveThreshold(SrcMat, DstMat, 255, AdaptiveThresholdTypes.MeanC, ThresholdTypes.Binary, BlockSize, C);

    [Benchmark, BenchmarkCategory("Mean31")]
    public void Mean31SegmentSharp() =>
        AdaptiveThreshold.Apply(Src, Dst, 255, AdaptiveMethod.Mean, ThresholdType.Binary, BlockSize, C);

    [Benchmark(Baseline = true), BenchmarkCategory("Gaussian31")]
    public void Gaussian31OpenCv() =>
        Cv2.AdaptiveThreshold(SrcMat, DstMat, 255, AdaptiveThresholdTypes.GaussianC, ThresholdTypes.Binary, BlockSize, C);

    [Benchmark, BenchmarkCategory("Gaussian31")]
    public void Gaussian31SegmentSharp() =>
        AdaptiveThreshold.Apply(Src, Dst, 255, AdaptiveMethod.Gaussian, ThresholdType.Binary, BlockSize, C);
}
