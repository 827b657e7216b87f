namespace SegmentSharp.Thresholding.Global;

internal static partial class ImageJMethods
{
    /// <summary>ImageJ iterates Li and MinError until a fixed point; we stop after this many steps (ImageJ would spin forever).</summary>
    private const int MaxFixedPointSteps = 1000;

    /// <summary>
    /// Mean (C. A. Glasbey, "An analysis of histogram-based thresholding algorithms", CVGIP: Graphical Models and
    /// Image Processing 55:532–537, 1993): the floor of the mean gray level; 0 for an empty histogram.
    /// </summary>
    /// <remarks>
    /// scikit-image's <c>threshold_mean</c> returns the unfloored mean with <c>image &gt; mean</c>; on integer
    /// images both select exactly the same pixels.
    /// </remarks>
    internal static int Mean(ReadOnlySpan<long> hist) => MeanOf(ToInt(hist));

    private static int MeanOf(int[] data)
    {
        double total = 0, sum = 0;
        for (int i = 0; i < 256; i++) { total += data[i]; sum += (double)i * data[i]; }
        double m = Math.Floor(sum / total);
        return double.IsNaN(m) ? 0 : (int)m;
    }

    /// <summary>
    /// Li's minimum cross entropy, iterative form (C. H. Li and P. K. S. Tam, "An iterative algorithm for minimum
    /// cross entropy thresholding", Pattern Recognition Letters 18(8):771–776, 1998; C. H. Li and C. K. Lee 1993),
    /// starting from the mean and stepping with integer-rounded updates until they move by at most 0.5.
    /// </summary>
    /// <remarks>
    /// scikit-image's <c>threshold_li</c> iterates the same update in floating point to a tolerance and returns a
    /// non-integer level (<c>image &gt; t</c>); ImageJ rounds every step to an integer and returns the last integer
    /// split level. On integer images ImageJ's level is usually <c>ceil(t_skimage)</c> (same pixels selected), but the iterations can
    /// settle elsewhere: on the bundled samples 5 of 8 agree that way, coffee gives 86 here against 67.45 in scikit-image.
    /// </remarks>
    internal static int Li(ReadOnlySpan<long> hist)
    {
        int[] data = ToInt(hist);
        double count = 0, mean = 0;
        for (int i = 0; i < 256; i++) count += data[i];
        for (int i = 1; i < 256; i++) mean += (double)i * data[i];
        mean /= count;

        double next = mean, previous;
        int t;
        int steps = 0;
        do
        {
            previous = next;
            t = JavaInt(previous + 0.5);
            double sumLow = 0, nLow = 0, sumHigh = 0, nHigh = 0;
            for (int i = 0; i <= t && i < 256; i++) { sumLow += (double)i * data[i]; nLow += data[i]; }
            for (int i = Math.Max(t + 1, 0); i < 256; i++) { sumHigh += (double)i * data[i]; nHigh += data[i]; }
            double meanLow = nLow == 0 ? 0.0 : sumLow / nLow;
            double meanHigh = nHigh == 0 ? 0.0 : sumHigh / nHigh;
            double v = (meanLow - meanHigh) / (Math.Log(meanLow) - Math.Log(meanHigh));
            next = v < -2.220446049250313E-16 ? JavaInt(v - 0.5) : JavaInt(v + 0.5);
        } while (Math.Abs(next - previous) > 0.5 && ++steps < MaxFixedPointSteps);
        return t;
    }

    /// <summary>Java's double-to-int cast: truncation, NaN → 0, saturating at the int range.</summary>
    private static int JavaInt(double x) => double.IsNaN(x) ? 0 : x >= int.MaxValue ? int.MaxValue : x <= int.MinValue ? int.MinValue : (int)x;

    /// <summary>
    /// Minimum error thresholding (J. Kittler and J. Illingworth, "Minimum error thresholding", Pattern Recognition
    /// 19(1):41–47, 1986), iterative form after Glasbey 1993: starting from the mean, each step solves the quadratic
    /// whose root separates two Gaussians fitted to the current classes. No scikit-image equivalent.
    /// </summary>
    /// <remarks>
    /// Stops with the current level when the quadratic has no real root; a NaN root ends the iteration too.
    /// ImageJ 1.53 accumulates the first and second moments with 32-bit int products (<c>i·h[i]</c>,
    /// <c>i·i·h[i]</c>), which wrap for counts above ~33000 in high bins; that arithmetic is reproduced so the
    /// level equals ImageJ's. The level can leave 0..255 when ImageJ's does.
    /// </remarks>
    internal static int MinError(ReadOnlySpan<long> hist)
    {
        int[] data = ToInt(hist);
        // Prefix sums of counts, and of ImageJ's wrapped int products i·h and i·i·h.
        var a = new double[256];
        var b = new double[256];
        var c = new double[256];
        double sa = 0, sb = 0, sc = 0;
        for (int i = 0; i < 256; i++)
        {
            sa += data[i];
            sb += unchecked(i * data[i]);
            sc += unchecked(i * i * data[i]);
            a[i] = sa; b[i] = sb; c[i] = sc;
        }
        double A(int j) => j < 0 ? 0 : a[Math.Min(j, 255)];
        double B(int j) => j < 0 ? 0 : b[Math.Min(j, 255)];
        double C(int j) => j < 0 ? 0 : c[Math.Min(j, 255)];

        int t = MeanOf(data), previous = -2;
        for (int steps = 0; t != previous && steps < MaxFixedPointSteps; steps++)
        {
            double mu = B(t) / A(t);
            double nu = (B(255) - B(t)) / (A(255) - A(t));
            double p = A(t) / A(255);
            double q = (A(255) - A(t)) / A(255);
            double sigma2 = C(t) / A(t) - mu * mu;
            double tau2 = (C(255) - C(t)) / (A(255) - A(t)) - nu * nu;
            double w0 = 1.0 / sigma2 - 1.0 / tau2;
            double w1 = mu / sigma2 - nu / tau2;
            double w2 = mu * mu / sigma2 - nu * nu / tau2 + Math.Log10(sigma2 * (q * q) / (tau2 * (p * p)));
            double disc = w1 * w1 - w0 * w2;
            if (disc < 0) return t;
            previous = t;
            double root = (w1 + Math.Sqrt(disc)) / w0;
            t = double.IsNaN(root) ? previous : JavaInt(Math.Floor(root));
        }
        return t == -1 ? 0 : t;
    }

    /// <summary>
    /// Moment-preserving thresholding (W.-H. Tsai, "Moment-preserving thresholding: a new approach", Computer
    /// Vision, Graphics, and Image Processing 29:377–393, 1985): the bilevel image keeping the first three
    /// moments fixes the object fraction p0; the threshold is the first level whose cumulative fraction exceeds p0.
    /// No scikit-image equivalent.
    /// </summary>
    internal static int Moments(ReadOnlySpan<long> hist)
    {
        int[] data = ToInt(hist);
        double total = 0;
        for (int i = 0; i < 256; i++) total += data[i];
        var p = new double[256];
        for (int i = 0; i < 256; i++) p[i] = data[i] / total;
        double m0 = 1.0, m1 = 0.0, m2 = 0.0, m3 = 0.0;
        for (int i = 0; i < 256; i++)
        {
            double x = i;
            m1 += x * p[i];
            m2 += x * x * p[i];
            m3 += x * x * x * p[i];
        }
        double cd = m0 * m2 - m1 * m1;
        double c0 = (-m2 * m2 + m1 * m3) / cd;
        double c1 = (m0 * -m3 + m2 * m1) / cd;
        double z0 = 0.5 * (-c1 - Math.Sqrt(c1 * c1 - 4.0 * c0));
        double z1 = 0.5 * (-c1 + Math.Sqrt(c1 * c1 - 4.0 * c0));
        double p0 = (z1 - m1) / (z1 - z0);
        double sum = 0;
        for (int i = 0; i < 256; i++)
        {
            sum += p[i];
            if (sum > p0) return i;
        }
        return 0;
    }

    /// <summary>
    /// Percentile (W. Doyle, "Operations useful for similarity-invariant pattern recognition", Journal of the ACM
    /// 9:259–267, 1962) with ImageJ's fixed 50 % foreground fraction: the level whose cumulative fraction is closest
    /// to one half (first on ties). No scikit-image equivalent.
    /// </summary>
    internal static int Percentile(ReadOnlySpan<long> hist)
    {
        int[] data = ToInt(hist);
        double total = 0;
        for (int i = 0; i < 256; i++) total += data[i];
        int best = -1;
        double closest = 1.0, cumulative = 0;
        for (int i = 0; i < 256; i++)
        {
            cumulative += data[i];
            double d = Math.Abs(cumulative / total - 0.5);
            if (d < closest) { closest = d; best = i; }
        }
        return best == -1 ? 0 : best;
    }
}
