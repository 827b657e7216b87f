using CsCheck;
using SegmentSharp.Imaging;
using SegmentSharp.Thresholding.Local;
using Local = SegmentSharp.Thresholding.Local.LocalThreshold;

namespace SegmentSharp.Tests.Thresholding;

/// <summary>Su (2010) and Gatos (2006): a hand-checked bar, direct references on random images, and a real page.</summary>
public class SuGatosTests
{
    /// <summary>9×6 paper at 200 with a 3-pixel bar at 50 in columns 3…5.</summary>
    private static Image<byte> Bar()
    {
        var img = new Image<byte>(9, 6);
        for (int y = 0; y < 6; y++)
            for (int x = 0; x < 9; x++) img.Data[y * 9 + x] = (byte)(x is >= 3 and <= 5 ? 50 : 200);
        return img;
    }

    /// <summary>
    /// Contrast 150/250 → 153 in columns 2, 3, 5, 6 and 0 elsewhere, so Otsu marks those four columns. With w = 7:
    /// column 3's window sees 200, 50, 50, 200 per row → mean 125, deviation 75, T = 162.5, and 50 ≤ T is text;
    /// column 2's sees 200, 50, 50 → mean 100, deviation √5000, T ≈ 135.4, and 200 is paper; column 0's reflected
    /// window sees columns 2 and 3 twice → T = 162.5, paper.
    /// </summary>
    [Fact]
    public void SuOnABarByHand()
    {
        var t = new Image<double>(9, 6);
        var mask = Local.Su(Bar(), 7, 7, t);
        for (int y = 0; y < 6; y++)
            for (int x = 0; x < 9; x++)
                Assert.Equal(x is >= 3 and <= 5 ? 0 : 255, mask.Data[y * 9 + x]);
        Assert.Equal(162.5, t.Data[3]);
        Assert.Equal(162.5, t.Data[0]);
        Assert.Equal(100 + Math.Sqrt(5000) / 2, t.Data[2], 12);
        // Nmin above what any window holds: nothing is text.
        Assert.All(Local.Su(Bar(), 7, 7 * 7 * 4 + 1).Data, v => Assert.Equal(255, v));
    }

    [Fact]
    public void GatosOnABar()
    {
        var mask = Local.Gatos(Bar(), 7);
        for (int y = 0; y < 6; y++)
            for (int x = 0; x < 9; x++)
                Assert.Equal(x is >= 3 and <= 5 ? 0 : 255, mask.Data[y * 9 + x]);
    }

    [Fact]
    public void QuantisedContrastIsRoundHalfUp()
    {
        for (int mn = 0; mn < 256; mn++)
            for (int mx = mn; mx < 256; mx++)
            {
                int expected = mx + mn == 0 ? 0 : (int)Math.Round(255.0 * (mx - mn) / (mx + mn), MidpointRounding.AwayFromZero);
                Assert.Equal(expected, ContrastImage.Quantise(mn, mx));
            }
    }

    [Fact]
    public void StrokeScaleIsTheMostFrequentRunStartDistance()
    {
        var m = new Image<byte>(40, 3);
        // Row 0: runs starting at 2, 8, 14, 20 (distance 6); row 1: runs at 1, 5 (distance 4); row 2: empty.
        foreach (int x in new[] { 2, 3, 8, 9, 14, 20, 21, 22 }) m.Data[x] = 255;
        foreach (int x in new[] { 1, 5 }) m.Data[40 + x] = 255;
        Assert.Equal(6, ContrastImage.EstimateStrokeWidth(m));
        Assert.Equal(0, ContrastImage.EstimateStrokeWidth(new Image<byte>(10, 10)));
        Assert.Equal(13, SuBinarization.AutoWindow(6));
        Assert.Equal(SuBinarization.FallbackWindow, SuBinarization.AutoWindow(0));
    }

    private static readonly Gen<(PaddedImage Img, int Window, int NMin, int Levels)> Cases =
        from img in PaddedImage.Gen8.Where(p => p.Channels == 1)
        from half in Gen.Int[1, 12]
        from nmin in Gen.Int[1, 30]
        from levels in Gen.OneOf(Gen.Const(256), Gen.Int[2, 5])
        select (img, 2 * half + 1, nmin, levels);

    private static byte[] Quantised(PaddedImage img, int levels) =>
        img.Data.Select(v => levels == 256 ? v : (byte)(v % levels * (255 / (levels - 1)))).ToArray();

    [Fact]
    public void SuEqualsDirectReference()
    {
        Cases.Sample(c =>
        {
            var data = Quantised(c.Img, c.Levels);
            var view = new ReadOnlyImageView<byte>(data, c.Img.Width, c.Img.Height, 1, c.Img.Stride);
            var t = new Image<double>(c.Img.Width, c.Img.Height);
            var mask = Local.Su(view, c.Window, c.NMin, t);
            var (em, et) = SuGatosNaive.Su(data, c.Img.Width, c.Img.Height, c.Img.Stride, c.Window, c.NMin);
            return mask.Data.AsSpan().SequenceEqual(em) && t.Data.AsSpan().SequenceEqual(et);
        }, iter: 150, print: c => $"{c.Img} window {c.Window} nmin {c.NMin} levels {c.Levels}");
    }

    [Fact]
    public void GatosEqualsDirectReference()
    {
        Cases.Sample(c =>
        {
            var data = Quantised(c.Img, c.Levels);
            var view = new ReadOnlyImageView<byte>(data, c.Img.Width, c.Img.Height, 1, c.Img.Stride);
            double q = 0.3 + c.NMin / 30.0, p1 = 0.2 + c.NMin / 60.0, p2 = 0.5 + c.NMin / 100.0;
            var mask = Local.Gatos(view, c.Window, q, p1, p2);
            var e = SuGatosNaive.Gatos(data, c.Img.Width, c.Img.Height, c.Img.Stride, c.Window, q, p1, p2);
            return mask.Data.AsSpan().SequenceEqual(e);
        }, iter: 150, print: c => $"{c.Img} window {c.Window} n {c.NMin} levels {c.Levels}");
    }

    [Fact]
    public void WienerEqualsDirectReference()
    {
        var rng = new Random(3);
        foreach (var (w, h) in new[] { (1, 1), (1, 9), (9, 1), (2, 2), (37, 23) })
        {
            var data = new byte[w * h];
            rng.NextBytes(data);
            Assert.Equal(SuGatosNaive.Wiener(data, w, h, w), GatosBinarization.Wiener(new Image<byte>(data, w, h)).Data);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(255)]
    public void ConstantPagesAreUniform(byte v)
    {
        var img = new Image<byte>(Enumerable.Repeat(v, 20 * 7).ToArray(), 20, 7);
        Assert.All(Local.Su(img).Data, m => Assert.Equal(255, m));
        // Sauvola's seed calls a black page all text and a white one all paper; Gatos keeps that.
        Assert.All(Local.Gatos(img).Data, m => Assert.Equal(v == 0 ? 0 : 255, m));
    }

    [Fact]
    public void ParallelBandsEqualOneBand()
    {
        var page = SegmentSharp.Codecs.ImageFile.ReadGray(RepoPaths.Sample("page.png"));
        int saved = Parallelism.MaxDegreeOfParallelism;
        try
        {
            Parallelism.MaxDegreeOfParallelism = 1;
            var su = Local.Su(page);
            var ga = Local.Gatos(page);
            Parallelism.MaxDegreeOfParallelism = 4;
            Assert.Equal(su.Data, Local.Su(page).Data);
            Assert.Equal(ga.Data, Local.Gatos(page).Data);
        }
        finally { Parallelism.MaxDegreeOfParallelism = saved; }
    }

    [Fact]
    public void PaperIsWhiteAndTextBlackOnThePage()
    {
        var page = SegmentSharp.Codecs.ImageFile.ReadGray(RepoPaths.Sample("page.png"));
        var (text, paper) = LocalHistogramNaive.AgreementWithSauvola(page, Local.Su(page));
        Assert.True(text > 0.9 && paper > 0.95, $"su: text {text:P1}, paper {paper:P1}");
        (text, paper) = LocalHistogramNaive.AgreementWithSauvola(page, Local.Gatos(page));
        Assert.True(text > 0.7 && paper > 0.98, $"gatos: text {text:P1}, paper {paper:P1}");
    }

    [Fact]
    public void RejectsBadArguments()
    {
        var img = new Image<byte>(5, 5);
        Assert.Throws<ArgumentException>(() => Local.Su(img, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => Local.Su(img, 3, -1));
        Assert.Throws<ArgumentException>(() => Local.Su(new Image<byte>(5, 5, 3)));
        Assert.Throws<ArgumentException>(() => Local.Gatos(img, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => Local.Gatos(img, 3, q: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Local.Gatos(img, 3, p1: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Local.Gatos(img, 3, p2: 1.5));
    }

    /// <summary>
    /// The vector contrast row (16 pixels at a time, float32 quotient) against its scalar twin on random images of odd
    /// and tiny widths, incl. 1×1 and 1×N, flat 0 and flat 255, and every (min, max) pair through a two-level image.
    /// </summary>
    [Fact]
    public unsafe void ContrastRowVectorEqualsScalar()
    {
        var rng = new Random(23);
        var sizes = new List<(int W, int H)> { (1, 1), (1, 9), (9, 1), (17, 3), (18, 2), (33, 5), (35, 4), (100, 3), (257, 6) };
        for (int i = 0; i < 30; i++) sizes.Add((rng.Next(1, 90), rng.Next(1, 7)));
        foreach (var (w, h) in sizes)
            foreach (int kind in new[] { 0, 1, 2, 3 })
            {
                var data = new byte[w * h];
                for (int i = 0; i < data.Length; i++)
                    data[i] = kind switch { 0 => (byte)rng.Next(256), 1 => 0, 2 => 255, _ => (byte)(rng.Next(2) == 0 ? rng.Next(4) : 252 + rng.Next(4)) };
                CompareContrastRows(data, w, h);
            }
        // Every (min, max) pair: rows alternate between lo and hi so each 3×3 neighbourhood spans both.
        for (int lo = 0; lo < 256; lo += 1)
        {
            const int w = 40;
            var data = new byte[w * 2];
            for (int x = 0; x < w; x++) { data[x] = (byte)lo; data[w + x] = (byte)Math.Min(255, lo + x * 7 + (x * lo) % 5); }
            CompareContrastRows(data, w, 2);
        }
    }

    private static unsafe void CompareContrastRows(byte[] data, int w, int h)
    {
        var v = new byte[w];
        var s = new byte[w];
        fixed (byte* p = data)
        fixed (byte* pv = v)
        fixed (byte* ps = s)
        {
            var plane = new LocalPlane(p, w, h, w);
            for (int y = 0; y < h; y++)
            {
                ContrastImage.ContrastRow(plane, y, pv);
                ContrastImage.ContrastRowScalar(plane, y, ps);
                Assert.True(s.AsSpan().SequenceEqual(v), $"{w}x{h} row {y}");
            }
        }
    }

    /// <summary>The Wiener pre-filter with shared column sums against the per-pixel 3×3 sums it replaced.</summary>
    [Fact]
    public unsafe void WienerEqualsDirectNeighbourhoodSums()
    {
        var rng = new Random(29);
        var sizes = new List<(int W, int H)> { (1, 1), (1, 7), (7, 1), (2, 2), (3, 3), (17, 5) };
        for (int i = 0; i < 25; i++) sizes.Add((rng.Next(1, 60), rng.Next(1, 40)));
        foreach (var (w, h) in sizes)
        {
            var data = new byte[w * h];
            for (int i = 0; i < data.Length; i++) data[i] = (byte)(i % 3 == 0 ? 255 : rng.Next(256));
            var img = new Image<byte>(data, w, h);
            var got = GatosBinarization.Wiener(img);
            fixed (byte* p = data)
            {
                var plane = new LocalPlane(p, w, h, w);
                long total = 0;
                for (int y = 0; y < h; y++)
                    for (int x = 0; x < w; x++) { var (s, q) = GatosBinarization.Sums3(plane, x, y); total += 9 * q - s * s; }
                double noise = total / (81.0 * w * h);
                for (int y = 0; y < h; y++)
                    for (int x = 0; x < w; x++)
                    {
                        var (s, q) = GatosBinarization.Sums3(plane, x, y);
                        Assert.True(GatosBinarization.WienerPixel(data[y * w + x], s, q, noise) == got.Data[y * w + x], $"{w}x{h} at {x},{y}");
                    }
            }
        }
    }

    /// <summary>The vector loops of the Wiener filter against their scalar twins, also on flat rows with no noise
    /// (the 0/0 gain) and at widths around the 4-lane step.</summary>
    [Fact]
    public unsafe void WienerRowLoopsEqualTheirScalarTwins()
    {
        var rng = new Random(41);
        for (int w = 1; w <= 40; w++)
            foreach (bool flat in new[] { false, true })
                foreach (double noise in new[] { 0.0, 1.5, 250.0 })
                {
                    var cs = new int[w]; var cq = new int[w]; var src = new byte[w];
                    for (int x = 0; x < w; x++)
                    {
                        int a = flat ? 90 : rng.Next(256), b = flat ? 90 : rng.Next(256), c = flat ? 90 : rng.Next(256);
                        cs[x] = a + b + c; cq[x] = a * a + b * b + c * c; src[x] = (byte)b;
                    }
                    var v = new byte[w]; var e = new byte[w];
                    fixed (int* ps = cs)
                    fixed (int* pq = cq)
                    fixed (byte* pp = src)
                    fixed (byte* pv = v)
                    fixed (byte* pe = e)
                    {
                        Assert.Equal(WienerRows.VarianceSumScalar(ps, pq, w), WienerRows.VarianceSum(ps, pq, w));
                        WienerRows.Filter(pp, ps, pq, w, noise, pv);
                        WienerRows.FilterScalar(pp, ps, pq, w, noise, pe, 0, w);
                    }
                    Assert.True(e.AsSpan().SequenceEqual(v), $"width {w} flat {flat} noise {noise}");
                }
    }

    [Fact]
    public unsafe void SelectedSumEqualsItsScalarTwin()
    {
        var rng = new Random(43);
        for (int w = 0; w <= 100; w++)
        {
            var v = new byte[w]; var m = new byte[w];
            rng.NextBytes(v); rng.NextBytes(m);
            for (int i = 0; i < w; i++) if (i % 3 == 0) m[i] = 0;
            if (w % 5 == 0) Array.Fill(v, (byte)255);
            fixed (byte* pv = v)
            fixed (byte* pm = m)
                Assert.Equal(GatosBinarization.SelectedSumScalar(pv, pm, w), GatosBinarization.SelectedSum(pv, pm, w));
        }
    }

    [Fact]
    public unsafe void WindowDifferencesEqualTheirScalarTwin()
    {
        var rng = new Random(47);
        foreach (int w in new[] { 0, 1, 3, 4, 5, 8, 9, 31, 100 })
            foreach (int span in new[] { 1, 3, 15 })
            {
                var pn = new int[w + span + 1]; var ps = new int[w + span + 1];
                for (int i = 0; i < pn.Length; i++) { pn[i] = rng.Next(int.MinValue, int.MaxValue); ps[i] = rng.Next(int.MinValue, int.MaxValue); }
                var c1 = new long[w]; var s1 = new long[w]; var c2 = new long[w]; var s2 = new long[w];
                fixed (int* a = pn)
                fixed (int* b = ps)
                fixed (long* x1 = c1)
                fixed (long* y1 = s1)
                fixed (long* x2 = c2)
                fixed (long* y2 = s2)
                {
                    MaskedWindowSums.WindowDifferences(a, b, span, w, x1, y1);
                    MaskedWindowSums.WindowDifferencesScalar(a, b, span, w, x2, y2);
                }
                Assert.Equal(c2, c1);
                Assert.Equal(s2, s1);
            }
    }

    [Fact]
    public unsafe void SuRowDecisionEqualsItsScalarTwin()
    {
        var rng = new Random(53);
        foreach (int w in new[] { 0, 1, 3, 4, 5, 8, 13, 64, 101 })
            foreach (int nmin in new[] { 1, 5, 15 })
            {
                var src = new byte[w]; var cnt = new long[w]; var sum = new long[w]; var sq = new long[w];
                rng.NextBytes(src);
                for (int x = 0; x < w; x++)
                {
                    // Runs of windows below Nmin (paper) and around it, with sums of real pixel sets.
                    cnt[x] = (x / 4) % 3 == 0 ? rng.Next(0, nmin) : rng.Next(0, 3 * nmin);
                    for (int i = 0; i < cnt[x]; i++) { int v = rng.Next(256); sum[x] += v; sq[x] += v * v; }
                }
                var a = new byte[w]; var b = new byte[w];
                fixed (byte* ps = src)
                fixed (long* pc = cnt)
                fixed (long* pv = sum)
                fixed (long* pq = sq)
                fixed (byte* pa = a)
                fixed (byte* pb = b)
                {
                    SuBinarization.DecideRow(ps, pc, pv, pq, nmin, w, pa);
                    SuBinarization.DecideRowScalar(ps, pc, pv, pq, nmin, w, pb);
                }
                Assert.True(b.AsSpan().SequenceEqual(a), $"width {w} nmin {nmin}");
            }
    }

    [Fact]
    public unsafe void MaskedColumnUpdateEqualsItsScalarTwin()
    {
        var rng = new Random(73);
        foreach (int w in new[] { 1, 7, 8, 9, 16, 31, 100 })
        {
            var img = new byte[w]; var mask = new byte[w];
            rng.NextBytes(img); rng.NextBytes(mask);
            for (int i = 0; i < w; i += 3) mask[i] = 0;
            var n1 = new int[w]; var a1 = new int[w]; var b1 = new int[w];
            var n2 = new int[w]; var a2 = new int[w]; var b2 = new int[w];
            foreach (int sign in new[] { 1, 1, -1 })
                fixed (byte* v = img) fixed (byte* e = mask)
                fixed (int* pn1 = n1) fixed (int* pa1 = a1) fixed (int* pb1 = b1)
                fixed (int* pn2 = n2) fixed (int* pa2 = a2) fixed (int* pb2 = b2)
                {
                    MaskedWindowSums.AddMasked(v, e, w, sign, pn1, pa1, pb1);
                    MaskedWindowSums.AddRowScalar(v, e, w, sign, pn2, pa2, pb2);
                }
            Assert.Equal(n2, n1);
            Assert.Equal(a2, a1);
            Assert.Equal(b2, b1);
        }
    }
}
