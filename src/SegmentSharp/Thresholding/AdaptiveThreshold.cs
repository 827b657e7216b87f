using SegmentSharp.Imaging;

namespace SegmentSharp.Thresholding;

/// <summary>
/// Adaptive (local) thresholding, equal to OpenCV's <c>cv::adaptiveThreshold</c>.
/// </summary>
public static partial class AdaptiveThreshold
{
    /// <summary>
    /// Compares each pixel with the mean or Gaussian-weighted mean of its <paramref name="blockSize"/>²
    /// neighbourhood minus <paramref name="c"/>. Equivalent to
    /// <c>cv2.adaptiveThreshold(src, maxValue, method, type, blockSize, c)</c>.
    /// </summary>
    public static void Apply(ReadOnlyImageView<byte> src, ImageView<byte> dst, double maxValue,
        AdaptiveMethod method, ThresholdType type, int blockSize, double c)
        => throw new NotImplementedException();

    /// <summary>Allocating convenience overload.</summary>
    public static Image<byte> Apply(Image<byte> src, double maxValue, AdaptiveMethod method, ThresholdType type,
        int blockSize, double c)
    {
        var dst = src.CloneEmpty();
        Apply(src.ReadOnlyView, dst.View, maxValue, method, type, blockSize, c);
        return dst;
    }
}
