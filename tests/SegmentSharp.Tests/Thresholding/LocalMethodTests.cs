using SegmentSharp.Imaging;
using Local = SegmentSharp.Thresholding.Local.LocalThreshold;

namespace SegmentSharp.Tests.Thresholding;

/// <summary>Every local method against its formula evaluated directly (LocalNaive), serial and in parallel bands.</summary>
public class LocalMethodTests
{
    public static TheoryData<string, int, int, int> Cases()
    {
        var d = new TheoryData<string, int, int, int>();
        foreach (var m in LocalNaive.Methods)
            foreach (var (w, h, win) in new[] { (1, 1, 3), (17, 1, 5), (1, 23, 7), (31, 19, 3), (31, 19, 15), (23, 29, 101), (160, 140, 5) })
                d.Add(m, w, h, win);
        return d;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void SurfaceAndMaskEqualDirectFormula(string method, int w, int h, int window)
    {
        int stride = w + 5;
        var data = LocalEngineTests.MakeImage(w, h, stride, "random", w * 31 + h + window);
        // Smooth the noise a little so that low-contrast windows (Bernsen) and high-contrast ones both occur.
        for (int i = 1; i < data.Length; i++) data[i] = (byte)((data[i] + 3 * data[i - 1]) / 4);
        var src = new ReadOnlyImageView<byte>(data, w, h, 1, stride);
        var prm = LocalNaive.Defaults(method);
        int saved = Parallelism.MaxDegreeOfParallelism;
        try
        {
            foreach (int threads in new[] { 1, 4 })
            {
                Parallelism.MaxDegreeOfParallelism = threads;
                var (mask, t) = LocalNaive.Run(method, src, window, prm);
                var expected = LocalNaive.Surface(method, data, w, h, stride, window, prm);
                for (int y = 0; y < h; y++)
                    for (int x = 0; x < w; x++)
                    {
                        double e = expected[y * w + x], g = t.Data[y * w + x];
                        Assert.True(Math.Abs(e - g) <= 1e-9 * Math.Max(1, Math.Abs(e)), $"{method} ({x},{y}): {g:R} vs {e:R}");
                        byte p = data[y * stride + x];
                        if (Math.Abs(p - e) > 1e-9 * Math.Max(1, Math.Abs(e)))
                            Assert.Equal(p > e ? 255 : 0, mask.Data[y * w + x]);
                    }
            }
        }
        finally { Parallelism.MaxDegreeOfParallelism = saved; }
    }

    [Fact]
    public void RangeRulesFollowImageJ()
    {
        // A flat bright window is one class by its mid-grey (Bernsen); a flat dark one too.
        var bright = new Image<byte>(5, 5); Array.Fill(bright.Data, (byte)200);
        Assert.All(Local.Bernsen(bright, 3).Data, v => Assert.Equal(255, v));
        var dark = new Image<byte>(5, 5); Array.Fill(dark.Data, (byte)100);
        Assert.All(Local.Bernsen(dark, 3).Data, v => Assert.Equal(0, v));
        // Contrast: 0 never becomes foreground; ties go to the maximum.
        var img = new Image<byte>([10, 20, 30], 3, 1);
        Assert.Equal(new byte[] { 0, 255, 255 }, Local.Contrast(img, 3).Data);
        Assert.Equal(new byte[] { 0, 0, 0 }, Local.Contrast(new Image<byte>(3, 1), 3).Data);
        // MidGrey: strictly above ⌊(min+max)/2⌋ − c.
        Assert.Equal(new byte[] { 0, 0, 255 }, Local.MidGrey(img, 3).Data);
        Assert.Equal(new byte[] { 0, 255, 255 }, Local.MidGrey(img, 3, c: 1).Data);
    }

    [Fact]
    public void BadArgumentsThrowArgumentExceptions()
    {
        var img = new Image<byte>(4, 4);
        Assert.Throws<ArgumentException>(() => Local.Niblack(img, 4));
        Assert.Throws<ArgumentException>(() => Local.Niblack(img, 1));
        Assert.Throws<ArgumentException>(() => Local.Sauvola(new Image<byte>(4, 4, 3), 3));
        Assert.Throws<ArgumentException>(() => Local.Sauvola(img, 3, threshold: new Image<double>(3, 4)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Local.Sauvola(img, 3, r: 0));
        Assert.Equal(16, Local.Bradley(img).Data.Length);   // default window: width/8 made odd, at least 3
    }
}
