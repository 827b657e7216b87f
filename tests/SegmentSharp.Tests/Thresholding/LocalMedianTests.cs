using CsCheck;
using SegmentSharp.Imaging;
using Local = SegmentSharp.Thresholding.Local.LocalThreshold;

namespace SegmentSharp.Tests.Thresholding;

/// <summary>The sliding-histogram local median against a sort-the-window reference.</summary>
public class LocalMedianTests
{
    private static void AssertMatches(byte[] data, int w, int h, int stride, int window, int c)
    {
        var img = new ReadOnlyImageView<byte>(data, w, h, 1, stride);
        var t = new Image<double>(w, h);
        var mask = Local.Median(img, window, c, t);
        var e = LocalHistogramNaive.Median(data, w, h, stride, window, c);
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                int i = y * w + x;
                Assert.True(e[i] == t.Data[i], $"{w}x{h} w={window} c={c} at {x},{y}: {t.Data[i]} vs {e[i]}");
                Assert.Equal(data[y * stride + x] > e[i] ? 255 : 0, mask.Data[i]);
            }
    }

    [Theory]
    [InlineData(1, 1, 3)]
    [InlineData(1, 1, 9)]
    [InlineData(1, 23, 5)]
    [InlineData(23, 1, 5)]
    [InlineData(17, 13, 3)]
    [InlineData(17, 13, 7)]
    [InlineData(31, 9, 15)]
    [InlineData(31, 9, 41)]
    [InlineData(12, 7, 101)]
    [InlineData(64, 40, 25)]
    [InlineData(13, 7, 301)]
    [InlineData(300, 2, 257)]
    [InlineData(700, 30, 21)]    // two vertical stripes of the engine
    [InlineData(1100, 9, 15)]    // three stripes, the last one narrow
    public void RandomImagesEqualSortedWindow(int w, int h, int window)
    {
        var rng = new Random(w * 1000 + h * 10 + window);
        int stride = w + 3;
        var data = new byte[stride * h];
        rng.NextBytes(data);
        AssertMatches(data, w, h, stride, window, 0);
        AssertMatches(data, w, h, stride, window, -7);
        AssertMatches(data, w, h, stride, window, 12);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(255)]
    public void ConstantImages(byte v)
    {
        var data = Enumerable.Repeat(v, 19 * 11).ToArray();
        AssertMatches(data, 19, 11, 19, 7, 0);
        AssertMatches(data, 19, 11, 19, 7, -3);
        // T = v − c: a flat page is all 0 for c ≤ 0 and all 255 for c > 0.
        Assert.All(Local.Median(new Image<byte>(data, 19, 11), 7, 0).Data, m => Assert.Equal(0, m));
        Assert.All(Local.Median(new Image<byte>(data, 19, 11), 7, 1).Data, m => Assert.Equal(255, m));
    }

    [Fact]
    public void PaperIsWhiteAndTextBlackOnThePage()
    {
        var page = SegmentSharp.Codecs.ImageFile.ReadGray(RepoPaths.Sample("page.png"));
        var (text, paper) = LocalHistogramNaive.AgreementWithSauvola(page, Local.Median(page, 31, 10));
        Assert.True(text > 0.95 && paper > 0.9, $"text {text:P1}, paper {paper:P1}");
    }

    [Fact]
    public void RejectsBadWindows()
    {
        var img = new Image<byte>(5, 5);
        Assert.Throws<ArgumentException>(() => Local.Median(img, 4));
        Assert.Throws<ArgumentException>(() => Local.Median(img, 1));
        Assert.Throws<ArgumentException>(() => Local.Median(img, 4097));
        Assert.Throws<ArgumentException>(() => Local.Median(new Image<byte>(5, 5, 3), 3));
        Assert.Throws<ArgumentException>(() => Local.Median(img, 3, 0, new Image<double>(4, 5)));
    }

    [Fact]
    public void RandomStridedImagesEqualSortedWindow()
    {
        var cases =
            from img in PaddedImage.Gen8.Where(p => p.Channels == 1)
            from half in Gen.OneOf(Gen.Int[1, 9], Gen.Int[20, 45])
            from c in Gen.Int[-20, 20]
            select (img, 2 * half + 1, c);
        cases.Sample(k =>
        {
            var (img, window, c) = k;
            var t = new Image<double>(img.Width, img.Height);
            var mask = Local.Median(img.View, window, c, t);
            var e = LocalHistogramNaive.Median(img.Data, img.Width, img.Height, img.Stride, window, c);
            for (int y = 0; y < img.Height; y++)
                for (int x = 0; x < img.Width; x++)
                {
                    int i = y * img.Width + x;
                    if (e[i] != t.Data[i] || mask.Data[i] != (img.Data[y * img.Stride + x] > e[i] ? 255 : 0)) return false;
                }
            return true;
        }, iter: 60, print: k => $"{k.img} window {k.Item2} c {k.c}");
    }

    [Fact]
    public void ParallelBandsEqualOneBand()
    {
        var rng = new Random(5);
        var img = new Image<byte>(300, 410);
        rng.NextBytes(img.Data);
        int saved = Parallelism.MaxDegreeOfParallelism;
        try
        {
            Parallelism.MaxDegreeOfParallelism = 1;
            var a = Local.Median(img, 21);
            var ao = Local.LocalOtsu(img, 21);
            Parallelism.MaxDegreeOfParallelism = 4;
            Assert.Equal(a.Data, Local.Median(img, 21).Data);
            Assert.Equal(ao.Data, Local.LocalOtsu(img, 21).Data);
        }
        finally { Parallelism.MaxDegreeOfParallelism = saved; }
    }
}
