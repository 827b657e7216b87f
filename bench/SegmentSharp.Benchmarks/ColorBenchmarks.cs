using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using OpenCvSharp;
using SegmentSharp.Color;
using SegmentSharp.Imaging;

namespace SegmentSharp.Benchmarks;

/// <summary>
/// <c>cv::cvtColor</c> on a 2.4 MP colour picture (samples/astronaut.png resized to 1920×1248 with bilinear
/// interpolation): BGR→Lab, BGR→HSV, Lab→BGR, BGR→Luv and Luv→BGR, each writing into a preallocated output on both sides.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ColorBenchmarks : ThreadedBenchmark
{
    private const int Width = 1920, Height = 1248;
    private Mat _bgrMat = null!, _labMat = null!, _luvMat = null!, _outMat = null!;
    private Image<byte> _bgr = null!, _lab = null!, _luv = null!, _out = null!;

    [GlobalSetup]
    public void Setup()
    {
        ApplyThreads();
        using var small = Cv2.ImRead(BenchPaths.Sample("astronaut.png"), ImreadModes.Color);
        _bgrMat = new Mat();
        Cv2.Resize(small, _bgrMat, new OpenCvSharp.Size(Width, Height), 0, 0, InterpolationFlags.Linear);
        _bgr = new Image<byte>(Width, Height, 3);
        for (int y = 0; y < Height; y++) Marshal.Copy(_bgrMat.Ptr(y), _bgr.Data, y * _bgr.Stride, Width * 3);
        _labMat = new Mat();
        Cv2.CvtColor(_bgrMat, _labMat, ColorConversionCodes.BGR2Lab);
        _lab = new Image<byte>(Width, Height, 3);
        for (int y = 0; y < Height; y++) Marshal.Copy(_labMat.Ptr(y), _lab.Data, y * _lab.Stride, Width * 3);
        _luvMat = new Mat();
        Cv2.CvtColor(_bgrMat, _luvMat, ColorConversionCodes.BGR2Luv);
        _luv = new Image<byte>(Width, Height, 3);
        for (int y = 0; y < Height; y++) Marshal.Copy(_luvMat.Ptr(y), _luv.Data, y * _luv.Stride, Width * 3);
        _outMat = new Mat(Height, Width, MatType.CV_8UC3);
        _out = new Image<byte>(Width, Height, 3);
        CheckColour("Color.BgrToLab", BgrToLabOpenCv, BgrToLabSegmentSharp);
        CheckColour("Color.BgrToHsv", BgrToHsvOpenCv, BgrToHsvSegmentSharp);
        CheckColour("Color.LabToBgr", LabToBgrOpenCv, LabToBgrSegmentSharp);
        CheckColour("Color.BgrToLuv", BgrToLuvOpenCv, BgrToLuvSegmentSharp);
        CheckColour("Color.LuvToBgr", LuvToBgrOpenCv, LuvToBgrSegmentSharp);
    }

    // BenchData.SamePixels compares single-channel images; these outputs have three channels.
    private void CheckColour(string name, Action openCv, Action ours) => Check(name, () =>
    {
        openCv();
        ours();
        var row = new byte[Width * 3];
        for (int y = 0; y < Height; y++)
        {
            Marshal.Copy(_outMat.Ptr(y), row, 0, row.Length);
            if (!row.AsSpan().SequenceEqual(_out.Row(y))) return false;
        }
        return true;
    });

    [Benchmark(Baseline = true), BenchmarkCategory("BgrToLab")]
    public void BgrToLabOpenCv() => Cv2.CvtColor(_bgrMat, _outMat, ColorConversionCodes.BGR2Lab);

    [Benchmark, BenchmarkCategory("BgrToLab")]
    public void BgrToLabSegmentSharp() => ColorConversion.Convert(_bgr, _out, ColorCode.BGR2Lab);

    [Benchmark(Baseline = true), BenchmarkCategory("BgrToHsv")]
    public void BgrToHsvOpenCv() => Cv2.CvtColor(_bgrMat, _outMat, ColorConversionCodes.BGR2HSV);

    [Benchmark, BenchmarkCategory("BgrToHsv")]
    public void BgrToHsvSegmentSharp() => ColorConversion.Convert(_bgr, _out, ColorCode.BGR2HSV);

    [Benchmark(Baseline = true), BenchmarkCategory("LabToBgr")]
    public void LabToBgrOpenCv() => Cv2.CvtColor(_labMat, _outMat, ColorConversionCodes.Lab2BGR);

    [Benchmark, BenchmarkCategory("LabToBgr")]
    public void LabToBgrSegmentSharp() => ColorConversion.Convert(_lab, _out, ColorCode.Lab2BGR);

    [Benchmark(Baseline = true), BenchmarkCategory("BgrToLuv")]
    public void BgrToLuvOpenCv() => Cv2.CvtColor(_bgrMat, _outMat, ColorConversionCodes.BGR2Luv);

    [Benchmark, BenchmarkCategory("BgrToLuv")]
    public void BgrToLuvSegmentSharp() => ColorConversion.Convert(_bgr, _out, ColorCode.BGR2Luv);

    [Benchmark(Baseline = true), BenchmarkCategory("LuvToBgr")]
    public void LuvToBgrOpenCv() => Cv2.CvtColor(_luvMat, _outMat, ColorConversionCodes.Luv2BGR);

    [Benchmark, BenchmarkCategory("LuvToBgr")]
    public void LuvToBgrSegmentSharp() => ColorConversion.Convert(_luv, _out, ColorCode.Luv2BGR);
}
