using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using OpenCvSharp;
using SegmentSharp.Contours;
using SegmentSharp.Imaging;

namespace SegmentSharp.Benchmarks;

/// <summary>
/// <c>cv::findContours</c> on the Otsu-inverted 12 MP page (text = 255, tens of thousands of glyph borders):
/// RETR_EXTERNAL + CHAIN_APPROX_SIMPLE and RETR_TREE + CHAIN_APPROX_NONE. Both sides return managed arrays
/// (OpenCvSharp's <c>Point[][]</c> + <c>HierarchyIndex[]</c>, ours <c>Point[][]</c> + <c>HierarchyEntry[]</c>), so the
/// OpenCV rows include its copy out of native memory, as a .NET caller pays it. Border following is sequential in both
/// libraries; ours uses threads only for the framed 0/1 copy of the mask.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ContoursBenchmarks : ThreadedBenchmark
{
    private Mat _srcMat = null!;
    private Image<byte> _src = null!;

    [GlobalSetup]
    public void Setup()
    {
        ApplyThreads();
        (_srcMat, _src) = BenchMasks.LoadDoc12InkMask();
        Check("Contours.ExternalSimple", () => Same(ContourMode.External, ContourApproximation.Simple));
        Check("Contours.TreeNone", () => Same(ContourMode.Tree, ContourApproximation.None));
    }

    /// <summary>Same contour count, every point and every hierarchy entry.</summary>
    private bool Same(ContourMode mode, ContourApproximation approx)
    {
        Cv2.FindContours(_srcMat, out OpenCvSharp.Point[][] cv, out HierarchyIndex[] cvH,
            (RetrievalModes)(int)mode, (ContourApproximationModes)(int)approx);
        var ours = ContourFinder.Find(_src, mode, approx, out var h);
        if (cv.Length != ours.Length || cvH.Length != h.Length) return false;
        for (int i = 0; i < cv.Length; i++)
        {
            if (cv[i].Length != ours[i].Length) return false;
            for (int j = 0; j < cv[i].Length; j++)
                if (cv[i][j].X != ours[i][j].X || cv[i][j].Y != ours[i][j].Y) return false;
            var e = cvH[i];
            if (e.Next != h[i].Next || e.Previous != h[i].Previous || e.Child != h[i].FirstChild || e.Parent != h[i].Parent) return false;
        }
        return true;
    }

    [GlobalCleanup]
    public void Cleanup() => _srcMat.Dispose();

    [Benchmark(Baseline = true), BenchmarkCategory("ExternalSimple")]
    public int ExternalSimpleOpenCv()
    {
        Cv2.FindContours(_srcMat, out OpenCvSharp.Point[][] c, out HierarchyIndex[] _, RetrievalModes.External, ContourApproximationModes.ApproxSimple);
        return c.Length;
    }

    [Benchmark, BenchmarkCategory("ExternalSimple")]
    public int ExternalSimpleSegmentSharp() =>
        ContourFinder.Find(_src, ContourMode.External, ContourApproximation.Simple, out _).Length;

    [Benchmark(Baseline = true), BenchmarkCategory("TreeNone")]
    public int TreeNoneOpenCv()
    {
        Cv2.FindContours(_srcMat, out OpenCvSharp.Point[][] c, out HierarchyIndex[] _, RetrievalModes.Tree, ContourApproximationModes.ApproxNone);
        return c.Length;
    }

    [Benchmark, BenchmarkCategory("TreeNone")]
    public int TreeNoneSegmentSharp() =>
        ContourFinder.Find(_src, ContourMode.Tree, ContourApproximation.None, out _).Length;
}
