using System.Runtime.Intrinsics;
using SegmentSharp.Thresholding;

namespace SegmentSharp.Tests.Thresholding;

/// <summary>The vector row kernels against their scalar twin, at lengths around every vector width.</summary>
public class ThresholdKernelTwinTests
{
    private static IEnumerable<int> EdgeLengths(params int[] widths)
    {
        var set = new SortedSet<int> { 0, 1, 2, 7 };
        foreach (int w in widths)
            foreach (int n in new[] { w - 1, w, w + 1, 2 * w - 1, 2 * w, 2 * w + 1, 3 * w + 5, 4 * w + 3 })
                if (n >= 0) set.Add(n);
        set.Add(1000);
        return set;
    }

    [Fact]
    public void ByteVectorKernelEqualsScalarTwin()
    {
        var rng = new Random(1);
        foreach (int n in EdgeLengths(Vector128<byte>.Count, Vector256<byte>.Count))
        foreach (ThresholdType type in Enum.GetValues<ThresholdType>())
        foreach (byte t in new byte[] { 0, 1, 127, 128, 200, 254 })
        {
            var src = new byte[n];
            rng.NextBytes(src);
            if (n > 2) { src[0] = t; src[^1] = (byte)(t + 1); }
            byte max = (byte)rng.Next(256);
            var a = new byte[n]; var b = new byte[n];
            ThresholdKernels.Row<byte>(src, a, t, max, type);
            ThresholdKernels.RowScalar<byte>(src, b, t, max, type);
            Assert.True(a.AsSpan().SequenceEqual(b), $"n={n} {type} t={t} max={max}");
        }
    }

    [Fact]
    public void UInt16VectorKernelEqualsScalarTwin()
    {
        var rng = new Random(2);
        foreach (int n in EdgeLengths(Vector128<ushort>.Count, Vector256<ushort>.Count))
        foreach (ThresholdType type in Enum.GetValues<ThresholdType>())
        foreach (ushort t in new ushort[] { 0, 1, 255, 32767, 32768, 65534 })
        {
            var src = new ushort[n];
            for (int i = 0; i < n; i++) src[i] = (ushort)(rng.Next(3) == 0 ? t + rng.Next(-1, 2) : rng.Next(65536));
            ushort max = (ushort)rng.Next(65536);
            var a = new ushort[n]; var b = new ushort[n];
            ThresholdKernels.Row<ushort>(src, a, t, max, type);
            ThresholdKernels.RowScalar<ushort>(src, b, t, max, type);
            Assert.True(a.AsSpan().SequenceEqual(b), $"n={n} {type} t={t} max={max}");
        }
    }

    [Fact]
    public void ScalarTwinFollowsTheDefinition()
    {
        byte[] src = [0, 9, 10, 11, 255];
        var d = new byte[5];
        ThresholdKernels.RowScalar<byte>(src, d, 10, 7, ThresholdType.Binary);
        Assert.Equal(new byte[] { 0, 0, 0, 7, 7 }, d);
        ThresholdKernels.RowScalar<byte>(src, d, 10, 7, ThresholdType.BinaryInv);
        Assert.Equal(new byte[] { 7, 7, 7, 0, 0 }, d);
        ThresholdKernels.RowScalar<byte>(src, d, 10, 7, ThresholdType.Trunc);
        Assert.Equal(new byte[] { 0, 9, 10, 10, 10 }, d);
        ThresholdKernels.RowScalar<byte>(src, d, 10, 7, ThresholdType.ToZero);
        Assert.Equal(new byte[] { 0, 0, 0, 11, 255 }, d);
        ThresholdKernels.RowScalar<byte>(src, d, 10, 7, ThresholdType.ToZeroInv);
        Assert.Equal(new byte[] { 0, 9, 10, 0, 0 }, d);
    }

    [Theory]
    [InlineData(double.NaN, int.MinValue)]
    [InlineData(1e10, int.MinValue)]
    [InlineData(-1e10, int.MinValue)]
    [InlineData(-2147483648.5, int.MinValue)]
    [InlineData(-0.5, -1)]
    [InlineData(127.5, 127)]
    [InlineData(-1.0, -1)]
    public void FloorMatchesOpenCvOnX64(double v, int expected) => Assert.Equal(expected, CvConvert.Floor(v));

    [Theory]
    [InlineData(0.5, 0)]
    [InlineData(1.5, 2)]
    [InlineData(2.5, 2)]
    [InlineData(-0.5, 0)]
    [InlineData(127.6, 128)]
    [InlineData(double.NaN, int.MinValue)]
    [InlineData(2147483647.5, int.MinValue)]
    public void RoundMatchesOpenCvOnX64(double v, int expected) => Assert.Equal(expected, CvConvert.Round(v));
}
