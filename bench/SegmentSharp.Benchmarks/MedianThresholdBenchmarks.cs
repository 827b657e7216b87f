using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using OpenCvSharp;
using SegmentSharp.Thresholding.Local;

namespace SegmentSharp.Benchmarks;

/// <summary>
/// The local median threshold against the OpenCV operation that computes the same statistic: <c>cv::medianBlur</c> at
/// the same window on the 12 MP page, into a preallocated output. Ours also compares each pixel with its median, so it
/// does strictly more; the outputs differ by kind (a mask against a filtered image) and are not compared.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class MedianThresholdBenchmarks : PageBenchmark
{
    [GlobalSetup]
    public void Setup() => LoadPage();

    [Benchmark(Baseline = true), BenchmarkCategory("Window15")]
    public void MedianBlur15OpenCv() => Cv2.MedianBlur(SrcMat, DstMat, 15);

    [Benchmark, BenchmarkCategory("Window15")]
    public void Median15SegmentSharp() => LocalThreshold.Median(Src, Dst, 15);

    [Benchmark(Baseline = true), BenchmarkCategory("Window101")]
    public void MedianBlur101OpenCv() => Cv2.MedianBlur(SrcMat, DstMat, 101);

    [Benchmark, BenchmarkCategory("Window101")]
    public void Median101SegmentSharp() => LocalThreshold.Median(Src, Dst, 101);
}
