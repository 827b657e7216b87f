using System.Numerics;
using CsCheck;
using SegmentSharp.Clustering;
using SegmentSharp.Imaging;

namespace SegmentSharp.Tests.Clustering;

public class KMeansTests
{
    private static readonly int W = Vector<float>.Count;

    public static IEnumerable<object[]> EdgeLengths() =>
        new[] { 0, 1, W - 1, W, W + 1, 3 * W + 5, 1000 }.Select(n => new object[] { n });

    private static (float[] Soa, float[] Centers) Data(int n, int dims, int k, int seed)
    {
        var rnd = new Random(seed);
        var soa = new float[n * dims];
        for (int i = 0; i < soa.Length; i++) soa[i] = (float)(rnd.NextDouble() * 255);
        var centers = new float[k * dims];
        for (int i = 0; i < centers.Length; i++) centers[i] = (float)(rnd.NextDouble() * 255);
        return (soa, centers);
    }

    [Theory]
    [MemberData(nameof(EdgeLengths))]
    public void VectorPassesEqualTheirScalarTwins(int n)
    {
        foreach (int dims in new[] { 1, 2, 3, 5 })
            foreach (int k in new[] { 1, 2, 4, 7 })
            {
                var (soa, centers) = Data(n, dims, k, n * 31 + dims * 7 + k);
                var la = new int[n];
                var lb = new int[n];
                var sa = new double[k * dims];
                var sb = new double[k * dims];
                var ca = new long[k];
                var cb = new long[k];
                KMeansKernels.Assign(soa, n, dims, centers, k, la, 0, n, sa, ca, simd: true);
                KMeansKernels.AssignScalar(soa, n, dims, centers, k, lb, 0, n, sb, cb);
                Assert.Equal(lb, la);
                Assert.Equal(cb, ca);
                for (int q = 0; q < sa.Length; q++) Assert.Equal(sb[q], sa[q], 1e-6 * Math.Max(1, Math.Abs(sb[q])));

                double oa = KMeansKernels.OwnDistanceSum(soa, n, dims, centers, k, la, 0, n, simd: true);
                double ob = KMeansKernels.OwnDistanceSumScalar(soa, n, dims, centers, la, 0, n);
                Assert.Equal(ob, oa, 1e-9 * Math.Max(1, ob));

                var dist = new float[n];
                for (int i = 0; i < n; i++) dist[i] = (float)(i * 37 % 1000);
                var candidate = centers.AsSpan(0, dims).ToArray();
                var na = new float[n];
                var nb = new float[n];
                double ua = KMeansKernels.NearestUpdate(soa, n, dims, candidate, dist, na, 0, n, simd: true);
                double ub = KMeansKernels.NearestUpdateScalar(soa, n, dims, candidate, dist, nb, 0, n);
                Assert.Equal(nb, na);
                Assert.Equal(ub, ua, 1e-9 * Math.Max(1, ub));
            }
    }

    [Fact]
    public void ResultDoesNotDependOnTheThreadCount()
    {
        int n = 3 * KMeans.ChunkSize + 17, dims = 3;
        var rnd = new Random(5);
        var x = new float[n * dims];
        for (int i = 0; i < x.Length; i++) x[i] = (float)(rnd.NextDouble() * 100 + (i / dims % 3) * 60);
        int saved = Parallelism.MaxDegreeOfParallelism;
        try
        {
            Parallelism.MaxDegreeOfParallelism = 1;
            var one = KMeans.Cluster(x, dims, new KMeansOptions { K = 3, Seed = 11 });
            Parallelism.MaxDegreeOfParallelism = 4;
            var four = KMeans.Cluster(x, dims, new KMeansOptions { K = 3, Seed = 11 });
            Assert.Equal(one.Compactness, four.Compactness);
            Assert.Equal(one.Labels, four.Labels);
            Assert.Equal(one.Centers, four.Centers);
        }
        finally { Parallelism.MaxDegreeOfParallelism = saved; }
    }

    [Fact]
    public void SeparatedBlobsAreFoundWhateverTheSeed()
    {
        Gen.Select(Gen.Int[2, 5], Gen.Int[1, 4], Gen.ULong).Sample((k, dims, seed) =>
        {
            int per = 40;
            var x = new float[k * per * dims];
            for (int b = 0; b < k; b++)
                for (int i = 0; i < per; i++)
                    for (int j = 0; j < dims; j++) x[(b * per + i) * dims + j] = b * 1000 + (i % 5);
            foreach (var init in new[] { KMeansInit.PlusPlus, KMeansInit.Random })
            {
                var r = KMeans.Cluster(x, dims, new KMeansOptions { K = k, Attempts = 5, Init = init, Seed = seed });
                for (int b = 0; b < k; b++)
                    for (int i = 1; i < per; i++) Assert.Equal(r.Labels[b * per], r.Labels[b * per + i]);
                Assert.Equal(k, r.Labels.Distinct().Count());
                Assert.Equal(k * per * dims * 2.0, r.Compactness, 1e-6); // (i % 5) has variance 2 per feature
            }
        }, iter: 50);
    }

    [Fact]
    public void RejectsBadArguments()
    {
        Assert.Throws<ArgumentException>(() => KMeans.Cluster([1f, 2f, 3f], 2, new KMeansOptions { K = 1 }));
        Assert.Throws<ArgumentException>(() => KMeans.Cluster([1f, 2f], 1, new KMeansOptions { K = 3 }));
        Assert.Throws<ArgumentException>(() => KMeans.Cluster([1f, 2f], 1, new KMeansOptions { K = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => KMeans.Cluster([1f], 0, new KMeansOptions { K = 1 }));
    }

    [Fact]
    public void ColourSegmentationPaintsEveryPixelWithItsClusterColour()
    {
        var img = new Image<byte>(13, 9, 3);
        for (int y = 0; y < 9; y++)
            for (int x = 0; x < 13; x++)
            {
                var p = img.Row(y).Slice(3 * x, 3);
                if (x < 6) { p[0] = 200; p[1] = 30; p[2] = 30; } else { p[0] = 20; p[1] = 220; p[2] = 90; }
            }
        foreach (var space in new[] { ColorFeatureSpace.Lab, ColorFeatureSpace.Rgb, ColorFeatureSpace.Hsv })
        {
            var r = ColorKMeans.Segment(img, new ColorKMeansOptions { Space = space, XyWeight = space == ColorFeatureSpace.Rgb ? 0.1 : 0, KMeans = new KMeansOptions { K = 2 } });
            // Colour alone leaves no spread; with the position the spread is that of the coordinates only.
            if (space != ColorFeatureSpace.Rgb) Assert.Equal(0, r.Clusters.Compactness, 1e-3);
            else Assert.Equal(5, r.Clusters.Dimensions);
            for (int i = 0; i < 13 * 9; i++)
            {
                int c = r.Labels.Data[i];
                Assert.Equal(r.Palette.AsSpan(3 * c, 3).ToArray(), r.Painted.Data.AsSpan(3 * i, 3).ToArray());
                // Uniform halves: the painted colour is the input colour back, within the Lab/HSV round trip.
                for (int j = 0; j < 3; j++) Assert.InRange(Math.Abs(r.Painted.Data[3 * i + j] - img.Data[3 * i + j]), 0, 4);
            }
        }
    }
}
