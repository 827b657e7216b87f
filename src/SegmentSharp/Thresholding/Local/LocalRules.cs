using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SegmentSharp.Thresholding.Local;

/// <summary>The window statistics of one output row, handed to a rule.</summary>
internal readonly ref struct LocalRow
{
    public ReadOnlySpan<byte> Src { get; init; }
    public ReadOnlySpan<long> Sum { get; init; }
    public ReadOnlySpan<long> SumSq { get; init; }
    public ReadOnlySpan<byte> Min { get; init; }
    public ReadOnlySpan<byte> Max { get; init; }
    /// <summary>Window mean m (when the rule uses sums).</summary>
    public ReadOnlySpan<double> Mean { get; init; }
    /// <summary>Window population standard deviation s (when the rule uses sums).</summary>
    public ReadOnlySpan<double> Std { get; init; }
    /// <summary>Samples per window, w² (the padded window always has w² samples).</summary>
    public double N { get; init; }
}

/// <summary>A local threshold formula: fills one row of the threshold surface T (foreground is <c>pixel &gt; T</c>).</summary>
internal interface ILocalRule
{
    bool UsesSums { get; }
    bool UsesMinMax { get; }
    void Row(in LocalRow s, Span<double> t);
}

internal static class LocalStats
{
    /// <summary>
    /// Mean and standard deviation as scikit-image's <c>_mean_std</c> evaluates them in float64: m = Σ/N,
    /// s = √max(Σ²/N − m², 0). With exact integer sums this reproduces its values bit for bit.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MeanStd(long sum, long sumSq, double n, out double m, out double s)
    {
        m = sum / n;
        double g2 = sumSq / n;
        s = Math.Sqrt(Math.Max(g2 - m * m, 0.0));
    }
}

internal readonly struct NiblackRule(double k) : IMomentRule, IFloatMomentRule
{
    // Constants the kernel would otherwise recompute per vector (the rule is read through a reference there).
    private readonly double _betaSq = -k * Math.Abs(k);
    private readonly float _betaSqF = (float)(-k * Math.Abs(k));

    public bool UsesSums => true;
    public bool UsesMinMax => false;
    public bool NeedsVariance => true;
    public bool NickVariance => false;
    public bool FlatIsExact => true;
    public double Magnitude => 1 + Math.Abs(k);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double T(double m, double sd) => m - k * sd;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Row(in LocalRow s, Span<double> t)
    {
        for (int x = 0; x < t.Length; x++) t[x] = T(s.Mean[x], s.Std[x]);
    }

    public double BetaMax => Math.Abs(k);

    public void Coefficients(Vector256<double> m, out Vector256<double> alpha, out Vector256<double> betaSq)
    {
        alpha = m;
        betaSq = Vector256.Create(_betaSq);
    }

    public void Coefficients(Vector512<double> m, out Vector512<double> alpha, out Vector512<double> betaSq)
    {
        alpha = m;
        betaSq = Vector512.Create(_betaSq);
    }

    // s = 0 gives m − k·0 = m.
    public Vector256<double> Flat(Vector256<double> m) => m;
    public Vector512<double> Flat(Vector512<double> m) => m;

    public void Coefficients(Vector512<float> m, out Vector512<float> alpha, out Vector512<float> betaSq)
    {
        alpha = m;
        betaSq = Vector512.Create(_betaSqF);
    }

    public double AlphaMax => 255;
    // α = m̃ itself: within 3u·255; β·|β| is one rounding of a constant.
    public double AlphaErrorUlps => 1024;
    public double BetaSqErrorUlps => Math.Abs(_betaSq);

    public double Exact(long sum, long sumSq, double n)
    {
        LocalStats.MeanStd(sum, sumSq, n, out double m, out double sd);
        return T(m, sd);
    }
}

internal readonly struct SauvolaRule(double k, double r) : IMomentRule, IFloatMomentRule
{
    private readonly double _c1 = 1 - k, _betaSq = k * Math.Abs(k) / (r * r), _flat0 = 1 + k * ((0.0 / r) - 1);
    private readonly float _c1F = (float)(1 - k), _betaSqF = (float)(k * Math.Abs(k) / (r * r));

    public bool UsesSums => true;
    public bool UsesMinMax => false;
    public bool NeedsVariance => true;
    public bool NickVariance => false;
    public bool FlatIsExact => true;
    public double Magnitude => 1 + Math.Abs(k) * (1 + 255 / r);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double T(double m, double sd) => m * (1 + k * ((sd / r) - 1));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Row(in LocalRow s, Span<double> t)
    {
        for (int x = 0; x < t.Length; x++) t[x] = T(s.Mean[x], s.Std[x]);
    }

    public double BetaMax => 255 * Math.Abs(k) / r;

    // T = m·(1 − k) + (m·k/R)·s, so β·|β| = m²·k·|k|/R².
    public void Coefficients(Vector256<double> m, out Vector256<double> alpha, out Vector256<double> betaSq)
    {
        alpha = m * Vector256.Create(_c1);
        betaSq = m * m * Vector256.Create(_betaSq);
    }

    public void Coefficients(Vector512<double> m, out Vector512<double> alpha, out Vector512<double> betaSq)
    {
        alpha = m * Vector512.Create(_c1);
        betaSq = m * m * Vector512.Create(_betaSq);
    }

    // At s = 0 the formula is m·(1 + k·(0/R − 1)): the same rounded factor.
    public Vector256<double> Flat(Vector256<double> m) => m * Vector256.Create(_flat0);
    public Vector512<double> Flat(Vector512<double> m) => m * Vector512.Create(_flat0);

    public void Coefficients(Vector512<float> m, out Vector512<float> alpha, out Vector512<float> betaSq)
    {
        alpha = m * Vector512.Create(_c1F);
        betaSq = m * m * Vector512.Create(_betaSqF);
    }

    public double AlphaMax => 255 * Math.Abs(_c1);
    // m̃·c̃1: 3u·255 from the mean, u·255 from c̃1, u from the product, each times |c1|.
    public double AlphaErrorUlps => 2048 * (1 + Math.Abs(_c1));
    // m̃²·c̃: |m̃² − m²| ≤ 2·255·765u, plus three roundings of at most 255²·u, times |c|.
    public double BetaSqErrorUlps => 1e6 * Math.Abs(_betaSq);

    public double Exact(long sum, long sumSq, double n)
    {
        LocalStats.MeanStd(sum, sumSq, n, out double m, out double sd);
        return T(m, sd);
    }
}

internal readonly struct WolfRule(double k, double globalMin, double maxStd) : IMomentRule, IFloatMomentRule
{
    private readonly double _c1 = 1 - k, _c2 = k * globalMin,
        _betaSq = k * (maxStd > 0 ? 1.0 / maxStd : 0.0) * Math.Abs(k * (maxStd > 0 ? 1.0 / maxStd : 0.0));
    private readonly float _c1F = (float)(1 - k), _c2F = (float)(k * globalMin), _minF = (float)globalMin,
        _betaSqF = (float)(k * (maxStd > 0 ? 1.0 / maxStd : 0.0) * Math.Abs(k * (maxStd > 0 ? 1.0 / maxStd : 0.0)));

    public bool UsesSums => true;
    public bool UsesMinMax => false;
    public bool NeedsVariance => true;
    public bool NickVariance => false;
    public bool FlatIsExact => true;
    public double Magnitude => 1 + 2 * Math.Abs(k) + Math.Abs(k * globalMin);

    // A flat image has no local contrast at all (Smax = 0); its ratio s/Smax is taken as 0.
    private double Inv => maxStd > 0 ? 1.0 / maxStd : 0.0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double T(double m, double sd, double inv) => (1 - k) * m + k * globalMin + k * (sd * inv) * (m - globalMin);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Row(in LocalRow s, Span<double> t)
    {
        double inv = Inv;
        for (int x = 0; x < t.Length; x++) t[x] = T(s.Mean[x], s.Std[x], inv);
    }

    public double BetaMax => 255 * Math.Abs(k * Inv);

    // T = (1 − k)·m + k·M + k·(m − M)/Smax · s.
    public void Coefficients(Vector256<double> m, out Vector256<double> alpha, out Vector256<double> betaSq)
    {
        alpha = Flat(m);
        var d = m - Vector256.Create(globalMin);
        betaSq = d * Vector256.Abs(d) * Vector256.Create(_betaSq);
    }

    public void Coefficients(Vector512<double> m, out Vector512<double> alpha, out Vector512<double> betaSq)
    {
        alpha = Flat(m);
        var d = m - Vector512.Create(globalMin);
        betaSq = d * Vector512.Abs(d) * Vector512.Create(_betaSq);
    }

    // At s = 0 the last term is ±0, so T is ((1 − k)·m + k·M) rounded the same way.
    public Vector256<double> Flat(Vector256<double> m) => m * Vector256.Create(_c1) + Vector256.Create(_c2);
    public Vector512<double> Flat(Vector512<double> m) => m * Vector512.Create(_c1) + Vector512.Create(_c2);

    public void Coefficients(Vector512<float> m, out Vector512<float> alpha, out Vector512<float> betaSq)
    {
        alpha = m * Vector512.Create(_c1F) + Vector512.Create(_c2F);
        var d = m - Vector512.Create(_minF);
        betaSq = d * Vector512.Abs(d) * Vector512.Create(_betaSqF);
    }

    public double AlphaMax => 255 * Math.Abs(_c1) + Math.Abs(_c2);
    // m̃·c̃1 + c̃2: the mean's 3u·255 and three roundings, on terms of size |c1|·255 and |c2|.
    public double AlphaErrorUlps => 2048 * (1 + Math.Abs(_c1)) + 4 * Math.Abs(_c2);
    // (m̃ − M)·|m̃ − M|·c̃: |Δd| ≤ 1020u, so |Δ(d·|d|)| ≤ 2·255·1020u plus roundings of 255²·u, times |c|.
    public double BetaSqErrorUlps => 1e6 * Math.Abs(_betaSq);

    public double Exact(long sum, long sumSq, double n)
    {
        LocalStats.MeanStd(sum, sumSq, n, out double m, out double sd);
        return T(m, sd, Inv);
    }
}

/// <summary>Collects the largest local standard deviation (Wolf's first pass); writes no surface.</summary>
internal readonly struct MaxStdRule(StrongBox<double> max) : ILocalRule
{
    public bool UsesSums => true;
    public bool UsesMinMax => false;
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Row(in LocalRow s, Span<double> t)
    {
        double best = 0;
        for (int x = 0; x < t.Length; x++)
        {
            double sd = s.Std[x];
            if (sd > best) best = sd;
        }
        lock (max) if (best > max.Value) max.Value = best;
    }
}

/// <summary>Collects the largest exact N·Σp² − (Σp)² (Wolf's first pass for windows beyond the 32-bit engine).</summary>
internal readonly struct MaxVRule(StrongBox<Int128> max) : ILocalRule
{
    public bool UsesSums => true;
    public bool UsesMinMax => false;
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Row(in LocalRow s, Span<double> t)
    {
        Int128 best = 0, n = (Int128)s.N;
        for (int x = 0; x < t.Length; x++)
        {
            Int128 v = n * s.SumSq[x] - (Int128)s.Sum[x] * s.Sum[x];
            if (v > best) best = v;
        }
        lock (max) if (best > max.Value) max.Value = best;
    }
}

internal readonly struct NickRule(double k) : IMomentRule
{
    private readonly double _betaSq = k * Math.Abs(k);

    public bool UsesSums => true;
    public bool UsesMinMax => false;
    public bool NeedsVariance => true;
    public bool NickVariance => true;
    public bool FlatIsExact => true;
    public double Magnitude => 1 + Math.Abs(k);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double T(double m, long sumSq, double n) => m + k * Math.Sqrt(Math.Max((sumSq - m * m) / n, 0.0));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Row(in LocalRow s, Span<double> t)
    {
        for (int x = 0; x < t.Length; x++) t[x] = T(s.Mean[x], s.SumSq[x], s.N);
    }

    // NICK's deviation has no cancellation to amplify (Σp² ≥ N·m²); the magnitude term covers its rounding.
    public double BetaMax => 0;

    public void Coefficients(Vector256<double> m, out Vector256<double> alpha, out Vector256<double> betaSq)
    {
        alpha = m;
        betaSq = Vector256.Create(_betaSq);
    }

    public void Coefficients(Vector512<double> m, out Vector512<double> alpha, out Vector512<double> betaSq)
    {
        alpha = m;
        betaSq = Vector512.Create(_betaSq);
    }

    // Only an all-zero window has a zero NICK deviation: m + k·√0 = m.
    public Vector256<double> Flat(Vector256<double> m) => m;
    public Vector512<double> Flat(Vector512<double> m) => m;

    public double Exact(long sum, long sumSq, double n) => T(sum / n, sumSq, n);
}

internal readonly struct BradleyRule(double t) : IMomentRule
{
    private readonly double _f = 1 - t;

    public bool UsesSums => true;
    public bool UsesMinMax => false;
    public bool NeedsVariance => false;
    public bool NickVariance => false;
    public bool FlatIsExact => true;
    public double Magnitude => 1 + Math.Abs(t);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Row(in LocalRow s, Span<double> th)
    {
        double f = 1 - t;
        for (int x = 0; x < th.Length; x++) th[x] = s.Mean[x] * f;
    }

    public double BetaMax => 0;

    public void Coefficients(Vector256<double> m, out Vector256<double> alpha, out Vector256<double> betaSq)
    {
        alpha = Flat(m);
        betaSq = Vector256<double>.Zero;
    }

    public void Coefficients(Vector512<double> m, out Vector512<double> alpha, out Vector512<double> betaSq)
    {
        alpha = Flat(m);
        betaSq = Vector512<double>.Zero;
    }

    // With the correctly rounded mean this is the scalar m·(1 − t) exactly.
    public Vector256<double> Flat(Vector256<double> m) => m * Vector256.Create(_f);
    public Vector512<double> Flat(Vector512<double> m) => m * Vector512.Create(_f);

    public double Exact(long sum, long sumSq, double n) => sum / n * (1 - t);
}

internal readonly struct PhansalkarRule(double k, double r, double p, double q) : IMomentRule, IFloatMomentRule
{
    // α/m = (1 − k) + p·e^(−q/255·m), one ExpKernel call.
    private readonly ExpKernel.Constants _exp = new(-q / 255.0, p, 1 - k);
    private readonly double _betaSq = k * Math.Abs(k) / (255.0 * 255.0 * r * r), _magnitude = MagnitudeOf(k, r, p, q);
    // T of an all-black window (m = 0, s = 0 exactly), as Exact computes it.
    private readonly double _flat0 = Formula(0.0, 0.0, k, r, p, q);

    public bool UsesSums => true;
    public bool UsesMinMax => false;
    public bool NeedsVariance => true;
    public bool NickVariance => false;
    // Flat is the exact formula (α itself uses the approximate ExpKernel): without it every lane of an all-black
    // window (T = 0 = pixel) would go to the scalar fallback one by one, ten times slower on a black page.
    public bool FlatIsExact => true;
    public double Magnitude => _magnitude;

    /// <summary>
    /// The most the vector α = m·(1 − k + p·ê) can differ from the real m·(1 − k + p·e^(−q·m/255)) because ê is
    /// ExpKernel's exponential: 255·|p|·ε·max over m' in [0, 1] of m'·e^(−q·m'), the maximum being 1/(e·q) at
    /// m' = 1/q for q ≥ 1 and e^(−q) at m' = 1 otherwise (the product then only grows), with room for m' just above 1.
    /// </summary>
    internal static double ExpErrorBound(double p, double q)
    {
        double peak = q >= 1 ? 1 / (Math.E * q) : Math.Exp(-q);
        return 255 * Math.Abs(p) * ExpKernel.RelativeError * peak * (1 + 1e-6);
    }

    // The rounding part: the terms of T relative to 1 + m are 1, |k|·(1 + 1/R) and |p|·e^(−q·m') ≤ |p|·max(1, e^(−q)).
    // The kernel's margin is 256e-9 per unit of magnitude, so the exponential's error bound is added in those units.
    // Capped so that the margin stays finite: any margin above 1e154 already flags every lane (its square is ∞),
    // whereas an infinite one would give ∞·0 = NaN, "not close", for a lane with pixel = α exactly.
    private static double MagnitudeOf(double k, double r, double p, double q) => Math.Min(1e300,
        1 + Math.Abs(k) * (1 + 1 / r) + Math.Abs(p) * Math.Max(1, Math.Exp(-q)) + ExpErrorBound(p, q) / MarginPerMagnitude);

    /// <summary>The margin MomentKernel grants per unit of <see cref="Magnitude"/> (checked by a test).</summary>
    internal const double MarginPerMagnitude = 1e-9 * 256;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double T(double m, double sd) => Formula(m, sd, k, r, p, q);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Formula(double m, double sd, double k, double r, double p, double q)
    {
        double mn = m / 255.0, sn = sd / 255.0;
        return 255.0 * (mn * (1 + p * Math.Exp(-q * mn) + k * ((sn / r) - 1)));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Row(in LocalRow s, Span<double> t)
    {
        for (int x = 0; x < t.Length; x++) t[x] = T(s.Mean[x], s.Std[x]);
    }

    public double BetaMax => Math.Abs(k) / r;

    // 255·mn·(1 + p·e^(−q·mn) + k·(sn/R − 1)) = m·(1 + p·e^(−q·m/255) − k) + (m·k/(255·R))·s.
    public void Coefficients(Vector256<double> m, out Vector256<double> alpha, out Vector256<double> betaSq)
    {
        alpha = m * ExpKernel.Exp(m, _exp);
        betaSq = m * m * Vector256.Create(_betaSq);
    }

    public void Coefficients(Vector512<double> m, out Vector512<double> alpha, out Vector512<double> betaSq)
    {
        alpha = m * ExpKernel.Exp(m, _exp);
        betaSq = m * m * Vector512.Create(_betaSq);
    }

    // The kernel asks for it only when a lane of a flat window (m = pixel, s = 0 exactly) lies within the margin:
    // all-black windows (T = 0), the common case, or a rare near-tie, which takes the scalar formula lane by lane.
    public Vector256<double> Flat(Vector256<double> m)
    {
        if (Vector256.EqualsAll(m, Vector256<double>.Zero)) return Vector256.Create(_flat0);
        return Vector256.Create(FlatT(m.GetElement(0)), FlatT(m.GetElement(1)), FlatT(m.GetElement(2)), FlatT(m.GetElement(3)));
    }

    public Vector512<double> Flat(Vector512<double> m)
    {
        if (Vector512.EqualsAll(m, Vector512<double>.Zero)) return Vector512.Create(_flat0);
        return Vector512.Create(Flat(m.GetLower()), Flat(m.GetUpper()));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private double FlatT(double m) => T(m, 0.0);

    // The float32 screen: α = m̃·(c̃1 + p̃·ẽ), ẽ = ExpFloat(m̃), while |q| ≤ ExpKernel.FloatLimit.
    private readonly float _c1F = (float)(1 - k), _pF = (float)p, _cStepsF = (float)(-q / 255.0 * 16 / Math.Log(2)),
        _betaSqF = (float)(k * Math.Abs(k) / (255.0 * 255.0 * r * r));

    public void Coefficients(Vector512<float> m, out Vector512<float> alpha, out Vector512<float> betaSq)
    {
        var e = ExpKernel.ExpFloat(m, Vector512.Create(_cStepsF));
        alpha = m * Vector512.FusedMultiplyAdd(Vector512.Create(_pF), e, Vector512.Create(_c1F));
        betaSq = m * m * Vector512.Create(_betaSqF);
    }

    /// <summary>The largest e^(−q·m/255) over means in [0, 255].</summary>
    private double ExpMax => Math.Exp(Math.Max(0, -q));

    public double AlphaMax => Math.Abs(q) <= ExpKernel.FloatLimit ? 255 * (Math.Abs(1 - k) + Math.Abs(p) * ExpMax) : double.PositiveInfinity;

    // m̃ (3u·255) times |c1| + |p|·e, c̃1 and p̃ (u each), ẽ within FloatRelativeError, the fused add and the product
    // (u·|α| each).
    public double AlphaErrorUlps => 255 * Math.Abs(1 - k) + 255 * Math.Abs(p) * ExpMax * (2 + ExpKernel.FloatRelativeError(Math.Abs(q)) * (1 << 24))
        + 765 * (Math.Abs(1 - k) + Math.Abs(p) * ExpMax) + 2 * AlphaMax;

    // m̃²·c̃ as for Sauvola.
    public double BetaSqErrorUlps => 1e6 * Math.Abs(_betaSq);

    public double Exact(long sum, long sumSq, double n)
    {
        LocalStats.MeanStd(sum, sumSq, n, out double m, out double sd);
        return T(m, sd);
    }
}

internal readonly struct BernsenRule(int contrastThreshold) : IRangeRule
{
    public bool UsesSums => false;
    public bool UsesMinMax => true;

    // Low contrast: the whole window is one class, decided by its mid-grey (T = −1 → all 255, T = 255 → all 0).
    public double T(int lo, int hi)
    {
        int mid = (lo + hi) >> 1;
        return hi - lo < contrastThreshold ? (mid >= 128 ? -1.0 : 255.0) : mid - 0.5;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Row(in LocalRow s, Span<double> t)
    {
        for (int x = 0; x < t.Length; x++) t[x] = T(s.Min[x], s.Max[x]);
    }

    // pixel > mid − 0.5 is pixel ≥ mid; a contrast of at most 255 makes any threshold above 256 "always low".
    public Vector256<short> Decide(Vector256<short> p, Vector256<short> lo, Vector256<short> hi)
    {
        var mid = Vector256.ShiftRightArithmetic(lo + hi, 1);
        var low = Vector256.LessThan(hi - lo, Vector256.Create((short)Math.Clamp(contrastThreshold, -1, 256)));
        return Vector256.ConditionalSelect(low, Vector256.GreaterThan(mid, Vector256.Create((short)127)),
            Vector256.GreaterThan(p, mid - Vector256<short>.One));
    }
}

internal readonly struct ContrastRule : IRangeRule
{
    public bool UsesSums => false;
    public bool UsesMinMax => true;

    public double T(int lo, int hi) => Math.Max((lo + hi) * 0.5 - 0.5, 0.0);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Row(in LocalRow s, Span<double> t)
    {
        for (int x = 0; x < t.Length; x++) t[x] = T(s.Min[x], s.Max[x]);
    }

    // pixel > max((min + max − 1)/2, 0) is pixel ≠ 0 and 2·pixel ≥ min + max.
    public Vector256<short> Decide(Vector256<short> p, Vector256<short> lo, Vector256<short> hi) =>
        Vector256.GreaterThan(p, Vector256<short>.Zero) & ~Vector256.GreaterThan(lo + hi, p + p);
}

internal readonly struct MidGreyRule(int c) : IRangeRule
{
    public bool UsesSums => false;
    public bool UsesMinMax => true;

    public double T(int lo, int hi) => ((lo + hi) >> 1) - c;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Row(in LocalRow s, Span<double> t)
    {
        for (int x = 0; x < t.Length; x++) t[x] = T(s.Min[x], s.Max[x]);
    }

    // Offsets beyond ±512 put T outside every pixel's reach either way, so clamping keeps 16-bit lanes exact.
    public Vector256<short> Decide(Vector256<short> p, Vector256<short> lo, Vector256<short> hi) =>
        Vector256.GreaterThan(p, Vector256.ShiftRightArithmetic(lo + hi, 1) - Vector256.Create((short)Math.Clamp(c, -512, 512)));
}
