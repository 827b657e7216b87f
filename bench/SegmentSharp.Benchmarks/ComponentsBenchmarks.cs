using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using OpenCvSharp;
using SegmentSharp.Components;
using SegmentSharp.Imaging;
using CC = SegmentSharp.Components.ConnectedComponents;

namespace SegmentSharp.Benchmarks;

/// <summary>
/// <c>cv::connectedComponentsWithStats(..., CV_32S)</c> at 8- and 4-connectivity on the Otsu-inverted 12 MP page
/// (text = 255, tens of thousands of components), labels and stats written into preallocated outputs where the API allows.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ComponentsBenchmarks : ThreadedBenchmark
{
    private Mat _srcMat = null!, _labelsMat = null!, _statsMat = null!, _centroidsMat = null!;
    private Image<byte> _src = null!;
    private Image<int> _labels = null!;

    [GlobalSetup]
    public void Setup()
    {
        ApplyThreads();
        (_srcMat, _src) = BenchMasks.LoadDoc12InkMask();
        _labelsMat = new Mat();
        _statsMat = new Mat();
        _centroidsMat = new Mat();
        _labels = new Image<int>(_src.Width, _src.Height);
        Check("Components.Eight", () => Same(PixelConnectivity.Connectivity8, Connectivity.Eight));
        Check("Components.Four", () => Same(PixelConnectivity.Connectivity4, Connectivity.Four));
    }

    /// <summary>Labels identical pixel for pixel, and the same left/top/width/height/area row for every label.</summary>
    private bool Same(PixelConnectivity cvConn, Connectivity ours)
    {
        int n = Cv2.ConnectedComponentsWithStats(_srcMat, _labelsMat, _statsMat, _centroidsMat, cvConn, MatType.CV_32S);
        var stats = CC.LabelWithStats(_src, _labels, ours);
        if (stats.Count != n || !BenchMasks.SameLabels(_labelsMat, _labels)) return false;
        var row = new int[5];
        for (int i = 0; i < n; i++)
        {
            Marshal.Copy(_statsMat.Ptr(i), row, 0, 5);
            var c = stats[i];
            if (row[0] != c.Left || row[1] != c.Top || row[2] != c.Width || row[3] != c.Height || row[4] != c.Area) return false;
        }
        return true;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var m in new[] { _srcMat, _labelsMat, _statsMat, _centroidsMat }) m.Dispose();
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Eight")]
    public int EightOpenCv() =>
        Cv2.ConnectedComponentsWithStats(_srcMat, _labelsMat, _statsMat, _centroidsMat, PixelConnectivity.Connectivity8, MatType.CV_32S);

    [Benchmark, BenchmarkCategory("Eight")]
    public int EightSegmentSharp() => CC.LabelWithStats(_src, _labels, Connectivity.Eight).Count;

    [Benchmark(Baseline = true), BenchmarkCategory("Four")]
    public int FourOpenCv() =>
        Cv2.ConnectedComponentsWithStats(_srcMat, _labelsMat, _statsMat, _centroidsMat, PixelConnectivity.Connectivity4, MatType.CV_32S);

    [Benchmark, BenchmarkCategory("Four")]
    public int FourSegmentSharp() => CC.LabelWithStats(_src, _labels, Connectivity.Four).Count;
}
