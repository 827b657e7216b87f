using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using OpenCvSharp;
using SegmentSharp.Imaging;
using SegmentSharp.Segmentation;

namespace SegmentSharp.Benchmarks;

/// <summary>
/// <c>cv::grabCut</c> from a rectangle, 5 iterations, on the coffee sample resized to 640×427 (bilinear). Both sides
/// start their k-means++ from the same RNG state, so the check compares identical masks. The work is sequential
/// apart from OpenCV's k-means distance loops.
/// </summary>
public class GrabCutBenchmarks : ThreadedBenchmark
{
    private const ulong RngState = ulong.MaxValue;
    private static readonly OpenCvSharp.Rect CvRect = new(64, 32, 502, 363);
    private static readonly Geometry.Rect OurRect = new(64, 32, 502, 363);

    private Mat _bgrMat = null!, _maskMat = null!, _bgdMat = null!, _fgdMat = null!;
    private Image<byte> _bgr = null!, _mask = null!;

    [GlobalSetup]
    public void Setup()
    {
        ApplyThreads();
        using var src = Cv2.ImRead(BenchPaths.Sample("coffee.png"), ImreadModes.Color);
        _bgrMat = new Mat();
        Cv2.Resize(src, _bgrMat, new OpenCvSharp.Size(640, 427), 0, 0, InterpolationFlags.Linear);
        _bgr = new Image<byte>(640, 427, 3);
        for (int y = 0; y < 427; y++) Marshal.Copy(_bgrMat.Ptr(y), _bgr.Data, y * _bgr.Stride, 640 * 3);
        _maskMat = new Mat(427, 640, MatType.CV_8UC1, Scalar.All(0));
        _bgdMat = new Mat();
        _fgdMat = new Mat();
        _mask = new Image<byte>(640, 427);
        CheckSame("GrabCut.Rect5", Rect5OpenCv, Rect5SegmentSharp, _maskMat, _mask);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var m in new[] { _bgrMat, _maskMat, _bgdMat, _fgdMat }) m.Dispose();
    }

    [Benchmark(Baseline = true)]
    public void Rect5OpenCv()
    {
        Cv2.SetTheRNG(RngState);
        Cv2.GrabCut(_bgrMat, _maskMat, CvRect, _bgdMat, _fgdMat, 5, GrabCutModes.InitWithRect);
    }

    [Benchmark]
    public void Rect5SegmentSharp()
    {
        GrabCut.Apply(_bgr, _mask, OurRect, new double[65], new double[65], 5, GrabCutMode.InitWithRect, RngState);
    }
}
