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
    /// <summary>True when s² is NICK's <c>(Σp² − m²)/N</c> instead of the population variance.</summary>
    bool NickVariance { get; }
    /// <summary>True when <see cref="Flat(Vector256{double})"/> is T of a flat window (s = 0, m = pixel) bit for bit.</summary>
    bool FlatIsExact { get; }
    /// <summary>Size of the terms of T relative to 1 + m (≥ 1), for the rounding margin.</summary>
    double Magnitude { get; }
    /// <summary>The largest |β| for m in [0, 255]: how much a rounding error in s² can move T.</summary>
    double BetaMax { get; }
    /// <summary>α(m) and the signed square β(m)·|β(m)|.</summary>
    void Coefficients(Vector256<double> m, out Vector256<double> alpha, out Vector256<double> betaSq);
    /// <inheritdoc cref="Coefficients(Vector256{double}, out Vector256{double}, out Vector256{double})"/>
    void Coefficients(Vector512<double> m, out Vector512<double> alpha, out Vector512<double> betaSq);
    /// <summary>T with s = 0 and mean m, evaluated like <see cref="Exact"/>.</summary>
    Vector256<double> Flat(Vector256<double> m);
    /// <inheritdoc cref="Flat(Vector256{double})"/>
    Vector512<double> Flat(Vector512<double> m);
    /// <summary>T from the exact window sums, evaluated exactly as the threshold surface is (the reference).</summary>
    double Exact(long sum, long sumSq, double n);
}

/// <summary>
/// The fused mean/deviation → threshold → mask kernel for one row, from the prefix sums of <see cref="MomentRows"/>.
/// <para>No square root and no division per pixel: with exact integer window sums, V = N·Σp² − (Σp)² is exact in
/// float64 (both terms stay below 2⁵³ for w ≤ 257), s² = V/N², and with T = α + β·s the decision <c>a &gt; β·s</c>
/// (a = pixel − α) is the comparison of <c>a·|a|</c> with <c>β·|β|·s²</c>. That is the decision against the real
/// threshold of the exact sums. scikit-image's float64 T differs from it by its roundings, at most about
/// 1e-9·(1 + |T terms|) plus the effect of the cancellation in Σp²/N − m² (|β|·4e-11·N, since s ≥ 1/N when V &gt; 0),
/// so a lane whose two sides lie within that margin μ is decided again by <see cref="IMomentRule.Exact"/>, and a
/// flat window (V = 0) by the exact <see cref="IMomentRule.Flat(Vector256{double})"/>. The mask therefore equals
/// <c>pixel &gt; Exact(...)</c> everywhere, bit for bit, which is what the scalar twin <see cref="RowScalar"/>
/// computes. Rules on the mean alone (Bradley) get m = Σ/N correctly rounded (<see cref="Divide(Vector256{double}, Vector256{double}, Vector256{double})"/>) and compare
/// directly.</para>
/// </summary>
internal static unsafe class MomentKernel
{
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

    /// <summary>True when the 8-lane AVX-512 variant runs.</summary>
    public static bool Wide => Vector512.IsHardwareAccelerated && Avx512F.IsSupported && Avx512F.VL.IsSupported && Vectorized;

    /// <summary>The decision margin μ on |pixel − T| (see the class remarks).</summary>
    internal static double Margin<TRule>(in TRule rule, double n) where TRule : struct, IMomentRule =>
        1e-9 * 256 * rule.Magnitude + 1e-10 * n * rule.BetaMax;

    /// <summary>
    /// dst[x] = src[x] &gt; T(x) ? 255 : 0 for x in [0, w), the window sums of x being
    /// <c>preS[x + win] − preS[x]</c> and <c>preQ[x + win] − preQ[x]</c> (wrapping 32-bit).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Row<TRule>(in TRule rule, int* preS, uint* preQ, int win, byte* src, int w, double n, byte* dst)
        where TRule : struct, IMomentRule
    {
        int x = 0;
        if (Wide)
        {
            x = RowFloat(rule, preS, preQ, win, src, w, n, dst);
            x += Row512(rule, preS + x, preQ == null ? null : preQ + x, win, src + x, w - x, n, dst + x);
        }
        else if (Vectorized) x = Row256(rule, preS, preQ, win, src, w, n, dst);
        RowScalar(rule, preS + x, preQ == null ? null : preQ + x, win, src + x, w - x, n, dst + x);
    }

    /// <summary>The rules with a float32 screen (<see cref="MomentKernelFloat"/>) take it; returns the pixels done.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int RowFloat<TRule>(in TRule rule, int* preS, uint* preQ, int win, byte* src, int w, double n, byte* dst)
        where TRule : struct, IMomentRule
    {
        ref TRule r = ref Unsafe.AsRef(in rule);
        if (typeof(TRule) == typeof(NiblackRule))
            return MomentKernelFloat.Row512(Unsafe.As<TRule, NiblackRule>(ref r), preS, preQ, win, src, w, n, dst);
        if (typeof(TRule) == typeof(SauvolaRule))
            return MomentKernelFloat.Row512(Unsafe.As<TRule, SauvolaRule>(ref r), preS, preQ, win, src, w, n, dst);
        if (typeof(TRule) == typeof(WolfRule))
            return MomentKernelFloat.Row512(Unsafe.As<TRule, WolfRule>(ref r), preS, preQ, win, src, w, n, dst);
        if (typeof(TRule) == typeof(PhansalkarRule))
            return MomentKernelFloat.Row512(Unsafe.As<TRule, PhansalkarRule>(ref r), preS, preQ, win, src, w, n, dst);
        return 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int Row256<TRule>(in TRule ruleRef, int* preS, uint* preQ, int win, byte* src, int w, double n, byte* dst)
        where TRule : struct, IMomentRule
    {
        // A local copy: through the reference the JIT must reload the rule's constants after every store to dst.
        TRule rule = ruleRef;
        var vn = Vector256.Create(n);
        var inv = Vector256.Create(1.0 / n);
        var inv2 = Vector256.Create(1.0 / (n * n));
        var zero = Vector256<double>.Zero;
        double mu = Margin(rule, n);
        var mu2 = Vector256.Create(2 * mu);
        var muSq = Vector256.Create(mu * mu);
        ulong[] spread = Spread;
        int x = 0;
        for (; x <= w - 8; x += 8)
        {
            int bits = 0, close = 0;
            for (int h = 0; h < 8; h += 4)
            {
                int xh = x + h;
                var s = Avx.ConvertToVector256Double(Sse2.Subtract(Sse2.LoadVector128(preS + xh + win), Sse2.LoadVector128(preS + xh)));
                var p = Avx.ConvertToVector256Double(Sse41.ConvertToVector128Int32(src + xh));
                if (!rule.NeedsVariance)
                {
                    bits |= (int)Vector256.ExtractMostSignificantBits(Avx.CompareGreaterThan(p, rule.Flat(Divide(s, vn, inv)))) << h;
                    continue;
                }
                var q = ToDouble(Sse2.Subtract(Sse2.LoadVector128(preQ + xh + win), Sse2.LoadVector128(preQ + xh)));
                var ss = s * s;
                // V = N·Σp² − (Σp)², exact; NICK's (Σp² − m²)/N is well conditioned and needs no exactness.
                var v = rule.NickVariance ? Fma.MultiplyAddNegated(ss, inv2, q) * inv : Fma.MultiplySubtract(vn, q, ss) * inv2;
                rule.Coefficients(s * inv, out var alpha, out var betaSq);
                var a = p - alpha;
                var absA = Vector256.Abs(a);
                var lhs = a * absA;
                var rhs = betaSq * v;
                bits |= (int)Vector256.ExtractMostSignificantBits(Avx.CompareGreaterThan(lhs, rhs)) << h;
                // |a − β·s| ≤ μ implies |lhs − rhs| ≤ μ·(2|a| + μ).
                var near = Avx.CompareLessThanOrEqual(Vector256.Abs(lhs - rhs), Fma.MultiplyAdd(mu2, absA, muSq));
                int nb = (int)Vector256.ExtractMostSignificantBits(near);
                if (nb != 0 && rule.FlatIsExact)
                {
                    var flat = Avx.CompareEqual(v, zero);
                    int fb = (int)Vector256.ExtractMostSignificantBits(flat) & nb;
                    if (fb != 0)
                    {
                        int gb = (int)Vector256.ExtractMostSignificantBits(Avx.CompareGreaterThan(p, rule.Flat(p)));
                        bits = (bits & ~(fb << h)) | ((gb & fb) << h);
                        nb &= ~fb;
                    }
                }
                close |= nb << h;
            }
            if (close != 0) bits = Fallback(rule, preS, preQ, win, src, n, x, bits, close);
            *(ulong*)(dst + x) = spread[bits];
        }
        return x;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int Row512<TRule>(in TRule ruleRef, int* preS, uint* preQ, int win, byte* src, int w, double n, byte* dst)
        where TRule : struct, IMomentRule
    {
        // A local copy: through the reference the JIT must reload the rule's constants after every store to dst.
        TRule rule = ruleRef;
        var vn = Vector512.Create(n);
        var inv = Vector512.Create(1.0 / n);
        var inv2 = Vector512.Create(1.0 / (n * n));
        var zero = Vector512<double>.Zero;
        double mu = Margin(rule, n);
        var mu2 = Vector512.Create(2 * mu);
        var muSq = Vector512.Create(mu * mu);
        ulong[] spread = Spread;
        int x = 0;
        for (; x <= w - 8; x += 8)
        {
            var s = Avx512F.ConvertToVector512Double(Avx2.Subtract(Avx.LoadVector256(preS + x + win), Avx.LoadVector256(preS + x)));
            var p = Avx512F.ConvertToVector512Double(Avx2.ConvertToVector256Int32(src + x));
            int bits;
            if (!rule.NeedsVariance)
            {
                bits = (int)Vector512.ExtractMostSignificantBits(Vector512.GreaterThan(p, rule.Flat(Divide(s, vn, inv))));
                *(ulong*)(dst + x) = spread[bits];
                continue;
            }
            var q = Avx512F.ConvertToVector512Double(Avx2.Subtract(Avx.LoadVector256(preQ + x + win), Avx.LoadVector256(preQ + x)));
            var ss = s * s;
            var v = rule.NickVariance
                ? Vector512.FusedMultiplyAdd(-ss, inv2, q) * inv
                : Vector512.FusedMultiplyAdd(vn, q, -ss) * inv2;
            rule.Coefficients(s * inv, out var alpha, out var betaSq);
            var a = p - alpha;
            var absA = Vector512.Abs(a);
            var lhs = a * absA;
            var rhs = betaSq * v;
            bits = (int)Vector512.ExtractMostSignificantBits(Vector512.GreaterThan(lhs, rhs));
            int close = (int)Vector512.ExtractMostSignificantBits(
                Vector512.LessThanOrEqual(Vector512.Abs(lhs - rhs), Vector512.FusedMultiplyAdd(mu2, absA, muSq)));
            if (close != 0)
            {
                if (rule.FlatIsExact)
                {
                    int fb = (int)Vector512.ExtractMostSignificantBits(Vector512.Equals(v, zero)) & close;
                    if (fb != 0)
                    {
                        int gb = (int)Vector512.ExtractMostSignificantBits(Vector512.GreaterThan(p, rule.Flat(p)));
                        bits = (bits & ~fb) | (gb & fb);
                        close &= ~fb;
                    }
                }
                if (close != 0) bits = Fallback(rule, preS, preQ, win, src, n, x, bits, close);
            }
            *(ulong*)(dst + x) = spread[bits];
        }
        return x;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Fallback<TRule>(in TRule rule, int* preS, uint* preQ, int win, byte* src, double n, int x, int bits, int close)
        where TRule : struct, IMomentRule
    {
        for (int i = 0; i < 8; i++)
        {
            if ((close >> i & 1) == 0) continue;
            int xi = x + i;
            bool gt = src[xi] > rule.Exact(preS[xi + win] - preS[xi], preQ[xi + win] - preQ[xi], n);
            bits = gt ? bits | (1 << i) : bits & ~(1 << i);
        }
        return bits;
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

    /// <summary>
    /// The largest V = N·Σp² − (Σp)² of the row (Wolf's first pass; s = √V / N), exact since both terms are integers
    /// below 2⁵³.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double MaxV(int* preS, uint* preQ, int win, int w, double n)
    {
        int x = 0;
        double best = 0;
        if (Wide && w >= 8)
        {
            var vn = Vector512.Create(n);
            var vb = Vector512<double>.Zero;
            for (; x <= w - 8; x += 8)
            {
                var s = Avx512F.ConvertToVector512Double(Avx2.Subtract(Avx.LoadVector256(preS + x + win), Avx.LoadVector256(preS + x)));
                var q = Avx512F.ConvertToVector512Double(Avx2.Subtract(Avx.LoadVector256(preQ + x + win), Avx.LoadVector256(preQ + x)));
                vb = Vector512.Max(vb, Vector512.FusedMultiplyAdd(vn, q, -(s * s)));
            }
            best = Math.Max(MaxOf(vb.GetLower()), MaxOf(vb.GetUpper()));
        }
        else if (Vectorized && w >= 4)
        {
            var vn = Vector256.Create(n);
            var vb = Vector256<double>.Zero;
            for (; x <= w - 4; x += 4)
            {
                var s = Avx.ConvertToVector256Double(Sse2.Subtract(Sse2.LoadVector128(preS + x + win), Sse2.LoadVector128(preS + x)));
                var q = ToDouble(Sse2.Subtract(Sse2.LoadVector128(preQ + x + win), Sse2.LoadVector128(preQ + x)));
                vb = Avx.Max(vb, Fma.MultiplySubtract(vn, q, s * s));
            }
            for (int i = 0; i < 4; i++) best = Math.Max(best, vb.GetElement(i));
        }
        return Math.Max(best, MaxVScalar(preS + x, preQ + x, win, w - x, n));
    }

    private static double MaxOf(Vector256<double> v) => Math.Max(Math.Max(v[0], v[1]), Math.Max(v[2], v[3]));

    /// <summary>The scalar twin of <see cref="MaxV"/>.</summary>
    public static double MaxVScalar(int* preS, uint* preQ, int win, int w, double n)
    {
        long best = 0, nn = (long)n;
        for (int x = 0; x < w; x++)
        {
            long s = preS[x + win] - preS[x], q = (uint)(preQ[x + win] - preQ[x]);
            best = Math.Max(best, nn * q - s * s);
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

    /// <inheritdoc cref="Divide(Vector256{double}, Vector256{double}, Vector256{double})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector512<double> Divide(Vector512<double> a, Vector512<double> n, Vector512<double> inv)
    {
        var q = a * inv;
        return Vector512.FusedMultiplyAdd(Vector512.FusedMultiplyAdd(-q, n, a), inv, q);
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
