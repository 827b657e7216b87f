using SegmentSharp.Enhancement;
using SegmentSharp.Histograms;
using SegmentSharp.Imaging;

namespace SegmentSharp.Tests.Enhancement;

public class ContrastStretchTests
{
    // Twelve values whose percentiles and stretched results were computed with numpy 1.24:
    // np.percentile(a, (lo, hi)) and np.asarray((np.clip(a, lo, hi) - lo) / (hi - lo) * 255).astype(np.uint8),
    // i.e. skimage.exposure.rescale_intensity(a, in_range=(lo, hi)).
    private static readonly byte[] Values = [3, 7, 7, 9, 15, 15, 15, 40, 41, 200, 201, 250];

    public static TheoryData<double, double, double, double, byte[]> NumpyCases => new()
    {
        { 10, 90, 7.0, 200.9, [0, 0, 0, 2, 10, 10, 10, 43, 44, 253, 255, 255] },
        { 2, 98, 3.88, 239.21999999999997, [0, 3, 3, 5, 12, 12, 12, 39, 40, 212, 213, 255] },
        { 33.3, 66.7, 12.977999999999996, 40.337, [0, 0, 0, 0, 18, 18, 18, 251, 255, 255, 255, 255] },
    };

    [Theory]
    [MemberData(nameof(NumpyCases))]
    public void EqualsNumpyRecipe(double lo, double hi, double expectedLow, double expectedHigh, byte[] expected)
    {
        var img = new Image<byte>(Values, Values.Length, 1);
        var hist = Histogram.Compute(img.ReadOnlyView);
        Span<byte> lut = stackalloc byte[256];
        ContrastStretch.BuildLut(hist, lo, hi, lut, out double low, out double high);
        Assert.Equal(expectedLow, low, 12);
        Assert.Equal(expectedHigh, high, 12);
        Assert.Equal(expected, ContrastStretch.Apply(img.ReadOnlyView, lo, hi).Data);
    }

    [Fact]
    public void HandComputedRamp()
    {
        // 0, 10, ..., 100: the 25th percentile sits halfway between 20 and 30 (25), the 75th between 70 and 80 (75).
        var data = new byte[11];
        for (int i = 0; i < 11; i++) data[i] = (byte)(10 * i);
        var img = new Image<byte>(data, 11, 1);
        var hist = Histogram.Compute(img.ReadOnlyView);
        Assert.Equal(25.0, ContrastStretch.Percentile(hist, 25));
        Assert.Equal(75.0, ContrastStretch.Percentile(hist, 75));
        Assert.Equal(10.0, ContrastStretch.Percentile(hist, 10));
        // (p - 25) / 50 * 255, truncated: 30 → 25.5 → 25, 50 → 127.5 → 127, 70 → 229.5 → 229.
        Assert.Equal(new byte[] { 0, 0, 0, 25, 76, 127, 178, 229, 255, 255, 255 }, ContrastStretch.Apply(img.ReadOnlyView, 25, 75).Data);
        // Full range: p / 100 * 255 truncated.
        Assert.Equal(new byte[] { 0, 25, 51, 76, 102, 127, 153, 178, 204, 229, 255 }, ContrastStretch.Apply(img.ReadOnlyView, 0, 100).Data);
    }

    [Fact]
    public void ConstantImageIsUnchanged()
    {
        var img = new Image<byte>(7, 3);
        Array.Fill(img.Data, (byte)77);
        Assert.All(ContrastStretch.Apply(img.ReadOnlyView).Data, v => Assert.Equal(77, v));
    }

    [Fact]
    public void StridedViewAndInPlace()
    {
        var img = new Image<byte>(20, 6);
        new Random(5).NextBytes(img.Data);
        var inner = img.View.Slice(3, 1, 11, 4);
        var compact = new Image<byte>(11, 4);
        for (int y = 0; y < 4; y++) inner.Row(y).CopyTo(compact.Row(y));
        var expected = ContrastStretch.Apply(compact.ReadOnlyView, 5, 95);
        ContrastStretch.Apply(inner.AsReadOnly(), inner, 5, 95);
        for (int y = 0; y < 4; y++) Assert.Equal(expected.Row(y).ToArray(), inner.Row(y).ToArray());
    }

    [Theory]
    [InlineData(-1, 50)]
    [InlineData(60, 50)]
    [InlineData(0, 101)]
    [InlineData(double.NaN, 50)]
    public void BadPercentilesAreRejected(double lo, double hi)
    {
        var img = new Image<byte>(3, 3);
        Assert.Throws<ArgumentOutOfRangeException>(() => ContrastStretch.Apply(img.ReadOnlyView, lo, hi));
    }
}
