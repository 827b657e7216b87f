using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using OpenCvSharp;
using SegmentSharp.Imaging;
using SegmentSharp.Thresholding;

namespace SegmentSharp.Benchmarks;

/// <summary>
/// Global thresholds on the 12 MP page, writing into a preallocated output for both libraries:
/// <c>cv::threshold</c> with a fixed 127, with <c>THRESH_OTSU</c> and with <c>THRESH_TRIANGLE</c>.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ThresholdBenchmarks : PageBenchmark
{
    [GlobalSetup]
    public void Setup()
    {
        LoadPage();
        foreach (var (name, auto, cvFlag) in new[]
                 {
                     ("Threshold.Binary127", AutoThreshold.None, ThresholdTypes.Binary),
                     ("Threshold.Otsu", AutoThreshold.Otsu, ThresholdTypes.Otsu),
                     ("Threshold.Triangle", AutoThreshold.Triangle, ThresholdTypes.Triangle),
                 })
        {
            Check(name, () =>
            {
                double cvT = Cv2.Threshold(SrcMat, DstMat, 127, 255, ThresholdTypes.Binary | cvFlag);
                double ourT = Threshold.Apply(Src, Dst, 127, 255, ThresholdType.Binary, auto);
                return cvT == ourT && BenchData.SamePixels(DstMat, Dst);
            });
        }
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Binary127")]
    public double Binary127OpenCv() => Cv2.Threshold(SrcMat, DstMat, 127, 255, ThresholdTypes.Binary);

    [Benchmark, BenchmarkCategory("Binary127")]
    public double Binary127SegmentSharp() => Threshold.Apply(Src, Dst, 127, 255, ThresholdType.Binary);

    [Benchmark(Baseline = true), BenchmarkCategory("Otsu")]
    public double OtsuOpenCv() => Cv2.Threshold(SrcMat, DstMat, 0, 255, ThresholdTypes.Binary | ThresholdTypes.Otsu);

    [Benchmark, BenchmarkCategory("Otsu")]
    public double OtsuSegmentSharp() => Threshold.Apply(Src, Dst, 0, 255, ThresholdType.Binary, AutoThreshold.Otsu);

    [Benchmark(Baseline = true), BenchmarkCategory("Triangle")]
    public double TriangleOpenCv() => Cv2.Threshold(SrcMat, DstMat, 0, 255, ThresholdTypes.Binary | ThresholdTypes.Triangle);

    [Benchmark, BenchmarkCategory("Triangle")]
    public double TriangleSegmentSharp() => Threshold.Apply(Src, Dst, 0, 255, ThresholdType.Binary, AutoThreshold.Triangle);
}
