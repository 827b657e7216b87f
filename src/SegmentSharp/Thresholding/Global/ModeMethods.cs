namespace SegmentSharp.Thresholding.Global;

internal static partial class ImageJMethods
{
    /// <summary>ImageJ gives up smoothing after this many passes (the histogram never became bimodal).</summary>
    private const int MaxSmoothingPasses = 10000;

    /// <summary>
    /// Intermodes (J. M. S. Prewitt and M. L. Mendelsohn, "The analysis of cell images", Annals of the New York
    /// Academy of Sciences 128:1035–1053, 1966): the occupied range of the histogram is smoothed by a 3-point
    /// running mean until exactly two local maxima remain; the threshold is the floor of their midpoint.
    /// No scikit-image equivalent.
    /// </summary>
    /// <remarks>
    /// Returns 0 when no bimodal smoothing is reached within 10000 passes (ImageJ's −1, which its
    /// <c>getThreshold</c> maps to 0) and for an empty histogram (where ImageJ 1.53 throws an index exception).
    /// </remarks>
    internal static int Intermodes(ReadOnlySpan<long> hist)
    {
        int[] data = ToInt(hist);
        int lo = -1, hi = -1;
        for (int i = 0; i < 256; i++)
            if (data[i] > 0) { hi = i; if (lo < 0) lo = i; }
        if (lo < 0) return 0;
        int n = hi - lo + 1;
        var h = new double[n];
        for (int i = 0; i < n; i++) h[i] = data[lo + i];

        for (int pass = 0; !IsBimodal(h); pass++)
        {
            if (pass == MaxSmoothingPasses) return 0;
            // In-place running mean with zero padding, carrying the two unsmoothed neighbours along.
            double prev = 0, cur = 0, next = h[0];
            for (int i = 0; i < n - 1; i++)
            {
                prev = cur;
                cur = next;
                next = h[i + 1];
                h[i] = (prev + cur + next) / 3;
            }
            h[n - 1] = (cur + next) / 3;
        }

        int peakSum = 0;
        for (int i = 1; i < n - 1; i++)
            if (h[i - 1] < h[i] && h[i + 1] < h[i]) peakSum += i;
        return (int)Math.Floor(peakSum / 2.0) + lo;
    }

    /// <summary>
    /// Minimum (J. M. S. Prewitt and M. L. Mendelsohn 1966): the full 256-bin histogram is smoothed by a 3-point
    /// running mean until exactly two local maxima remain; the threshold is the first valley bin
    /// (<c>h[t−1] &gt; h[t] ≤ h[t+1]</c>). Returns 0 when that never happens within 10000 passes (ImageJ's −1 → 0).
    /// </summary>
    /// <remarks>
    /// scikit-image's <c>threshold_minimum</c> also smooths until two maxima remain, but with
    /// <c>scipy.ndimage.uniform_filter1d</c> (edge-reflecting, not zero-padded) over the image's own range and
    /// returns the arg-min between the two peaks; both use <c>image &gt; t</c>, yet the chosen level can differ (bundled samples:
    /// equal on 5 of 8; scikit-image raises on chelsea where this returns 0; horse 74 vs 149, text 69 vs 192).
    /// </remarks>
    internal static int Minimum(ReadOnlySpan<long> hist)
    {
        var h = new double[256];
        for (int i = 0; i < 256; i++) h[i] = unchecked((int)hist[i]);
        var tmp = new double[256];
        for (int pass = 0; !IsBimodal(h); pass++)
        {
            if (pass == MaxSmoothingPasses) return 0;
            for (int i = 1; i < 255; i++) tmp[i] = (h[i - 1] + h[i] + h[i + 1]) / 3;
            tmp[0] = (h[0] + h[1]) / 3;
            tmp[255] = (h[254] + h[255]) / 3;
            (h, tmp) = (tmp, h);
        }
        for (int i = 1; i < 255; i++)
            if (h[i - 1] > h[i] && h[i + 1] >= h[i]) return i;
        return 0;
    }

    /// <summary>True when <paramref name="y"/> has exactly two strict local maxima (interior bins only).</summary>
    private static bool IsBimodal(double[] y)
    {
        int modes = 0;
        for (int k = 1; k < y.Length - 1; k++)
            if (y[k - 1] < y[k] && y[k + 1] < y[k] && ++modes > 2) return false;
        return modes == 2;
    }
}
