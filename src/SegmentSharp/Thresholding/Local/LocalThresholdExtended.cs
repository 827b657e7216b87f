using SegmentSharp.Imaging;

namespace SegmentSharp.Thresholding.Local;

public static partial class LocalThreshold
{
    /// <summary>
    /// Local median threshold, ImageJ's Auto Local Threshold "Median" with a square window: <c>T = median(window) − c</c>
    /// and the mask is <c>pixel &gt; T ? 255 : 0</c>. Borders are reflect-101 (numpy 'reflect'), as for the other local
    /// methods, so every window holds w² samples and the median is the middle one. The windows are sliding histograms
    /// (Perreault and Hébert 2007), so the time per pixel does not depend on the window. scikit-image has
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
        => SlidingHistogram.Apply(src, window, clip: false, new MedianKernel(c), threshold);

    /// <summary>
    /// Local Otsu: T is Otsu's threshold (Otsu 1979) of the histogram of each pixel's w×w window, and the mask is
    /// <c>pixel &gt; T ? 255 : 0</c>. T equals scikit-image 0.19's
    /// <c>skimage.filters.rank.otsu(image, footprint=np.ones((w, w), bool))</c> value for value, including its border
    /// convention: samples outside the image are not counted, so border windows are smaller. ImageJ's Auto Local
    /// Threshold "Otsu" is the same idea on a circular window. The window histograms slide (Perreault and Hébert 2007),
    /// so the time does not depend on w; the per-pixel Otsu scan visits only the window's distinct levels.
    /// </summary>
    /// <param name="src">8-bit single-channel image (any stride).</param>
    /// <param name="window">Odd window size from 3 to 4095 (may exceed the image); default 15.</param>
    /// <param name="threshold">Optional W×H float64 image that receives T (an integer level 0…255).</param>
    /// <returns>The mask: 255 where <c>pixel &gt; T</c>, else 0.</returns>
    /// <exception cref="ArgumentException">Multi-channel source, even or out-of-range window, or a threshold image of
    /// the wrong size.</exception>
    public static Image<byte> LocalOtsu(ReadOnlyImageView<byte> src, int window = 15, Image<double>? threshold = null)
        => SlidingHistogram.Apply(src, window, clip: true, new OtsuKernel(), threshold);

    /// <summary>Su, Lu and Tan (2010): contrast image, Otsu high-contrast pixels, local count/mean rule.</summary>
    public static Image<byte> Su(ReadOnlyImageView<byte> src, int window = 0, int minHighContrast = 0)
        => throw new NotImplementedException();

    /// <summary>Gatos, Pratikakis and Perantonis (2006): Wiener filter, Sauvola seed, background surface, adaptive rule.</summary>
    public static Image<byte> Gatos(ReadOnlyImageView<byte> src, int window = 0, double q = 0.6, double p1 = 0.5, double p2 = 0.8)
        => throw new NotImplementedException();
}
