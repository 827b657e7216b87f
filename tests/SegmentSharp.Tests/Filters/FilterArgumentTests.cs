using SegmentSharp.Filters;
using SegmentSharp.Imaging;
using SegmentSharp.Thresholding;

namespace SegmentSharp.Tests.Filters;

public class FilterArgumentTests
{
    private static readonly Image<byte> Img = new(10, 8);

    [Theory]
    [InlineData(2, 3)]
    [InlineData(3, 4)]
    [InlineData(-1, 3)]
    [InlineData(0, 0)]
    public void GaussianRejectsEvenOrUnresolvableKernels(int kx, int ky)
    {
        var e = Assert.Throws<ArgumentException>(() => GaussianBlur.Apply(Img.ReadOnlyView, Img.CloneEmpty().View, kx, ky, 0));
        Assert.Contains("odd", e.Message);
    }

    [Fact]
    public void GaussianDerivesKernelSizeFromSigma()
    {
        var img = new Image<byte>(30, 30);
        new Random(1).NextBytes(img.Data);
        var a = img.CloneEmpty(); var b = img.CloneEmpty();
        GaussianBlur.Apply(img.ReadOnlyView, a.View, 0, 0, 1.5);
        GaussianBlur.Apply(img.ReadOnlyView, b.View, 11, 11, 1.5); // round(1.5·6+1)|1 = 11
        Assert.Equal(b.Data, a.Data);
    }

    [Fact]
    public void SizeMismatchAndUnknownBorderThrow()
    {
        Assert.Throws<ArgumentException>(() => GaussianBlur.Apply(Img.ReadOnlyView, new Image<byte>(10, 9).View, 3, 3, 0));
        Assert.Throws<ArgumentException>(() => BoxFilter.Apply(Img.ReadOnlyView, new Image<byte>(10, 8, 3).View, 3, 3));
        Assert.Throws<ArgumentException>(() => GaussianBlur.Apply(Img.ReadOnlyView, Img.CloneEmpty().View, 3, 3, 0, 0, (BorderType)7));
    }

    [Fact]
    public void BoxRejectsBadKernelsAndWrap()
    {
        Assert.Throws<ArgumentException>(() => BoxFilter.Apply(Img.ReadOnlyView, Img.CloneEmpty().View, 0, 3));
        Assert.Throws<ArgumentException>(() => BoxFilter.Apply(Img.ReadOnlyView, Img.CloneEmpty().View, 3, -2));
        var e = Assert.Throws<ArgumentException>(() => BoxFilter.Apply(Img.ReadOnlyView, Img.CloneEmpty().View, 3, 3, true, BorderType.Wrap));
        Assert.Contains("Wrap", e.Message);
    }

    [Fact]
    public void AdaptiveRejectsBadArguments()
    {
        foreach (int b in new[] { -1, 0, 1, 2, 4, 30 })
            Assert.Contains("odd", Assert.Throws<ArgumentException>(() =>
                AdaptiveThreshold.Apply(Img, 255, AdaptiveMethod.Mean, ThresholdType.Binary, b, 0)).Message);
        Assert.Throws<ArgumentException>(() => AdaptiveThreshold.Apply(Img, 255, AdaptiveMethod.Mean, ThresholdType.Trunc, 3, 0));
        Assert.Throws<ArgumentException>(() => AdaptiveThreshold.Apply(Img, 255, (AdaptiveMethod)5, ThresholdType.Binary, 3, 0));
        Assert.Throws<ArgumentException>(() => AdaptiveThreshold.Apply(new Image<byte>(5, 5, 3), 255, AdaptiveMethod.Mean, ThresholdType.Binary, 3, 0));
    }

    [Fact]
    public void NegativeMaxValueGivesZerosBeforeCheckingTheType()
    {
        var img = new Image<byte>(6, 6);
        Array.Fill(img.Data, (byte)9);
        var r = AdaptiveThreshold.Apply(img, -1, AdaptiveMethod.Mean, ThresholdType.Trunc, 3, -5);
        Assert.All(r.Data, x => Assert.Equal(0, x));
    }
}
