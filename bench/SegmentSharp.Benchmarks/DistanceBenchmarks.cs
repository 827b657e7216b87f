using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using OpenCvSharp;
using SegmentSharp.Distance;
using SegmentSharp.Imaging;

namespace SegmentSharp.Benchmarks;

/// <summary>
/// <c>cv::distanceTransform(DIST_L2, DIST_MASK_PRECISE)</c> and <c>(DIST_L2, 3)</c> on the Otsu-inverted 12 MP page
/// (text = 255, so every ink pixel gets its distance to the paper) into a preallocated float output.
/// </summary>
/// <remarks>
/// OpenCvSharp's OpenCV is built with IPP: on one thread the precise transform runs IPP (whose square root is about one
/// ulp off), on more threads OpenCV's own code (which we match bit for bit); the 3×3 chamfer always runs IPP's float
/// routine, which we match to float rounding. The check therefore accepts 1e-5 relative and says so in its name.
/// </remarks>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class DistanceBenchmarks : ThreadedBenchmark
{
    private Mat _srcMat = null!, _dstMat = null!;
    private Image<byte> _src = null!;
    private Image<float> _dst = null!;

    [GlobalSetup]
    public void Setup()
    {
        ApplyThreads();
        (_srcMat, _src) = BenchMasks.LoadDoc12InkMask();
        _dstMat = new Mat(_srcMat.Size(), MatType.CV_32FC1);
        _dst = new Image<float>(_src.Width, _src.Height);
        Check("Distance.L2Precise.within1e-5", () => { L2PreciseOpenCv(); L2PreciseSegmentSharp(); return Close(); });
        Check("Distance.L2Mask3.within1e-5", () => { L2Mask3OpenCv(); L2Mask3SegmentSharp(); return Close(); });
    }

    private bool Close()
    {
        var row = new float[_dst.Width];
        for (int y = 0; y < _dst.Height; y++)
        {
            Marshal.Copy(_dstMat.Ptr(y), row, 0, row.Length);
            var ours = _dst.Row(y);
            for (int x = 0; x < row.Length; x++)
                if (Math.Abs(row[x] - ours[x]) > 1e-5 * Math.Max(1f, Math.Abs(row[x]))) return false;
        }
        return true;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _srcMat.Dispose();
        _dstMat.Dispose();
    }

    [Benchmark(Baseline = true), BenchmarkCategory("L2Precise")]
    public void L2PreciseOpenCv() => Cv2.DistanceTransform(_srcMat, _dstMat, DistanceTypes.L2, DistanceTransformMasks.Precise);

    [Benchmark, BenchmarkCategory("L2Precise")]
    public void L2PreciseSegmentSharp() => DistanceTransform.Apply(_src, _dst, DistanceType.L2, DistanceMask.Precise);

    [Benchmark(Baseline = true), BenchmarkCategory("L2Mask3")]
    public void L2Mask3OpenCv() => Cv2.DistanceTransform(_srcMat, _dstMat, DistanceTypes.L2, DistanceTransformMasks.Mask3);

    [Benchmark, BenchmarkCategory("L2Mask3")]
    public void L2Mask3SegmentSharp() => DistanceTransform.Apply(_src, _dst, DistanceType.L2, DistanceMask.Mask3);
}
