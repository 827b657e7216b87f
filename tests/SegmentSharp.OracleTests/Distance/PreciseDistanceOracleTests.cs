using OpenCvSharp;
using SegmentSharp.Distance;
using SegmentSharp.Imaging;
using static SegmentSharp.OracleTests.Distance.DistanceOracle;

namespace SegmentSharp.OracleTests.Distance;

/// <summary>
/// OpenCV 4.13 hands <c>DIST_MASK_PRECISE</c> to IPP when it runs on one thread or the image has fewer than 16384 pixels
/// (and both sides are under 4097); otherwise its own Felzenszwalb–Huttenlocher code runs, which is what we reproduce bit
/// for bit. These tests change OpenCV's global thread count, so they run alone.
/// </summary>
[Collection(nameof(PreciseDistanceOracleTests))]
public class PreciseDistanceOracleTests
{
    private static void WithOpenCvThreads(int threads, Action body)
    {
        int saved = Cv2.GetNumThreads();
        Cv2.SetNumThreads(threads);
        try { body(); }
        finally { Cv2.SetNumThreads(saved); }
    }

    [Fact]
    public void OwnPathIsBitExact()
    {
        var rng = new Random(41);
        WithOpenCvThreads(2, () =>
        {
            foreach (var (w, h, d) in new[] { (1000, 700, 0.97), (999, 701, 0.5), (129, 131, 0.999), (200, 100, 0.01), (1, 20000, 0.9), (20000, 1, 0.9), (4100, 5, 0.99) })
            {
                var m = Salt(w, h, d, rng);
                AssertExact(OpenCv(m, DistanceType.L2, DistanceMask.Precise), Ours(m, DistanceType.L2, DistanceMask.Precise), w, $"{w}x{h} d={d}");
            }
            var blobs = Blobs(640, 480, 8, rng);
            AssertExact(OpenCv(blobs, DistanceType.L2, DistanceMask.Precise), Ours(blobs, DistanceType.L2, DistanceMask.Precise), 640, "blobs");
            foreach (var (name, m) in SampleMasks())
                AssertExact(OpenCv(m, DistanceType.L2, DistanceMask.Precise), Ours(m, DistanceType.L2, DistanceMask.Precise), m.Width, name);
        });
    }

    [Fact]
    public void NoZeroPixelMatchesOwnPath()
    {
        // Without any zero OpenCV's own code reports sqrt(2^32 + dx²)-like values near 65536 rather than infinity.
        WithOpenCvThreads(2, () =>
        {
            var m = Salt(150, 120, 1.0, new Random(1));
            var ours = Ours(m, DistanceType.L2, DistanceMask.Precise);
            AssertExact(OpenCv(m, DistanceType.L2, DistanceMask.Precise), ours, 150, "no zero");
            Assert.All(ours, v => Assert.InRange(v, 65536f, 65537f));
        });
    }

    [Fact]
    public void IppPathAgreesWithinFloatRounding()
    {
        // IPP's square root is not correctly rounded (about one ulp off); its masks without zeros give sqrt(FLT_MAX).
        var rng = new Random(43);
        WithOpenCvThreads(1, () =>
        {
            foreach (var (w, h) in SmallSizes)
                foreach (double d in Densities)
                {
                    var m = Salt(w, h, d, rng);
                    if (m.Data.All(v => v != 0)) continue;
                    AssertClose(OpenCv(m, DistanceType.L2, DistanceMask.Precise), Ours(m, DistanceType.L2, DistanceMask.Precise), w, 1e-6, $"{w}x{h} d={d}");
                }
            var big = Salt(1000, 700, 0.99, rng);
            AssertClose(OpenCv(big, DistanceType.L2, DistanceMask.Precise), Ours(big, DistanceType.L2, DistanceMask.Precise), 1000, 1e-6, "1000x700");
        });
    }

    [Fact]
    public void EqualsTheCorrectlyRoundedExactDistance()
    {
        // Independent of any OpenCV build: with a zero in the image, each value is the float square root of the exact
        // integer squared distance (brute force over all zeros).
        var rng = new Random(47);
        for (int it = 0; it < 150; it++)
        {
            int w = rng.Next(1, 30), h = rng.Next(1, 30);
            var m = Salt(w, h, rng.NextDouble(), rng);
            var zeros = new List<(int X, int Y)>();
            for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) if (m.Row(y)[x] == 0) zeros.Add((x, y));
            if (zeros.Count == 0) continue;
            var ours = DistanceTransform.Apply(m, DistanceType.L2, DistanceMask.Precise);
            for (int y = 0; y < h; y++)
                for (int x = 0; x < w; x++)
                {
                    int best = int.MaxValue;
                    foreach (var (zx, zy) in zeros) best = Math.Min(best, (zx - x) * (zx - x) + (zy - y) * (zy - y));
                    Assert.Equal(MathF.Sqrt(best), ours.Row(y)[x]);
                }
        }
    }
}

[CollectionDefinition(nameof(PreciseDistanceOracleTests), DisableParallelization = true)]
public class PreciseDistanceOracleCollection;
