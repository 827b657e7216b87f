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

    /// <summary>The evaluation paths this machine can run (the scalar reference always).</summary>
    public static TheoryData<string> Paths()
    {
        var d = new TheoryData<string> { nameof(WindowOtsu.Path.Scalar) };
        if (System.Runtime.Intrinsics.X86.Avx2.IsSupported && System.Runtime.Intrinsics.X86.Fma.IsSupported) d.Add(nameof(WindowOtsu.Path.Vector256));
        if (System.Runtime.Intrinsics.X86.Avx512F.IsSupported) d.Add(nameof(WindowOtsu.Path.Vector512));
        return d;
    }

    [Fact]
    public void AutoPicksTheWidestPath()
    {
        var expected = System.Runtime.Intrinsics.X86.Avx512F.IsSupported ? WindowOtsu.Path.Vector512
            : System.Runtime.Intrinsics.X86.Avx2.IsSupported && System.Runtime.Intrinsics.X86.Fma.IsSupported ? WindowOtsu.Path.Vector256
            : WindowOtsu.Path.Scalar;
        Assert.Equal(expected, WindowOtsu.Resolve(WindowOtsu.Path.Auto));
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void EdgeImagesEqualDirectOtsu(string pathName)
    {
        var path = Enum.Parse<WindowOtsu.Path>(pathName);
        var rng = new Random(5);
        foreach (var (w, h) in new[] { (1, 1), (1, 9), (9, 1), (17, 3), (3, 31), (23, 19), (40, 7) })
            foreach (int window in new[] { 3, 5, 15, 41, 257 })
                foreach (int kind in new[] { 0, 1, 2, 3, 4, 5 })
                {
                    var data = new byte[w * h];
                    for (int i = 0; i < data.Length; i++)
                        data[i] = kind switch
                        {
                            0 => 0,
                            1 => 255,
                            2 => 128,
                            3 => (byte)(rng.Next(2) * 255),             // two levels: ties between thresholds
                            4 => (byte)(rng.Next(3) * 60 + (i % 2)),    // few levels incl. 0 and 1
                            _ => (byte)rng.Next(256),
                        };
                    var img = new Image<byte>(data, w, h);
                    var t = new Image<double>(w, h);
                    var mask = SlidingHistogram.Otsu(img, window, t, path);
                    var e = LocalHistogramNaive.Otsu(data, w, h, w, window);
                    for (int i = 0; i < e.Length; i++)
                    {
                        Assert.True(e[i] == t.Data[i], $"{path} {w}x{h} w={window} kind {kind} at {i % w},{i / w}: {t.Data[i]} vs {e[i]}");
                        Assert.Equal(data[i] > e[i] ? 255 : 0, mask.Data[i]);
                    }
                }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void StripedImagesEqualDirectOtsu(string pathName)
    {
        var path = Enum.Parse<WindowOtsu.Path>(pathName);
        // Wider than one strip (256 columns), with a window that spans strip boundaries.
        int w = 611, h = 23;
        var rng = new Random(7);
        var data = new byte[w * h];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
                data[y * w + x] = (byte)Math.Clamp(200 - x / 5 + rng.Next(-15, 16) - ((x / 9 + y / 4) % 5 == 0 ? 120 : 0), 0, 255);
        foreach (int window in new[] { 9, 45 })
        {
            var t = new Image<double>(w, h);
            SlidingHistogram.Otsu(new Image<byte>(data, w, h), window, t, path);
            var e = LocalHistogramNaive.Otsu(data, w, h, w, window);
            for (int i = 0; i < e.Length; i++) Assert.True(e[i] == t.Data[i], $"{path} w={window} at {i % w},{i / w}: {t.Data[i]} vs {e[i]}");
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void WideMomentWindowsEqualDirectOtsu(string pathName)
    {
        var path = Enum.Parse<WindowOtsu.Path>(pathName);
        // 300 × 280 with window 301: windows of up to 84000 bright samples, so level sums pass 2^24 and the window
        // keeps M as 32-bit integers. A full direct reference is too slow; sampled pixels are counted directly.
        int w = 300, h = 280, window = 301;
        Assert.True(WindowOtsu.NeedsWideMoments(w, h, window / 2));
        var rng = new Random(3);
        var data = new byte[w * h];
        for (int i = 0; i < data.Length; i++)
            data[i] = (byte)(rng.Next(10) == 0 ? rng.Next(0, 40) : rng.Next(200, 256));
        data[0] = 0;
        var t = new Image<double>(w, h);
        SlidingHistogram.Otsu(new Image<byte>(data, w, h), window, t, path);
        var scalar = new Image<double>(w, h);
        SlidingHistogram.Otsu(new Image<byte>(data, w, h), window, scalar, WindowOtsu.Path.Scalar);
        Assert.Equal(scalar.Data, t.Data);
        var hist = new long[256];
        for (int k = 0; k < 60; k++)
        {
            int x = k == 0 ? 0 : rng.Next(w), y = k == 0 ? 0 : rng.Next(h);
            Assert.Equal(LocalHistogramNaive.OtsuAt(data, w, h, w, window, x, y, hist), t.Data[y * w + x]);
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public unsafe void LevelOfRandomHistogramsEqualsDirectScan(string pathName)
    {
        var path = Enum.Parse<WindowOtsu.Path>(pathName);
        var rng = new Random(17);
        var hist = new long[256];
        // Like the band's scratch, the window state is preceded by 16 readable floats.
        var state = new float[16 + 512];
        var zero = new float[512];
        var g = new float[256];
        var cand = new ulong[4];
        for (int round = 0; round < 6000; round++)
        {
            Array.Clear(hist);
            // One to 256 non-empty levels; tiny counts and mirrored histograms make exact ties likely; huge counts
            // need 32-bit sums (wide).
            bool wide = round % 2 == 1;
            int levels = round % 7 == 0 ? rng.Next(1, 4) : rng.Next(1, 257);
            int maxCount = round % 3 == 0 ? 3 : wide ? 65000 : 250;
            for (int k = 0; k < levels; k++) hist[rng.Next(256)] = rng.Next(1, maxCount);
            if (round % 5 <= 1) for (int i = 0; i < 128; i++) hist[255 - i] = hist[i];
            // A mirrored histogram ties thresholds; one extra sample makes them differ by a hair (near-ties that the
            // single-precision estimates cannot order).
            if (round % 5 == 1) hist[rng.Next(256)]++;
            if (round % 11 == 0) hist[0] = rng.Next(1, 50);
            long pop = 0, sum = 0;
            for (int i = 0; i < 256; i++) { pop += hist[i]; sum += i * hist[i]; }
            if (pop == 0 || pop >= 1 << 24 || (!wide && sum >= 1 << 24)) continue;
            int expected = LocalHistogramNaive.OtsuOf(hist, pop, sum);
            long cq = 0, cm = 0;
            for (int i = 0; i < 256; i++)
            {
                cq += hist[i];
                cm += i * hist[i];
                state[16 + i] = cq;
                state[16 + 256 + i] = wide ? BitConverter.UInt32BitsToSingle((uint)cm) : cm;
            }
            fixed (float* s0 = state) fixed (float* z = zero) fixed (float* gp = g) fixed (ulong* cp = cand)
            {
                float* s = s0 + 16;
                var pc = new WindowOtsu.Population();
                int got = (path, wide) switch
                {
                    (WindowOtsu.Path.Vector512, false) => WindowOtsu.Level512<float>(s, z, z, gp, cp, ref pc),
                    (WindowOtsu.Path.Vector512, true) => WindowOtsu.Level512<uint>(s, z, z, gp, cp, ref pc),
                    (WindowOtsu.Path.Vector256, false) => WindowOtsu.Level256<float>(s, z, z, gp, cp, ref pc),
                    (WindowOtsu.Path.Vector256, true) => WindowOtsu.Level256<uint>(s, z, z, gp, cp, ref pc),
                    (_, false) => WindowOtsu.LevelScalar<float>(s, z, z),
                    (_, true) => WindowOtsu.LevelScalar<uint>(s, z, z),
                };
                Assert.True(expected == got, $"{path} round {round} wide {wide}: {got} vs {expected}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public unsafe void ColumnStepEqualsScalar(string pathName)
    {
        var path = Enum.Parse<WindowOtsu.Path>(pathName);
        var rng = new Random(23);
        var a = new float[512];
        var b = new float[512];
        for (int round = 0; round < 2000; round++)
        {
            int vin = rng.Next(256), vout = rng.Next(256);
            fixed (float* pa = a) fixed (float* pb = b)
            {
                if (round % 4 == 0) { WindowOtsu.Add(pa, vin, 1, path); WindowOtsu.Add(pb, vin, 1, WindowOtsu.Path.Scalar); }
                else if (round % 4 == 1) { WindowOtsu.Add(pa, vout, -1, path); WindowOtsu.Add(pb, vout, -1, WindowOtsu.Path.Scalar); }
                else if (vin != vout) { WindowOtsu.Swap(pa, vin, vout, path); WindowOtsu.Swap(pb, vin, vout, WindowOtsu.Path.Scalar); }
            }
            Assert.Equal(b, a);
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
