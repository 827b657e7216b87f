using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SegmentSharp.Thresholding.Local;

/// <summary>
/// A mean/deviation rule that the fused mask kernel can decide without a square root: its threshold is
/// <c>T = α(m) + β(m)·s</c>, so <c>pixel &gt; T</c> is <c>a &gt; β·s</c> with <c>a = pixel − α</c>, which compares the
/// signed squares <c>a·|a|</c> and <c>β·|β|·s²</c>.
/// </summary>
internal interface IMomentRule : ILocalRule
{
    /// <summary>False when T depends on the mean only (then Σp² is not even summed).</summary>
    bool NeedsVariance { get; }
    /// <summary>True when the variance is NICK's <c>(Σp² − m²)/N</c> instead of <c>Σp²/N − m²</c>.</summary>
    bool NickVariance { get; }
    /// <summary>True when <see cref="Coefficients"/>' α equals <see cref="Exact"/> bit for bit where s = 0.</summary>
    bool FlatIsExact { get; }
    /// <summary>Size of the terms of T relative to 1 + m, for the rounding margin (≥ 1).</summary>
    double Magnitude { get; }
    void Coefficients(Vector256<double> m, out Vector256<double> alpha, out Vector256<double> beta);
    /// <summary>T from the exact window sums, evaluated exactly as the threshold surface is (the reference).</summary>
    double Exact(long sum, long sumSq, double n);
}

/// <summary>
/// The fused mean/deviation → threshold → mask kernel for one row, from the prefix sums of <see cref="MomentRows"/>.
/// <para>The mean m = Σ/N and Σp²/N are rounded exactly like a float64 division (a product with the rounded reciprocal
/// and one fused remainder correction; exact here because N = w² is odd and the sums are integers below 2⁵³), so the
/// variance is the same float64 value scikit-image computes. The decision then uses no square root: with
/// T = α + β·s it compares <c>a·|a|</c> against <c>β·|β|·s²</c>, a = pixel − α, whose outcome is that of the real
/// threshold. Only where the two sides are within a rounding margin (about 1e-9 of the terms, so |pixel − T| is
/// that small) does the lane fall back to <see cref="IMomentRule.Exact"/>; hence the mask equals
/// <c>pixel &gt; Exact(...)</c> everywhere, bit for bit, as the scalar twin <see cref="RowScalar"/> computes it.</para>
/// </summary>
internal static unsafe class MomentKernel
{
    private const double Margin = 1e-9;

    /// <summary>Byte masks for 8 decision bits: bit i set → byte i = 255.</summary>
    private static readonly ulong[] Spread = MakeSpread();

    private static ulong[] MakeSpread()
    {
        var t = new ulong[256];
        for (int b = 0; b < 256; b++)
            for (int i = 0; i < 8; i++)
                if ((b >> i & 1) != 0) t[b] |= 0xFFUL << (8 * i);
        return t;
    }

    /// <summary>True when the vector kernel can run on this machine (AVX2 and FMA).</summary>
    public static bool Vectorized => Avx2.IsSupported && Fma.IsSupported;

    /// <summary>
    /// dst[x] = src[x] &gt; T(x) ? 255 : 0 for x in [0, w), the window sums of x being
    /// <c>preS[x + win] − preS[x]</c> and <c>preQ[x + win] − preQ[x]</c> (wrapping 32-bit).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Row<TRule>(in TRule rule, int* preS, uint* preQ, int win, byte* src, int w, double n, byte* dst)
        where TRule : struct, IMomentRule
    {
        int x = 0;
        if (Vectorized)
        {
            var vn = Vector256.Create(n);
            var inv = Vector256.Create(1.0 / n);
            var zero = Vector256<double>.Zero;
            var one = Vector256<double>.One;
            var margin = Vector256.Create(Margin);
            var mag = Vector256.Create(rule.Magnitude);
            ulong[] spread = Spread;
            for (; x <= w - 8; x += 8)
            {
                int bits = 0, close = 0;
                for (int h = 0; h < 8; h += 4)
                {
                    int xh = x + h;
                    var si = Sse2.Subtract(Sse2.LoadVector128(preS + xh + win), Sse2.LoadVector128(preS + xh));
                    var s = Avx.ConvertToVector256Double(si);
                    var m = Divide(s, vn, inv);
                    rule.Coefficients(m, out var alpha, out var beta);
                    var p = Avx.ConvertToVector256Double(Sse41.ConvertToVector128Int32(src + xh));
                    var a = p - alpha;
                    if (!rule.NeedsVariance)
                    {
                        bits |= (int)Vector256.ExtractMostSignificantBits(Avx.CompareGreaterThan(a, zero)) << h;
                        continue;
                    }
                    var qi = Sse2.Subtract(Sse2.LoadVector128(preQ + xh + win), Sse2.LoadVector128(preQ + xh));
                    var q = ToDouble(qi);
                    Vector256<double> v;
                    if (rule.NickVariance) v = Avx.Max((q - m * m) * inv, zero);
                    else
                    {
                        var g2 = Divide(q, vn, inv);
                        v = Avx.Max(g2 - m * m, zero);
                    }
                    var absA = Vector256.Abs(a);
                    var lhs = a * absA;
                    var rhs = beta * Vector256.Abs(beta) * v;
                    bits |= (int)Vector256.ExtractMostSignificantBits(Avx.CompareGreaterThan(lhs, rhs)) << h;
                    // Rounding margin: |a − β·s| ≤ ε implies |lhs − rhs| ≤ ε·(2|a| + ε).
                    var eps = margin * (absA + Vector256.Abs(alpha) + mag * (one + m));
                    var near = Avx.CompareLessThanOrEqual(Vector256.Abs(lhs - rhs), eps * (absA + absA + eps));
                    if (rule.FlatIsExact) near = Avx.AndNot(Avx.CompareEqual(v, zero), near);
                    close |= (int)Vector256.ExtractMostSignificantBits(near) << h;
                }
                if (close != 0)
                {
                    for (int i = 0; i < 8; i++)
                    {
                        if ((close >> i & 1) == 0) continue;
                        int xi = x + i;
                        bool gt = src[xi] > rule.Exact(preS[xi + win] - preS[xi], preQ[xi + win] - preQ[xi], n);
                        bits = gt ? bits | (1 << i) : bits & ~(1 << i);
                    }
                }
                *(ulong*)(dst + x) = spread[bits];
            }
        }
        RowScalar(rule, preS + x, preQ == null ? null : preQ + x, win, src + x, w - x, n, dst + x);
    }

    /// <summary>The scalar twin (also the tail of the vector path): the reference decision for every pixel.</summary>
    public static void RowScalar<TRule>(in TRule rule, int* preS, uint* preQ, int win, byte* src, int w, double n, byte* dst)
        where TRule : struct, IMomentRule
    {
        for (int x = 0; x < w; x++)
        {
            long s = preS[x + win] - preS[x];
            long q = rule.NeedsVariance ? (long)(uint)(preQ[x + win] - preQ[x]) : 0;
            dst[x] = src[x] > rule.Exact(s, q, n) ? (byte)255 : (byte)0;
        }
    }

    /// <summary>The largest population variance Σp²/N − m² of the row (Wolf's first pass), from the prefix sums.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double MaxVariance(int* preS, uint* preQ, int win, int w, double n)
    {
        int x = 0;
        double best = 0;
        if (Vectorized && w >= 4)
        {
            var vn = Vector256.Create(n);
            var inv = Vector256.Create(1.0 / n);
            var vb = Vector256<double>.Zero;
            for (; x <= w - 4; x += 4)
            {
                var s = Avx.ConvertToVector256Double(Sse2.Subtract(Sse2.LoadVector128(preS + x + win), Sse2.LoadVector128(preS + x)));
                var q = ToDouble(Sse2.Subtract(Sse2.LoadVector128(preQ + x + win), Sse2.LoadVector128(preQ + x)));
                var m = Divide(s, vn, inv);
                var g2 = Divide(q, vn, inv);
                vb = Avx.Max(vb, g2 - m * m);
            }
            for (int i = 0; i < 4; i++) best = Math.Max(best, vb.GetElement(i));
        }
        return Math.Max(best, MaxVarianceScalar(preS + x, preQ + x, win, w - x, n));
    }

    /// <summary>The scalar twin of <see cref="MaxVariance"/>, with true divisions.</summary>
    public static double MaxVarianceScalar(int* preS, uint* preQ, int win, int w, double n)
    {
        double best = 0;
        for (int x = 0; x < w; x++)
        {
            double m = (preS[x + win] - preS[x]) / n;
            double g2 = (uint)(preQ[x + win] - preQ[x]) / n;
            best = Math.Max(best, g2 - m * m);
        }
        return best;
    }

    /// <summary>
    /// a / n rounded to nearest, for integer a below 2⁵³ and odd integer n, without a division: q = a·(1/n) is within
    /// 1.5 ulp, the remainder a − q·n is exact under a fused multiply-add, and q + r·(1/n) then lands within far less
    /// than half an ulp of a/n, which (n odd, so a/n is never a rounding midpoint) rounds to the same double.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<double> Divide(Vector256<double> a, Vector256<double> n, Vector256<double> inv)
    {
        var q = a * inv;
        return Fma.MultiplyAdd(Fma.MultiplyAddNegated(q, n, a), inv, q);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> ToDouble(Vector128<uint> q)
    {
        if (Avx512F.VL.IsSupported) return Avx512F.VL.ConvertToVector256Double(q);
        // Signed conversion, then 2³² added back where the top bit was set.
        var d = Avx.ConvertToVector256Double(q.AsInt32());
        return d + (Avx.CompareLessThan(d, Vector256<double>.Zero) & Vector256.Create(4294967296.0));
    }
}
