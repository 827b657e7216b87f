using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using OpenCvSharp;
using SegmentSharp.Imaging;
using SegmentSharp.Thresholding.Local;

namespace SegmentSharp.Benchmarks;

/// <summary>
/// Sauvola and Niblack at windows 15 and 101 on the 12 MP page. OpenCV core has neither, so the baseline is the
/// budget issue 3 sets: <c>cv::adaptiveThreshold</c> mean (C 5) at the same window, the cheapest local threshold
/// OpenCV offers. There is no output to compare; the local methods return a new mask (12 MB) per call.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class LocalBenchmarks : ThreadedBenchmark
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
    public Image<byte> Sauvola15SegmentSharp() => LocalThreshold.Sauvola(_src, 15);

    [Benchmark, BenchmarkCategory("Window15")]
    public Image<byte> Niblack15SegmentSharp() => LocalThreshold.Niblack(_src, 15);

    [Benchmark(Baseline = true), BenchmarkCategory("Window101")]
    public void AdaptiveMean101OpenCv() =>
        Cv2.AdaptiveThreshold(_srcMat, _dstMat, 255, AdaptiveThresholdTypes.MeanC, ThresholdTypes.Binary, 101, 5);

    [Benchmark, BenchmarkCategory("Window101")]
    public Image<byte> Sauvola101SegmentSharp() => LocalThreshold.Sauvola(_src, 101);

    [Benchmark, BenchmarkCategory("Window101")]
    public Image<byte> Niblack101SegmentSharp() => LocalThreshold.Niblack(_src, 101);
}
