using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using SegmentSharp.Histograms;
using SegmentSharp.Imaging;

namespace SegmentSharp.Thresholding;

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
        float[] table = BetweenClassTable(prob, out int[] offsets);
        int[] best = Search(table, offsets, n, k);
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
    /// The between-class terms S(i..j)² / P(i..j) in single precision, flattened row by row: entry (i, j) for j ≥ i is at
    /// <c>offsets[i] + j</c>. S and P are differences of the running first and zeroth moments (0 where the class is empty).
    /// As in scikit-image, the running first moment starts at prob[0] (not 0·prob[0]) and the entry (0, 0) stays 0.
    /// </summary>
    private static float[] BetweenClassTable(float[] prob, out int[] offsets)
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
        offsets = new int[n];
        for (int i = 1; i < n; i++) offsets[i] = offsets[i - 1] + (n - (i - 1)) - 1;
        var table = new float[n * (n + 1) / 2];
        for (int j = 1; j < n; j++)
            if (p[j] > 0) table[j] = s[j] * s[j] / p[j];
        for (int i = 1; i < n; i++)
            for (int j = i; j < n; j++)
            {
                float pij = p[j] - p[i - 1];
                if (pij > 0)
                {
                    float sij = s[j] - s[i - 1];
                    table[offsets[i] + j] = sij * sij / pij;
                }
            }
        return table;
    }

    /// <summary>
    /// Exhaustive search over ascending split indices t0 &lt; … &lt; t(k−1) ≤ n − 2 in scikit-image's lexicographic order.
    /// Each candidate scores ((H(0,t0) + H(t_last+1, n−1)) + H(t0+1, t1)) + … in exactly that float order, and only a strict
    /// improvement replaces the best, so ties resolve to the first candidate as in scikit-image.
    /// </summary>
    private static int[] Search(float[] table, int[] offsets, int n, int k)
    {
        // tail[t] = H(t + 1, n − 1), the last class when the last split is t.
        var tail = new float[n - 1];
        for (int t = 0; t < n - 1; t++) tail[t] = table[offsets[t + 1] + n - 1];
        var best = new int[k];
        var current = new int[k];
        float bestSigma = 0;
        if (k == 1)
        {
            for (int t0 = 0; t0 < n - 1; t0++)
            {
                float sigma = table[t0] + tail[t0];
                if (sigma > bestSigma) { bestSigma = sigma; best[0] = t0; }
            }
            return best;
        }
        Recurse(table, offsets, tail, n, k, 0, 0, current, best, ref bestSigma);
        return best;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Recurse(float[] table, int[] offsets, float[] tail, int n, int k, int start, int depth,
        int[] current, int[] best, ref float bestSigma)
    {
        if (depth < k - 2)
        {
            for (int idx = start; idx < n - k + depth; idx++)
            {
                current[depth] = idx;
                Recurse(table, offsets, tail, n, k, idx + 1, depth + 1, current, best, ref bestSigma);
            }
            return;
        }
        // The last two splits are looped here directly; terms of the outer splits are fixed for the whole block.
        Span<float> fixedTerms = stackalloc float[k];
        int nFixed = 0;
        float head = table[current[0]];
        for (int m = 0; m < k - 3; m++)
            fixedTerms[nFixed++] = table[offsets[current[m] + 1] + current[m + 1]];
        if (k > 2) nFixed++; // slot for the class ending at split u, filled per u below
        int prevSplit = k == 2 ? -1 : current[k - 3];
        for (int u = start; u < n - 2; u++)
        {
            float first = k == 2 ? table[u] : head;
            if (k > 2) fixedTerms[nFixed - 1] = table[offsets[prevSplit + 1] + u];
            int count = n - 2 - u;
            int hit = BlockArgMax(tail.AsSpan(u + 1, count), table.AsSpan(offsets[u + 1] + u + 1, count), first,
                fixedTerms[..nFixed], ref bestSigma);
            if (hit >= 0)
            {
                for (int m = 0; m < k - 2; m++) best[m] = current[m];
                best[k - 2] = u;
                best[k - 1] = u + 1 + hit;
            }
        }
    }

    /// <summary>
    /// Scores v = 0..count−1 as ((first + tail[v]) + fixed[0] + … ) + last[v], left to right in float, and returns the
    /// index of the last strict improvement over <paramref name="bestSigma"/> (updated), or −1. Vectorised across v: each
    /// lane performs the scalar twin's operations in the same order, so the sums are bit-identical.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int BlockArgMax(ReadOnlySpan<float> tail, ReadOnlySpan<float> last, float first, ReadOnlySpan<float> fixedTerms, ref float bestSigma)
    {
        int hit = -1, v = 0;
        if (Vector256.IsHardwareAccelerated && tail.Length >= Vector256<float>.Count)
        {
            var vFirst = Vector256.Create(first);
            ref float t0 = ref MemoryMarshal.GetReference(tail);
            ref float l0 = ref MemoryMarshal.GetReference(last);
            for (; v <= tail.Length - Vector256<float>.Count; v += Vector256<float>.Count)
            {
                var sigma = vFirst + Vector256.LoadUnsafe(ref t0, (nuint)v);
                for (int m = 0; m < fixedTerms.Length; m++) sigma += Vector256.Create(fixedTerms[m]);
                sigma += Vector256.LoadUnsafe(ref l0, (nuint)v);
                if (Vector256.GreaterThanAny(sigma, Vector256.Create(bestSigma)))
                    for (int lane = 0; lane < Vector256<float>.Count; lane++)
                    {
                        float x = sigma.GetElement(lane);
                        if (x > bestSigma) { bestSigma = x; hit = v + lane; }
                    }
            }
        }
        int h = BlockArgMaxScalar(tail[v..], last[v..], first, fixedTerms, ref bestSigma);
        return h >= 0 ? v + h : hit;
    }

    /// <summary>Scalar twin of <see cref="BlockArgMax"/>.</summary>
    internal static int BlockArgMaxScalar(ReadOnlySpan<float> tail, ReadOnlySpan<float> last, float first, ReadOnlySpan<float> fixedTerms, ref float bestSigma)
    {
        int hit = -1;
        for (int v = 0; v < tail.Length; v++)
        {
            float sigma = first + tail[v];
            for (int m = 0; m < fixedTerms.Length; m++) sigma += fixedTerms[m];
            sigma += last[v];
            if (sigma > bestSigma) { bestSigma = sigma; hit = v; }
        }
        return hit;
    }
}
