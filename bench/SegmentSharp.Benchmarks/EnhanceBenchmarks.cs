using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using OpenCvSharp;
using SegmentSharp.Enhancement;
using SegmentSharp.Filters;
using SegmentSharp.Imaging;

namespace SegmentSharp.Benchmarks;

/// <summary>
/// <c>cv::medianBlur</c> at apertures 3, 5 and 21 (OpenCV's sorting-network, small-histogram and large-histogram
/// paths) and CLAHE with OpenCV's defaults (clip limit 40, 8×8 tiles) on the 12 MP gray page into a preallocated output.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class EnhanceBenchmarks : ThreadedBenchmark
{
    private Mat _srcMat = null!, _dstMat = null!;
    private CLAHE _clahe = null!;
    private Image<byte> _src = null!, _dst = null!;

    [GlobalSetup]
    public void Setup()
    {
        ApplyThreads();
        (_srcMat, _src) = BenchData.LoadDoc12();
        _dstMat = new Mat(_srcMat.Size(), MatType.CV_8UC1);
        _dst = _src.CloneEmpty();
        _clahe = Cv2.CreateCLAHE(40, new Size(8, 8));
        foreach (var (name, cv, ours) in new (string, Action, Action)[]
                 {
                     ("Enhance.Median3", Median3OpenCv, Median3SegmentSharp),
                     ("Enhance.Median5", Median5OpenCv, Median5SegmentSharp),
                     ("Enhance.Median21", Median21OpenCv, Median21SegmentSharp),
                     ("Enhance.Clahe", ClaheOpenCv, ClaheSegmentSharp),
                 })
        {
            CheckSame(name, cv, ours, _dstMat, _dst);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _clahe.Dispose();
        _srcMat.Dispose();
        _dstMat.Dispose();
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Median3")]
    public void Median3OpenCv() => Cv2.MedianBlur(_srcMat, _dstMat, 3);

    [Benchmark, BenchmarkCategory("Median3")]
    public void Median3SegmentSharp() => MedianBlur.Apply(_src, _dst, 3);

    [Benchmark(Baseline = true), BenchmarkCategory("Median5")]
    public void Median5OpenCv() => Cv2.MedianBlur(_srcMat, _dstMat, 5);

    [Benchmark, BenchmarkCategory("Median5")]
    public void Median5SegmentSharp() => MedianBlur.Apply(_src, _dst, 5);

    [Benchmark(Baseline = true), BenchmarkCategory("Median21")]
    public void Median21OpenCv() => Cv2.MedianBlur(_srcMat, _dstMat, 21);

    [Benchmark, BenchmarkCategory("Median21")]
    public void Median21SegmentSharp() => MedianBlur.Apply(_src, _dst, 21);

    [Benchmark(Baseline = true), BenchmarkCategory("Clahe")]
    public void ClaheOpenCv() => _clahe.Apply(_srcMat, _dstMat);

    [Benchmark, BenchmarkCategory("Clahe")]
    public void ClaheSegmentSharp() => Clahe.Apply(_src, _dst);
}
