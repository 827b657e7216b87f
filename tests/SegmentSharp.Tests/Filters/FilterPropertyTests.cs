using CsCheck;
using SegmentSharp.Filters;
using SegmentSharp.Imaging;
using SegmentSharp.Thresholding;

namespace SegmentSharp.Tests.Filters;

public class FilterPropertyTests
{
    private static readonly BorderType[] NonConstant = [BorderType.Reflect101, BorderType.Replicate, BorderType.Reflect, BorderType.Wrap];

    private static Image<byte> Filled(int w, int h, int cn, byte v)
    {
        var img = new Image<byte>(w, h, cn);
        Array.Fill(img.Data, v);
        return img;
    }

    [Fact]
    public void BlurOfAConstantImageIsThatConstant()
    {
        Gen.Select(Gen.Int[1, 40], Gen.Int[1, 40], Gen.Int[1, 4], Gen.Byte, Gen.Int[0, 15], Gen.Int[0, 3])
            .Sample(t =>
            {
                var (w, h, cn, v, k, bi) = t;
                var border = NonConstant[bi];
                var img = Filled(w, h, cn, v);
                var g = img.CloneEmpty();
                GaussianBlur.Apply(img.ReadOnlyView, g.View, 2 * k + 1, 2 * (15 - k) + 1, 0, 0, border);
                Assert.All(g.Data, x => Assert.Equal(v, x));
                if (border != BorderType.Wrap)
                {
                    var b = img.CloneEmpty();
                    BoxFilter.Apply(img.ReadOnlyView, b.View, k + 1, 16 - k, true, border);
                    Assert.All(b.Data, x => Assert.Equal(v, x));
                }
            }, iter: 200);
    }

    [Fact]
    public void UnitKernelsAreIdentity()
    {
        Gen.Select(Gen.Int[1, 50], Gen.Int[1, 50], Gen.Int[1, 4], Gen.Int[0, 1000]).Sample(t =>
        {
            var (w, h, cn, seed) = t;
            var img = new Image<byte>(w, h, cn);
            new Random(seed).NextBytes(img.Data);
            Assert.Equal(img.Data, GaussianBlur.Apply(img, 1).Data);
            var box = img.CloneEmpty();
            BoxFilter.Apply(img.ReadOnlyView, box.View, 1, 1, false);
            Assert.Equal(img.Data, box.Data);
        }, iter: 100);
    }

    [Fact]
    public void InPlaceEqualsOutOfPlace()
    {
        Gen.Select(Gen.Int[1, 60], Gen.Int[1, 60], Gen.Int[0, 1000]).Sample(t =>
        {
            var (w, h, seed) = t;
            var img = new Image<byte>(w, h);
            new Random(seed).NextBytes(img.Data);
            var expected = GaussianBlur.Apply(img, 5);
            var copy = img.Clone();
            GaussianBlur.Apply(copy.ReadOnlyView, copy.View, 5, 5, 0);
            Assert.Equal(expected.Data, copy.Data);

            var expectedBox = BoxFilter.Blur(img, 4);
            copy = img.Clone();
            BoxFilter.Apply(copy.ReadOnlyView, copy.View, 4, 4);
            Assert.Equal(expectedBox.Data, copy.Data);

            var expectedAt = AdaptiveThreshold.Apply(img, 255, AdaptiveMethod.Gaussian, ThresholdType.Binary, 7, 2);
            copy = img.Clone();
            AdaptiveThreshold.Apply(copy.ReadOnlyView, copy.View, 255, AdaptiveMethod.Gaussian, ThresholdType.Binary, 7, 2);
            Assert.Equal(expectedAt.Data, copy.Data);
        }, iter: 60);
    }

    [Fact]
    public void ParallelBandsEqualSingleThread()
    {
        var img = new Image<byte>(301, 257);
        new Random(5).NextBytes(img.Data);
        int saved = Parallelism.MaxDegreeOfParallelism;
        try
        {
            Parallelism.MaxDegreeOfParallelism = 1;
            var g1 = GaussianBlur.Apply(img, 9);
            var b1 = BoxFilter.Blur(img, 21);
            var a1 = AdaptiveThreshold.Apply(img, 255, AdaptiveMethod.Gaussian, ThresholdType.Binary, 31, 3);
            var m1 = AdaptiveThreshold.Apply(img, 255, AdaptiveMethod.Mean, ThresholdType.BinaryInv, 31, 3);
            Parallelism.MaxDegreeOfParallelism = 4;
            Assert.Equal(g1.Data, GaussianBlur.Apply(img, 9).Data);
            Assert.Equal(b1.Data, BoxFilter.Blur(img, 21).Data);
            Assert.Equal(a1.Data, AdaptiveThreshold.Apply(img, 255, AdaptiveMethod.Gaussian, ThresholdType.Binary, 31, 3).Data);
            Assert.Equal(m1.Data, AdaptiveThreshold.Apply(img, 255, AdaptiveMethod.Mean, ThresholdType.BinaryInv, 31, 3).Data);
        }
        finally { Parallelism.MaxDegreeOfParallelism = saved; }
    }

    [Fact]
    public void StridedViewsMatchTightImages()
    {
        var big = new Image<byte>(90, 70, 3);
        new Random(6).NextBytes(big.Data);
        var view = big.View.Slice(7, 5, 50, 40);
        var tight = new Image<byte>(50, 40, 3);
        for (int y = 0; y < 40; y++) view.Row(y).CopyTo(tight.Row(y));
        var expected = GaussianBlur.Apply(tight, 7);
        var dst = new Image<byte>(50, 40, 3);
        GaussianBlur.Apply(view.AsReadOnly(), dst.View, 7, 7, 0);
        Assert.Equal(expected.Data, dst.Data);
        BoxFilter.Apply(view.AsReadOnly(), dst.View, 6, 3);
        var eb = tight.CloneEmpty();
        BoxFilter.Apply(tight.ReadOnlyView, eb.View, 6, 3);
        Assert.Equal(eb.Data, dst.Data);
    }

    [Fact]
    public void AdaptiveOnConstantImageFollowsTheSignOfC()
    {
        Gen.Select(Gen.Int[1, 30], Gen.Int[1, 30], Gen.Byte, Gen.Double[-3, 3], Gen.Int[1, 10]).Sample(t =>
        {
            var (w, h, v, c, b) = t;
            var img = Filled(w, h, 1, v);
            foreach (var method in new[] { AdaptiveMethod.Mean, AdaptiveMethod.Gaussian })
            {
                // The mean equals v, so Binary keeps pixels where 0 > −ceil(C).
                var bin = AdaptiveThreshold.Apply(img, 255, method, ThresholdType.Binary, 2 * b + 1, c);
                byte expected = Math.Ceiling(c) > 0 ? (byte)255 : (byte)0;
                Assert.All(bin.Data, x => Assert.Equal(expected, x));
                var inv = AdaptiveThreshold.Apply(img, 255, method, ThresholdType.BinaryInv, 2 * b + 1, c);
                byte expectedInv = 0 <= -Math.Floor(c) ? (byte)255 : (byte)0;
                Assert.All(inv.Data, x => Assert.Equal(expectedInv, x));
            }
        }, iter: 100);
    }
}
