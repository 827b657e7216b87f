namespace SegmentSharp.Thresholding.Global;

// The sums below run in ImageJ's order over the normalised histogram: the winner is an arg-max of
// floating-point sums, so a different summation order could flip near-ties.
internal static partial class ImageJMethods
{
    /// <summary>
    /// Huang's fuzzy thresholding (L.-K. Huang and M.-J. J. Wang, "Image thresholding by minimizing the
    /// measures of fuzziness", Pattern Recognition 28(1):41–51, 1995) with Shannon's entropy function: the level
    /// whose two class means give the least total fuzziness. No scikit-image equivalent.
    /// </summary>
    internal static int Huang(ReadOnlySpan<long> hist)
    {
        int[] data = ToInt(hist);
        int first = 0, last = 255;
        for (int i = 0; i < 256; i++)
            if (data[i] != 0) { first = i; break; }
        for (int i = 255; i >= first; i--)
            if (data[i] != 0) { last = i; break; }
        double c = 1.0 / (last - first);

        // meanLow[t] = mean of levels ≤ t, meanHigh[t] = mean of levels > t (both 0 outside the occupied range).
        var meanLow = new double[256];
        var meanHigh = new double[256];
        double sum = 0, count = 0;
        for (int i = first; i < 256; i++)
        {
            sum += (double)i * data[i];
            count += data[i];
            meanLow[i] = sum / count;
        }
        sum = count = 0;
        for (int i = last; i > 0; i--)
        {
            sum += (double)i * data[i];
            count += data[i];
            meanHigh[i - 1] = sum / count;
        }

        int best = -1;
        double bestFuzziness = double.MaxValue;
        for (int t = 0; t < 256; t++)
        {
            double fuzz = 0;
            for (int i = 0; i <= t; i++) fuzz += data[i] * ShannonMembership(c, i, meanLow[t]);
            for (int i = t + 1; i < 256; i++) fuzz += data[i] * ShannonMembership(c, i, meanHigh[t]);
            if (fuzz < bestFuzziness) { bestFuzziness = fuzz; best = t; }
        }
        return best == -1 ? 0 : best;
    }

    /// <summary>Shannon entropy of the membership 1 / (1 + c·|level − mean|); memberships within 1e-6 of 0 or 1 contribute nothing.</summary>
    private static double ShannonMembership(double c, int level, double mean)
    {
        double mu = 1.0 / (1.0 + c * Math.Abs(level - mean));
        if (mu < 1e-06 || mu > 0.999999) return 0;
        return -mu * Math.Log(mu) - (1.0 - mu) * Math.Log(1.0 - mu);
    }

    /// <summary>
    /// Maximum entropy (J. N. Kapur, P. K. Sahoo and A. K. C. Wong, "A new method for gray-level picture
    /// thresholding using the entropy of the histogram", CVGIP 29(3):273–285, 1985): the level maximising the sum of
    /// the Shannon entropies of the two class distributions. No scikit-image equivalent.
    /// </summary>
    internal static int MaxEntropy(ReadOnlySpan<long> hist)
    {
        int[] data = ToInt(hist);
        double[] p = Normalize(data);
        double[] p1 = Cumulative(p);
        double[] p2 = Complement(p1);
        var (first, last) = MassRange(p1, p2);
        int best = KapurArgMax(data, p, p1, p2, first, last, double.Epsilon, -1);
        return best == -1 ? 0 : best;
    }

    /// <summary>The Kapur (α = 1) search shared by max-entropy and Rényi: strict improvement over <paramref name="floor"/>.</summary>
    private static int KapurArgMax(int[] data, double[] p, double[] p1, double[] p2, int first, int last, double floor, int none)
    {
        int best = none;
        double max = floor;
        for (int t = first; t <= last; t++)
        {
            double low = 0, high = 0;
            for (int i = 0; i <= t; i++)
                if (data[i] != 0) low -= p[i] / p1[t] * Math.Log(p[i] / p1[t]);
            for (int i = t + 1; i < 256; i++)
                if (data[i] != 0) high -= p[i] / p2[t] * Math.Log(p[i] / p2[t]);
            double total = low + high;
            if (max < total) { max = total; best = t; }
        }
        return best;
    }

    private static double[] Complement(double[] p1)
    {
        var p2 = new double[256];
        for (int i = 0; i < 256; i++) p2[i] = 1.0 - p1[i];
        return p2;
    }

    /// <summary>
    /// Rényi entropy thresholding (J. N. Kapur, P. K. Sahoo and A. K. C. Wong 1985; P. K. Sahoo, C. Wilkins and
    /// J. Yeager, "Threshold selection using Renyi's entropy", Pattern Recognition 30(1):71–84, 1997): the
    /// maximum-entropy levels for Rényi orders α = 0.5, 1 and 2, combined by Sahoo's weighted rule. No scikit-image equivalent.
    /// </summary>
    internal static int RenyiEntropy(ReadOnlySpan<long> hist)
    {
        int[] data = ToInt(hist);
        double[] p = Normalize(data);
        double[] p1 = Cumulative(p);
        double[] p2 = Complement(p1);
        var (first, last) = MassRange(p1, p2);

        int tMid = KapurArgMax(data, p, p1, p2, first, last, 0.0, 0);
        int tLow = RenyiArgMax(p, p1, p2, first, last, 0.5);
        int tHigh = RenyiArgMax(p, p1, p2, first, last, 2.0);

        // Order the three candidates, keeping ImageJ's swap sequence.
        int a = tLow, b = tMid, c = tHigh;
        if (b < a) (a, b) = (b, a);
        if (c < b) (b, c) = (c, b);
        if (b < a) (a, b) = (b, a);

        int w1, w2, w3;
        bool closeLow = Math.Abs(a - b) <= 5, closeHigh = Math.Abs(b - c) <= 5;
        if (closeLow == closeHigh) { w1 = 1; w2 = 2; w3 = 1; }
        else if (closeLow) { w1 = 0; w2 = 1; w3 = 3; }
        else { w1 = 3; w2 = 1; w3 = 0; }

        double omega = p1[c] - p1[a];
        return (int)(a * (p1[a] + 0.25 * omega * w1) + 0.25 * b * omega * w2 + c * (p2[c] + 0.25 * omega * w3));
    }

    /// <summary>Arg-max of the Rényi entropy of order <paramref name="alpha"/> (0.5 or 2) over the occupied range; 0 if none is positive.</summary>
    private static int RenyiArgMax(double[] p, double[] p1, double[] p2, int first, int last, double alpha)
    {
        double scale = 1.0 / (1.0 - alpha);
        int best = 0;
        double max = 0.0;
        for (int t = first; t <= last; t++)
        {
            double low = 0, high = 0;
            if (alpha == 0.5)
            {
                for (int i = 0; i <= t; i++) low += Math.Sqrt(p[i] / p1[t]);
                for (int i = t + 1; i < 256; i++) high += Math.Sqrt(p[i] / p2[t]);
            }
            else
            {
                for (int i = 0; i <= t; i++) low += p[i] * p[i] / (p1[t] * p1[t]);
                for (int i = t + 1; i < 256; i++) high += p[i] * p[i] / (p2[t] * p2[t]);
            }
            double product = low * high;
            double total = scale * (product > 0.0 ? Math.Log(product) : 0.0);
            if (total > max) { max = total; best = t; }
        }
        return best;
    }

    /// <summary>
    /// Shanbhag's information-measure thresholding (A. G. Shanbhag, "Utilization of information measure as a means
    /// of image thresholding", CVGIP: Graphical Models and Image Processing 56(5):414–419, 1994): the level where the
    /// fuzzy information of the two classes is most balanced. No scikit-image equivalent.
    /// </summary>
    internal static int Shanbhag(ReadOnlySpan<long> hist)
    {
        int[] data = ToInt(hist);
        double[] p = Normalize(data);
        double[] p1 = Cumulative(p);
        double[] p2 = Complement(p1);
        var (first, last) = MassRange(p1, p2);

        int best = -1;
        double min = double.MaxValue;
        for (int t = first; t <= last; t++)
        {
            double low = 0, term = 0.5 / p1[t];
            for (int i = 1; i <= t; i++) low -= p[i] * Math.Log(1.0 - term * p1[i - 1]);
            low *= term;
            double high = 0;
            term = 0.5 / p2[t];
            for (int i = t + 1; i < 256; i++) high -= p[i] * Math.Log(1.0 - term * p2[i]);
            high *= term;
            double imbalance = Math.Abs(low - high);
            if (imbalance < min) { min = imbalance; best = t; }
        }
        return best == -1 ? 0 : best;
    }

    /// <summary>
    /// Yen's maximum correlation criterion (J.-C. Yen, F.-J. Chang and S. Chang, "A new criterion for automatic
    /// multilevel thresholding", IEEE Trans. Image Processing 4(3):370–378, 1995).
    /// </summary>
    /// <remarks>
    /// scikit-image's <c>threshold_yen</c> maximises the same criterion with the same <c>image &gt; t</c>
    /// convention, but over the histogram trimmed to the image's [min, max] and in a vectorised order, so
    /// near-ties may resolve to a different level; on all 8 bundled samples the two are equal.
    /// </remarks>
    internal static int Yen(ReadOnlySpan<long> hist)
    {
        int[] data = ToInt(hist);
        double[] p = Normalize(data);
        double[] p1 = Cumulative(p);
        var sq1 = new double[256];
        var sq2 = new double[256];
        sq1[0] = p[0] * p[0];
        for (int i = 1; i < 256; i++) sq1[i] = sq1[i - 1] + p[i] * p[i];
        for (int i = 254; i >= 0; i--) sq2[i] = sq2[i + 1] + p[i + 1] * p[i + 1];

        int best = -1;
        double max = double.Epsilon;
        for (int t = 0; t < 256; t++)
        {
            double a = sq1[t] * sq2[t], b = p1[t] * (1.0 - p1[t]);
            double crit = -1.0 * (a > 0.0 ? Math.Log(a) : 0.0) + 2 * (b > 0.0 ? Math.Log(b) : 0.0);
            if (crit > max) { max = crit; best = t; }
        }
        return best == -1 ? 0 : best;
    }
}
