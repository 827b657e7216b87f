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
public class BlurBenchmarks : PageBenchmark
{
    [GlobalSetup]
    public void Setup()
    {
        LoadPage();
        CheckSame("Blur.Gaussian7", Gaussian7OpenCv, Gaussian7SegmentSharp);
        CheckSame("Blur.Box31", Box31OpenCv, Box31SegmentSharp);
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Gaussian7")]
    public void Gaussian7OpenCv() => Cv2.GaussianBlur(SrcMat, DstMat, new Size(7, 7), 0);

    [Benchmark, BenchmarkCategory("Gaussian7")]
    public void Gaussian7SegmentSharp() => GaussianBlur.Apply(Src, Dst, 7, 7, 0);

    [Benchmark(Baseline = true), BenchmarkCategory("Box31")]
    public void Box31OpenCv() => Cv2.BoxFilter(SrcMat, DstMat, MatType.CV_8U, new Size(31, 31));

    [Benchmark, BenchmarkCategory("Box31")]
    public void Box31SegmentSharp() => BoxFilter.Apply(Src, Dst, 31, 31);
}
