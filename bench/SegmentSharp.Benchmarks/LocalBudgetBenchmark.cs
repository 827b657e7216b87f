using BenchmarkDotNet.Attributes;
using OpenCvSharp;
using SegmentSharp.Imaging;

namespace SegmentSharp.Benchmarks;

/// <summary>
/// The shared budget for the local thresholds: the 12 MP page, and <c>cv::adaptiveThreshold</c> mean (C 5) at windows
/// 15 and 101 into a preallocated output, the cheapest local threshold OpenCV offers. Derived classes add their methods
/// as <c>{Method}{Window}SegmentSharp</c> in the categories Window15 and Window101.
/// </summary>
public abstract class LocalBudgetBenchmark : ThreadedBenchmark
{
    private Mat _srcMat = null!, _dstMat = null!;

    /// <summary>The 12 MP page the local methods binarize.</summary>
    protected Image<byte> Src { get; private set; } = null!;

    /// <summary>A preallocated mask, the counterpart of OpenCV's preallocated output.</summary>
    protected Image<byte> Dst { get; private set; } = null!;

    [GlobalSetup]
    public void Setup()
    {
        ApplyThreads();
        (_srcMat, var src) = BenchData.LoadDoc12();
        Src = src;
        Dst = new Image<byte>(src.Width, src.Height);
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

    [Benchmark(Baseline = true), BenchmarkCategory("Window101")]
    public void AdaptiveMean101OpenCv() =>
        Cv2.AdaptiveThreshold(_srcMat, _dstMat, 255, AdaptiveThresholdTypes.MeanC, ThresholdTypes.Binary, 101, 5);
}
