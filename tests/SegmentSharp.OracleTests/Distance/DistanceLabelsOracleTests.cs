using OpenCvSharp;
using SegmentSharp.Distance;
using SegmentSharp.Imaging;
using static SegmentSharp.OracleTests.Distance.DistanceOracle;

namespace SegmentSharp.OracleTests.Distance;

/// <summary><c>cv2.distanceTransformWithLabels</c>: OpenCV's own 5×5 fixed-point code for every metric and requested mask.</summary>
public class DistanceLabelsOracleTests
{
    public static TheoryData<DistanceType, DistanceLabelType> All
    {
        get
        {
            var data = new TheoryData<DistanceType, DistanceLabelType>();
            foreach (var t in new[] { DistanceType.L1, DistanceType.L2, DistanceType.C })
                foreach (var l in new[] { DistanceLabelType.ConnectedComponent, DistanceLabelType.Pixel })
                    data.Add(t, l);
            return data;
        }
    }

    private static void Same(Image<byte> m, DistanceType type, DistanceMask mask, DistanceLabelType labelType, string context)
    {
        using var src = Oracle.ToMat(m);
        using var dst = new Mat();
        using var labels = new Mat();
        Cv2.DistanceTransformWithLabels(src, dst, labels, (DistanceTypes)(int)type, (DistanceTransformMasks)(int)mask,
            (DistanceTransformLabelTypes)(int)labelType);
        var ours = DistanceTransform.ApplyWithLabels(m, type, mask, labelType, out var ourLabels);
        var flat = new float[m.Width * m.Height];
        var flatLabels = new int[flat.Length];
        for (int y = 0; y < m.Height; y++)
        {
            ours.Row(y).CopyTo(flat.AsSpan(y * m.Width));
            ourLabels.Row(y).CopyTo(flatLabels.AsSpan(y * m.Width));
        }
        AssertExact(Floats(dst), flat, m.Width, context + " distance");
        var expected = Ints(labels);
        for (int i = 0; i < expected.Length; i++)
            if (expected[i] != flatLabels[i])
                Assert.Fail($"{context}: label at x={i % m.Width} y={i / m.Width}: OpenCV {expected[i]}, ours {flatLabels[i]}");
    }

    [Theory, MemberData(nameof(All))]
    public void RandomMasks(DistanceType type, DistanceLabelType labelType)
    {
        var rng = new Random(31 + (int)type * 3 + (int)labelType);
        foreach (var (w, h) in SmallSizes)
            foreach (double d in Densities)
                Same(Salt(w, h, d, rng), type, DistanceMask.Mask5, labelType, $"{w}x{h} d={d}");
        Same(Salt(1000, 700, 0.9, rng), type, DistanceMask.Mask5, labelType, "1000x700");
        Same(Blobs(640, 480, 12, rng), type, DistanceMask.Mask5, labelType, "blobs");
        // Labels force the 5×5 mask whatever mask was asked for.
        Same(Salt(90, 70, 0.95, rng), type, DistanceMask.Mask3, labelType, "mask 3");
        Same(Salt(90, 70, 0.95, rng), type, DistanceMask.Precise, labelType, "precise");
        // No zero: every label is 0 and the distance is the largest fixed-point value.
        Same(Salt(20, 10, 1.0, rng), type, DistanceMask.Mask5, labelType, "no zero");
        Same(new Image<byte>(20, 10), type, DistanceMask.Mask5, labelType, "all zero");
    }

    [Fact]
    public void SampleMasks()
    {
        foreach (var (name, m) in DistanceOracle.SampleMasks())
            foreach (var labelType in new[] { DistanceLabelType.ConnectedComponent, DistanceLabelType.Pixel })
                Same(m, DistanceType.L2, DistanceMask.Mask5, labelType, $"{name} {labelType}");
    }
}
