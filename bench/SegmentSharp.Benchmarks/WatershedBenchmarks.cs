using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using OpenCvSharp;
using SegmentSharp.Imaging;
using SegmentSharp.Segmentation;

namespace SegmentSharp.Benchmarks;

/// <summary>
/// <c>cv::watershed</c> on the 12 MP page as BGR, seeded with a marker every 48 pixels (a background seed in every
/// other cell): each call first restores the seeds into the marker image, on both sides. Both implementations are
/// sequential, so the Threads parameter only shows that nothing else changes.
/// </summary>
public class WatershedBenchmarks : ThreadedBenchmark
{
    private Mat _bgrMat = null!, _seedsMat = null!, _markersMat = null!;
    private Image<byte> _bgr = null!;
    private int[] _seeds = null!;
    private Image<int> _markers = null!;

    [GlobalSetup]
    public void Setup()
    {
        ApplyThreads();
        var (grayMat, _) = BenchData.LoadDoc12();
        _bgrMat = new Mat();
        Cv2.CvtColor(grayMat, _bgrMat, ColorConversionCodes.GRAY2BGR);
        grayMat.Dispose();
        _bgr = new Image<byte>(_bgrMat.Width, _bgrMat.Height, 3);
        for (int y = 0; y < _bgr.Height; y++) Marshal.Copy(_bgrMat.Ptr(y), _bgr.Data, y * _bgr.Stride, _bgr.Width * 3);
        int w = _bgr.Width, h = _bgr.Height;
        _seeds = new int[w * h];
        int label = 2;
        for (int y = 24; y < h; y += 48)
            for (int x = 24; x < w; x += 48)
                _seeds[y * w + x] = ((x / 48 + y / 48) % 2 == 0) ? 1 : label++;
        _seedsMat = new Mat(h, w, MatType.CV_32SC1);
        for (int y = 0; y < h; y++) Marshal.Copy(_seeds, y * w, _seedsMat.Ptr(y), w);
        _markersMat = _seedsMat.Clone();
        _markers = new Image<int>(w, h);
        Check("Watershed.Seeds48", () =>
        {
            Seeds48OpenCv();
            Seeds48SegmentSharp();
            var row = new int[w];
            for (int y = 0; y < h; y++)
            {
                Marshal.Copy(_markersMat.Ptr(y), row, 0, w);
                if (!row.AsSpan().SequenceEqual(_markers.Row(y))) return false;
            }
            return true;
        });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var m in new[] { _bgrMat, _seedsMat, _markersMat }) m.Dispose();
    }

    [Benchmark(Baseline = true)]
    public void Seeds48OpenCv()
    {
        _seedsMat.CopyTo(_markersMat);
        Cv2.Watershed(_bgrMat, _markersMat);
    }

    [Benchmark]
    public void Seeds48SegmentSharp()
    {
        _seeds.CopyTo(_markers.Data, 0);
        Watershed.Apply(_bgr, _markers);
    }
}
