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
        var h1 = new int[256];
        var h2 = new int[256];
        var b1 = new ulong[4];
        var b2 = new ulong[4];
        for (int round = 0; round < 200; round++)
        {
            for (int i = 0; i < 256; i++)
            {
                // Sparse columns, so that bins cross zero and the bitmap changes.
                enter[i] = (ushort)(rng.Next(4) == 0 ? rng.Next(0, 4096) : 0);
                leave[i] = (ushort)Math.Min(rng.Next(4) == 0 ? rng.Next(0, 4096) : 0, h1[i] + enter[i]);
            }
            fixed (ushort* e = enter) fixed (ushort* l = leave) fixed (int* a = h1) fixed (int* b = h2)
            fixed (ulong* x = b1) fixed (ulong* y = b2)
            {
                SlidingHistogram.Step(a, e, l, x);
                SlidingHistogram.StepScalar(b, e, l, y);
            }
            Assert.Equal(h2, h1);
            Assert.Equal(b2, b1);
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
