using SegmentSharp.Histograms;
using SegmentSharp.Imaging;
using SegmentSharp.Thresholding.Global;

namespace SegmentSharp.Thresholding;

/// <summary>The histogram-based global threshold methods of ImageJ's Auto Threshold (plus OpenCV's Otsu and triangle).</summary>
public enum GlobalMethod
{
    /// <summary>ImageJ's "Default": its legacy IsoData variant with a dominant mode tamed (Ridler and Calvard 1978).</summary>
    Default,
    /// <summary>Huang and Wang 1995, fuzzy entropy.</summary>
    Huang,
    /// <summary>Prewitt and Mendelsohn 1966, midpoint of the two modes of the smoothed histogram.</summary>
    Intermodes,
    /// <summary>Ridler and Calvard 1978, iterative intermeans.</summary>
    IsoData,
    /// <summary>Li and Tam 1998, minimum cross entropy.</summary>
    Li,
    /// <summary>Kapur, Sahoo and Wong 1985, maximum entropy.</summary>
    MaxEntropy,
    /// <summary>Glasbey 1993, the mean gray level.</summary>
    Mean,
    /// <summary>Kittler and Illingworth 1986, minimum error.</summary>
    MinError,
    /// <summary>Prewitt and Mendelsohn 1966, valley of the smoothed histogram.</summary>
    Minimum,
    /// <summary>Tsai 1985, moment preserving.</summary>
    Moments,
    /// <summary>Otsu 1979, as OpenCV's THRESH_OTSU (scikit-image's <c>threshold_otsu</c> uses the same <c>image &gt; t</c>
    /// convention and agrees on all bundled samples; ImageJ's own Otsu picks the last of tied maxima and gives 128 instead of 126 on horse).</summary>
    Otsu,
    /// <summary>Doyle 1962, 50 % percentile.</summary>
    Percentile,
    /// <summary>Kapur et al. 1985 / Sahoo et al. 1997, Rényi entropy.</summary>
    RenyiEntropy,
    /// <summary>Shanbhag 1994, information measure.</summary>
    Shanbhag,
    /// <summary>Zack, Rogers and Latt 1977, as OpenCV's THRESH_TRIANGLE (equal to ImageJ's Triangle on the bundled samples;
    /// scikit-image's <c>threshold_triangle</c> places the level one bin differently and is off by ±1 on all of them).</summary>
    Triangle,
    /// <summary>Yen, Chang and Chang 1995, maximum correlation.</summary>
    Yen,
}

/// <summary>
/// Automatic global thresholds computed from a 256-bin gray-level histogram. Foreground is <c>pixel &gt; threshold</c>.
/// </summary>
/// <remarks>
/// <para><see cref="GlobalMethod.Otsu"/> and <see cref="GlobalMethod.Triangle"/> are OpenCV's
/// (<see cref="Threshold.Otsu(ReadOnlySpan{long})"/>, <see cref="Threshold.Triangle(ReadOnlySpan{long})"/>). Every other
/// method returns exactly what ImageJ 1.53's <c>AutoThresholder.getThreshold(method, histogram)</c> returns for the same
/// histogram (its −1 "not found" already mapped to 0, as ImageJ does). ImageJ's <c>setAutoThreshold(method, darkBackground: true)</c>
/// then selects levels <c>[t + 1, 255]</c> for every method alike, so an ImageJ level is directly our
/// <c>pixel &gt; t</c> threshold; with a light background ImageJ selects <c>[0, t]</c>, the complement.</para>
/// <para>Where ImageJ 1.53 fails instead of returning (Intermodes on an empty histogram throws; Li and MinError can in principle
/// iterate forever), these return 0, respectively the level reached after 1000 steps. Counts are used as ImageJ's 32-bit ints;
/// IsoData and MinError reproduce ImageJ's int arithmetic, wrap-around included, so a histogram of a very large image gives
/// ImageJ's (overflowed) answer. Results are 0..255 except that MinError can return a level outside it when ImageJ does, and
/// Triangle can return −1 or 256 as OpenCV does; <c>pixel &gt; t</c> stays meaningful for those.</para>
/// </remarks>
public static class GlobalThreshold
{
    /// <summary>The threshold of <paramref name="histogram256"/> (bin <c>i</c> counts gray level <c>i</c>) by <paramref name="method"/>.</summary>
    /// <exception cref="ArgumentException">The histogram does not have exactly 256 bins, or a bin is negative.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="method"/> is not a defined <see cref="GlobalMethod"/>.</exception>
    public static int Compute(GlobalMethod method, ReadOnlySpan<long> histogram256)
    {
        if (histogram256.Length != 256)
            throw new ArgumentException($"Need a 256-bin histogram, got {histogram256.Length} bins.", nameof(histogram256));
        for (int i = 0; i < 256; i++)
            if (histogram256[i] < 0)
                throw new ArgumentException($"Histogram bin {i} is negative ({histogram256[i]}).", nameof(histogram256));
        int t = method switch
        {
            GlobalMethod.Default => ImageJMethods.Default(histogram256),
            GlobalMethod.Huang => ImageJMethods.Huang(histogram256),
            GlobalMethod.Intermodes => ImageJMethods.Intermodes(histogram256),
            GlobalMethod.IsoData => ImageJMethods.IsoData(histogram256),
            GlobalMethod.Li => ImageJMethods.Li(histogram256),
            GlobalMethod.MaxEntropy => ImageJMethods.MaxEntropy(histogram256),
            GlobalMethod.Mean => ImageJMethods.Mean(histogram256),
            GlobalMethod.MinError => ImageJMethods.MinError(histogram256),
            GlobalMethod.Minimum => ImageJMethods.Minimum(histogram256),
            GlobalMethod.Moments => ImageJMethods.Moments(histogram256),
            GlobalMethod.Otsu => Threshold.Otsu(histogram256),
            GlobalMethod.Percentile => ImageJMethods.Percentile(histogram256),
            GlobalMethod.RenyiEntropy => ImageJMethods.RenyiEntropy(histogram256),
            GlobalMethod.Shanbhag => ImageJMethods.Shanbhag(histogram256),
            GlobalMethod.Triangle => Threshold.Triangle(histogram256),
            GlobalMethod.Yen => ImageJMethods.Yen(histogram256),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown global threshold method."),
        };
        // ImageJ's getThreshold reports "not found" (−1) as 0; OpenCV's triangle keeps its −1.
        return t == -1 && method != GlobalMethod.Triangle ? 0 : t;
    }

    /// <summary>The threshold of a single-channel 8-bit image by <paramref name="method"/>, from its histogram (<see cref="Histogram.Compute(ReadOnlyImageView{byte}, Span{long})"/>).</summary>
    /// <exception cref="ArgumentException"><paramref name="gray"/> has more than one channel.</exception>
    public static int Compute(GlobalMethod method, ReadOnlyImageView<byte> gray)
    {
        Span<long> hist = stackalloc long[256];
        Histogram.Compute(gray, hist);
        return Compute(method, hist);
    }

    /// <summary>
    /// The threshold of a single-channel 16-bit image by <paramref name="method"/>, following ImageJ 1.53's
    /// <c>ImageProcessor.setAutoThreshold(method, darkBackground: true, …)</c> for 16-bit images.
    /// </summary>
    /// <remarks>
    /// <para>ImageJ scales the image's own range [min, max] to 8 bits — <c>b = min(255, (int)((v − min)·256 / (max − min + 1) + 0.5))</c> —
    /// thresholds that 256-bin histogram to level <c>t</c>, and maps the 8-bit lower bound <c>t + 1</c> (at most 255) back as
    /// <c>lower = round(min + (t + 1) / 255 · (max − min))</c> (Java rounding, half up); pixels ≥ <c>lower</c> are foreground.
    /// This returns <c>lower − 1</c>, so foreground stays <c>pixel &gt; threshold</c> and equals ImageJ's selection. A constant image
    /// gives <c>min − 1</c> (ImageJ selects every pixel).</para>
    /// <para><see cref="GlobalMethod.Otsu"/> instead searches all 65536 levels exactly as OpenCV's 16-bit <c>THRESH_OTSU</c>
    /// (<see cref="Threshold.Otsu(ReadOnlyImageView{ushort})"/>). OpenCV has no 16-bit triangle, so <see cref="GlobalMethod.Triangle"/>
    /// uses the ImageJ mapping above with OpenCV's 8-bit triangle level (clamped to 0..255 first).</para>
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="gray"/> has more than one channel.</exception>
    public static int Compute(GlobalMethod method, ReadOnlyImageView<ushort> gray)
    {
        ImageGuard.SingleChannel(gray, nameof(gray));
        if (method == GlobalMethod.Otsu) return Threshold.Otsu(gray);
        long[] full = Histogram.Compute(gray);
        int min = 0, max = 65535;
        while (min < 65535 && full[min] == 0) min++;
        while (max > 0 && full[max] == 0) max--;
        if (min > max) return -1; // no pixels at all
        if (min == max) return min - 1;

        Span<long> hist = stackalloc long[256];
        hist.Clear();
        double scale = 256.0 / (max - min + 1);
        for (int v = min; v <= max; v++)
        {
            if (full[v] == 0) continue;
            int b = (int)((v - min) * scale + 0.5);
            hist[b > 255 ? 255 : b] += full[v];
        }
        int t = Compute(method, hist);
        double lower8 = Math.Min((double)t + 1, 255.0);
        if (lower8 < 0) lower8 = 0;
        double lower = min + lower8 / 255.0 * (max - min);
        return (int)Math.Floor(lower + 0.5) - 1;
    }
}
