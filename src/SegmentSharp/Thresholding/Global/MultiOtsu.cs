using System.Runtime.CompilerServices;
using SegmentSharp.Histograms;
using SegmentSharp.Imaging;

namespace SegmentSharp.Thresholding.Global;

/// <summary>
/// Multi-level Otsu thresholding (N. Otsu 1979, extended to K classes; P.-S. Liao, T.-S. Chen and P.-C. Chung,
/// "A fast algorithm for multilevel thresholding", Journal of Information Science and Engineering 17(5):713–727, 2001),
/// equal to scikit-image's <c>skimage.filters.threshold_multiotsu(image, classes=K)</c> (0.19).
/// </summary>
/// <remarks>
/// Like scikit-image, the histogram is trimmed to the occupied range [min, max], normalised to single-precision
/// probabilities, and every ordered choice of K − 1 split indices is scored by summing the single-precision
/// between-class terms S²/P of a lookup table in scikit-image's order; the first strict maximum wins. The arithmetic is
/// kept in <c>float</c> deliberately: near-ties then resolve exactly as in scikit-image.
/// Class <c>i</c> holds the levels <c>t[i−1] &lt; v ≤ t[i]</c>, i.e. the label of a pixel is the number of thresholds it
/// is greater than (<c>np.digitize(image, thresholds, right=True)</c>). The scikit-image documentation example uses
/// <c>np.digitize(image, bins=thresholds)</c> (right=False), which puts a pixel equal to a threshold in the upper class
/// instead; we keep the "pixel &gt; threshold" convention used everywhere else.
/// The exhaustive search costs C(n − 1, K − 1) evaluations for n occupied levels (~1.7·10⁸ for K = 5 on a full 8-bit range).
/// </remarks>
public static class MultiOtsu
{
    /// <summary>The K − 1 ascending thresholds splitting <paramref name="histogram"/> (bin <c>i</c> counts level <c>i</c>) into <paramref name="classes"/> classes.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is below 2.</exception>
    /// <exception cref="ArgumentException">A bin is negative, or fewer than <paramref name="classes"/> distinct levels are occupied
    /// (scikit-image raises a ValueError there too).</exception>
    public static int[] Thresholds(ReadOnlySpan<long> histogram, int classes)
    {
        if (classes < 2) throw new ArgumentOutOfRangeException(nameof(classes), classes, "Multi-Otsu needs at least 2 classes.");
        int first = -1, last = -1, occupied = 0;
        double total = 0;
        for (int i = 0; i < histogram.Length; i++)
        {
            long c = histogram[i];
            if (c < 0) throw new ArgumentException($"Histogram bin {i} is negative ({c}).", nameof(histogram));
            if (c == 0) continue;
            if (first < 0) first = i;
            last = i;
            occupied++;
            total += c;
        }
        if (occupied < classes)
            throw new ArgumentException($"The histogram has only {occupied} different values; it cannot be split into {classes} classes.", nameof(histogram));

        int k = classes - 1;
        var result = new int[k];
        if (occupied == classes)
        {
            // Each occupied level is its own class: split after every occupied level but the last.
            int j = 0;
            for (int i = first; i < last && j < k; i++)
                if (histogram[i] != 0) result[j++] = i;
            return result;
        }

        int n = last - first + 1;
        var prob = new float[n];
        for (int i = 0; i < n; i++) prob[i] = (float)(histogram[first + i] / total);
        float[][] table = BetweenClassTable(prob);
        var current = new int[k];
        var best = new int[k];
        float bestSigma = 0;
        Search(table, n, k, 0, 0, current, best, ref bestSigma);
        for (int i = 0; i < k; i++) result[i] = best[i] + first;
        return result;
    }

    /// <summary>
    /// Labels every pixel of a single-channel 8-bit image with its multi-Otsu class 0..K−1 (the number of thresholds the
    /// pixel is greater than), thresholds from <see cref="Thresholds"/> on the image's histogram.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="gray"/> has more than one channel or fewer than <paramref name="classes"/> distinct values.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is below 2 or above 256.</exception>
    public static Image<byte> Apply(ReadOnlyImageView<byte> gray, int classes)
    {
        ImageGuard.SingleChannel(gray, nameof(gray));
        if (classes > 256) throw new ArgumentOutOfRangeException(nameof(classes), classes, "An 8-bit image has at most 256 classes.");
        int[] t = Thresholds(Histogram.Compute(gray), classes);
        Span<byte> lut = stackalloc byte[256];
        for (int v = 0, label = 0; v < 256; v++)
        {
            while (label < t.Length && v > t[label]) label++;
            lut[v] = (byte)label;
        }
        var dst = new Image<byte>(gray.Width, gray.Height);
        for (int y = 0; y < gray.Height; y++)
        {
            ReadOnlySpan<byte> src = gray.Row(y);
            Span<byte> row = dst.Row(y);
            for (int x = 0; x < src.Length; x++) row[x] = lut[src[x]];
        }
        return dst;
    }

    /// <summary>
    /// table[i][j − i] = S(i..j)² / P(i..j) in single precision, S and P being differences of the running first and
    /// zeroth moments (0 where the class is empty). As in scikit-image, the running first moment starts at prob[0]
    /// (not 0·prob[0]) and the entry for the class [0, 0] stays 0.
    /// </summary>
    private static float[][] BetweenClassTable(float[] prob)
    {
        int n = prob.Length;
        var p = new float[n];
        var s = new float[n];
        p[0] = prob[0];
        s[0] = prob[0];
        for (int i = 1; i < n; i++)
        {
            p[i] = p[i - 1] + prob[i];
            s[i] = s[i - 1] + i * prob[i];
        }
        var table = new float[n][];
        table[0] = new float[n];
        for (int j = 1; j < n; j++)
            if (p[j] > 0) table[0][j] = s[j] * s[j] / p[j];
        for (int i = 1; i < n; i++)
        {
            var row = table[i] = new float[n - i];
            for (int j = i; j < n; j++)
            {
                float pij = p[j] - p[i - 1];
                if (pij > 0)
                {
                    float sij = s[j] - s[i - 1];
                    row[j - i] = sij * sij / pij;
                }
            }
        }
        return table;
    }

    /// <summary>Exhaustive search over ascending split indices in scikit-image's (lexicographic) order and summation order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Search(float[][] h, int n, int k, int start, int depth, int[] current, int[] best, ref float bestSigma)
    {
        if (depth < k - 1)
        {
            for (int idx = start; idx < n - k + depth; idx++)
            {
                current[depth] = idx;
                Search(h, n, k, idx + 1, depth + 1, current, best, ref bestSigma);
            }
            return;
        }
        // Innermost split: sigma = H[0, t0] + H[t_last + 1, n − 1] + Σ H[t_i + 1, t_(i+1)], added in that order.
        float first = h[0][k == 1 ? 0 : current[0]];
        for (int idx = start; idx < n - 1; idx++)
        {
            current[depth] = idx;
            float sigma = (k == 1 ? h[0][idx] : first) + h[idx + 1][n - 1 - (idx + 1)];
            for (int m = 0; m < k - 1; m++)
            {
                int a = current[m] + 1, b = current[m + 1];
                sigma += h[a][b - a];
            }
            if (sigma > bestSigma)
            {
                bestSigma = sigma;
                current.AsSpan(0, k).CopyTo(best);
            }
        }
    }
}
