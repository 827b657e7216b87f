using System.Runtime.Intrinsics;
using CsCheck;
using SegmentSharp.Imaging;
using SegmentSharp.Thresholding.Local;
using Local = SegmentSharp.Thresholding.Local.LocalThreshold;

namespace SegmentSharp.Tests.Thresholding;

/// <summary>
/// Phansalkar's fused mask kernel uses a coarse vector exponential (<see cref="ExpKernel"/>) and widens its decision
/// margin by that exponential's error bound. These tests prove the three links of that argument: the exponential is
/// within <see cref="ExpKernel.RelativeError"/> over its whole input range, the widened margin covers the resulting
/// error of T for any p and q (negative q included), and the mask equals the scalar reference
/// <c>pixel &gt; rule.Exact(...)</c> on random images, rows and parameters, including near-ties where T lands on a
/// pixel value and only the exact fallback can decide.
/// </summary>
public unsafe class PhansalkarKernelTests
{
    [Fact]
    public void TableHoldsTheSixteenthPowersOfTwo()
    {
        for (int i = 0; i < 16; i++)
        {
            double want = Math.Pow(2, i / 16.0);
            Assert.True(Math.Abs(ExpKernel.TableValue(i) - want) <= 2.3e-16 * want, $"2^({i}/16) = {want:R}: {ExpKernel.TableValue(i):R}");
        }
    }

    /// <summary>The largest relative error of p·e^(c·m) + a against <see cref="Math.Exp"/> for m in [m0, m1] by step.</summary>
    private static double SweepError(double c, double m0, double m1, double step, double p = 1, double a = 0)
    {
        var k = new ExpKernel.Constants(c, p, a);
        double worst = 0;
        var lanes = new double[8];
        for (double m = m0; m <= m1; m += 8 * step)
        {
            for (int l = 0; l < 8; l++) lanes[l] = Math.Min(m + l * step, m1);
            // Each width the machine can run (the 256-bit one is what AVX2-only machines use).
            var v512 = MomentKernel.Wide ? ExpKernel.Exp(Vector512.Create(lanes), k) : Vector512<double>.Zero;
            var v256a = ExpKernel.Exp(Vector256.Create(lanes[0], lanes[1], lanes[2], lanes[3]), k);
            var v256b = ExpKernel.Exp(Vector256.Create(lanes[4], lanes[5], lanes[6], lanes[7]), k);
            for (int l = 0; l < 8; l++)
            {
                double e = p * Math.Exp(c * lanes[l]);
                // The addend's own rounding is part of T's rounding margin, not of the exponential's error.
                double slack = 2.3e-16 * Math.Abs(a + e);
                double got256 = l < 4 ? v256a.GetElement(l) : v256b.GetElement(l - 4);
                double got512 = MomentKernel.Wide ? v512.GetElement(l) : got256;
                double err = Math.Max(Math.Abs(got512 - a - e), Math.Abs(got256 - a - e)) - slack;
                if (e != 0) worst = Math.Max(worst, err / Math.Abs(e));
                else Assert.True(err <= 0, $"p = 0 must give a exactly: {got512:R}, {got256:R}");
            }
        }
        return worst;
    }

    [Fact]
    public void ExponentialIsWithinItsBoundOverTheWholeRange()
    {
        if (!MomentKernel.Vectorized) return;   // without AVX2 the scalar twin (Math.Exp) decides every pixel
        // Every argument in [−700, 700] in steps of 2^-12 (5.7 million), both vector widths.
        double worst = SweepError(1, -ExpKernel.Limit, ExpKernel.Limit, 1.0 / 4096);
        Assert.True(worst <= ExpKernel.RelativeError, $"worst relative error {worst:E3}");
        // The Taylor remainder alone reaches 1.7e-6 at the ends of [−ln 2/32, ln 2/32]: the sweep must see it.
        Assert.True(worst > ExpKernel.RelativeError / 4, $"worst relative error {worst:E3} (the sweep misses the extremes?)");
    }

    [Fact]
    public void ExponentialIsWithinItsBoundForPhansalkarArguments()
    {
        if (!MomentKernel.Vectorized) return;
        // As the rule calls it: c = −q/255 and m over the whole mean range (and a little beyond), with p and a folded in.
        foreach (double q in new[] { 10, 1, 0.5, 1e-9, 0, -1e-9, -3, -40, 3.7, 123.456, 700, -700 })
            foreach (var (p, a) in new[] { (1.0, 0.0), (2.0, 0.75), (-5.0, 1.2), (0.3, -0.5) })
            {
                double worst = SweepError(-q / 255.0, 0, 255.000001, 1.0 / 2048, p, a);
                Assert.True(worst <= ExpKernel.RelativeError, $"q {q} p {p} a {a}: worst relative error {worst:E3}");
            }
        Assert.Equal(0, SweepError(-10 / 255.0, 0, 255, 1.0 / 64, 0, 0.75));
    }

    [Fact]
    public void ErrorBoundIsTheMaximumOverTheMeanRange()
    {
        foreach (double q in new[] { 10, 2, 1.0000001, 1, 0.9999999, 0.5, 0, -0.5, -3, -50, 700, -700 })
            foreach (double p in new[] { 2, -3.5, 1e-3 })
            {
                double bound = PhansalkarRule.ExpErrorBound(p, q), seen = 0;
                for (int i = 0; i <= 1_000_000; i++)
                {
                    double mn = i / 1e6;
                    seen = Math.Max(seen, 255 * Math.Abs(p) * ExpKernel.RelativeError * mn * Math.Exp(-q * mn));
                }
                Assert.True(seen <= bound, $"q {q} p {p}: {seen:E6} > bound {bound:E6}");
                Assert.True(seen >= bound * 0.999, $"q {q} p {p}: bound {bound:E6} far above the maximum {seen:E6}");
            }
        Assert.Equal(0, PhansalkarRule.ExpErrorBound(0, 10));
    }

    [Fact]
    public void MomentKernelMarginCoversTheExponentialsError()
    {
        foreach (var (k, r, p, q) in new[] { (0.25, 0.5, 2.0, 10.0), (-0.2, 0.3, 5.0, -3.0), (0.5, 0.25, -3.0, 1.0), (0.0, 1.0, 0.0, 0.0), (1.0, 0.1, 4.0, -40.0) })
            foreach (double n in new[] { 9.0, 225, 10201, 66049 })
            {
                // The margin is affine in the magnitude with the slope the rule assumes (rules with the same k and R
                // share BetaMax, so only the magnitude differs) …
                var a = new PhansalkarRule(k, r, p, q);
                var b = new PhansalkarRule(k, r, p + 1, q - 1);
                double slope = (MomentKernel.Margin(b, n) - MomentKernel.Margin(a, n)) / (b.Magnitude - a.Magnitude);
                Assert.True(Math.Abs(slope - PhansalkarRule.MarginPerMagnitude) <= 1e-6 * PhansalkarRule.MarginPerMagnitude,
                    $"margin per unit of magnitude is {slope:E6}, the rule assumes {PhansalkarRule.MarginPerMagnitude:E6}");
                // … so the margin is the rounding margin of all the terms of T plus the exponential's error bound.
                double terms = 1 + Math.Abs(k) * (1 + 1 / r) + Math.Abs(p) * Math.Max(1, Math.Exp(-q));
                double rounding = 1e-9 * 256 * terms + 1e-10 * n * a.BetaMax;
                Assert.True(MomentKernel.Margin(a, n) >= rounding + PhansalkarRule.ExpErrorBound(p, q) * (1 - 1e-12),
                    $"k {k} r {r} p {p} q {q} n {n}");
            }
    }

    [Fact]
    public void FlatIsExactForEveryFlatWindow()
    {
        if (!MomentKernel.Vectorized) return;
        foreach (var (k, r, p, q) in new[] { (0.25, 0.5, 2.0, 10.0), (-0.2, 0.3, 5.0, -3.0), (0.5, 0.25, -3.0, 1.0), (0.7, 2.0, 0.0, 700.0), (1.0, 0.1, 4.0, -700.0) })
        {
            var rule = new PhansalkarRule(k, r, p, q);
            Assert.True(rule.FlatIsExact);
            foreach (long window in new long[] { 3, 15, 257, 1001 })
            {
                long n = window * window;
                for (int v0 = 0; v0 < 256; v0 += 8)
                {
                    // Lanes v0 … v0 + 7, and a vector of equal lanes (the all-equal shortcut) for v0.
                    var lanes = new double[8];
                    for (int l = 0; l < 8; l++) lanes[l] = v0 + l;
                    var f512 = MomentKernel.Wide ? rule.Flat(Vector512.Create(lanes)) : Vector512<double>.Zero;
                    var f256 = rule.Flat(Vector256.Create(lanes[0], lanes[1], lanes[2], lanes[3]));
                    var same = rule.Flat(Vector256.Create((double)v0));
                    for (int l = 0; l < 8; l++)
                    {
                        long v = v0 + l;
                        double want = rule.Exact(v * n, v * v * n, n);
                        if (MomentKernel.Wide) Assert.Equal(BitConverter.DoubleToInt64Bits(want), BitConverter.DoubleToInt64Bits(f512.GetElement(l)));
                        if (l < 4) Assert.Equal(BitConverter.DoubleToInt64Bits(want), BitConverter.DoubleToInt64Bits(f256.GetElement(l)));
                        if (l == 0) Assert.Equal(BitConverter.DoubleToInt64Bits(want), BitConverter.DoubleToInt64Bits(same.GetElement(3)));
                    }
                }
            }
        }
    }

    // ---- Masks against the scalar reference ----

    /// <summary>A w × h image of one of a few kinds; "tie" is v with sparse ±1 noise (see <see cref="TieK"/>).</summary>
    private static byte[] MakeImage(int w, int h, int kind, byte v, int seed)
    {
        var rnd = new Random(seed);
        var d = new byte[w * h];
        for (int i = 0; i < d.Length; i++)
            d[i] = kind switch
            {
                0 => (byte)rnd.Next(256),
                1 => v,
                2 => 0,
                3 => 255,
                4 => (byte)(rnd.Next(4) * 85),
                _ => (byte)Math.Clamp(v + (rnd.Next(12) == 0 ? rnd.Next(-1, 2) : 0), 0, 255),
            };
        if (kind == 6)
            for (int i = 1; i < d.Length; i++) d[i] = (byte)((d[i] + 3 * d[i - 1]) / 4);
        return d;
    }

    /// <summary>The k that puts T of a flat window of value v on v itself: 1 + p·e^(−q·v/255) − k = 1.</summary>
    private static double TieK(double p, double q, byte v) => p * Math.Exp(-q * (v / 255.0));

    private sealed record Case(int W, int H, int Kind, byte V, int Window, double K, double R, double P, double Q, int Seed)
    {
        public double EffectiveK => Kind == 5 ? TieK(P, Q, V) : K;
        public override string ToString() => $"{W}x{H} kind {Kind} v {V} window {Window} k {EffectiveK:R} r {R:R} p {P:R} q {Q:R} seed {Seed}";
    }

    private static readonly Gen<double> Qs = Gen.OneOf(Gen.Double[-30, 60], Gen.Double[-2, 2],
        Gen.OneOf(0.0, 1.0, 10.0, -3.0, ExpKernel.Limit, -ExpKernel.Limit, 255.0));
    private static readonly Gen<double> Ps = Gen.OneOf(Gen.Double[-5, 5], Gen.OneOf(0.0, 2.0, -1.0));

    private static Gen<Case> Cases(Gen<int> widths, Gen<int> heights, Gen<int> halves) =>
        from w in widths
        from h in heights
        from kind in Gen.Int[0, 6]
        from v in Gen.Byte
        from half in halves
        from k in Gen.Double[-1, 1]
        from r in Gen.Double[0.05, 2]
        from p in Ps
        from q in Qs
        from seed in Gen.Int
        select new Case(w, h, kind, v, 2 * half + 1, k, r, p, q, seed) into c
        // A tie with q far below 0 needs an astronomical k; beyond |k|/R ≈ 1e150 the kernel's β² itself overflows,
        // a limit of the shared moment kernel that has nothing to do with the exponential.
        where Math.Abs(c.EffectiveK) <= 1e6
        select c;

    /// <summary>Rows of real window sums (reflected borders), each vector width and the dispatcher against RowScalar.</summary>
    [Fact]
    public void KernelRowsEqualTheScalarReference()
    {
        Cases(Gen.Int[0, 70], Gen.Const(5), Gen.OneOf(Gen.Int[1, 20], Gen.Int[50, 128])).Sample(c =>
        {
            int len = c.W, w = len + c.Window, h = c.H;   // wide enough that the window fits the reflection period
            var data = MakeImage(w, h, c.Kind, c.V, c.Seed);
            double n = (double)c.Window * c.Window;
            fixed (byte* img = data)
            {
                var rows = new MomentRows(new LocalPlane(img, w, h, w), c.Window / 2, true);
                rows.Row(2);
                var rule = new PhansalkarRule(c.EffectiveK, c.R, c.P, c.Q);
                // Random rows with an odd seed: k chosen so that T of one pixel's (non-flat) window is that pixel.
                if (c.Kind == 0 && (c.Seed & 1) != 0 && len > 0)
                {
                    int x0 = (int)((uint)c.Seed % (uint)len);
                    long s0 = rows.PrefixS[x0 + c.Window] - rows.PrefixS[x0];
                    long q0 = (uint)(rows.PrefixQ[x0 + c.Window] - rows.PrefixQ[x0]);
                    LocalStats.MeanStd(s0, q0, n, out double m0, out double sd0);
                    double mn = m0 / 255, d = sd0 / 255 / c.R - 1;
                    double tieK = (data[2 * w + x0] / (255 * mn) - 1 - c.P * Math.Exp(-c.Q * mn)) / d;
                    if (double.IsFinite(tieK) && Math.Abs(tieK) <= 1e6) rule = new PhansalkarRule(tieK, c.R, c.P, c.Q);
                }
                var want = new byte[len]; var got = new byte[len];
                fixed (int* ps = rows.PrefixS)
                fixed (uint* pq = rows.PrefixQ)
                fixed (byte* pw = want)
                fixed (byte* pg = got)
                {
                    byte* src = img + 2 * w;
                    MomentKernel.RowScalar(rule, ps, pq, c.Window, src, len, n, pw);
                    MomentKernel.Row(rule, ps, pq, c.Window, src, len, n, pg);
                    Assert.True(want.AsSpan().SequenceEqual(got), "dispatch");
                    if (MomentKernel.Vectorized)
                    {
                        Array.Clear(got);
                        int done = MomentKernel.Row256(rule, ps, pq, c.Window, src, len, n, pg);
                        Assert.True(want.AsSpan(0, done).SequenceEqual(got.AsSpan(0, done)), "256-bit");
                    }
                    if (MomentKernel.Wide)
                    {
                        Array.Clear(got);
                        int done = MomentKernel.Row512(rule, ps, pq, c.Window, src, len, n, pg);
                        Assert.True(want.AsSpan(0, done).SequenceEqual(got.AsSpan(0, done)), "512-bit");
                    }
                }
            }
        }, iter: 3000, print: c => c.ToString());
    }

    /// <summary>The mask of <see cref="Local.Phansalkar"/> against pixel &gt; Exact of directly summed windows.</summary>
    private static void AssertMaskEqualsReference(Case c, byte[] data)
    {
        var rule = new PhansalkarRule(c.EffectiveK, c.R, c.P, c.Q);
        var mask = Local.Phansalkar(new ReadOnlyImageView<byte>(data, c.W, c.H, 1, c.W), c.Window, c.EffectiveK, c.R, c.P, c.Q);
        double n = (double)c.Window * c.Window;
        for (int y = 0; y < c.H; y++)
            for (int x = 0; x < c.W; x++)
            {
                var (s, q, _, _) = LocalNaive.Window(data, c.W, c.H, c.W, x, y, c.Window);
                byte p = data[y * c.W + x];
                byte want = p > rule.Exact(s, q, n) ? (byte)255 : (byte)0;
                Assert.True(want == mask.Data[y * c.W + x], $"{c} at ({x}, {y}): pixel {p}, T {rule.Exact(s, q, n):R}");
            }
    }

    [Fact]
    public void MaskEqualsTheScalarReferenceOnRandomImages()
    {
        Cases(Gen.Int[1, 70], Gen.Int[1, 8], Gen.OneOf(Gen.Int[1, 12], Gen.Int[13, 40], Gen.Int[100, 140]))
            .Sample(c => AssertMaskEqualsReference(c, MakeImage(c.W, c.H, c.Kind, c.V, c.Seed)), iter: 600, print: c => c.ToString());
    }

    [Fact]
    public void MaskEqualsTheScalarReferenceOnEdgeShapes()
    {
        var shapes = new (int W, int H)[] { (1, 1), (1, 9), (9, 1), (2, 2), (7, 3), (8, 2), (9, 3), (15, 2), (16, 3), (17, 2), (31, 2), (33, 3), (47, 2), (65, 2) };
        int seed = 0;
        foreach (var (w, h) in shapes)
            foreach (int window in new[] { 3, 5, 15, 31, 101, 257 })
                for (int kind = 0; kind <= 6; kind++)
                    foreach (var (p, q) in new[] { (2.0, 10.0), (5.0, -3.0), (-1.5, 0.0), (0.0, 10.0) })
                    {
                        byte v = (byte)(37 * seed % 256);
                        var c = new Case(w, h, kind, v, window, 0.25, 0.5, p, q, seed++);
                        AssertMaskEqualsReference(c, MakeImage(w, h, kind, v, c.Seed));
                    }
    }
}
