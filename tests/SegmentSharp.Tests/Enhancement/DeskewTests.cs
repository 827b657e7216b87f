using SegmentSharp.Enhancement;
using SegmentSharp.Imaging;

namespace SegmentSharp.Tests.Enhancement;

public class DeskewTests
{
    /// <summary>A synthetic page: lines of "words" made of letter-sized dark blocks with ascenders, on white.</summary>
    internal static Image<byte> SyntheticPage(int w, int h, int seed, int lineStep = 26)
    {
        var rng = new Random(seed);
        var img = new Image<byte>(w, h);
        img.Data.AsSpan().Fill(250);
        for (int top = 40; top + 14 < h - 40; top += lineStep)
        {
            int x = 50;
            while (x < w - 60)
            {
                int letters = rng.Next(2, 9);
                for (int l = 0; l < letters && x < w - 60; l++)
                {
                    int lw = rng.Next(4, 8);
                    int asc = rng.Next(4) == 0 ? 4 : 0;
                    for (int yy = top - asc; yy < top + 10; yy++)
                        for (int xx = x; xx < x + lw; xx++)
                            if (rng.Next(10) > 1) img.Row(yy)[xx] = (byte)rng.Next(10, 60);
                    x += lw + 2;
                }
                x += rng.Next(7, 14);
            }
        }
        return img;
    }

    [Theory]
    [InlineData(-10.0)]
    [InlineData(-6.5)]
    [InlineData(-2.3)]
    [InlineData(-0.7)]
    [InlineData(0.0)]
    [InlineData(0.4)]
    [InlineData(1.9)]
    [InlineData(5.2)]
    [InlineData(10.0)]
    public void RecoversKnownSkew(double angle)
    {
        var page = SyntheticPage(700, 900, 42);
        var skewed = Deskew.Rotate(page, angle);
        double est = Deskew.EstimateAngle(skewed);
        Assert.InRange(est, angle - 0.15, angle + 0.15);
    }

    [Fact]
    public void LargePageIsDownscaledAndStillAccurate()
    {
        var page = SyntheticPage(2400, 1800, 7, lineStep: 30);
        var skewed = Deskew.Rotate(page, -3.3);
        Assert.InRange(Deskew.EstimateAngle(skewed), -3.5, -3.1);
    }

    [Fact]
    public void BrightFillCornersOnAGrayPageAreNotTakenForInk()
    {
        // Gray paper (170) rotated with white fill: the corners are a bright minority class that a global split
        // would call ink; the local ink test ignores them.
        var page = SyntheticPage(700, 900, 11);
        for (int i = 0; i < page.Data.Length; i++) if (page.Data[i] == 250) page.Data[i] = 170;
        var skewed = Deskew.Rotate(page, 5.0, fill: 255);
        Assert.InRange(Deskew.EstimateAngle(skewed), 4.85, 5.15);
        var dark = Deskew.Rotate(page, -3.0, fill: 0);
        Assert.InRange(Deskew.EstimateAngle(dark), -3.15, -2.85);
    }

    [Fact]
    public void LightTextOnDarkWorks()
    {
        var page = Deskew.Rotate(SyntheticPage(600, 700, 3), 4.4);
        for (int i = 0; i < page.Data.Length; i++) page.Data[i] = (byte)(255 - page.Data[i]);
        Assert.InRange(Deskew.EstimateAngle(page), 4.25, 4.55);
    }

    [Fact]
    public void BlankAndConstantPagesGiveZero()
    {
        foreach (byte v in new byte[] { 0, 128, 255 })
        {
            var img = new Image<byte>(300, 200);
            img.Data.AsSpan().Fill(v);
            Assert.Equal(0, Deskew.EstimateAngle(img));
        }
        var noisy = new Image<byte>(300, 200);
        var rng = new Random(1);
        for (int i = 0; i < noisy.Data.Length; i++) noisy.Data[i] = (byte)(240 + rng.Next(8));
        Assert.Equal(0, Deskew.EstimateAngle(noisy));
        Assert.Equal(0, Deskew.EstimateAngle(new Image<byte>(1, 1)));
    }

    [Fact]
    public void StraightenUndoesTheSkew()
    {
        var page = SyntheticPage(600, 700, 9);
        var straight = Deskew.Straighten(Deskew.Rotate(page, 6), out double angle);
        Assert.InRange(angle, 5.85, 6.15);
        Assert.InRange(Deskew.EstimateAngle(straight), -0.15, 0.15);
    }

    [Fact]
    public void ArgumentsAreChecked()
    {
        var rgb = new Image<byte>(10, 10, 3);
        Assert.Throws<ArgumentException>(() => Deskew.EstimateAngle(rgb));
        Assert.Throws<ArgumentOutOfRangeException>(() => Deskew.EstimateAngle(new Image<byte>(10, 10), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Deskew.EstimateAngle(new Image<byte>(10, 10), 46));
        Assert.Throws<ArgumentException>(() => Deskew.Rotate(new Image<byte>(10, 10), double.NaN));
    }

    [Fact]
    public void RotateByZeroIsIdentityAndKeepsChannels()
    {
        var rng = new Random(5);
        var img = new Image<byte>(13, 9, 3);
        rng.NextBytes(img.Data);
        var r = Deskew.Rotate(img, 0);
        Assert.Equal(3, r.Channels);
        Assert.Equal(img.Data, r.Data);
    }
}
