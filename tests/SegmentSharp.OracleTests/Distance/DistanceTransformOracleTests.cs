using OpenCvSharp;
using SegmentSharp.Distance;
using SegmentSharp.Imaging;
using static SegmentSharp.OracleTests.Distance.DistanceOracle;

namespace SegmentSharp.OracleTests.Distance;

/// <summary>
/// <c>cv2.distanceTransform</c> through OpenCvSharp 4.13, which is built with Intel IPP: the chamfer masks always run IPP's
/// float routines, the precise mask runs IPP on one OpenCV thread or below 16384 pixels and OpenCV's own
/// Felzenszwalb–Huttenlocher code otherwise (see <see cref="PreciseDistanceOracleTests"/>).
/// </summary>
public class DistanceTransformOracleTests
{
    public static TheoryData<DistanceType, DistanceMask> CityAndChess => new()
    {
        { DistanceType.L1, DistanceMask.Mask3 }, { DistanceType.C, DistanceMask.Mask3 },
        // OpenCV runs L1 and C with the 3×3 mask whatever is asked; so must we.
        { DistanceType.L1, DistanceMask.Mask5 }, { DistanceType.C, DistanceMask.Precise },
    };

    [Theory, MemberData(nameof(CityAndChess))]
    public void CityBlockAndChessboardAreExact(DistanceType type, DistanceMask mask)
    {
        var rng = new Random(11 + (int)type * 7 + (int)mask);
        foreach (var (w, h) in SmallSizes)
            foreach (double d in Densities)
            {
                var m = Salt(w, h, d, rng);
                AssertExact(OpenCv(m, type, mask), Ours(m, type, mask), w, $"{type} {mask} {w}x{h} d={d}");
            }
        foreach (var (w, h, d) in new[] { (1000, 700, 0.97), (999, 701, 0.5), (333, 1, 0.9), (1, 333, 0.9) })
        {
            var m = Salt(w, h, d, rng);
            AssertExact(OpenCv(m, type, mask), Ours(m, type, mask), w, $"{type} {mask} {w}x{h} d={d}");
        }
        var blobs = Blobs(640, 480, 12, rng);
        AssertExact(OpenCv(blobs, type, mask), Ours(blobs, type, mask), 640, $"{type} {mask} blobs");
    }

    [Theory]
    [InlineData(DistanceMask.Mask3)]
    [InlineData(DistanceMask.Mask5)]
    public void EuclideanChamferAgreesWithinFloatRounding(DistanceMask mask)
    {
        // IPP sums the float weights along the first cheapest path it meets; where two paths tie in exact arithmetic
        // their float sums can differ in the last bit, and IPP does not always keep the smaller (we do). Along long paths
        // the differences add up to a few parts in a million.
        var rng = new Random(23 + (int)mask);
        long inexact = 0, total = 0;
        void Check(Image<byte> m, string what)
        {
            inexact += AssertClose(OpenCv(m, DistanceType.L2, mask), Ours(m, DistanceType.L2, mask), m.Width, 1e-5, what);
            total += m.Data.Length;
        }
        foreach (var (w, h) in SmallSizes)
            foreach (double d in Densities) Check(Salt(w, h, d, rng), $"L2 {mask} {w}x{h} d={d}");
        Check(Salt(1000, 700, 0.97, rng), "1000x700 salt");
        Check(Blobs(640, 480, 12, rng), "blobs");
        foreach (var (name, m) in SampleMasks()) Check(m, name);
        Assert.True(inexact * 10 < total, $"{inexact} of {total} pixels not bit-identical");
    }

    [Fact]
    public void ChamferWithoutZerosIsFloatMax()
    {
        foreach (var type in new[] { DistanceType.L1, DistanceType.L2, DistanceType.C })
            foreach (var mask in new[] { DistanceMask.Mask3, DistanceMask.Mask5 })
            {
                var m = Salt(13, 7, 1.0, new Random(1));
                var expected = OpenCv(m, type, mask);
                Assert.All(expected, v => Assert.Equal(float.MaxValue, v));
                AssertExact(expected, Ours(m, type, mask), 13, $"{type} {mask} no zero");
            }
    }

    [Fact]
    public void AllZeroMaskIsZero()
    {
        var m = new Image<byte>(37, 5);
        foreach (var type in new[] { DistanceType.L1, DistanceType.L2, DistanceType.C })
            foreach (var mask in new[] { DistanceMask.Mask3, DistanceMask.Mask5, DistanceMask.Precise })
                AssertExact(OpenCv(m, type, mask), Ours(m, type, mask), 37, $"{type} {mask} all zero");
    }

    [Fact]
    public void SampleMasksCityBlockAndChessboard()
    {
        foreach (var (name, m) in SampleMasks())
            foreach (var type in new[] { DistanceType.L1, DistanceType.C })
                AssertExact(OpenCv(m, type, DistanceMask.Mask3), Ours(m, type, DistanceMask.Mask3), m.Width, $"{name} {type}");
    }

    [Fact]
    public void CityBlockByteOutputIsExact()
    {
        var rng = new Random(5);
        var cases = new List<Image<byte>>();
        foreach (var (w, h) in SmallSizes) foreach (double d in Densities) cases.Add(Salt(w, h, d, rng));
        // Distances beyond 255 saturate; no zero at all gives 255 everywhere.
        cases.Add(Blobs(700, 500, 2, rng));
        cases.Add(Salt(40, 30, 1.0, rng));
        cases.AddRange(SampleMasks().Select(s => s.Mask));
        foreach (var m in cases)
        {
            using var src = Oracle.ToMat(m);
            using var dst = new Mat();
            Cv2.DistanceTransform(src, dst, DistanceTypes.L1, DistanceTransformMasks.Mask3, MatType.CV_8U);
            Oracle.AssertEqual(dst, DistanceTransform.ApplyL1Byte(m), $"{m.Width}x{m.Height}");
        }
    }

    [Fact]
    public void StridedViewsGiveTheSameResult()
    {
        var rng = new Random(3);
        var big = Salt(50, 40, 0.8, rng);
        var view = big.ReadOnlyView.Slice(3, 4, 33, 29);
        var copy = new Image<byte>(33, 29);
        for (int y = 0; y < 29; y++) view.Row(y).CopyTo(copy.Row(y));
        var dstBig = new Image<float>(60, 40);
        foreach (var (type, mask) in new[] { (DistanceType.L2, DistanceMask.Precise), (DistanceType.L2, DistanceMask.Mask5), (DistanceType.L1, DistanceMask.Mask3) })
        {
            var dstView = dstBig.View.Slice(5, 2, 33, 29);
            DistanceTransform.Apply(view, dstView, type, mask);
            var expected = DistanceTransform.Apply(copy, type, mask);
            for (int y = 0; y < 29; y++) Assert.True(expected.Row(y).SequenceEqual(dstView.Row(y)), $"{type} {mask} row {y}");
        }
    }
}
