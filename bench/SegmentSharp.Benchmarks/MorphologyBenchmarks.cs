using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using OpenCvSharp;
using SegmentSharp.Imaging;
using SegmentSharp.Morphology;
using Morph = SegmentSharp.Morphology.Morphology;

namespace SegmentSharp.Benchmarks;

/// <summary>
/// <c>cv::erode</c> and <c>cv::morphologyEx(MORPH_OPEN)</c> with OpenCV's default anchor, one iteration and constant
/// border, on the Otsu-inverted 12 MP page (text = 255) into a preallocated output. The 15×15 rectangle is the
/// large separable case, the 7×7 ellipse a non-rectangular one.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class MorphologyBenchmarks : ThreadedBenchmark
{
    private Mat _srcMat = null!, _dstMat = null!, _rect3Cv = null!, _rect15Cv = null!, _ellipse7Cv = null!, _rect5Cv = null!, _ellipse5Cv = null!;
    private Image<byte> _src = null!, _dst = null!;
    private readonly StructuringElement _rect3 = StructuringElement.Rectangle(3, 3);
    private readonly StructuringElement _rect15 = StructuringElement.Rectangle(15, 15);
    private readonly StructuringElement _ellipse7 = StructuringElement.Ellipse(7, 7);
    private readonly StructuringElement _rect5 = StructuringElement.Rectangle(5, 5);
    private readonly StructuringElement _ellipse5 = StructuringElement.Ellipse(5, 5);

    [GlobalSetup]
    public void Setup()
    {
        ApplyThreads();
        (_srcMat, _src) = BenchMasks.LoadDoc12InkMask();
        _dstMat = new Mat(_srcMat.Size(), MatType.CV_8UC1);
        _dst = _src.CloneEmpty();
        _rect3Cv = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(3, 3));
        _rect15Cv = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(15, 15));
        _ellipse7Cv = Cv2.GetStructuringElement(MorphShapes.Ellipse, new Size(7, 7));
        _rect5Cv = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(5, 5));
        _ellipse5Cv = Cv2.GetStructuringElement(MorphShapes.Ellipse, new Size(5, 5));
        foreach (var (name, cv, ours) in new (string, Action, Action)[]
                 {
                     ("Morphology.ErodeRect3", ErodeRect3OpenCv, ErodeRect3SegmentSharp),
                     ("Morphology.ErodeRect15", ErodeRect15OpenCv, ErodeRect15SegmentSharp),
                     ("Morphology.ErodeEllipse7", ErodeEllipse7OpenCv, ErodeEllipse7SegmentSharp),
                     ("Morphology.OpenRect5", OpenRect5OpenCv, OpenRect5SegmentSharp),
                     ("Morphology.DilateRect3", DilateRect3OpenCv, DilateRect3SegmentSharp),
                     ("Morphology.DilateRect15", DilateRect15OpenCv, DilateRect15SegmentSharp),
                     ("Morphology.OpenEllipse5", OpenEllipse5OpenCv, OpenEllipse5SegmentSharp),
                 })
        {
            CheckSame(name, cv, ours, _dstMat, _dst);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var m in new[] { _srcMat, _dstMat, _rect3Cv, _rect15Cv, _ellipse7Cv, _rect5Cv, _ellipse5Cv }) m.Dispose();
    }

    [Benchmark(Baseline = true), BenchmarkCategory("ErodeRect3")]
    public void ErodeRect3OpenCv() => Cv2.Erode(_srcMat, _dstMat, _rect3Cv);

    [Benchmark, BenchmarkCategory("ErodeRect3")]
    public void ErodeRect3SegmentSharp() => Morph.Erode(_src, _dst, _rect3);

    [Benchmark(Baseline = true), BenchmarkCategory("ErodeRect15")]
    public void ErodeRect15OpenCv() => Cv2.Erode(_srcMat, _dstMat, _rect15Cv);

    [Benchmark, BenchmarkCategory("ErodeRect15")]
    public void ErodeRect15SegmentSharp() => Morph.Erode(_src, _dst, _rect15);

    [Benchmark(Baseline = true), BenchmarkCategory("ErodeEllipse7")]
    public void ErodeEllipse7OpenCv() => Cv2.Erode(_srcMat, _dstMat, _ellipse7Cv);

    [Benchmark, BenchmarkCategory("ErodeEllipse7")]
    public void ErodeEllipse7SegmentSharp() => Morph.Erode(_src, _dst, _ellipse7);

    [Benchmark(Baseline = true), BenchmarkCategory("OpenRect5")]
    public void OpenRect5OpenCv() => Cv2.MorphologyEx(_srcMat, _dstMat, MorphTypes.Open, _rect5Cv);

    [Benchmark, BenchmarkCategory("OpenRect5")]
    public void OpenRect5SegmentSharp() => Morph.Apply(MorphOperation.Open, _src, _dst, _rect5);

    [Benchmark(Baseline = true), BenchmarkCategory("DilateRect3")]
    public void DilateRect3OpenCv() => Cv2.Dilate(_srcMat, _dstMat, _rect3Cv);

    [Benchmark, BenchmarkCategory("DilateRect3")]
    public void DilateRect3SegmentSharp() => Morph.Dilate(_src, _dst, _rect3);

    [Benchmark(Baseline = true), BenchmarkCategory("DilateRect15")]
    public void DilateRect15OpenCv() => Cv2.Dilate(_srcMat, _dstMat, _rect15Cv);

    [Benchmark, BenchmarkCategory("DilateRect15")]
    public void DilateRect15SegmentSharp() => Morph.Dilate(_src, _dst, _rect15);

    [Benchmark(Baseline = true), BenchmarkCategory("OpenEllipse5")]
    public void OpenEllipse5OpenCv() => Cv2.MorphologyEx(_srcMat, _dstMat, MorphTypes.Open, _ellipse5Cv);

    [Benchmark, BenchmarkCategory("OpenEllipse5")]
    public void OpenEllipse5SegmentSharp() => Morph.Apply(MorphOperation.Open, _src, _dst, _ellipse5);
}
