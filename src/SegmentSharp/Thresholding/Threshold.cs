using SegmentSharp.Imaging;

namespace SegmentSharp.Thresholding;

/// <summary>
/// Global thresholding, equal to OpenCV's <c>cv::threshold</c> (and scikit-image's
/// <c>image &gt; threshold_otsu(image)</c> convention: foreground is <c>src &gt; t</c>).
/// </summary>
public static partial class Threshold
{
    /// <summary>
    /// Applies a fixed or automatic global threshold. Equivalent to
    /// <c>cv2.threshold(src, thresh, maxValue, type | auto)</c>.
    /// </summary>
    /// <returns>The threshold used: <c>floor(thresh)</c>, or the Otsu/Triangle value.</returns>
    public static double Apply(ReadOnlyImageView<byte> src, ImageView<byte> dst, double thresh, double maxValue,
        ThresholdType type, AutoThreshold auto = AutoThreshold.None)
        => throw new NotImplementedException();

    /// <summary>Allocating convenience overload of <see cref="Apply(ReadOnlyImageView{byte}, ImageView{byte}, double, double, ThresholdType, AutoThreshold)"/>.</summary>
    public static Image<byte> Apply(Image<byte> src, double thresh, double maxValue, ThresholdType type,
        out double usedThreshold, AutoThreshold auto = AutoThreshold.None)
    {
        var dst = src.CloneEmpty();
        usedThreshold = Apply(src.ReadOnlyView, dst.View, thresh, maxValue, type, auto);
        return dst;
    }

    /// <summary>Otsu's threshold of an 8-bit gray image (Otsu 1979), as OpenCV's <c>THRESH_OTSU</c> computes it.</summary>
    public static int Otsu(ReadOnlyImageView<byte> src) => throw new NotImplementedException();

    /// <summary>Triangle threshold of an 8-bit gray image (Zack 1977), as OpenCV's <c>THRESH_TRIANGLE</c> computes it.</summary>
    public static int Triangle(ReadOnlyImageView<byte> src) => throw new NotImplementedException();
}
