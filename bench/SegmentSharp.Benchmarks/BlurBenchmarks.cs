using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using OpenCvSharp;
using SegmentSharp.Filters;
using SegmentSharp.Imaging;

namespace SegmentSharp.Benchmarks;

/// <summary>
/// Smoothing on the 12 MP page into a preallocated output: <c>cv::GaussianBlur</c> 7×7 with sigma derived
/// from the size (sigma 0), and a normalized 31×31 <c>cv::boxFilter</c> (the mean used by adaptive thresholding).
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class BlurBenchmarks : ThreadedBenchmark
{
    private Mat _srcMat = null!, _dstMat = null!;
    private Image<byte> _src = null!, _dst = null!;

    [GlobalSetup]
    public void Setup()
    {
        ApplyThreads();
        (_srcMat, _src) = BenchData.LoadDoc12();
        _dstMat = new Mat(_srcMat.Size(), MatType.CV_8UC1);
        _dst = _src.CloneEmpty();
        Check("Blur.Gaussian7", () =>
        {
            Gaussian7OpenCv();
            Gaussian7SegmentSharp();
            return BenchData.SamePixels(_dstMat, _dst);
        });
        Check("Blur.Box31", () =>
        {
            Box31OpenCv();
            Box31SegmentSharp();
            return BenchData.SamePixels(_dstMat, _dst);
        });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _srcMat.Dispose();
        _dstMat.Dispose();
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Gaussian7")]
    public void Gaussian7OpenCv() => Cv2.GaussianBlur(_srcMat, _dstMat, new Size(7, 7), 0);

    [Benchmark, BenchmarkCategory("Gaussian7")]
    public void Gaussian7SegmentSharp() => GaussianBlur.Apply(_src, _dst, 7, 7, 0);

    [Benchmark(Baseline = true), BenchmarkCategory("Box31")]
    public void Box31OpenCv() => Cv2.BoxFilter(_srcMat, _dstMat, MatType.CV_8U, new Size(31, 31));

    [Benchmark, BenchmarkCategory("Box31")]
    public void Box31SegmentSharp() => BoxFilter.Apply(_src, _dst, 31, 31);
}
