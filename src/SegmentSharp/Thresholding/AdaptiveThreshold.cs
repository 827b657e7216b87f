using SegmentSharp.Filters;
using SegmentSharp.Imaging;

namespace SegmentSharp.Thresholding;

/// <summary>
/// Adaptive (local) thresholding, equal to OpenCV's <c>cv::adaptiveThreshold</c>.
/// </summary>
/// <remarks>
/// Each pixel is compared with a local mean: the box mean (<see cref="AdaptiveMethod.Mean"/>, OpenCV's
/// <c>boxFilter</c> with <c>BORDER_REPLICATE</c>, rounded to 8 bits) or the Gaussian-weighted mean
/// (<see cref="AdaptiveMethod.Gaussian"/>, OpenCV's float32 <c>GaussianBlur</c> with sigma 0 and <c>BORDER_REPLICATE</c>,
/// rounded to 8 bits). The local statistic is computed row by row and thresholded immediately, so memory stays
/// O(width × blockSize) and the mean's cost does not depend on <c>blockSize</c>.
/// Reference: OpenCV <c>modules/imgproc/src/thresh.cpp</c>.
/// </remarks>
public static partial class AdaptiveThreshold
{
    /// <summary>
    /// Compares each pixel with the mean or Gaussian-weighted mean of its <paramref name="blockSize"/>²
    /// neighbourhood minus <paramref name="c"/>. Equivalent to
    /// <c>cv2.adaptiveThreshold(src, maxValue, method, type, blockSize, c)</c>: with m the rounded 8-bit mean,
    /// <see cref="ThresholdType.Binary"/> gives <c>src &gt; m − ⌈c⌉ ? maxValue : 0</c> and
    /// <see cref="ThresholdType.BinaryInv"/> gives <c>src &gt; m − ⌊c⌋ ? 0 : maxValue</c>.
    /// <paramref name="maxValue"/> is rounded and saturated to 0…255; a negative value yields an all-zero image.
    /// </summary>
    /// <exception cref="ArgumentException">The image is not single-channel, sizes differ, <paramref name="blockSize"/>
    /// is not an odd number ≥ 3, or the method or type is unsupported (only Binary and BinaryInv are).</exception>
    public static void Apply(ReadOnlyImageView<byte> src, ImageView<byte> dst, double maxValue,
        AdaptiveMethod method, ThresholdType type, int blockSize, double c)
    {
        ImageGuard.SingleChannel(src, nameof(src));
        ImageGuard.SameSize(src, dst, nameof(dst));
        if (blockSize < 3 || (blockSize & 1) == 0)
            throw new ArgumentException($"Block size must be an odd number ≥ 3, got {blockSize}.", nameof(blockSize));
        // OpenCV checks maxValue before the method and type, so a negative maxValue never throws for them.
        if (maxValue < 0)
        {
            for (int y = 0; y < dst.Height; y++) dst.Row(y).Clear();
            return;
        }
        if (method is not (AdaptiveMethod.Mean or AdaptiveMethod.Gaussian))
            throw new ArgumentException($"Unsupported adaptive method {(int)method}; use Mean or Gaussian.", nameof(method));
        if (type is not (ThresholdType.Binary or ThresholdType.BinaryInv))
            throw new ArgumentException($"Adaptive threshold supports only Binary and BinaryInv, got {type}.", nameof(type));
        if (double.IsNaN(c)) throw new ArgumentException("C must be a number.", nameof(c));

        byte maxv = (byte)Math.Clamp(Math.Round(maxValue, MidpointRounding.ToEven), 0, 255);
        // Beyond ±256 the comparison no longer depends on the pixels, so clamping keeps ceil/floor in int range.
        double cc = Math.Clamp(c, -1000, 1000);
        int idelta = type == ThresholdType.Binary ? (int)Math.Ceiling(cc) : (int)Math.Floor(cc);
        AdaptiveThresholdCore.Run(src, dst, maxv, method, type == ThresholdType.BinaryInv, blockSize, idelta);
    }

    /// <summary>Allocating convenience overload.</summary>
    public static Image<byte> Apply(Image<byte> src, double maxValue, AdaptiveMethod method, ThresholdType type,
        int blockSize, double c)
    {
        var dst = src.CloneEmpty();
        Apply(src.ReadOnlyView, dst.View, maxValue, method, type, blockSize, c);
        return dst;
    }
}
