using System.Runtime.InteropServices;
using CsCheck;
using OpenCvSharp;
using SegmentSharp.Clustering;
using SegmentSharp.Testing;

namespace SegmentSharp.OracleTests.Clustering;

public class KMeansOracleTests
{
    private static (double Compactness, int[] Labels, float[] Centers) OpenCv(float[] samples, int dims, int k, int attempts,
        KMeansFlags flags, int maxCount, double eps, ulong seed)
    {
        int n = samples.Length / dims;
        using var data = new Mat(n, dims, MatType.CV_32FC1);
        Marshal.Copy(samples, 0, data.Data, samples.Length);
        using var labels = new Mat();
        using var centers = new Mat();
        Cv2.SetTheRNG(seed);
        double c = Cv2.Kmeans(data, k, labels, new OpenCvSharp.TermCriteria(CriteriaTypes.Count | CriteriaTypes.Eps, maxCount, eps),
            attempts, flags, centers);
        var l = new int[n];
        Marshal.Copy(labels.Data, l, 0, n);
        var ce = new float[k * dims];
        Marshal.Copy(centers.Data, ce, 0, ce.Length);
        return (c, l, ce);
    }

    private static KMeansResult Ours(float[] samples, int dims, int k, int attempts, KMeansInit init, int maxCount, double eps, ulong seed)
        => KMeans.Cluster(samples, dims, new KMeansOptions
        {
            K = k, Attempts = attempts, Init = init, Criteria = SegmentSharp.Clustering.TermCriteria.CountOrEps(maxCount, eps), Seed = seed,
        });

    private static float[] Pixels(string sample, ColorConversionCodes? code)
    {
        using var bgr = Cv2.ImRead(RepoPaths.Sample(sample), ImreadModes.Color);
        using var conv = new Mat();
        if (code is { } cc) Cv2.CvtColor(bgr, conv, cc); else bgr.CopyTo(conv);
        var bytes = new byte[conv.Rows * conv.Cols * 3];
        Marshal.Copy(conv.Data, bytes, 0, bytes.Length);
        var f = new float[bytes.Length];
        for (int i = 0; i < f.Length; i++) f[i] = bytes[i];
        return f;
    }

    [Theory]
    [InlineData("astronaut.png", true, 2, 3)]
    [InlineData("astronaut.png", true, 4, 3)]
    [InlineData("astronaut.png", false, 6, 4)]
    [InlineData("chelsea.png", true, 3, 5)]
    [InlineData("chelsea.png", false, 4, 3)]
    [InlineData("coffee.png", true, 5, 4)]
    [InlineData("coffee.png", false, 8, 5)]
    [InlineData("coins.png", true, 3, 3)]
    public void CompactnessWithinHalfAPercentOnImagePixels(string sample, bool lab, int k, int attempts)
    {
        var x = Pixels(sample, lab ? ColorConversionCodes.BGR2Lab : null);
        foreach (var (init, flags) in new[] { (KMeansInit.PlusPlus, KMeansFlags.PpCenters), (KMeansInit.Random, KMeansFlags.RandomCenters) })
        {
            var cv = OpenCv(x, 3, k, attempts, flags, 20, 0.5, 7);
            var ours = Ours(x, 3, k, attempts, init, 20, 0.5, 7);
            double rel = (ours.Compactness - cv.Compactness) / cv.Compactness;
            Assert.True(Math.Abs(rel) <= 0.005, $"{sample} {(lab ? "Lab" : "BGR")} K={k} {init}: ours {ours.Compactness:R}, OpenCV {cv.Compactness:R} ({rel:P3})");
            AssertConsistent(x, 3, ours);
        }
    }

    [Fact]
    public void CompactnessWithinHalfAPercentOnRandomBlobs()
    {
        Gen.Select(Gen.Int[2, 6], Gen.Int[1, 5], Gen.Int[50, 3000], Gen.Int).Sample((k, dims, n, seed) =>
        {
            var rnd = new Random(seed);
            var means = new double[k * dims];
            for (int i = 0; i < means.Length; i++) means[i] = rnd.NextDouble() * 100;
            var x = new float[n * dims];
            for (int i = 0; i < n; i++)
            {
                int b = rnd.Next(k);
                for (int j = 0; j < dims; j++)
                {
                    double g = Math.Sqrt(-2 * Math.Log(1 - rnd.NextDouble())) * Math.Cos(2 * Math.PI * rnd.NextDouble());
                    x[i * dims + j] = (float)(means[b * dims + j] + 4 * g);
                }
            }
            var cv = OpenCv(x, dims, k, 5, KMeansFlags.PpCenters, 30, 0.01, (ulong)(uint)seed + 1);
            var ours = Ours(x, dims, k, 5, KMeansInit.PlusPlus, 30, 0.01, (ulong)(uint)seed + 1);
            double rel = (ours.Compactness - cv.Compactness) / cv.Compactness;
            Assert.True(Math.Abs(rel) <= 0.005, $"K={k} dims={dims} n={n}: ours {ours.Compactness:R}, OpenCV {cv.Compactness:R} ({rel:P3})");
            AssertConsistent(x, dims, ours);
        }, iter: 60);
    }

    /// <summary>
    /// With OpenCV's generator in the same state the first centres are OpenCV's, so one assignment and one centre update
    /// (the smallest iteration count cv::kmeans allows) reach OpenCV's labels and, up to float-versus-double averaging,
    /// its compactness and centres.
    /// </summary>
    [Theory]
    [InlineData(KMeansInit.PlusPlus)]
    [InlineData(KMeansInit.Random)]
    public void SameGeneratorStateGivesOpenCvsFirstIteration(KMeansInit init)
    {
        Gen.Select(Gen.Int[1, 7], Gen.Int[1, 4], Gen.Int[7, 700], Gen.Int).Sample((k, dims, n, seed) =>
        {
            var rnd = new Random(seed);
            var x = new float[n * dims];
            for (int i = 0; i < x.Length; i++) x[i] = rnd.Next(256);
            var flags = init == KMeansInit.PlusPlus ? KMeansFlags.PpCenters : KMeansFlags.RandomCenters;
            var cv = OpenCv(x, dims, k, 1, flags, 2, 0, (ulong)(uint)seed + 1);
            var ours = Ours(x, dims, k, 1, init, 2, 0, (ulong)(uint)seed + 1);
            Assert.Equal(cv.Labels, ours.Labels);
            Assert.True(Math.Abs(ours.Compactness - cv.Compactness) <= 1e-4 * cv.Compactness + 1e-3,
                $"K={k} dims={dims} n={n}: ours {ours.Compactness:R}, OpenCV {cv.Compactness:R}");
            for (int i = 0; i < cv.Centers.Length; i++)
                Assert.True(Math.Abs(cv.Centers[i] - ours.Centers[i]) <= 1e-3f * Math.Max(1, Math.Abs(cv.Centers[i])), $"centre value {i}");
        }, iter: 150);
    }

    [Fact]
    public void EdgeCasesMatchOpenCv()
    {
        var cases = new (float[] X, int Dims, int K)[]
        {
            ([5f], 1, 1),
            ([1f, 2f, 3f], 1, 3),
            ([7f, 7f, 7f, 7f, 7f, 7f], 2, 2),
            ([0f, 0f, 0f, 10f, 10f, 10f, 10f, 0f], 2, 4),
            (Enumerable.Range(0, 101).Select(i => (float)(i % 3)).ToArray(), 1, 5),
        };
        foreach (var (x, dims, k) in cases)
            foreach (var (init, flags) in new[] { (KMeansInit.PlusPlus, KMeansFlags.PpCenters), (KMeansInit.Random, KMeansFlags.RandomCenters) })
            {
                var cv = OpenCv(x, dims, k, 3, flags, 10, 0.1, 99);
                var ours = Ours(x, dims, k, 3, init, 10, 0.1, 99);
                Assert.True(Math.Abs(ours.Compactness - cv.Compactness) <= 1e-6 * cv.Compactness + 1e-6,
                    $"n={x.Length / dims} K={k} {init}: ours {ours.Compactness:R}, OpenCV {cv.Compactness:R}");
                Assert.Equal(cv.Labels, ours.Labels);
            }
    }

    /// <summary>Every cluster is used, and the compactness is the sum of squared distances to the returned centres.</summary>
    private static void AssertConsistent(float[] x, int dims, KMeansResult r)
    {
        var used = new bool[r.K];
        double sum = 0;
        for (int i = 0; i < r.Labels.Length; i++)
        {
            int c = r.Labels[i];
            used[c] = true;
            for (int j = 0; j < dims; j++)
            {
                double t = x[i * dims + j] - r.Centers[c * dims + j];
                sum += t * t;
            }
        }
        Assert.All(used, Assert.True);
        Assert.True(Math.Abs(sum - r.Compactness) <= 1e-5 * Math.Max(1, sum), $"compactness {r.Compactness:R}, recomputed {sum:R}");
    }
}
