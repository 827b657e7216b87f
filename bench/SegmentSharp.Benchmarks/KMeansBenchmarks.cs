using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using OpenCvSharp;
using SegmentSharp.Clustering;

namespace SegmentSharp.Benchmarks;

/// <summary>
/// <c>cv::kmeans</c> with K = 4 and k-means++ seeding on 2.4 MP of Lab pixels (the astronaut sample enlarged to
/// 1800×1350, converted by OpenCV, 3 floats per pixel), criteria 20 iterations or 0.5 movement as in seed 004. Both
/// sides start from the same generator state, hence the same first centres, so they run the same number of
/// iterations. The check records whether the compactness agrees within 0.5 %.
/// </summary>
public class KMeansBenchmarks : ThreadedBenchmark
{
    private const ulong Seed = 20261207;
    private float[] _samples = null!;
    private Mat _data = null!, _labels = null!, _centers = null!;
    private readonly OpenCvSharp.TermCriteria _cvCriteria = new(CriteriaTypes.Count | CriteriaTypes.Eps, 20, 0.5);

    // Three attempts, the CLI's default; one parameter set keeps the report's (method, threads) key unique.
    private const int Attempts = 3;

    [GlobalSetup]
    public void Setup()
    {
        ApplyThreads();
        using var bgr = Cv2.ImRead(BenchPaths.Sample("astronaut.png"), ImreadModes.Color);
        using var big = new Mat();
        Cv2.Resize(bgr, big, new OpenCvSharp.Size(1800, 1350), 0, 0, InterpolationFlags.Linear);
        using var lab = new Mat();
        Cv2.CvtColor(big, lab, ColorConversionCodes.BGR2Lab);
        var bytes = new byte[lab.Rows * lab.Cols * 3];
        Marshal.Copy(lab.Data, bytes, 0, bytes.Length);
        _samples = new float[bytes.Length];
        for (int i = 0; i < bytes.Length; i++) _samples[i] = bytes[i];
        _data = new Mat(bytes.Length / 3, 3, MatType.CV_32FC1);
        Marshal.Copy(_samples, 0, _data.Data, _samples.Length);
        _labels = new Mat();
        _centers = new Mat();
        // "identical" here means: compactness within 0.5 % of OpenCV's (the generators differ after the seeding).
        Check("KMeans.Lab4.within0.5%", () =>
        {
            double cv = Lab4OpenCv();
            double ours = Lab4SegmentSharp();
            return Math.Abs(ours - cv) <= 0.005 * cv;
        });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var m in new[] { _data, _labels, _centers }) m.Dispose();
    }

    [Benchmark(Baseline = true)]
    public double Lab4OpenCv()
    {
        Cv2.SetTheRNG(Seed);
        return Cv2.Kmeans(_data, 4, _labels, _cvCriteria, Attempts, KMeansFlags.PpCenters, _centers);
    }

    [Benchmark]
    public double Lab4SegmentSharp()
        => KMeans.Cluster(_samples, 3, new KMeansOptions
        {
            K = 4, Attempts = Attempts, Init = KMeansInit.PlusPlus, Criteria = Clustering.TermCriteria.CountOrEps(20, 0.5), Seed = Seed,
        }).Compactness;
}
