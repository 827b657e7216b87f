using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
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
public class LocalBenchmarks : LocalBudgetBenchmark
{
    [Benchmark, BenchmarkCategory("Window15")]
    public Image<byte> Niblack15SegmentSharp() => LocalThreshold.Niblack(Src, 15);

    [Benchmark, BenchmarkCategory("Window15")]
    public Image<byte> Sauvola15SegmentSharp() => LocalThreshold.Sauvola(Src, 15);

    [Benchmark, BenchmarkCategory("Window15")]
    public Image<byte> Wolf15SegmentSharp() => LocalThreshold.Wolf(Src, 15);

    [Benchmark, BenchmarkCategory("Window15")]
    public Image<byte> Nick15SegmentSharp() => LocalThreshold.Nick(Src, 15);

    [Benchmark, BenchmarkCategory("Window15")]
    public Image<byte> Bradley15SegmentSharp() => LocalThreshold.Bradley(Src, 15);

    [Benchmark, BenchmarkCategory("Window15")]
    public Image<byte> Phansalkar15SegmentSharp() => LocalThreshold.Phansalkar(Src, 15);

    [Benchmark, BenchmarkCategory("Window15")]
    public Image<byte> Bernsen15SegmentSharp() => LocalThreshold.Bernsen(Src, 15);

    [Benchmark, BenchmarkCategory("Window15")]
    public Image<byte> Contrast15SegmentSharp() => LocalThreshold.Contrast(Src, 15);

    [Benchmark, BenchmarkCategory("Window15")]
    public Image<byte> MidGrey15SegmentSharp() => LocalThreshold.MidGrey(Src, 15);

    [Benchmark, BenchmarkCategory("Window101")]
    public Image<byte> Niblack101SegmentSharp() => LocalThreshold.Niblack(Src, 101);

    [Benchmark, BenchmarkCategory("Window101")]
    public Image<byte> Sauvola101SegmentSharp() => LocalThreshold.Sauvola(Src, 101);

    [Benchmark, BenchmarkCategory("Window101")]
    public Image<byte> Wolf101SegmentSharp() => LocalThreshold.Wolf(Src, 101);

    [Benchmark, BenchmarkCategory("Window101")]
    public Image<byte> Nick101SegmentSharp() => LocalThreshold.Nick(Src, 101);

    [Benchmark, BenchmarkCategory("Window101")]
    public Image<byte> Bradley101SegmentSharp() => LocalThreshold.Bradley(Src, 101);

    [Benchmark, BenchmarkCategory("Window101")]
    public Image<byte> Phansalkar101SegmentSharp() => LocalThreshold.Phansalkar(Src, 101);

    [Benchmark, BenchmarkCategory("Window101")]
    public Image<byte> Bernsen101SegmentSharp() => LocalThreshold.Bernsen(Src, 101);

    [Benchmark, BenchmarkCategory("Window101")]
    public Image<byte> Contrast101SegmentSharp() => LocalThreshold.Contrast(Src, 101);

    [Benchmark, BenchmarkCategory("Window101")]
    public Image<byte> MidGrey101SegmentSharp() => LocalThreshold.MidGrey(Src, 101);
}
