using CsCheck;
using SegmentSharp.Histograms;
using SegmentSharp.Imaging;
using SegmentSharp.Thresholding;

namespace SegmentSharp.Tests.Thresholding;

public class HistogramAndAutoThresholdTests
{
    private static readonly Gen<PaddedImage> Gray = PaddedImage.Gen8.Select(p =>
        new PaddedImage(p.Data, p.Width * p.Channels, p.Height, 1, p.Stride));

    [Fact]
    public void HistogramCountsEverySampleOfAStridedView()
    {
        Gray.Sample(img =>
        {
            var hist = Histogram.Compute(img.View);
            var expected = new long[256];
            for (int y = 0; y < img.Height; y++) foreach (byte v in img.View.Row(y)) expected[v]++;
            Assert.Equal(expected, hist);
            Assert.Equal((long)img.Width * img.Height, hist.Sum());
        }, iter: 300);
    }

    [Fact]
    public void HistogramIsTheSameWithAndWithoutThreads()
    {
        var rng = new Random(4);
        var img = new Image<byte>(1500, 700);
        rng.NextBytes(img.Data);
        var view = img.ReadOnlyView.Slice(3, 2, 1401, 650);
        int saved = Parallelism.MaxDegreeOfParallelism;
        try
        {
            Parallelism.MaxDegreeOfParallelism = 1;
            var single = Histogram.Compute(view);
            Parallelism.MaxDegreeOfParallelism = 4;
            var multi = Histogram.Compute(view);
            Assert.Equal(single, multi);
            Assert.Equal(1401L * 650, multi.Sum());
        }
        finally { Parallelism.MaxDegreeOfParallelism = saved; }
    }

    [Fact]
    public void SixteenBitHistogramCountsEverySample()
    {
        var gen = from w in Gen.Int[1, 70]
                  from h in Gen.Int[1, 9]
                  from pad in Gen.Int[0, 5]
                  from data in Gen.UShort.Array[(h - 1) * (w + pad) + w]
                  select (data, w, h, pad);
        gen.Sample(c =>
        {
            var view = new ReadOnlyImageView<ushort>(c.data, c.w, c.h, 1, c.w + c.pad);
            var hist = Histogram.Compute(view);
            Assert.Equal(65536, hist.Length);
            Assert.Equal((long)c.w * c.h, hist.Sum());
            for (int y = 0; y < c.h; y++) foreach (ushort v in view.Row(y)) hist[v]--;
            Assert.All(hist, n => Assert.Equal(0, n));
        }, iter: 100);
    }

    [Fact]
    public void HistogramOverloadsAgreeWithImageOverloads()
    {
        Gray.Sample(img =>
        {
            var hist = Histogram.Compute(img.View);
            Assert.Equal(Threshold.Otsu(hist), Threshold.Otsu(img.View));
            Assert.Equal(Threshold.Triangle(hist), Threshold.Triangle(img.View));
        }, iter: 200);
    }

    [Fact]
    public void OtsuSplitsATwoLevelImageAtTheLowerLevel()
    {
        Gen.Select(Gen.Int[0, 254], Gen.Int[1, 255], Gen.Int[1, 50], Gen.Int[1, 50]).Sample((a, d, na, nb) =>
        {
            int b = Math.Min(255, a + d);
            if (b == a) return;
            var hist = new long[256];
            hist[a] = na; hist[b] = nb;
            Assert.Equal(a, Threshold.Otsu(hist));
        }, iter: 300);
    }

    [Fact]
    public void OtsuOfAConstantImageIsZero()
    {
        var hist = new long[256];
        hist[77] = 1000;
        Assert.Equal(0, Threshold.Otsu(hist));
        Assert.Equal(0, Threshold.Otsu(new long[256]));
    }

    [Fact]
    public void TriangleOfSingleLevelImagesFollowsOpenCvsBoundaryRules()
    {
        // Worked by hand through OpenCV's algorithm: an all-zero image gets right bound 1 and is mirrored.
        var hist = new long[256];
        hist[0] = 10;
        Assert.Equal(1, Threshold.Triangle(hist));
        hist[0] = 0; hist[255] = 10;
        Assert.Equal(254, Threshold.Triangle(hist));
    }

    [Fact]
    public void OtsuOnSixteenBitScalesWithTheData()
    {
        // An 8-bit image multiplied by 256 keeps its class split, so the 16-bit threshold lies in the same gap.
        var rng = new Random(9);
        var img8 = new Image<byte>(64, 32);
        for (int i = 0; i < img8.Data.Length; i++) img8.Data[i] = (byte)(rng.Next(2) == 0 ? rng.Next(20, 60) : rng.Next(150, 220));
        var img16 = new Image<ushort>(64, 32);
        for (int i = 0; i < img8.Data.Length; i++) img16.Data[i] = (ushort)(img8.Data[i] * 256);
        int t8 = Threshold.Otsu(img8), t16 = Threshold.Otsu(img16);
        Assert.Equal(t8 * 256, t16);
    }
}
