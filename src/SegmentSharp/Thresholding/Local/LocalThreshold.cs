using SegmentSharp.Imaging;

namespace SegmentSharp.Thresholding.Local;

/// <summary>
/// Local (window-based) binarization of 8-bit gray images: each pixel gets its own threshold T from the statistics of
/// the w×w window centred on it, and the mask is <c>pixel &gt; T ? 255 : 0</c>, so bright pixels (paper) become 255 and
/// dark text 0, as in every other threshold of this library.
/// </summary>
/// <remarks>
/// <para>All methods share one streaming engine: window sums Σp and Σp² (mean m, standard deviation s) and window
/// minimum/maximum, computed row by row with running column sums (van Herk / Gil–Werman for the extrema). Working
/// memory is O(width) for the mean/std methods and O(width × window) bytes for the min/max methods, never a full-size
/// integral or float image, and the time per pixel does not depend on the window. Rows run in parallel bands
/// (<see cref="Parallelism"/>).</para>
/// <para>When only the mask is asked for (no <c>threshold</c> image) and the window is at most 257 and narrower than
/// twice the width, a fused vector path decides each pixel without materialising m, s or T: the mean/deviation
/// methods compare squares built from the exact integer N·Σp² − (Σp)² and recompute, with the formula below, only the
/// rare pixels within about 1e-6 of T; the min/max methods decide in integers. On AVX-512 machines Niblack, Sauvola,
/// Wolf and Phansalkar first decide sixteen pixels at a time in float32 with a proven error bound and pass only the
/// undecided ones on. Its mask is identical, pixel for pixel, to <c>pixel &gt; T</c> with T as the <c>threshold</c> image reports it (for Niblack and Sauvola, scikit-image's
/// float64 T).</para>
/// <para>Borders follow scikit-image's <c>threshold_niblack</c>/<c>threshold_sauvola</c> exactly: the image is padded
/// with numpy's <c>'reflect'</c> mode (OpenCV's <c>BORDER_REFLECT_101</c>, repeated when the window is larger than the
/// image), and every window holds w² samples. s is the population standard deviation.</para>
/// <para>Every method takes an optional <c>threshold</c> image (float64, same size) that receives the surface T itself,
/// for inspection or for comparison with other tools.</para>
/// </remarks>
public static partial class LocalThreshold
{
    /// <summary>
    /// Niblack (1986): <c>T = m − k·s</c>. Equal, T value for T value, to scikit-image's
    /// <c>skimage.filters.threshold_niblack(image, window_size, k)</c> (same padding, same float64 arithmetic).
    /// ImageJ's Auto Local Threshold "Niblack" uses a circular window and truncates T to an integer; Doxa also
    /// implements Niblack.
    /// </summary>
    /// <param name="src">8-bit single-channel image (any stride).</param>
    /// <param name="window">Odd window size w ≥ 3 (may exceed the image); default 15 as in scikit-image.</param>
    /// <param name="k">Weight of the deviation; default 0.2 as in scikit-image (Niblack suggests −0.2 for dark text
    /// when the foreground is taken as <c>pixel &lt; T</c>).</param>
    /// <param name="threshold">Optional W×H float64 image that receives T.</param>
    /// <returns>The mask: 255 where <c>pixel &gt; T</c>, else 0.</returns>
    public static Image<byte> Niblack(ReadOnlyImageView<byte> src, int window = 15, double k = 0.2, Image<double>? threshold = null)
        => LocalDriver.ApplyMoments(src, window, new NiblackRule(k), threshold);

    /// <summary>
    /// Sauvola and Pietikäinen (2000), "Adaptive document image binarization", Pattern Recognition 33(2):
    /// <c>T = m·(1 + k·(s/R − 1))</c>. Equal to scikit-image's <c>threshold_sauvola(image, window_size, k, r)</c>, whose
    /// default R for uint8 is half the dtype range, 127.5 (the paper and ImageJ use 128).
    /// ImageJ's version uses a circular window and k = 0.5 by default.
    /// </summary>
    /// <param name="src">8-bit single-channel image.</param>
    /// <param name="window">Odd window size ≥ 3; default 15 (scikit-image).</param>
    /// <param name="k">Default 0.2 (scikit-image).</param>
    /// <param name="r">Dynamic range of the standard deviation; default 127.5 (scikit-image for uint8).</param>
    /// <param name="threshold">Optional W×H float64 image that receives T.</param>
    /// <returns>The mask: 255 where <c>pixel &gt; T</c>.</returns>
    public static Image<byte> Sauvola(ReadOnlyImageView<byte> src, int window = 15, double k = 0.2, double r = 127.5,
        Image<double>? threshold = null)
    {
        if (!(r > 0) || double.IsInfinity(r)) throw new ArgumentOutOfRangeException(nameof(r), r, "R must be a positive number.");
        return LocalDriver.ApplyMoments(src, window, new SauvolaRule(k, r), threshold);
    }

    /// <summary>
    /// Wolf and Jolion (2004; ICPR 2002 "Text localization, enhancement and binarization in multimedia documents"):
    /// <c>T = (1 − k)·m + k·M + k·(s / Smax)·(m − M)</c>, where M is the minimum gray level of the whole image and Smax
    /// the largest local standard deviation. Two streaming passes: the first finds Smax, the second thresholds.
    /// A flat image (Smax = 0) uses s/Smax = 0. Doxa implements it as "Wolf"; neither ImageJ nor
    /// scikit-image has it.
    /// </summary>
    /// <param name="src">8-bit single-channel image.</param>
    /// <param name="window">Odd window size ≥ 3; default 15.</param>
    /// <param name="k">Default 0.5, the value of the paper.</param>
    /// <param name="threshold">Optional W×H float64 image that receives T.</param>
    public static Image<byte> Wolf(ReadOnlyImageView<byte> src, int window = 15, double k = 0.5, Image<double>? threshold = null)
        => LocalDriver.ApplyMoments(src, window, WolfFor(src, window, k), threshold);

    /// <summary>Wolf's rule for this image: its global minimum M and largest local deviation Smax (first pass).</summary>
    private static WolfRule WolfFor(ReadOnlyImageView<byte> src, int window, double k)
    {
        ImageGuard.SingleChannel(src, nameof(src));
        LocalDriver.CheckWindow(window);
        int globalMin = 255;
        for (int y = 0; y < src.Height && globalMin > 0; y++)
        {
            var row = src.Row(y);
            for (int x = 0; x < row.Length; x++) if (row[x] < globalMin) globalMin = row[x];
        }
        double smax;
        unsafe
        {
            fixed (byte* ps = src.Data)
                smax = LocalDriver.MaxStd(new LocalPlane(ps, src.Width, src.Height, src.Stride), window);
        }
        return new WolfRule(k, globalMin, smax);
    }

    /// <summary>
    /// NICK, Khurshid et al. (2009), "Comparison of Niblack inspired binarization methods for ancient documents",
    /// DRR XVI: <c>T = m + k·√((Σp² − m²) / NP)</c> over the NP = w² window pixels, as the paper writes it (so
    /// ≈ <c>m + k·√(s² + m²)</c>). Doxa implements it as "Nick"; ImageJ and scikit-image lack it.
    /// </summary>
    /// <param name="src">8-bit single-channel image.</param>
    /// <param name="window">Odd window size ≥ 3; default 15 (the paper recommends 15–19).</param>
    /// <param name="k">Default −0.1 (the paper's −0.1…−0.2).</param>
    /// <param name="threshold">Optional W×H float64 image that receives T.</param>
    public static Image<byte> Nick(ReadOnlyImageView<byte> src, int window = 15, double k = -0.1, Image<double>? threshold = null)
        => LocalDriver.ApplyMoments(src, window, new NickRule(k), threshold);

    /// <summary>
    /// Bradley and Roth (2007), "Adaptive thresholding using the integral image", J. Graphics Tools 12(2):
    /// a pixel is background where <c>pixel ≤ m·(1 − t)</c>, i.e. <c>T = m·(1 − t)</c>. Unlike ImageSharp's
    /// <c>AdaptiveThresholdProcessor</c> (fixed at width/8) the window is settable; unlike the paper, border windows are
    /// reflected (w² samples) rather than clipped. OpenCV's <c>adaptiveThreshold</c> MEAN is the additive analogue.
    /// </summary>
    /// <param name="src">8-bit single-channel image.</param>
    /// <param name="window">Odd window size ≥ 3, or 0 (default) for the paper's width/8 (made odd, at least 3).</param>
    /// <param name="t">Fraction below the mean; default 0.15 (the paper's 15%).</param>
    /// <param name="threshold">Optional W×H float64 image that receives T.</param>
    public static Image<byte> Bradley(ReadOnlyImageView<byte> src, int window = 0, double t = 0.15, Image<double>? threshold = null)
    {
        if (window == 0) window = Math.Max(3, (src.Width / 8) | 1);
        return LocalDriver.ApplyMoments(src, window, new BradleyRule(t), threshold);
    }

    /// <summary>
    /// Phansalkar et al. (2011), "Adaptive local thresholding for detection of nuclei in diversity stained cytology
    /// images", ICCSP: on intensities normalised to [0, 1], <c>T = m·(1 + p·e^(−q·m) + k·(s/R − 1))</c>; the surface
    /// is reported on the 0…255 scale (255·T). ImageJ's Auto Local Threshold "Phansalkar" uses the same formula and
    /// defaults but a circular window and a histogram stretch of the input first; Doxa also implements it.
    /// </summary>
    /// <param name="src">8-bit single-channel image.</param>
    /// <param name="window">Odd window size ≥ 3; default 15.</param>
    /// <param name="k">Default 0.25.</param>
    /// <param name="r">Default 0.5.</param>
    /// <param name="p">Default 2.</param>
    /// <param name="q">Default 10.</param>
    /// <param name="threshold">Optional W×H float64 image that receives 255·T.</param>
    public static Image<byte> Phansalkar(ReadOnlyImageView<byte> src, int window = 15, double k = 0.25, double r = 0.5,
        double p = 2, double q = 10, Image<double>? threshold = null)
    {
        if (!(r > 0) || double.IsInfinity(r)) throw new ArgumentOutOfRangeException(nameof(r), r, "R must be a positive number.");
        // The vector exponential covers |q·m/255| ≤ 700; beyond that e^(−q·m) over- or underflows anyway.
        return Math.Abs(q) <= ExpKernel.Limit
            ? LocalDriver.ApplyMoments(src, window, new PhansalkarRule(k, r, p, q), threshold)
            : LocalDriver.Apply(src, window, new PhansalkarRule(k, r, p, q), threshold);
    }

    /// <summary>
    /// Bernsen (1986), "Dynamic thresholding of grey-level images", ICPR, with ImageJ's Auto Local Threshold convention:
    /// with mid = ⌊(min + max)/2⌋ of the window, a window whose contrast <c>max − min</c> is below
    /// <paramref name="contrastThreshold"/> is one class, 255 if mid ≥ 128 and 0 otherwise (T = −1 or 255); elsewhere a
    /// pixel is 255 when <c>pixel ≥ mid</c> (T = mid − 0.5). ImageJ uses a circular window; this one is square with
    /// reflected borders.
    /// </summary>
    /// <param name="src">8-bit single-channel image.</param>
    /// <param name="window">Odd window size ≥ 3; default 15 (ImageJ's radius 15 is a 31-pixel disc).</param>
    /// <param name="contrastThreshold">Default 15 (ImageJ).</param>
    /// <param name="threshold">Optional W×H float64 image that receives T.</param>
    public static Image<byte> Bernsen(ReadOnlyImageView<byte> src, int window = 15, int contrastThreshold = 15,
        Image<double>? threshold = null)
        => LocalDriver.ApplyRange(src, window, new BernsenRule(contrastThreshold), threshold);

    /// <summary>
    /// ImageJ's Auto Local Threshold "Contrast" (Landini 2013, after Soille's toggle contrast enhancement): a pixel
    /// becomes 255 when it is at least as close to the window maximum as to the minimum,
    /// <c>max − pixel ≤ pixel − min</c>, and is not 0; i.e. <c>T = max((min + max)/2 − 0.5, 0)</c>. (ImageJ's Java
    /// expression has an operator-precedence slip that masks bits; this is the rule it documents.)
    /// Square window with reflected borders; ImageJ's is circular.
    /// </summary>
    /// <param name="src">8-bit single-channel image.</param>
    /// <param name="window">Odd window size ≥ 3; default 15.</param>
    /// <param name="threshold">Optional W×H float64 image that receives T.</param>
    public static Image<byte> Contrast(ReadOnlyImageView<byte> src, int window = 15, Image<double>? threshold = null)
        => LocalDriver.ApplyRange(src, window, new ContrastRule(), threshold);

    /// <summary>
    /// ImageJ's Auto Local Threshold "MidGrey" (after HIPR2's adaptive thresholding):
    /// <c>T = ⌊(min + max)/2⌋ − c</c>, foreground <c>pixel &gt; T</c>. Square window with reflected borders; ImageJ's is
    /// circular.
    /// </summary>
    /// <param name="src">8-bit single-channel image.</param>
    /// <param name="window">Odd window size ≥ 3; default 15.</param>
    /// <param name="c">Offset subtracted from the mid-grey; default 0 (ImageJ).</param>
    /// <param name="threshold">Optional W×H float64 image that receives T.</param>
    public static Image<byte> MidGrey(ReadOnlyImageView<byte> src, int window = 15, int c = 0, Image<double>? threshold = null)
        => LocalDriver.ApplyRange(src, window, new MidGreyRule(c), threshold);
}
