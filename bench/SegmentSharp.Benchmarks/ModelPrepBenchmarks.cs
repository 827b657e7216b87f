using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using OpenCvSharp;
using SegmentSharp.Imaging;
using SegmentSharp.Models;

namespace SegmentSharp.Benchmarks;

/// <summary>
/// Model preprocessing on the 12 MP gray page: bilinear resize to 1333 × 1000 (a typical detector input) against
/// <c>cv::resize(INTER_LINEAR)</c>, identical output; nearest resize of the same size against <c>INTER_NEAREST</c>.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ModelPrepBenchmarks : PageBenchmark
{
    private const int W = 1333, H = 1000;
    private Mat _small = null!;
    private Image<byte> _ours = null!;

    [GlobalSetup]
    public void Setup()
    {
        LoadPage();
        _small = new Mat();
        _ours = new Image<byte>(W, H);
        ResizeLinearOpenCv();
        ResizeLinearSegmentSharp();
        if (!BenchData.SamePixels(_small, _ours)) throw new InvalidOperationException("ModelPrep.ResizeLinear: outputs differ");
        ResizeNearestOpenCv();
        ResizeNearestSegmentSharp();
        if (!BenchData.SamePixels(_small, _ours)) throw new InvalidOperationException("ModelPrep.ResizeNearest: outputs differ");
    }

    [Benchmark(Baseline = true), BenchmarkCategory("ResizeLinear")]
    public void ResizeLinearOpenCv() => Cv2.Resize(SrcMat, _small, new Size(W, H), 0, 0, InterpolationFlags.Linear);

    [Benchmark, BenchmarkCategory("ResizeLinear")]
    public void ResizeLinearSegmentSharp() => LinearResize.Resize(Src.ReadOnlyView, _ours.View);

    [Benchmark(Baseline = true), BenchmarkCategory("ResizeNearest")]
    public void ResizeNearestOpenCv() => Cv2.Resize(SrcMat, _small, new Size(W, H), 0, 0, InterpolationFlags.Nearest);

    [Benchmark, BenchmarkCategory("ResizeNearest")]
    public void ResizeNearestSegmentSharp() => NearestResize.Resize(Src.ReadOnlyView, _ours.View);
}
