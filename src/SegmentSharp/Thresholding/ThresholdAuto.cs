using SegmentSharp.Histograms;
using SegmentSharp.Imaging;

namespace SegmentSharp.Thresholding;

public static partial class Threshold
{
    /// <summary>C's FLT_EPSILON (2^-23), which OpenCV's Otsu uses in double precision to skip empty classes.</summary>
    private const double FltEpsilon = 1.1920928955078125E-07;

    /// <summary>Otsu's threshold of an 8-bit gray image (Otsu 1979), as OpenCV's <c>THRESH_OTSU</c> computes it.</summary>
    /// <remarks>Equivalent to the value returned by <c>cv2.threshold(src, 0, 255, THRESH_BINARY | THRESH_OTSU)</c>; see <see cref="Otsu(ReadOnlySpan{long})"/>.</remarks>
    /// <exception cref="ArgumentException"><paramref name="src"/> has more than one channel.</exception>
    public static int Otsu(ReadOnlyImageView<byte> src)
    {
        Span<long> hist = stackalloc long[256];
        Histogram.Compute(src, hist);
        return Otsu(hist);
    }

    /// <summary>
    /// Otsu's threshold of a 16-bit gray image (Otsu 1979), searched over all 65536 levels as OpenCV 4.13's
    /// <c>THRESH_OTSU</c> does for <c>CV_16UC1</c>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="src"/> has more than one channel.</exception>
    public static int Otsu(ReadOnlyImageView<ushort> src) => Otsu(Histogram.Compute(src));

    /// <summary>
    /// Otsu's threshold (N. Otsu, "A Threshold Selection Method from Gray-Level Histograms", 1979) of a
    /// histogram whose bin <c>i</c> counts level <c>i</c>, bit-exact with OpenCV's <c>getThreshVal_Otsu</c>.
    /// </summary>
    /// <remarks>
    /// Replicates OpenCV's arithmetic order: the class probability q1 and mean mu1 are updated incrementally in
    /// double precision, levels where either class probability is within FLT_EPSILON of 0 or 1 are skipped,
    /// and the first level with the strictly largest between-class variance q1·q2·(mu1−mu2)² wins.
    /// Foreground is <c>level &gt; threshold</c>. Returns 0 when no level separates two non-empty classes.
    /// </remarks>
    /// <exception cref="ArgumentException">A bin of <paramref name="hist"/> is negative.</exception>
    public static int Otsu(ReadOnlySpan<long> hist)
    {
        int n = hist.Length;
        long count = 0;
        double mu = 0;
        for (int i = 0; i < n; i++)
        {
            if (hist[i] < 0) throw new ArgumentException($"Histogram bin {i} is negative ({hist[i]}).", nameof(hist));
            count += hist[i];
            mu += i * (double)hist[i];
        }
        double scale = 1.0 / count;
        mu *= scale;

        double mu1 = 0, q1 = 0, maxSigma = 0;
        int best = 0;
        for (int i = 0; i < n; i++)
        {
            double p = hist[i] * scale;
            // mu1 holds the class-1 mean; turning it back into a weighted sum before q1 grows is
            // OpenCV's order and must stay, including on skipped levels.
            mu1 *= q1;
            q1 += p;
            double q2 = 1.0 - q1;
            double lo = q2 < q1 ? q2 : q1, hi = q1 < q2 ? q2 : q1;
            if (lo < FltEpsilon || hi > 1.0 - FltEpsilon) continue;
            mu1 = (mu1 + i * p) / q1;
            double mu2 = (mu - q1 * mu1) / q2;
            double d = mu1 - mu2;
            double sigma = q1 * q2 * d * d;
            if (sigma > maxSigma)
            {
                maxSigma = sigma;
                best = i;
            }
        }
        return best;
    }

    /// <summary>Triangle threshold of an 8-bit gray image (Zack 1977), as OpenCV's <c>THRESH_TRIANGLE</c> computes it.</summary>
    /// <remarks>Equivalent to the value returned by <c>cv2.threshold(src, 0, 255, THRESH_BINARY | THRESH_TRIANGLE)</c>; see <see cref="Triangle(ReadOnlySpan{long})"/>.</remarks>
    /// <exception cref="ArgumentException"><paramref name="src"/> has more than one channel.</exception>
    public static int Triangle(ReadOnlyImageView<byte> src)
    {
        Span<long> hist = stackalloc long[256];
        Histogram.Compute(src, hist);
        return Triangle(hist);
    }

    /// <summary>
    /// Triangle threshold (G. W. Zack, W. E. Rogers, S. A. Latt, "Automatic measurement of sister chromatid
    /// exchange frequency", 1977) of a histogram, bit-exact with OpenCV's <c>getThreshVal_Triangle_8u</c>
    /// (scikit-image's <c>threshold_triangle</c> differs in details).
    /// </summary>
    /// <remarks>
    /// The line runs from the histogram peak (first maximum) to one bin beyond the far end of the occupied
    /// range; when the longer tail lies on the right the histogram is mirrored so the search always runs
    /// leftwards. The level with the largest distance from that line (first one on ties) minus one is the
    /// threshold, mirrored back if needed — so the result can be −1 or <c>hist.Length</c>, as in OpenCV.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="hist"/> has fewer than 2 bins or a negative count.</exception>
    public static int Triangle(ReadOnlySpan<long> hist)
    {
        int n = hist.Length;
        if (n < 2) throw new ArgumentException("A triangle threshold needs at least 2 bins.", nameof(hist));

        for (int i = 0; i < n; i++)
            if (hist[i] < 0) throw new ArgumentException($"Histogram bin {i} is negative ({hist[i]}).", nameof(hist));

        int left = 0, right = 0, peak = 0;
        long peakCount = 0;
        for (int i = 0; i < n; i++)
            if (hist[i] > 0) { left = i; break; }
        if (left > 0) left--;
        // OpenCV stops this scan before bin 0, so an image of zeros gets right = 0 (then 1).
        for (int i = n - 1; i > 0; i--)
            if (hist[i] > 0) { right = i; break; }
        if (right < n - 1) right++;
        for (int i = 0; i < n; i++)
            if (hist[i] > peakCount) { peakCount = hist[i]; peak = i; }

        bool flipped = peak - left < right - peak;
        if (flipped)
        {
            left = n - 1 - right;
            peak = n - 1 - peak;
        }

        // Distances are compared up to a positive factor: max·i + (left − peak)·h[i], all exact in double.
        double a = peakCount, b = left - peak, dist = 0;
        int thresh = left;
        for (int i = left + 1; i <= peak; i++)
        {
            long h = flipped ? hist[n - 1 - i] : hist[i];
            double d = a * i + b * h;
            if (d > dist)
            {
                dist = d;
                thresh = i;
            }
        }
        thresh--;
        return flipped ? n - 1 - thresh : thresh;
    }
}
