using System.Runtime.Intrinsics;
using SegmentSharp.Thresholding.Local;

namespace SegmentSharp.Tests.Thresholding;

/// <summary>
/// Each vector loop of the fast local engine against its scalar twin, on random data and on lengths around the vector
/// widths (4 doubles, 8 ints, 32 bytes): 0, 1, w − 1, w, w + 1, 3w + 5.
/// </summary>
public unsafe class LocalFastKernelTwinTests
{
    private static readonly int[] Lengths = [0, 1, 3, 4, 5, 7, 8, 9, 17, 29, 31, 32, 33, 101];

    [Fact]
    public void PrefixAndColumnUpdateEqualScalar()
    {
        var rnd = new Random(1);
        foreach (int len in Lengths)
        {
            var src = new int[len];
            for (int i = 0; i < len; i++) src[i] = rnd.Next(int.MinValue, int.MaxValue);
            var a = new int[len + 1]; var b = new int[len + 1];
            MomentScan.Prefix(src, a);
            MomentScan.PrefixScalar(src, b);
            Assert.Equal(b, a);
            var src2 = new int[len];
            for (int i = 0; i < len; i++) src2[i] = rnd.Next(int.MinValue, int.MaxValue);
            var a1 = new int[len + 1]; var a2 = new int[len + 1]; var b2 = new int[len + 1];
            MomentScan.PrefixPair(src, a1, src2, a2);
            MomentScan.PrefixScalar(src2, b2);
            Assert.Equal(b, a1);
            Assert.Equal(b2, a2);

            var r1 = new byte[len]; var r2 = new byte[len];
            rnd.NextBytes(r1); rnd.NextBytes(r2);
            var s1 = new int[len]; var q1 = new int[len];
            for (int i = 0; i < len; i++) { s1[i] = rnd.Next(); q1[i] = rnd.Next(int.MinValue, int.MaxValue); }
            var s2 = (int[])s1.Clone(); var q2 = (int[])q1.Clone(); var s3 = (int[])s1.Clone();
            fixed (byte* pa = r1)
            fixed (byte* pb = r2)
            {
                MomentScan.Update(pa, pb, len, s1, q1);
                MomentScan.UpdateScalar(pa, pb, len, s2, q2);
                MomentScan.Update(pa, pb, len, s3, default);
            }
            Assert.Equal(s2, s1);
            Assert.Equal(q2, q1);
            Assert.Equal(s2, s3);
        }
    }

    /// <summary>Real prefix rows from random images, so the sums are those of actual windows.</summary>
    private static (int[] PreS, uint[] PreQ, byte[] Src) RealRow(int w, int window, string kind, int seed)
    {
        int h = 9;
        var data = LocalFastPathTests.Make(w, h, w, kind, seed);
        fixed (byte* p = data)
        {
            var rows = new MomentRows(new LocalPlane(p, w, h, w), window / 2, true);
            rows.Row(4);
            return ((int[])rows.PrefixS.Clone(), (uint[])rows.PrefixQ.Clone(), data.AsSpan(4 * w, w).ToArray());
        }
    }

    private static void Twin<TRule>(TRule rule, string name) where TRule : struct, IMomentRule
    {
        int seed = 0;
        foreach (int len in Lengths)
            foreach (int window in new[] { 3, 15, 257 })
                foreach (string kind in new[] { "random", "smooth", "levels", "binary", "255" })
                {
                    int w = Math.Max(len, 1) + window;   // wide enough that the window fits the reflection period
                    var (preS, preQ, src) = RealRow(w, window, kind, seed++);
                    double n = (double)window * window;
                    var v = new byte[len]; var s = new byte[len];
                    fixed (int* ps = preS)
                    fixed (uint* pq = preQ)
                    fixed (byte* pp = src)
                    fixed (byte* pv = v)
                    fixed (byte* pd = s)
                    {
                        MomentKernel.RowScalar(rule, ps, pq, window, pp, len, n, pd);
                        MomentKernel.Row(rule, ps, pq, window, pp, len, n, pv);
                        Assert.True(s.AsSpan().SequenceEqual(v), $"{name} len {len} window {window} {kind}");
                        // Both vector widths, whichever Row picked: their prefix against the scalar reference.
                        if (MomentKernel.Vectorized)
                        {
                            Array.Clear(v);
                            int done = MomentKernel.Row256(rule, ps, pq, window, pp, len, n, pv);
                            Assert.True(s.AsSpan(0, done).SequenceEqual(v.AsSpan(0, done)), $"{name} 256-bit len {len} window {window} {kind}");
                        }
                        if (MomentKernel.Wide)
                        {
                            Array.Clear(v);
                            int done = MomentKernel.Row512(rule, ps, pq, window, pp, len, n, pv);
                            Assert.True(s.AsSpan(0, done).SequenceEqual(v.AsSpan(0, done)), $"{name} 512-bit len {len} window {window} {kind}");
                        }
                        Assert.Equal(MomentKernel.MaxVScalar(ps, pq, window, len, n), MomentKernel.MaxV(ps, pq, window, len, n));
                    }
                }
    }

    [Fact]
    public void MomentKernelEqualsScalarForEveryRule()
    {
        Twin(new NiblackRule(0.2), "niblack");
        Twin(new NiblackRule(0.5), "niblack 0.5");
        Twin(new SauvolaRule(0.2, 127.5), "sauvola");
        Twin(new SauvolaRule(-0.3, 64), "sauvola −0.3");
        Twin(new WolfRule(0.5, 12, 40.5), "wolf");
        Twin(new NickRule(-0.1), "nick");
        Twin(new BradleyRule(0.15), "bradley");
        Twin(new BradleyRule(0.5), "bradley 0.5");
        Twin(new PhansalkarRule(0.25, 0.5, 2, 10), "phansalkar");
        Twin(new PhansalkarRule(-0.2, 0.3, 5, -3), "phansalkar q < 0");
    }

    private static void FloatTwin<TRule>(TRule rule, string name) where TRule : struct, IMomentRule, IFloatMomentRule
    {
        int seed = 100;
        foreach (int len in new[] { 16, 17, 31, 32, 48, 63, 160, 301 })
            foreach (int window in new[] { 3, 15, 101, 257 })
                foreach (string kind in new[] { "random", "smooth", "levels", "binary", "255", "zero" })
                {
                    int w = len + window;
                    var (preS, preQ, src) = RealRow(w, window, kind, seed++);
                    double n = (double)window * window;
                    var v = new byte[len]; var s = new byte[len];
                    fixed (int* ps = preS)
                    fixed (uint* pq = preQ)
                    fixed (byte* pp = src)
                    fixed (byte* pv = v)
                    fixed (byte* pd = s)
                    {
                        MomentKernel.RowScalar(rule, ps, pq, window, pp, len, n, pd);
                        MomentKernel.Row(rule, ps, pq, window, pp, len, n, pv);
                        Assert.True(s.AsSpan().SequenceEqual(v), $"{name} dispatcher len {len} window {window} {kind}");
                        if (!MomentKernel.Wide) continue;
                        Array.Clear(v);
                        int done = MomentKernelFloat.Row512(rule, ps, pq, window, pp, len, n, pv);
                        Assert.True(done % 16 == 0 && done <= len, $"{name}: {done} of {len}");
                        Assert.True(s.AsSpan(0, done).SequenceEqual(v.AsSpan(0, done)), $"{name} float32 len {len} window {window} {kind}");
                    }
                }
    }

    /// <summary>
    /// The float32 screen against the scalar reference on real window sums: flat paper (its one-call-per-level
    /// shortcut), few levels (ties), and parameters large enough that the screen must hand the row to float64.
    /// </summary>
    [Fact]
    public void FloatScreenEqualsScalar()
    {
        FloatTwin(new NiblackRule(0.2), "niblack");
        FloatTwin(new NiblackRule(-0.2), "niblack −0.2");
        FloatTwin(new NiblackRule(0), "niblack 0");
        FloatTwin(new SauvolaRule(0.2, 127.5), "sauvola");
        FloatTwin(new SauvolaRule(0.5, 128), "sauvola 0.5");
        FloatTwin(new SauvolaRule(-0.1, 64), "sauvola −0.1");
        FloatTwin(new SauvolaRule(50, 0.01), "sauvola extreme");
        FloatTwin(new WolfRule(0.5, 12, 40.5), "wolf");
        FloatTwin(new WolfRule(0.2, 0, 127.5), "wolf 0.2");
        FloatTwin(new WolfRule(-0.3, 200, 0.5), "wolf −0.3");
        FloatTwin(new PhansalkarRule(0.25, 0.5, 2, 10), "phansalkar");
        FloatTwin(new PhansalkarRule(-0.2, 0.3, 5, -3), "phansalkar q < 0");
        FloatTwin(new PhansalkarRule(0.5, 0.25, 0, 3), "phansalkar p = 0");
        FloatTwin(new PhansalkarRule(0.25, 0.5, -2, 79), "phansalkar q 79");
        FloatTwin(new PhansalkarRule(0.25, 0.5, 2, 90), "phansalkar q beyond the float range");
    }

    /// <summary>
    /// The float32 exponential of the screen (its scalar twin, and the vector form where the machine has AVX-512)
    /// against <see cref="Math.Exp"/> over every mean 0…255 in steps of 1/64: within the bound its margin assumes,
    /// (8 + 6·|c·m|)·2⁻²⁴, and not by a wide slack (near c·m = 0 the worst error must reach 0.8 of a unit), for
    /// coefficients across the accepted range.
    /// </summary>
    [Fact]
    public void FloatExponentialIsWithinItsBound()
    {
        for (int i = 0; i < 16; i++) Assert.Equal((float)ExpKernel.TableValue(i), ExpKernel.TableFloatValue(i));
        double worstConst = 0;
        int compared = 0;
        foreach (double q in new[] { 0.0, 0.5, 3, 10, -3, 40, -79.9, 80 })
        {
            double c = -q / 255.0;
            float steps = (float)(c * 16 / Math.Log(2));
            for (int i = 0; i < 255 * 64; i += 16)
            {
                var ms = new float[16];
                for (int l = 0; l < 16; l++) ms[l] = (i + l) / 64f;
                var vector = MomentKernel.Wide ? ExpKernel.ExpFloat(Vector512.Create(ms), Vector512.Create(steps)) : default;
                for (int l = 0; l < 16; l++)
                {
                    float e = ExpKernel.ExpFloatScalar(ms[l], steps);
                    if (MomentKernel.Wide) { Assert.Equal(e, vector[l]); compared++; }
                    double exact = Math.Exp(c * ms[l]);
                    double rel = Math.Abs(e - exact) / exact;
                    double bound = (8 + 6 * Math.Abs(c * ms[l])) / (1 << 24);
                    Assert.True(rel <= bound, $"q {q} m {ms[l]}: {rel:E3} > {bound:E3}");
                    if (Math.Abs(c * ms[l]) < 0.05) worstConst = Math.Max(worstConst, rel * (1 << 24));
                }
            }
        }
        Assert.True(worstConst > 0.8, $"worst error near 0 only {worstConst:F2} units: the sweep does not exercise the rounding");
        Assert.True(!MomentKernel.Wide || compared == 8 * 255 * 64);
    }

    [Fact]
    public void DivisionWithoutDivideIsCorrectlyRounded()
    {
        if (!MomentKernel.Vectorized) return;   // the scalar twin divides directly
        var rnd = new Random(7);
        var windows = new List<int> { 3, 5, 7, 9, 15, 99, 101, 255, 257 };
        for (int i = 0; i < 40; i++) windows.Add(2 * rnd.Next(1, 129) + 1);
        foreach (int window in windows)
        {
            double n = (double)window * window;
            var vn = System.Runtime.Intrinsics.Vector256.Create(n);
            var inv = System.Runtime.Intrinsics.Vector256.Create(1.0 / n);
            for (int trial = 0; trial < 5000; trial++)
            {
                // Window sums Σp (≤ 255·N) and Σp² (below 2³²), near multiples of N as well as anywhere.
                double a0 = rnd.Next(0, (int)(255 * n) + 1), a1 = (uint)rnd.NextInt64(0, 1L << 32);
                double a2 = Math.Round(a0 / n) * n + rnd.Next(-2, 3), a3 = Math.Max(0, Math.Round(a1 / n) * n - 1);
                var a = System.Runtime.Intrinsics.Vector256.Create(a0, a1, Math.Max(0, a2), a3);
                var q = MomentKernel.Divide(a, vn, inv);
                for (int l = 0; l < 4; l++)
                    Assert.Equal(BitConverter.DoubleToInt64Bits(a.GetElement(l) / n), BitConverter.DoubleToInt64Bits(q.GetElement(l)));
            }
        }
    }

    [Fact]
    public void RangeLoopsEqualScalar()
    {
        var rnd = new Random(3);
        // Lengths past several 64-byte vectors too, for the AVX-512 doubling loop.
        foreach (int len in Lengths.Concat([127, 128, 129, 300]))
            foreach (int s in new[] { 1, 2, 4, 16, 32, 64, 128 })
            {
                var mn = new byte[len + s + 70]; var mx = new byte[len + s + 70];
                rnd.NextBytes(mn); rnd.NextBytes(mx);
                var mn2 = (byte[])mn.Clone(); var mx2 = (byte[])mx.Clone();
                RangeScan.Double(mn, mx, len, s);
                RangeScan.DoubleScalar(mn2, mx2, 0, len, s);
                Assert.Equal(mn2, mn);
                Assert.Equal(mx2, mx);
            }
        foreach (int len in Lengths.Concat([127, 128, 129, 300]))
        {
            var a = new byte[len]; var b = new byte[len]; var c = new byte[len];
            rnd.NextBytes(a); rnd.NextBytes(b); rnd.NextBytes(c);
            var d1 = new byte[len]; var e1 = new byte[len]; var d2 = new byte[len]; var e2 = new byte[len];
            fixed (byte* pa = a) fixed (byte* pb = b) fixed (byte* pc = c)
            fixed (byte* p1 = d1) fixed (byte* q1 = e1) fixed (byte* p2 = d2) fixed (byte* q2 = e2)
            {
                RangeScan.Fold(pa, pb, pc, p1, q1, len);
                RangeScan.Fold2(pa, pa, pb, pc, p2, q2, len);
            }
            for (int i = 0; i < len; i++)
            {
                Assert.Equal(Math.Min(a[i], b[i]), d1[i]);
                Assert.Equal(Math.Max(a[i], c[i]), e1[i]);
                Assert.Equal(Math.Min(a[i], b[i]), d2[i]);
                Assert.Equal(Math.Max(a[i], c[i]), e2[i]);
            }
        }
    }

    private static void RangeTwin<TRule>(TRule rule, string name) where TRule : struct, IRangeRule
    {
        var rnd = new Random(name.Length);
        foreach (int len in Lengths)
            foreach (int offset in new[] { 0, 1, 7 })
            {
                var mn = new byte[len + offset]; var mx = new byte[len + offset]; var src = new byte[len];
                rnd.NextBytes(mn); rnd.NextBytes(src);
                for (int i = 0; i < mx.Length; i++) mx[i] = (byte)Math.Min(255, mn[i] + rnd.Next(0, 40));
                if (len > 2) { src[0] = 0; mn[1] = mx[1] = 128; src[1] = 128; }
                var v = new byte[len]; var s = new byte[len];
                fixed (byte* a = mn) fixed (byte* b = mx) fixed (byte* p = src) fixed (byte* pv = v) fixed (byte* ps = s)
                {
                    RangeKernel.Row(rule, a, b, offset, p, len, pv);
                    RangeKernel.RowScalar(rule, a, b, offset, p, len, ps);
                }
                Assert.True(s.AsSpan().SequenceEqual(v), $"{name} len {len} offset {offset}");
            }
    }

    [Fact]
    public void RangeKernelEqualsScalarForEveryRule()
    {
        foreach (int ct in new[] { -5, 0, 15, 255, 256, 1000 }) RangeTwin(new BernsenRule(ct), $"bernsen {ct}");
        RangeTwin(new ContrastRule(), "contrast");
        foreach (int c in new[] { -1000, -300, -3, 0, 5, 255, 700 }) RangeTwin(new MidGreyRule(c), $"midgrey {c}");
    }
}
