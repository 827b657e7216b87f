using System.Text.Json;
using CsCheck;
using SegmentSharp.Imaging;
using SegmentSharp.Thresholding.Local;
using Local = SegmentSharp.Thresholding.Local.LocalThreshold;

namespace SegmentSharp.Tests.Thresholding;

/// <summary>
/// Local Otsu against scikit-image 0.19's <c>filters.rank.otsu</c> (goldens made by tests/fixtures/localm2/make_golden.py)
/// and against a count-every-window reference; plus the sliding histogram step's vector/scalar twins.
/// </summary>
public class LocalOtsuTests
{
    public sealed record Case(string Name, int Window, int Width, int Height, int Input, int T);

    private static readonly Lazy<(Case[] Cases, byte[] Blob)> Golden = new(() =>
    {
        string dir = RepoPaths.Fixtures("localm2");
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "golden.json")));
        var cases = doc.RootElement.GetProperty("cases").EnumerateArray().Select(e => new Case(
            e.GetProperty("name").GetString()!, e.GetProperty("window").GetInt32(), e.GetProperty("width").GetInt32(),
            e.GetProperty("height").GetInt32(), e.GetProperty("input").GetInt32(), e.GetProperty("t").GetInt32())).ToArray();
        return (cases, File.ReadAllBytes(Path.Combine(dir, "golden.bin")));
    });

    [Fact]
    public void ThresholdEqualsScikitImageRankOtsu()
    {
        var (cases, blob) = Golden.Value;
        Assert.Equal(78, cases.Length);
        Assert.Contains(cases, c => c.Window > c.Width && c.Window > c.Height);
        int checkedValues = 0;
        foreach (var c in cases)
        {
            int n = c.Width * c.Height;
            var img = new Image<byte>(blob.AsSpan(c.Input, n).ToArray(), c.Width, c.Height);
            var t = new Image<double>(c.Width, c.Height);
            var mask = Local.LocalOtsu(img, c.Window, t);
            for (int i = 0; i < n; i++)
            {
                int expected = blob[c.T + i];
                Assert.True(t.Data[i] == expected, $"{c.Name} w={c.Window} at {i % c.Width},{i / c.Width}: {t.Data[i]} vs skimage {expected}");
                Assert.Equal(img.Data[i] > expected ? 255 : 0, mask.Data[i]);
                checkedValues++;
            }
        }
        Assert.True(checkedValues > 30000, checkedValues.ToString());
    }

    [Fact]
    public void RandomStridedImagesEqualDirectOtsu()
    {
        var cases =
            from img in PaddedImage.Gen8.Where(p => p.Channels == 1)
            from half in Gen.OneOf(Gen.Int[1, 9], Gen.Int[30, 90])
            from levels in Gen.OneOf(Gen.Const(256), Gen.Int[2, 6])
            select (img, 2 * half + 1, levels);
        cases.Sample(k =>
        {
            var (img, window, levels) = k;
            // Few distinct levels make many empty bins and ties, where the scan order matters.
            var data = img.Data.Select(v => (byte)(v % levels * (255 / (levels - 1 == 0 ? 1 : levels - 1)))).ToArray();
            var view = new ReadOnlyImageView<byte>(data, img.Width, img.Height, 1, img.Stride);
            var t = new Image<double>(img.Width, img.Height);
            var mask = Local.LocalOtsu(view, window, t);
            var e = LocalHistogramNaive.Otsu(data, img.Width, img.Height, img.Stride, window);
            for (int y = 0; y < img.Height; y++)
                for (int x = 0; x < img.Width; x++)
                {
                    int i = y * img.Width + x;
                    if (e[i] != t.Data[i] || mask.Data[i] != (data[y * img.Stride + x] > e[i] ? 255 : 0)) return false;
                }
            return true;
        }, iter: 80, print: k => $"{k.img} window {k.Item2} levels {k.levels}");
    }

    [Theory]
    [InlineData(120, 77, 15)]
    [InlineData(45, 200, 61)]
    [InlineData(33, 300, 257)]
    [InlineData(20, 15, 4095)]
    public void LargerImagesEqualDirectOtsu(int w, int h, int window)
    {
        var rng = new Random(w + h);
        var data = new byte[w * h];
        // Smooth-ish content with noise, like a page: a gradient plus dark blobs.
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
                data[y * w + x] = (byte)Math.Clamp(150 + x / 2 - y / 3 + rng.Next(-20, 21) - ((x / 7 + y / 5) % 4 == 0 ? 90 : 0), 0, 255);
        var t = new Image<double>(w, h);
        Local.LocalOtsu(new Image<byte>(data, w, h), window, t);
        var e = LocalHistogramNaive.Otsu(data, w, h, w, window);
        for (int i = 0; i < e.Length; i++) Assert.True(e[i] == t.Data[i], $"at {i % w},{i / w}: {t.Data[i]} vs {e[i]}");
    }

    [Fact]
    public unsafe void StepVectorEqualsScalar()
    {
        var rng = new Random(11);
        var enter = new ushort[256];
        var leave = new ushort[256];
        var n1 = new ushort[256]; var n2 = new ushort[256];
        var w1 = new int[256]; var w2 = new int[256];
        var s1 = new int[16]; var s2 = new int[16];
        var b1 = new ulong[4]; var b2 = new ulong[4]; var b3 = new ulong[4]; var b4 = new ulong[4];
        for (int round = 0; round < 300; round++)
        {
            for (int i = 0; i < 256; i++)
            {
                // Sparse columns, so that bins cross zero and the bitmap changes.
                enter[i] = (ushort)(rng.Next(4) == 0 ? rng.Next(0, round % 2 == 0 ? 4096 : 200) : 0);
                leave[i] = (ushort)Math.Min(rng.Next(4) == 0 ? rng.Next(0, 4096) : 0, Math.Min(n1[i], w1[i]) + enter[i]);
            }
            fixed (ushort* e = enter) fixed (ushort* l = leave)
            fixed (ushort* na = n1) fixed (ushort* nb = n2) fixed (int* wa = w1) fixed (int* wb = w2) fixed (int* sa = s1) fixed (int* sb = s2)
            fixed (ulong* x1 = b1) fixed (ulong* x2 = b2) fixed (ulong* x3 = b3) fixed (ulong* x4 = b4)
            {
                SlidingHistogram.StepNarrow(na, e, l, x1);
                SlidingHistogram.StepScalar(nb, e, l, x2);
                SlidingHistogram.StepWide(wa, e, l, x3);
                SlidingHistogram.StepScalar(wb, e, l, x4);
                SlidingHistogram.StepSegment(sa, e + 16 * (round % 16), l + 16 * (round % 16));
                SlidingHistogram.StepSegmentScalar(sb, e + 16 * (round % 16), l + 16 * (round % 16));
                SlidingHistogram.AddSegment(sa, e + 16 * ((round + 3) % 16));
                SlidingHistogram.AddSegment(sb, e + 16 * ((round + 3) % 16), 1);
            }
            Assert.Equal(n2, n1);
            Assert.Equal(b2, b1);
            Assert.Equal(w2, w1);
            Assert.Equal(b4, b3);
            Assert.Equal(s2, s1);
        }
    }

    [Fact]
    public unsafe void OtsuLevelOfRandomHistogramsEqualsDirectScan()
    {
        var rng = new Random(17);
        var hist = new int[256];
        var small = new ushort[256];
        var bits = new ulong[4];
        for (int round = 0; round < 3000; round++)
        {
            Array.Clear(hist);
            // One to 256 non-empty levels; tiny counts make ties likely.
            int levels = round % 7 == 0 ? rng.Next(1, 4) : rng.Next(1, 257);
            int maxCount = round % 3 == 0 ? 3 : 60000;
            for (int k = 0; k < levels; k++) hist[rng.Next(256)] = rng.Next(1, maxCount);
            long pop = 0, sum = 0;
            for (int i = 0; i < 256; i++) { pop += hist[i]; sum += (long)i * hist[i]; small[i] = (ushort)hist[i]; }
            if (pop == 0) continue;
            int expected = LocalHistogramNaive.OtsuOf(hist.Select(v => (long)v).ToArray(), pop, sum);
            fixed (int* h = hist) fixed (ushort* hs = small) fixed (ulong* b = bits)
            {
                SlidingHistogram.Bitmap(h, b);
                Assert.Equal(expected, SlidingHistogram.OtsuLevel(h, b, sum, pop));
                Assert.Equal(expected, SlidingHistogram.OtsuLevel(hs, b, sum, pop));
            }
        }
    }

    [Fact]
    public void PaperIsWhiteAndTextBlackOnThePage()
    {
        var page = SegmentSharp.Codecs.ImageFile.ReadGray(RepoPaths.Sample("page.png"));
        var (text, paper) = LocalHistogramNaive.AgreementWithSauvola(page, Local.LocalOtsu(page, 41));
        Assert.True(text > 0.8 && paper > 0.85, $"text {text:P1}, paper {paper:P1}");
    }
}
