using CsCheck;
using SegmentSharp.Color;
using SegmentSharp.Imaging;

namespace SegmentSharp.Tests.ColorSpaces;

public class ColorPropertyTests
{
    private static readonly Gen<Image<byte>> Images = Gen.Int[1, 40].Select(Gen.Int[1, 6], Gen.Int[3, 4], (w, h, cn) => (w, h, cn))
        .SelectMany(t => Gen.Byte.Array[t.w * t.h * t.cn].Select(d => new Image<byte>(d, t.w, t.h, t.cn)));

    [Fact]
    public void HsvValueIsTheMaximumAndGraysHaveNoHueOrSaturation()
    {
        Images.Sample(img =>
        {
            var hsv = ColorConversion.Convert(img, ColorCode.BGR2HSV);
            for (int p = 0; p < img.Width * img.Height; p++)
            {
                int i = p * img.Channels;
                byte b = img.Data[i], g = img.Data[i + 1], r = img.Data[i + 2];
                Assert.Equal(Math.Max(b, Math.Max(g, r)), hsv.Data[3 * p + 2]);
                Assert.InRange(hsv.Data[3 * p], 0, 179);
                if (b == g && g == r) { Assert.Equal(0, hsv.Data[3 * p]); Assert.Equal(0, hsv.Data[3 * p + 1]); }
            }
        });
    }

    [Fact]
    public void LabOfGraysIsNeutralAndMonotone()
    {
        var gray = new Image<byte>(256, 1, 3);
        for (int v = 0; v < 256; v++) gray.Data[3 * v] = gray.Data[3 * v + 1] = gray.Data[3 * v + 2] = (byte)v;
        var lab = ColorConversion.Convert(gray, ColorCode.BGR2Lab);
        for (int v = 0; v < 256; v++)
        {
            Assert.InRange(lab.Data[3 * v + 1], 127, 129);
            Assert.InRange(lab.Data[3 * v + 2], 127, 129);
            if (v > 0) Assert.True(lab.Data[3 * v] >= lab.Data[3 * (v - 1)], $"L not monotone at {v}");
        }
        Assert.Equal(0, lab.Data[0]);
        Assert.Equal(255, lab.Data[3 * 255]);
        var back = ColorConversion.Convert(lab, ColorCode.Lab2BGR);
        for (int i = 0; i < back.Data.Length; i++) Assert.InRange(back.Data[i] - gray.Data[i], -1, 1);
    }

    [Fact]
    public void EightBitRoundTripsStayClose()
    {
        // Quantisation to 8 bits loses a little; a wrong conversion loses a lot. (8-bit Lab clips a and b of saturated
        // colours and 8-bit XYZ clips Z of blues, so Lab's round trip is checked on grays, in LabOfGraysIsNeutralAndMonotone.)
        foreach (var (to, back, tol) in new[]
                 {
                     (ColorCode.BGR2HSV, ColorCode.HSV2BGR, 8),
                     (ColorCode.BGR2HLS, ColorCode.HLS2BGR, 8), (ColorCode.BGR2YCrCb, ColorCode.YCrCb2BGR, 3),
                 })
        {
            Images.Where(i => i.Channels == 3).Sample(img =>
            {
                var again = ColorConversion.Convert(ColorConversion.Convert(img, to), back);
                for (int i = 0; i < img.Data.Length; i++)
                    Assert.True(Math.Abs(img.Data[i] - again.Data[i]) <= tol, $"{to}/{back}: {img.Data[i]} came back as {again.Data[i]}");
            }, iter: 50);
        }
    }

    [Fact]
    public void FloatRoundTripsAreExactToRounding()
    {
        var gen = Gen.Float[0f, 1f].Array[3 * 17];
        foreach (var (to, back) in new[]
                 {
                     (ColorCode.BGR2HSV, ColorCode.HSV2BGR), (ColorCode.BGR2HLS, ColorCode.HLS2BGR),
                     (ColorCode.BGR2YCrCb, ColorCode.YCrCb2BGR), (ColorCode.BGR2XYZ, ColorCode.XYZ2BGR),
                 })
        {
            gen.Sample(d =>
            {
                var img = new Image<float>(d, 17, 1, 3);
                var again = ColorConversion.Convert(ColorConversion.Convert(img, to), back);
                for (int i = 0; i < d.Length; i++)
                    Assert.True(Math.Abs(d[i] - again.Data[i]) <= 2e-3, $"{to}/{back}: {d[i]} came back as {again.Data[i]}");
            }, iter: 100);
        }
    }

    [Fact]
    public void InRangeIsThePerChannelConjunction()
    {
        Images.Select(Gen.Int[-20, 280].Array[4], Gen.Int[-20, 280].Array[4], (img, lo, hi) => (img, lo, hi)).Sample(t =>
        {
            var (img, lo, hi) = t;
            var mask = ColorRange.InRange(img, lo.Select(v => (double)v).ToArray(), hi.Select(v => (double)v).ToArray());
            for (int p = 0; p < img.Width * img.Height; p++)
            {
                bool all = true;
                for (int c = 0; c < img.Channels; c++)
                {
                    int v = img.Data[p * img.Channels + c];
                    all &= lo[c] <= v && v <= hi[c];
                }
                Assert.Equal(all ? 255 : 0, mask.Data[p]);
            }
        });
    }

    [Fact]
    public void WrappedHueIsTheUnionOfTwoRanges()
    {
        Images.Where(i => i.Channels == 3).Select(Gen.Int[0, 179], Gen.Int[0, 179], (img, a, b) => (img, a, b)).Sample(t =>
        {
            var (img, a, b) = t;
            int lo = Math.Max(a, b), hi = Math.Min(a, b);
            var hsv = ColorConversion.Convert(img, ColorCode.BGR2HSV);
            var wrapped = ColorRange.InRange(hsv, [lo, 0, 0], [hi, 255, 255], wrapChannel: 0);
            var top = ColorRange.InRange(hsv, [lo, 0, 0], [179, 255, 255]);
            var bottom = ColorRange.InRange(hsv, [0, 0, 0], [hi, 255, 255]);
            for (int p = 0; p < wrapped.Data.Length; p++)
                Assert.Equal(lo > hi ? top.Data[p] | bottom.Data[p] : (lo <= hsv.Data[3 * p] && hsv.Data[3 * p] <= hi ? 255 : 0), wrapped.Data[p]);
        });
    }

    [Fact]
    public void BadArgumentsAreRejected()
    {
        var img = new Image<byte>(4, 4, 3);
        Assert.Throws<ArgumentException>(() => ColorConversion.Convert(img.ReadOnlyView, new Image<byte>(4, 4, 1).View, ColorCode.BGR2Lab));
        Assert.Throws<ArgumentException>(() => ColorConversion.Convert(img.ReadOnlyView, new Image<byte>(5, 4, 3).View, ColorCode.BGR2HSV));
        Assert.Throws<ArgumentException>(() => ColorConversion.Convert(new Image<byte>(4, 4, 1), ColorCode.BGR2HSV));
        Assert.Throws<ArgumentOutOfRangeException>(() => ColorConversion.Convert(img, (ColorCode)999));
        Assert.Throws<ArgumentException>(() => ColorRange.InRange(img, [0, 0], [1, 1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ColorRange.InRange(img, [0, 0, 0], [1, 1, 1], wrapChannel: 3));
    }
}
