using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using OpenCvSharp;
using SegmentSharp.Components;
using SegmentSharp.Enhancement;
using SegmentSharp.Imaging;

namespace SegmentSharp.Benchmarks;

/// <summary>
/// The `segment threshold` preprocessing calls on the 12 MP gray page: Invert against <c>cv::bitwise_not</c> (identical
/// output), background normalization against the usual OpenCV recipe (downscale, dilate, blur, upscale, divide; similar
/// idea, different output, so no identity check) and despeckling of the Otsu mask against the
/// <c>connectedComponentsWithStats</c> + lookup-table idiom (identical output).
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class PreprocessBenchmarks : PageBenchmark
{
    private Mat _maskMat = null!, _invMat = null!, _labels = null!, _stats = null!, _centroids = null!, _small = null!, _bg = null!;
    private Image<byte> _mask = null!, _despeckled = null!;
    private const int MinArea = 10;

    [GlobalSetup]
    public void Setup()
    {
        LoadPage();
        _maskMat = new Mat();
        Cv2.Threshold(SrcMat, _maskMat, 0, 255, ThresholdTypes.Binary | ThresholdTypes.Otsu);
        _mask = BenchData.ToImage(_maskMat);
        _invMat = new Mat();
        _labels = new Mat();
        _stats = new Mat();
        _centroids = new Mat();
        _small = new Mat();
        _bg = new Mat();
        CheckSame("Preprocess.Invert", InvertOpenCv, InvertSegmentSharp);
        Check("Preprocess.Despeckle", () =>
        {
            DespeckleOpenCv();
            DespeckleSegmentSharp();
            return BenchData.SamePixels(DstMat, _despeckled);
        });
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Invert")]
    public void InvertOpenCv() => Cv2.BitwiseNot(SrcMat, DstMat);

    [Benchmark, BenchmarkCategory("Invert")]
    public void InvertSegmentSharp() => Invert.Apply(Src.ReadOnlyView, Dst.View);

    /// <summary>Window 101 (the default for 4000 × 3000): background on a 1/12 grid, as ours.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("NormalizeBackground")]
    public void NormalizeBackgroundOpenCv()
    {
        Cv2.Resize(SrcMat, _small, new Size(SrcMat.Cols / 12, SrcMat.Rows / 12), 0, 0, InterpolationFlags.Area);
        using var k = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(9, 9));
        Cv2.Dilate(_small, _small, k);
        Cv2.Blur(_small, _small, new Size(9, 9));
        Cv2.Resize(_small, _bg, SrcMat.Size(), 0, 0, InterpolationFlags.Linear);
        Cv2.Divide(SrcMat, _bg, DstMat, 255);
    }

    [Benchmark, BenchmarkCategory("NormalizeBackground")]
    public void NormalizeBackgroundSegmentSharp() => BackgroundNormalization.Apply(Src.ReadOnlyView, Dst.View, 101);

    [Benchmark(Baseline = true), BenchmarkCategory("Despeckle")]
    public void DespeckleOpenCv()
    {
        Cv2.BitwiseNot(_maskMat, _invMat);
        int n = Cv2.ConnectedComponentsWithStats(_invMat, _labels, _stats, _centroids, PixelConnectivity.Connectivity8, MatType.CV_32S);
        var lut = new byte[n];
        for (int i = 1; i < n; i++) lut[i] = _stats.At<int>(i, (int)ConnectedComponentsTypes.Area) < MinArea ? (byte)255 : (byte)0;
        _maskMat.CopyTo(DstMat);
        unsafe
        {
            int rows = _labels.Rows, cols = _labels.Cols;
            for (int y = 0; y < rows; y++)
            {
                int* l = (int*)_labels.Ptr(y);
                byte* d = (byte*)DstMat.Ptr(y);
                for (int x = 0; x < cols; x++) d[x] |= lut[l[x]];
            }
        }
    }

    [Benchmark, BenchmarkCategory("Despeckle")]
    public void DespeckleSegmentSharp() => _despeckled = Despeckle.Apply(_mask.ReadOnlyView, MinArea);
}
