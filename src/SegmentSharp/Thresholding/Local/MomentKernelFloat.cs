using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SegmentSharp.Thresholding.Local;

/// <summary>
/// A mean/deviation rule whose coefficients α(m) and β(m)·|β(m)| can also be formed in float32, with bounds on their
/// rounding errors (in units u = 2⁻²⁴ of the float32 unit roundoff), for <see cref="MomentKernelFloat"/>.
/// </summary>
internal interface IFloatMomentRule
{
    /// <summary>α and β·|β| from a float32 mean, with the same operations as the float64 form.</summary>
    void Coefficients(Vector512<float> m, out Vector512<float> alpha, out Vector512<float> betaSq);
    /// <summary>Largest |α| for a mean in [0, 255].</summary>
    double AlphaMax { get; }
    /// <summary>Bound on |α(m̃) − α(m)| in units of u when m̃ is the float32 mean (within 3u relative of m).</summary>
    double AlphaErrorUlps { get; }
    /// <summary>Bound on |β·|β|(m̃) − β·|β|(m)| in units of u, likewise.</summary>
    double BetaSqErrorUlps { get; }
}

/// <summary>
/// The fused decision of <see cref="MomentKernel"/> screened in float32, sixteen pixels per AVX-512 vector instead of
/// eight. Every lane is decided in float32 with a per-lane bound on its error; a lane whose <c>a·|a| − β·|β|·s²</c>
/// lies within that bound (plus the float64 kernel's own margin) of zero, and with it its vector, goes to the exact
/// float64 kernel, so the mask is identical to <see cref="MomentKernel.RowScalar"/>'s.
/// <para>The bound, for window sums Σp (exact) and Σp² and means in [0, 255]: the float32 mean is within 3u relative;
/// s² = Σp²/N − m² (one fused multiply-add) is within E_v = 10⁶u absolute (the terms are below 255² and the
/// analysis gives about 6.1·10⁵u); a = pixel − α is within E_a = E_α + 2u·(255 + |α|max); so
/// |Δ(a·|a|)| ≤ 2E_a·|a| + E_a² + u·|a·|a||, |Δ(β·|β|·s²)| ≤ E_v·|β·|β|| + E_β·(127.5² + E_v) + u·|β·|β|·s²|, and the
/// final subtraction adds u·(|a·|a|| + |β·|β|·s²|). The tolerance used is twice the sum. A vector of windows that
/// are all flat with one level (blank paper) is decided by one exact call per level instead.</para>
/// </summary>
internal static unsafe class MomentKernelFloat
{
    private const double U = 1.0 / (1 << 24);
    private const double MaxVariance = 127.5 * 127.5;
    private const double VarianceErrorUlps = 1e6;

    /// <summary>
    /// The whole 16-pixel groups of the row, x in [0, w − w mod 16); returns how many pixels it decided. Needs
    /// <see cref="MomentKernel.Wide"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Row512<TRule>(in TRule ruleRef, int* preS, uint* preQ, int win, byte* src, int w, double n, byte* dst)
        where TRule : struct, IMomentRule, IFloatMomentRule
    {
        TRule rule = ruleRef;
        double mu = MomentKernel.Margin(rule, n);
        double ea = rule.AlphaErrorUlps * U + 2 * U * (255 + rule.AlphaMax);
        double eb = rule.BetaSqErrorUlps * U, ev = VarianceErrorUlps * U;
        // Extreme parameters (|α| or β·|β| far beyond the gray range) would leave float32 little room or overflow it:
        // the float64 kernel takes the whole row.
        if (!(rule.AlphaMax <= 1e5 && eb <= 1 && double.IsFinite(mu))) return 0;
        // tol = 2·(K0 + K1·|a| + K2·|β·|β|| + 2u·(|lhs| + |rhs|)), the float64 kernel's margin μ on |a − β·s| included.
        var k0 = Vector512.Create((float)(2 * (ea * ea + eb * (MaxVariance + 2 * ev) + mu * (mu + 2 * ea))));
        var k1 = Vector512.Create((float)(2 * (2 * ea + 2 * mu)));
        var k2 = Vector512.Create((float)(2 * ev));
        var k3 = Vector512.Create((float)(4 * U));
        var inv = Vector512.Create((float)(1.0 / n));
        var zero = Vector512<float>.Zero;
        int ni = (int)n, lastLevel = -1;
        byte lastFill = 0;
        int x = 0;
        for (; x <= w - 16; x += 16)
        {
            var si = Vector512.Load(preS + x + win) - Vector512.Load(preS + x);
            var qi = Vector512.Load(preQ + x + win) - Vector512.Load(preQ + x);
            var pi = Avx512F.ConvertToVector512Int32(Vector128.Load(src + x));
            var s = Avx512F.ConvertToVector512Single(si);
            var q = Avx512F.ConvertToVector512Single(qi);
            var p = Avx512F.ConvertToVector512Single(pi);
            var m = s * inv;
            var v = Vector512.FusedMultiplyAdd(q, inv, -(m * m));
            rule.Coefficients(m, out var alpha, out var betaSq);
            var a = p - alpha;
            var absA = Vector512.Abs(a);
            var lhs = a * absA;
            var rhs = betaSq * v;
            var d = lhs - rhs;
            var tol = Vector512.FusedMultiplyAdd(k3, Vector512.Abs(lhs) + Vector512.Abs(rhs),
                Vector512.FusedMultiplyAdd(k2, Vector512.Abs(betaSq), Vector512.FusedMultiplyAdd(k1, absA, k0)));
            if (Vector512.GreaterThanAll(Vector512.Abs(d), tol))
            {
                // All-ones lanes narrow to 255, zero lanes to 0.
                Avx512F.ConvertToVector128Byte(Vector512.GreaterThan(d, zero).AsInt32()).Store(dst + x);
                continue;
            }
            // Blank paper: sixteen flat windows (Σp = N·p, Σp² = N·p², the products below 2³²) of one level need one
            // exact decision.
            int level = src[x];
            var np = pi * Vector512.Create(ni);
            if (Vector512.EqualsAll(pi, Vector512.Create(level)) && Vector512.EqualsAll(si, np)
                && Vector512.EqualsAll(qi, (np * pi).AsUInt32()))
            {
                if (level != lastLevel)
                {
                    lastLevel = level;
                    lastFill = level > rule.Exact((long)ni * level, (long)ni * level * level, n) ? (byte)255 : (byte)0;
                }
                Vector128.Create(lastFill).Store(dst + x);
                continue;
            }
            MomentKernel.Row512(rule, preS + x, preQ + x, win, src + x, 16, n, dst + x);
        }
        return x;
    }
}
