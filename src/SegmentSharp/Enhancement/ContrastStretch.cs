using System.Runtime.CompilerServices;
using SegmentSharp.Histograms;
using SegmentSharp.Imaging;

namespace SegmentSharp.Enhancement;

/// <summary>
/// Linear contrast stretch between two percentiles of the image's own gray levels: levels at or below the low
/// percentile become 0, levels at or above the high one 255, and levels between are mapped linearly.
/// </summary>
/// <remarks>
/// <para>This is scikit-image's recipe
/// <c>skimage.exposure.rescale_intensity(img, in_range=tuple(np.percentile(img, (low, high))))</c> on a <c>uint8</c>
/// image (output range 0…255), reproduced step by step so that the results are equal:</para>
/// <list type="bullet">
/// <item>Percentiles use numpy's default <c>'linear'</c> method: for <c>n</c> pixels sorted ascending, the
/// <c>q</c>-th percentile sits at virtual index <c>(q / 100)·(n − 1)</c> and is interpolated between its two neighbours
/// with numpy's <c>_lerp</c> (<c>a + (b − a)·t</c>, or <c>b − (b − a)·(1 − t)</c> when <c>t ≥ 0.5</c>). The sorted
/// values are read from the 256-bin histogram, so no sort and no copy of the image is needed.</item>
/// <item>Mapping, in float64: <c>out = trunc((clip(p, lo, hi) − lo) / (hi − lo) · 255)</c> — numpy's cast to
/// <c>uint8</c> truncates toward zero, it does not round. When <c>lo = hi</c> (e.g. a constant image) the pixels are
/// only clipped to <c>[lo, hi]</c> and truncated, as scikit-image does.</item>
/// </list>
/// <para>OpenCV has no percentile stretch; <c>cv2.normalize(src, None, 0, 255, NORM_MINMAX)</c> is the special case
/// low = 0, high = 100 but rounds instead of truncating. ImageJ's Process › Enhance Contrast (saturated pixels) is the
/// same idea with a different rounding.</para>
/// <para>Cost: one histogram pass and one lookup-table pass; no memory beyond the output.</para>
/// </remarks>
public static class ContrastStretch
{
    /// <summary>
    /// Stretches <paramref name="src"/> into <paramref name="dst"/> between its <paramref name="lowPercent"/>-th and
    /// <paramref name="highPercent"/>-th percentiles (same size; may share memory).
    /// </summary>
    /// <param name="src">8-bit single-channel image.</param>
    /// <param name="dst">Output, the size of <paramref name="src"/>.</param>
    /// <param name="lowPercent">Low percentile, 0…100; default 2.</param>
    /// <param name="highPercent">High percentile, <paramref name="lowPercent"/>…100; default 98.</param>
    /// <exception cref="ArgumentException">Sizes differ, the image is not single-channel or empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A percentile is outside 0…100 or low &gt; high.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Apply(ReadOnlyImageView<byte> src, ImageView<byte> dst, double lowPercent = 2, double highPercent = 98)
    {
        ImageGuard.SameSize(src, dst, nameof(dst));
        ImageGuard.SingleChannel(src, nameof(src));
        Span<byte> lut = stackalloc byte[256];
        BuildLut(Histogram.Compute(src), lowPercent, highPercent, lut, out _, out _);
        for (int y = 0; y < src.Height; y++)
        {
            ReadOnlySpan<byte> s = src.Row(y);
            Span<byte> d = dst.Row(y);
            for (int x = 0; x < s.Length; x++) d[x] = lut[s[x]];
        }
    }

    /// <summary>Allocating overload of <see cref="Apply(ReadOnlyImageView{byte}, ImageView{byte}, double, double)"/>.</summary>
    public static Image<byte> Apply(ReadOnlyImageView<byte> src, double lowPercent = 2, double highPercent = 98)
    {
        var dst = new Image<byte>(src.Width, src.Height);
        Apply(src, dst.View, lowPercent, highPercent);
        return dst;
    }

    /// <summary>
    /// The 256-entry mapping for a histogram, and the input range <c>[low, high]</c> it stretches (numpy's
    /// <c>np.percentile(img, (lowPercent, highPercent))</c>).
    /// </summary>
    /// <exception cref="ArgumentException">The histogram is not 256 bins, has a negative bin, or is empty.</exception>
    public static void BuildLut(ReadOnlySpan<long> histogram256, double lowPercent, double highPercent, Span<byte> lut,
        out double low, out double high)
    {
        if (histogram256.Length != 256) throw new ArgumentException("Need a 256-bin histogram.", nameof(histogram256));
        if (lut.Length < 256) throw new ArgumentException("The table needs 256 entries.", nameof(lut));
        if (!(lowPercent >= 0 && lowPercent <= 100))
            throw new ArgumentOutOfRangeException(nameof(lowPercent), lowPercent, "The low percentile must be within 0..100.");
        if (!(highPercent >= lowPercent && highPercent <= 100))
            throw new ArgumentOutOfRangeException(nameof(highPercent), highPercent, "The high percentile must be within low..100.");
        low = Percentile(histogram256, lowPercent);
        high = Percentile(histogram256, highPercent);
        for (int v = 0; v < 256; v++)
        {
            double p = Math.Clamp(v, low, high);
            double o = low != high ? (p - low) / (high - low) * 255.0 : p;
            lut[v] = (byte)o; // truncation, as numpy's astype(uint8)
        }
    }

    /// <summary>numpy's <c>np.percentile(values, q)</c> (method 'linear') of the values counted by a 256-bin histogram.</summary>
    /// <exception cref="ArgumentException">The histogram counts no value or has a negative bin.</exception>
    public static double Percentile(ReadOnlySpan<long> histogram256, double q)
    {
        long n = 0;
        foreach (long c in histogram256)
        {
            if (c < 0) throw new ArgumentException("A histogram bin is negative.", nameof(histogram256));
            n += c;
        }
        if (n == 0) throw new ArgumentException("The histogram is empty.", nameof(histogram256));
        double index = q / 100.0 * (n - 1);
        long below = (long)Math.Floor(index);
        if (below > n - 1) below = n - 1;
        long above = Math.Min(below + 1, n - 1);
        double t = index - below;
        double a = ValueAt(histogram256, below), b = ValueAt(histogram256, above);
        double diff = b - a;
        return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
    }

    /// <summary>The <paramref name="rank"/>-th smallest value (0-based) of the histogram's values.</summary>
    private static int ValueAt(ReadOnlySpan<long> histogram, long rank)
    {
        long seen = 0;
        for (int v = 0; v < histogram.Length; v++)
        {
            seen += histogram[v];
            if (seen > rank) return v;
        }
        return histogram.Length - 1;
    }
}
