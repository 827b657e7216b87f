using CsCheck;
using SegmentSharp.Histograms;
using SegmentSharp.Imaging;
using SegmentSharp.Thresholding;

namespace SegmentSharp.Tests.Thresholding;

/// <summary>A random 8-bit image stored with padding after each row, so views have a stride wider than the row.</summary>
public sealed record PaddedImage(byte[] Data, int Width, int Height, int Channels, int Stride)
{
    public ReadOnlyImageView<byte> View => new(Data, Width, Height, Channels, Stride);

    public static readonly Gen<PaddedImage> Gen8 =
        from w in Gen.Int[1, 80]
        from h in Gen.Int[1, 12]
        from cn in Gen.Int[1, 4]
        from pad in Gen.Int[0, 9]
        from data in Gen.Byte.Array[(h - 1) * (w * cn + pad) + w * cn]
        select new PaddedImage(data, w, h, cn, w * cn + pad);

    public override string ToString() => $"{Width}x{Height}x{Channels} stride {Stride}";
}

public class ThresholdPropertyTests
{
    private static readonly Gen<ThresholdType> Types = Gen.Enum<ThresholdType>();
    private static readonly Gen<double> Thresholds = Gen.OneOf(Gen.Double[-10, 270], Gen.Int[-2, 257].Select(i => (double)i));

    private static Image<byte> Run(PaddedImage img, double t, double max, ThresholdType type)
    {
        var dst = new Image<byte>(img.Width, img.Height, img.Channels);
        Threshold.Apply(img.View, dst.View, t, max, type);
        return dst;
    }

    /// <summary>The per-sample definition, shortcuts included, written from OpenCV's documented semantics.</summary>
    private static byte Model(byte v, int t, byte max, ThresholdType type) => type switch
    {
        ThresholdType.Binary => v > t ? max : (byte)0,
        ThresholdType.BinaryInv => v > t ? (byte)0 : max,
        ThresholdType.Trunc => v > t ? (byte)t : v,
        ThresholdType.ToZero => v > t ? v : (byte)0,
        _ => v > t ? (byte)0 : v,
    };

    [Fact]
    public void ApplyEqualsPerSampleModelOnStridedViews()
    {
        Gen.Select(PaddedImage.Gen8, Thresholds, Gen.Double[-5, 300], Types).Sample((img, t, max, type) =>
        {
            var dst = Run(img, t, max, type);
            int it = (int)Math.Floor(t);
            byte m = (byte)Math.Clamp((int)Math.Round(max, MidpointRounding.ToEven), 0, 255);
            for (int y = 0; y < img.Height; y++)
            {
                var s = img.View.Row(y); var d = dst.Row(y);
                for (int i = 0; i < s.Length; i++)
                {
                    // Trunc with t >= 255 and t < 0 are shortcuts whose results also follow from min/compare semantics.
                    byte expected = type == ThresholdType.Trunc && it < 0 ? (byte)0 : Model(s[i], it, m, type);
                    Assert.True(expected == d[i], $"{img} t={t} max={max} {type} at y={y} i={i}: {s[i]} -> {d[i]}, expected {expected}");
                }
            }
        }, iter: 300);
    }

    [Fact]
    public void BinaryAndBinaryInvAreComplements()
    {
        Gen.Select(PaddedImage.Gen8, Thresholds, Gen.Int[0, 255]).Sample((img, t, max) =>
        {
            var a = Run(img, t, max, ThresholdType.Binary);
            var b = Run(img, t, max, ThresholdType.BinaryInv);
            for (int i = 0; i < a.Data.Length; i++)
                Assert.Equal(max, a.Data[i] + b.Data[i]);
        }, iter: 200);
    }

    [Fact]
    public void ToZeroAndToZeroInvPartitionTheSource()
    {
        Gen.Select(PaddedImage.Gen8, Thresholds).Sample((img, t) =>
        {
            var a = Run(img, t, 255, ThresholdType.ToZero);
            var b = Run(img, t, 255, ThresholdType.ToZeroInv);
            for (int y = 0; y < img.Height; y++)
            {
                var s = img.View.Row(y);
                for (int i = 0; i < s.Length; i++)
                {
                    Assert.True(a.Row(y)[i] == 0 || b.Row(y)[i] == 0);
                    Assert.Equal(s[i], a.Row(y)[i] | b.Row(y)[i]);
                }
            }
        }, iter: 200);
    }

    [Fact]
    public void TruncNeverExceedsThreshold()
    {
        Gen.Select(PaddedImage.Gen8, Gen.Double[0, 254.99]).Sample((img, t) =>
        {
            var d = Run(img, t, 17, ThresholdType.Trunc);
            Assert.All(d.Data, v => Assert.True(v <= Math.Floor(t)));
        }, iter: 200);
    }

    [Fact]
    public void BinaryOutputIsTwoValued()
    {
        Gen.Select(PaddedImage.Gen8, Thresholds, Gen.Int[0, 255], Gen.Bool).Sample((img, t, max, inv) =>
        {
            var d = Run(img, t, max, inv ? ThresholdType.BinaryInv : ThresholdType.Binary);
            Assert.All(d.Data, v => Assert.True(v == 0 || v == max));
        }, iter: 200);
    }

    [Fact]
    public void InPlaceEqualsOutOfPlace()
    {
        Gen.Select(PaddedImage.Gen8, Thresholds, Gen.Double[0, 255], Types).Sample((img, t, max, type) =>
        {
            var expected = Run(img, t, max, type);
            var copy = (byte[])img.Data.Clone();
            var view = new ImageView<byte>(copy, img.Width, img.Height, img.Channels, img.Stride);
            Threshold.Apply(view, view, t, max, type);
            for (int y = 0; y < img.Height; y++) Assert.True(expected.Row(y).SequenceEqual(view.Row(y)));
        }, iter: 200);
    }

    [Fact]
    public void ReturnedThresholdIsTheFloor()
    {
        Gen.Select(Gen.Double[-1e6, 1e6], Types).Sample((t, type) =>
        {
            var img = new Image<byte>(3, 2);
            Assert.Equal(Math.Floor(t), Threshold.Apply(img.ReadOnlyView, img.View, t, 255, type));
            Threshold.Apply(img, t, 255, type, out double used);
            Assert.Equal(Math.Floor(t), used);
        }, iter: 200);
    }

    [Fact]
    public void SixteenBitApplyEqualsPerSampleModel()
    {
        var gen = from w in Gen.Int[1, 60]
                  from h in Gen.Int[1, 6]
                  from data in Gen.UShort.Array[w * h]
                  from t in Gen.Double[-3, 65540]
                  from max in Gen.Double[-2, 70000]
                  from type in Types
                  select (data, w, h, t, max, type);
        gen.Sample(c =>
        {
            var src = new Image<ushort>(c.data, c.w, c.h);
            var dst = Threshold.Apply(src, c.t, c.max, c.type, out _);
            int it = (int)Math.Floor(c.t);
            ushort m = (ushort)Math.Clamp((int)Math.Round(c.max, MidpointRounding.ToEven), 0, 65535);
            for (int i = 0; i < c.data.Length; i++)
            {
                ushort v = c.data[i];
                int expected = c.type switch
                {
                    ThresholdType.Binary => v > it ? m : 0,
                    ThresholdType.BinaryInv => v > it ? 0 : m,
                    ThresholdType.Trunc => it < 0 ? 0 : Math.Min(v, it),
                    ThresholdType.ToZero => v > it ? v : 0,
                    _ => v > it ? 0 : v,
                };
                Assert.Equal(expected, dst.Data[i]);
            }
        }, iter: 200);
    }

    [Fact]
    public void InvalidArgumentsAreRejected()
    {
        var img = new Image<byte>(4, 4);
        Assert.Throws<ArgumentOutOfRangeException>(() => Threshold.Apply(img, 1, 1, (ThresholdType)5, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => Threshold.Apply(img, 1, 1, ThresholdType.Binary, out _, (AutoThreshold)24));
        Assert.Throws<ArgumentException>(() => Threshold.Apply(img.ReadOnlyView, new Image<byte>(4, 5).View, 1, 1, ThresholdType.Binary));
        Assert.Throws<ArgumentException>(() => Threshold.Apply(new Image<ushort>(2, 2), 0, 1, ThresholdType.Binary, out _, AutoThreshold.Triangle));
        Assert.Throws<ArgumentException>(() => Threshold.Otsu(new Image<byte>(2, 2, 3)));
        Assert.Throws<ArgumentException>(() => Threshold.Triangle(new Image<byte>(2, 2, 4)));
        Assert.Throws<ArgumentException>(() => Histogram.Compute(img.ReadOnlyView, new long[255]));
        Assert.Throws<ArgumentException>(() => Threshold.Triangle(new long[1]));
        Assert.Throws<ArgumentException>(() => Threshold.Otsu(new long[] { 3, -1, 2 }));
        Assert.Throws<ArgumentException>(() => Threshold.Triangle(new long[] { 3, -1, 2 }));
    }
}
