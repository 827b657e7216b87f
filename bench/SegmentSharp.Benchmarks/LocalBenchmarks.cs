using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using OpenCvSharp;
using SegmentSharp.Imaging;
using SegmentSharp.Thresholding.Local;

namespace SegmentSharp.Benchmarks;

/// <summary>
/// Every local method of issue 3 (defaults of each, Bradley with a set window) at windows 15 and 101 on the 12 MP
/// page. OpenCV core has none of them, so the baseline is the budget issue 3 sets: <c>cv::adaptiveThreshold</c> mean
/// (C 5) at the same window, the cheapest local threshold OpenCV offers, into a preallocated output. There is no
/// output to compare; the local methods return a new mask (12 MB) per call, which their timing includes.
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
    public Image<byte> Niblack15SegmentSharp() => LocalThreshold.Niblack(_src, 15);

    [Benchmark, BenchmarkCategory("Window15")]
    public Image<byte> Sauvola15SegmentSharp() => LocalThreshold.Sauvola(_src, 15);

    [Benchmark, BenchmarkCategory("Window15")]
    public Image<byte> Wolf15SegmentSharp() => LocalThreshold.Wolf(_src, 15);

    [Benchmark, BenchmarkCategory("Window15")]
    public Image<byte> Nick15SegmentSharp() => LocalThreshold.Nick(_src, 15);

    [Benchmark, BenchmarkCategory("Window15")]
    public Image<byte> Bradley15SegmentSharp() => LocalThreshold.Bradley(_src, 15);

    [Benchmark, BenchmarkCategory("Window15")]
    public Image<byte> Phansalkar15SegmentSharp() => LocalThreshold.Phansalkar(_src, 15);

    [Benchmark, BenchmarkCategory("Window15")]
    public Image<byte> Bernsen15SegmentSharp() => LocalThreshold.Bernsen(_src, 15);

    [Benchmark, BenchmarkCategory("Window15")]
    public Image<byte> Contrast15SegmentSharp() => LocalThreshold.Contrast(_src, 15);

    [Benchmark, BenchmarkCategory("Window15")]
    public Image<byte> MidGrey15SegmentSharp() => LocalThreshold.MidGrey(_src, 15);

    [Benchmark(Baseline = true), BenchmarkCategory("Window101")]
    public void AdaptiveMean101OpenCv() =>
        Cv2.AdaptiveThreshold(_srcMat, _dstMat, 255, AdaptiveThresholdTypes.MeanC, ThresholdTypes.Binary, 101, 5);

    [Benchmark, BenchmarkCategory("Window101")]
    public Image<byte> Niblack101SegmentSharp() => LocalThreshold.Niblack(_src, 101);

    [Benchmark, BenchmarkCategory("Window101")]
    public Image<byte> Sauvola101SegmentSharp() => LocalThreshold.Sauvola(_src, 101);

    [Benchmark, BenchmarkCategory("Window101")]
    public Image<byte> Wolf101SegmentSharp() => LocalThreshold.Wolf(_src, 101);

    [Benchmark, BenchmarkCategory("Window101")]
    public Image<byte> Nick101SegmentSharp() => LocalThreshold.Nick(_src, 101);

    [Benchmark, BenchmarkCategory("Window101")]
    public Image<byte> Bradley101SegmentSharp() => LocalThreshold.Bradley(_src, 101);

    [Benchmark, BenchmarkCategory("Window101")]
    public Image<byte> Phansalkar101SegmentSharp() => LocalThreshold.Phansalkar(_src, 101);

    [Benchmark, BenchmarkCategory("Window101")]
    public Image<byte> Bernsen101SegmentSharp() => LocalThreshold.Bernsen(_src, 101);

    [Benchmark, BenchmarkCategory("Window101")]
    public Image<byte> Contrast101SegmentSharp() => LocalThreshold.Contrast(_src, 101);

    [Benchmark, BenchmarkCategory("Window101")]
    public Image<byte> MidGrey101SegmentSharp() => LocalThreshold.MidGrey(_src, 101);
}
