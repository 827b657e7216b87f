using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using SegmentSharp.Imaging;
using SegmentSharp.Thresholding.Local;

namespace SegmentSharp.Benchmarks;

/// <summary>
/// Every local method of issue 3 (defaults of each, Bradley with a set window) at windows 15 and 101 on the 12 MP
/// page. OpenCV core has none of them, so the baseline is the budget issue 3 sets: <c>cv::adaptiveThreshold</c> mean
/// (C 5) at the same window, the cheapest local threshold OpenCV offers, into a preallocated output; ours write into a
/// preallocated mask too (the <c>dst</c> overloads). There is no output to compare.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class LocalBenchmarks : LocalBudgetBenchmark
{
    [Benchmark, BenchmarkCategory("Window15")]
    public void Niblack15SegmentSharp() => LocalThreshold.Niblack(Src, Dst, 15);

    [Benchmark, BenchmarkCategory("Window15")]
    public void Sauvola15SegmentSharp() => LocalThreshold.Sauvola(Src, Dst, 15);

    [Benchmark, BenchmarkCategory("Window15")]
    public void Wolf15SegmentSharp() => LocalThreshold.Wolf(Src, Dst, 15);

    [Benchmark, BenchmarkCategory("Window15")]
    public void Nick15SegmentSharp() => LocalThreshold.Nick(Src, Dst, 15);

    [Benchmark, BenchmarkCategory("Window15")]
    public void Bradley15SegmentSharp() => LocalThreshold.Bradley(Src, Dst, 15);

    [Benchmark, BenchmarkCategory("Window15")]
    public void Phansalkar15SegmentSharp() => LocalThreshold.Phansalkar(Src, Dst, 15);

    [Benchmark, BenchmarkCategory("Window15")]
    public void Bernsen15SegmentSharp() => LocalThreshold.Bernsen(Src, Dst, 15);

    [Benchmark, BenchmarkCategory("Window15")]
    public void Contrast15SegmentSharp() => LocalThreshold.Contrast(Src, Dst, 15);

    [Benchmark, BenchmarkCategory("Window15")]
    public void MidGrey15SegmentSharp() => LocalThreshold.MidGrey(Src, Dst, 15);

    [Benchmark, BenchmarkCategory("Window101")]
    public void Niblack101SegmentSharp() => LocalThreshold.Niblack(Src, Dst, 101);

    [Benchmark, BenchmarkCategory("Window101")]
    public void Sauvola101SegmentSharp() => LocalThreshold.Sauvola(Src, Dst, 101);

    [Benchmark, BenchmarkCategory("Window101")]
    public void Wolf101SegmentSharp() => LocalThreshold.Wolf(Src, Dst, 101);

    [Benchmark, BenchmarkCategory("Window101")]
    public void Nick101SegmentSharp() => LocalThreshold.Nick(Src, Dst, 101);

    [Benchmark, BenchmarkCategory("Window101")]
    public void Bradley101SegmentSharp() => LocalThreshold.Bradley(Src, Dst, 101);

    [Benchmark, BenchmarkCategory("Window101")]
    public void Phansalkar101SegmentSharp() => LocalThreshold.Phansalkar(Src, Dst, 101);

    [Benchmark, BenchmarkCategory("Window101")]
    public void Bernsen101SegmentSharp() => LocalThreshold.Bernsen(Src, Dst, 101);

    [Benchmark, BenchmarkCategory("Window101")]
    public void Contrast101SegmentSharp() => LocalThreshold.Contrast(Src, Dst, 101);

    [Benchmark, BenchmarkCategory("Window101")]
    public void MidGrey101SegmentSharp() => LocalThreshold.MidGrey(Src, Dst, 101);
}
