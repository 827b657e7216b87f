using System.Runtime.CompilerServices;

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

internal readonly struct NiblackRule(double k) : ILocalRule
{
    public bool UsesSums => true;
    public bool UsesMinMax => false;
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Row(in LocalRow s, Span<double> t)
    {
        for (int x = 0; x < t.Length; x++)
        {
            double m = s.Mean[x], sd = s.Std[x];
            t[x] = m - k * sd;
        }
    }
}

internal readonly struct SauvolaRule(double k, double r) : ILocalRule
{
    public bool UsesSums => true;
    public bool UsesMinMax => false;
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Row(in LocalRow s, Span<double> t)
    {
        for (int x = 0; x < t.Length; x++)
        {
            double m = s.Mean[x], sd = s.Std[x];
            t[x] = m * (1 + k * ((sd / r) - 1));
        }
    }
}

internal readonly struct WolfRule(double k, double globalMin, double maxStd) : ILocalRule
{
    public bool UsesSums => true;
    public bool UsesMinMax => false;
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Row(in LocalRow s, Span<double> t)
    {
        // A flat image has no local contrast at all (Smax = 0); its ratio s/Smax is taken as 0.
        double inv = maxStd > 0 ? 1.0 / maxStd : 0.0;
        for (int x = 0; x < t.Length; x++)
        {
            double m = s.Mean[x], sd = s.Std[x];
            t[x] = (1 - k) * m + k * globalMin + k * (sd * inv) * (m - globalMin);
        }
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

internal readonly struct NickRule(double k) : ILocalRule
{
    public bool UsesSums => true;
    public bool UsesMinMax => false;
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Row(in LocalRow s, Span<double> t)
    {
        for (int x = 0; x < t.Length; x++)
        {
            double m = s.Mean[x];
            t[x] = m + k * Math.Sqrt(Math.Max((s.SumSq[x] - m * m) / s.N, 0.0));
        }
    }
}

internal readonly struct BradleyRule(double t) : ILocalRule
{
    public bool UsesSums => true;
    public bool UsesMinMax => false;
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Row(in LocalRow s, Span<double> th)
    {
        double f = 1 - t;
        for (int x = 0; x < th.Length; x++) th[x] = s.Mean[x] * f;
    }
}

internal readonly struct PhansalkarRule(double k, double r, double p, double q) : ILocalRule
{
    public bool UsesSums => true;
    public bool UsesMinMax => false;
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Row(in LocalRow s, Span<double> t)
    {
        for (int x = 0; x < t.Length; x++)
        {
            double m = s.Mean[x], sd = s.Std[x];
            double mn = m / 255.0, sn = sd / 255.0;
            t[x] = 255.0 * (mn * (1 + p * Math.Exp(-q * mn) + k * ((sn / r) - 1)));
        }
    }
}

internal readonly struct BernsenRule(int contrastThreshold) : ILocalRule
{
    public bool UsesSums => false;
    public bool UsesMinMax => true;
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Row(in LocalRow s, Span<double> t)
    {
        for (int x = 0; x < t.Length; x++)
        {
            int lo = s.Min[x], hi = s.Max[x], mid = (lo + hi) >> 1;
            // Low contrast: the whole window is one class, decided by its mid-grey (T = −1 → all 255, T = 255 → all 0).
            t[x] = hi - lo < contrastThreshold ? (mid >= 128 ? -1.0 : 255.0) : mid - 0.5;
        }
    }
}

internal readonly struct ContrastRule : ILocalRule
{
    public bool UsesSums => false;
    public bool UsesMinMax => true;
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Row(in LocalRow s, Span<double> t)
    {
        for (int x = 0; x < t.Length; x++)
            t[x] = Math.Max((s.Min[x] + s.Max[x]) * 0.5 - 0.5, 0.0);
    }
}

internal readonly struct MidGreyRule(int c) : ILocalRule
{
    public bool UsesSums => false;
    public bool UsesMinMax => true;
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Row(in LocalRow s, Span<double> t)
    {
        for (int x = 0; x < t.Length; x++) t[x] = ((s.Min[x] + s.Max[x]) >> 1) - c;
    }
}
