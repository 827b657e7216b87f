using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using OpenCvSharp;
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
public class LocalExtraBenchmarks : ThreadedBenchmark
{
    private Mat _srcMat = null!, _dstMat = null!;
    private Image<byte> _src = null!;

    [GlobalSetup]
    public void Setup()
    {
        ApplyThreads();
        (_srcMat, _src) = BenchData.LoadDoc12();
        _dstMat = new Mat(_srcMat.Size(), MatType.CV_8UC1);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _srcMat.Dispose();
        _dstMat.Dispose();
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Window15")]
    public void AdaptiveMean15OpenCv() =>
        Cv2.AdaptiveThreshold(_srcMat, _dstMat, 255, AdaptiveThresholdTypes.MeanC, ThresholdTypes.Binary, 15, 5);

    [Benchmark, BenchmarkCategory("Window15")]
    public Image<byte> Median15SegmentSharp() => LocalThreshold.Median(_src, 15);

    [Benchmark, BenchmarkCategory("Window15")]
    public Image<byte> LocalOtsu15SegmentSharp() => LocalThreshold.LocalOtsu(_src, 15);

    [Benchmark, BenchmarkCategory("Window15")]
    public Image<byte> Su15SegmentSharp() => LocalThreshold.Su(_src, 15);

    [Benchmark, BenchmarkCategory("Window15")]
    public Image<byte> Gatos15SegmentSharp() => LocalThreshold.Gatos(_src, 15);

    [Benchmark(Baseline = true), BenchmarkCategory("Window101")]
    public void AdaptiveMean101OpenCv() =>
        Cv2.AdaptiveThreshold(_srcMat, _dstMat, 255, AdaptiveThresholdTypes.MeanC, ThresholdTypes.Binary, 101, 5);

    [Benchmark, BenchmarkCategory("Window101")]
    public Image<byte> Median101SegmentSharp() => LocalThreshold.Median(_src, 101);

    [Benchmark, BenchmarkCategory("Window101")]
    public Image<byte> LocalOtsu101SegmentSharp() => LocalThreshold.LocalOtsu(_src, 101);

    [Benchmark, BenchmarkCategory("Window101")]
    public Image<byte> Su101SegmentSharp() => LocalThreshold.Su(_src, 101);

    [Benchmark, BenchmarkCategory("Window101")]
    public Image<byte> Gatos101SegmentSharp() => LocalThreshold.Gatos(_src, 101);
}
