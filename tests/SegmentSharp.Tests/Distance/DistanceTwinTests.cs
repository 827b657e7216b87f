using SegmentSharp.Distance;
using SegmentSharp.Imaging;

namespace SegmentSharp.Tests.Distance;

/// <summary>The vectorised chamfer kernels against their scalar twins, and argument checks.</summary>
public class DistanceTwinTests
{
    public static TheoryData<int> Widths => new() { 1, 2, 3, 4, 7, 8, 9, 15, 16, 17, 29, 31, 32, 33, 53 };

    [Theory, MemberData(nameof(Widths))]
    public void VectorAndScalarChamferAgree(int w)
    {
        var rng = new Random(w);
        foreach (int h in new[] { 1, 2, 3, 9 })
            foreach (double density in new[] { 0.05, 0.5, 0.95, 1.0 })
            {
                var src = new Image<byte>(w, h);
                for (int i = 0; i < src.Data.Length; i++) src.Data[i] = rng.NextDouble() < density ? (byte)255 : (byte)0;
                foreach (var type in new[] { DistanceType.L1, DistanceType.L2, DistanceType.C })
                    foreach (bool five in new[] { false, true })
                    {
                        var a = new Image<float>(w, h);
                        var b = new Image<float>(w, h);
                        ChamferDistance.Run(src, a, type, five, vectorize: true);
                        ChamferDistance.Run(src, b, type, five, vectorize: false);
                        Assert.True(a.Data.AsSpan().SequenceEqual(b.Data), $"{w}x{h} d={density} {type} five={five}");
                    }
            }
    }

    [Theory, MemberData(nameof(Widths))]
    public void VectorAndScalarPreciseColumnsAgree(int w)
    {
        var rng = new Random(100 + w);
        foreach (int h in new[] { 1, 2, 5, 40 })
            foreach (double density in new[] { 0.05, 0.5, 0.95, 1.0 })
            {
                var src = new Image<byte>(w, h);
                for (int i = 0; i < src.Data.Length; i++) src.Data[i] = rng.NextDouble() < density ? (byte)255 : (byte)0;
                var a = new Image<float>(w, h);
                var b = new Image<float>(w, h);
                PreciseDistance.Run(src, a, vectorize: true);
                PreciseDistance.Run(src, b, vectorize: false);
                Assert.True(a.Data.AsSpan().SequenceEqual(b.Data), $"{w}x{h} d={density}");
            }
    }

    [Fact]
    public void BadArgumentsThrow()
    {
        var src = new Image<byte>(4, 3);
        Assert.Throws<ArgumentException>(() => DistanceTransform.Apply(src, new Image<float>(3, 3).View, DistanceType.L2));
        Assert.Throws<ArgumentException>(() => DistanceTransform.Apply(new Image<byte>(4, 3, 3), DistanceType.L2));
        Assert.Throws<ArgumentOutOfRangeException>(() => DistanceTransform.Apply(src, (DistanceType)7, DistanceMask.Mask3));
        Assert.Throws<ArgumentOutOfRangeException>(() => DistanceTransform.Apply(src, DistanceType.L2, (DistanceMask)4));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            DistanceTransform.ApplyWithLabels(src, DistanceType.L2, DistanceMask.Mask5, (DistanceLabelType)2, out _));
        Assert.Throws<ArgumentException>(() =>
            DistanceTransform.ApplyWithLabels(src, new Image<float>(4, 3).View, new Image<int>(4, 2).View, DistanceType.L2,
                DistanceMask.Mask5, DistanceLabelType.Pixel));
        Assert.Throws<ArgumentException>(() => DistanceTransform.ApplyL1Byte(src, new Image<byte>(4, 4).View));
    }

    [Fact]
    public void ByteOutputMayOverwriteTheSource()
    {
        var rng = new Random(9);
        var src = new Image<byte>(37, 23);
        for (int i = 0; i < src.Data.Length; i++) src.Data[i] = rng.Next(10) < 8 ? (byte)255 : (byte)0;
        var expected = DistanceTransform.ApplyL1Byte(src);
        DistanceTransform.ApplyL1Byte(src, src.View);
        Assert.Equal(expected.Data, src.Data);
    }
}
