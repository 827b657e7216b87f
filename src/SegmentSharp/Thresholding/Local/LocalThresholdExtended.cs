using SegmentSharp.Imaging;

namespace SegmentSharp.Thresholding.Local;

public static partial class LocalThreshold
{
    /// <summary>
    /// Local median threshold, ImageJ's Auto Local Threshold "Median" with a square window: <c>T = median(window) − c</c>
    /// and the mask is <c>pixel &gt; T ? 255 : 0</c>. Borders are reflect-101 (numpy 'reflect'), as for the other local
    /// methods, so every window holds w² samples and the median is the middle one. The windows are sliding histograms
    /// (Perreault and Hébert 2007; the engine of <see cref="Filters.MedianBlur"/>, walking the image in vertical
    /// stripes), so the time per pixel does not depend on the window. scikit-image has
    /// <c>filters.rank.median</c> (clipped borders) and OpenCV <c>medianBlur</c> (replicated borders, 8-bit windows
    /// up to 255 only); neither is a threshold.
    /// </summary>
    /// <param name="src">8-bit single-channel image (any stride).</param>
    /// <param name="window">Odd window size from 3 to 4095 (may exceed the image); default 15.</param>
    /// <param name="c">Offset subtracted from the median; default 0 (ImageJ). A positive c keeps faint paper.</param>
    /// <param name="threshold">Optional W×H float64 image that receives T.</param>
    /// <returns>The mask: 255 where <c>pixel &gt; T</c>, else 0.</returns>
    /// <exception cref="ArgumentException">Multi-channel source, even or out-of-range window, or a threshold image of
    /// the wrong size.</exception>
    public static Image<byte> Median(ReadOnlyImageView<byte> src, int window = 15, int c = 0, Image<double>? threshold = null)
    {
        var mask = new Image<byte>(src.Width, src.Height);
        MedianInto(src, mask, window, c, threshold);
        return mask;
    }

    /// <inheritdoc cref="Median(ReadOnlyImageView{byte}, int, int, Image{double}?)"/>
    /// <param name="src">8-bit single-channel image (any stride).</param>
    /// <param name="dst">Receives the mask (same size, one channel); may share memory with <paramref name="src"/>.</param>
    /// <param name="window">Odd window size from 3 to 4095 (may exceed the image); default 15.</param>
    /// <param name="c">Offset subtracted from the median; default 0 (ImageJ).</param>
    public static void Median(ReadOnlyImageView<byte> src, ImageView<byte> dst, int window = 15, int c = 0) =>
        MedianInto(src, dst, window, c, null);

    private static unsafe void MedianInto(ReadOnlyImageView<byte> src, ImageView<byte> dst, int window, int c, Image<double>? threshold)
    {
        LocalDriver.CheckInto(src, dst, window, SlidingHistogram.MaxWindow);
        LocalDriver.CheckThresholdImage(src, threshold);
        var copy = LocalDriver.SourceApartFrom(src, dst);
        var s = copy != null ? copy.ReadOnlyView : src;
        fixed (double* t = threshold?.Data)
            Filters.MedianHistogram.RunThreshold(s, dst, window, c, t, threshold?.Stride ?? 0);
    }

    /// <summary>
    /// Local Otsu: T is Otsu's threshold (Otsu 1979) of the histogram of each pixel's w×w window, and the mask is
    /// <c>pixel &gt; T ? 255 : 0</c>. T equals scikit-image 0.19's
    /// <c>skimage.filters.rank.otsu(image, footprint=np.ones((w, w), bool))</c> value for value, including its border
    /// convention: samples outside the image are not counted, so border windows are smaller. ImageJ's Auto Local
    /// Threshold "Otsu" is the same idea on a circular window. Cumulative window histograms slide (Perreault and Hébert
    /// 2007) and all 256 levels are scored per pixel with vector estimates, so the time depends neither on w nor on
    /// the window's contents; the few levels the estimates cannot separate get scikit-image's float64 arithmetic.
    /// </summary>
    /// <param name="src">8-bit single-channel image (any stride).</param>
    /// <param name="window">Odd window size from 3 to 4095 (may exceed the image); default 15.</param>
    /// <param name="threshold">Optional W×H float64 image that receives T (an integer level 0…255).</param>
    /// <returns>The mask: 255 where <c>pixel &gt; T</c>, else 0.</returns>
    /// <exception cref="ArgumentException">Multi-channel source, even or out-of-range window, or a threshold image of
    /// the wrong size.</exception>
    public static Image<byte> LocalOtsu(ReadOnlyImageView<byte> src, int window = 15, Image<double>? threshold = null)
        => SlidingHistogram.Otsu(src, window, threshold);

    /// <summary>
    /// Su, Lu and Tan (2010), "Binarization of historical document images using the local maximum and minimum", DAS
    /// 2010. The contrast of each 3×3 neighbourhood, <c>(max − min)/(max + min)</c> (quantised to 8 bits), is split by
    /// Otsu's threshold into high-contrast (stroke edge) pixels; a pixel is then text (0) when its w×w window holds at
    /// least Nmin high-contrast pixels and <c>I ≤ E_mean + E_std/2</c>, the mean and population deviation of those
    /// pixels' intensities; otherwise paper (255). Window sums use reflect-101 borders and stream in O(width) memory;
    /// one full-size byte image (the contrast mask) is kept. Doxa implements Su as well; ImageJ and scikit-image do not.
    /// </summary>
    /// <param name="src">8-bit single-channel image (any stride).</param>
    /// <param name="window">Odd window from 3 to 4095, or 0 (default) to size it from the strokes: twice the most
    /// frequent distance between the starts of consecutive high-contrast runs along rows, plus one (Su et al.'s
    /// 2013 finding that about twice the stroke edge width works best); 15 when the page has no such runs.</param>
    /// <param name="minHighContrast">Nmin, the fewest high-contrast pixels a window needs to call a pixel text; 0
    /// (default) uses the window size, as the paper suggests.</param>
    /// <param name="threshold">Optional W×H float64 image that receives T = E_mean + E_std/2, or −1 where the window
    /// has fewer than Nmin high-contrast pixels; the mask is <c>pixel &gt; T ? 255 : 0</c>.</param>
    /// <returns>The mask: 0 for text, 255 for paper.</returns>
    /// <exception cref="ArgumentException">Multi-channel source, an even or out-of-range window, or a threshold image
    /// of the wrong size.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minHighContrast"/> is negative.</exception>
    public static Image<byte> Su(ReadOnlyImageView<byte> src, int window = 0, int minHighContrast = 0, Image<double>? threshold = null)
        => SuBinarization.Run(src, window, minHighContrast, threshold);

    /// <summary>
    /// Gatos, Pratikakis and Perantonis (2006), "Adaptive degraded document image binarization", Pattern Recognition
    /// 39(3). Steps: (1) a 3×3 adaptive Wiener filter (noise power = mean local variance); (2) a rough text seed S by
    /// Sauvola with k = 0.2 on the filtered image I; (3) a background surface B, equal to I on the seed's paper and
    /// elsewhere the mean of the paper pixels of the w×w window (reflect-101; the mean b of all paper pixels when the
    /// window has none); (4) text (0) where <c>B − I &gt; d(B)</c>, with δ the mean of B − I over the seed's text and
    /// <c>d(B) = q·δ·((1 − p2)/(1 + exp(−4B/(b(1 − p1)) + 2(1 + p1)/(1 − p1))) + p2)</c>. The paper's optional
    /// upsampling and shrink/swell post-processing are not applied. A page whose seed has no paper pixel returns the
    /// seed. Full-size buffers: two byte images (I and S; a third, the contrast mask, only while the window is estimated);
    /// B is never stored but recomputed in a streaming second pass. Doxa implements
    /// Gatos likewise without the post-processing; ImageJ and scikit-image do not have it.
    /// </summary>
    /// <param name="src">8-bit single-channel image (any stride).</param>
    /// <param name="window">Odd window (for both the Sauvola seed and the background) from 3 to 4095, or 0 (default)
    /// for eight times the stroke scale that <see cref="Su"/> estimates, plus one, clamped to 15…255 (31 when the page
    /// has no strokes); the paper used about 60 pixels at 300 dpi.</param>
    /// <param name="q">Default 0.6 (paper).</param>
    /// <param name="p1">Default 0.5 (paper).</param>
    /// <param name="p2">Default 0.8 (paper).</param>
    /// <returns>The mask: 0 for text, 255 for paper.</returns>
    /// <exception cref="ArgumentException">Multi-channel source, or an even or out-of-range window.</exception>
    /// <exception cref="ArgumentOutOfRangeException">q not positive, p1 outside [0, 1) or p2 outside [0, 1].</exception>
    public static Image<byte> Gatos(ReadOnlyImageView<byte> src, int window = 0, double q = 0.6, double p1 = 0.5, double p2 = 0.8)
        => GatosBinarization.Run(src, window, q, p1, p2);
}
