using SegmentSharp.Imaging;

namespace SegmentSharp.Filters;

/// <summary>
/// Box (mean) filter, equal to OpenCV's <c>cv::boxFilter</c> and <c>cv::blur</c> on 8-bit images.
/// </summary>
/// <remarks>
/// Separable running sums: each row is summed horizontally with a sliding window and the column sums are
/// updated by adding the entering row and subtracting the leaving one, so the cost per pixel does not grow with
/// the window. Rows stream through a ring buffer of <c>ksizeY</c> row sums (memory O(width × ksizeY)).
/// Rounding follows OpenCV's <c>ColumnSum</c> in <c>box_filter.simd.hpp</c>: windows of ≤ 256 pixels divide with a
/// 23-bit fixed-point reciprocal; larger windows multiply by <c>1/area</c> in float32 and round half to even, except the
/// last <c>(width·channels) mod 8</c> samples of each row, which OpenCV's scalar tail computes in double.
/// </remarks>
public static partial class BoxFilter
{
    /// <summary>
    /// Sums (or averages, when <paramref name="normalize"/>) the <paramref name="ksizeX"/>×<paramref name="ksizeY"/>
    /// window around each pixel (anchor at <c>ksize/2</c>, so even windows reach one pixel further left/up).
    /// Equivalent to <c>cv2.boxFilter(src, -1, (ksizeX, ksizeY), normalize=normalize, borderType=border)</c>;
    /// unnormalised sums saturate at 255.
    /// </summary>
    /// <exception cref="ArgumentException">Sizes differ, a kernel size is not positive, or <paramref name="border"/> is
    /// <see cref="BorderType.Wrap"/> (which OpenCV's box filter rejects).</exception>
    public static void Apply(ReadOnlyImageView<byte> src, ImageView<byte> dst, int ksizeX, int ksizeY,
        bool normalize = true, BorderType border = BorderType.Reflect101)
    {
        ImageGuard.SameSize(src, dst, nameof(dst));
        BorderInterpolation.Check(border, nameof(border));
        if (border == BorderType.Wrap)
            throw new ArgumentException("The box filter does not support BorderType.Wrap (OpenCV rejects BORDER_WRAP here).", nameof(border));
        if (ksizeX <= 0) throw new ArgumentException($"Kernel width must be positive, got {ksizeX}.", nameof(ksizeX));
        if (ksizeY <= 0) throw new ArgumentException($"Kernel height must be positive, got {ksizeY}.", nameof(ksizeY));
        if ((long)ksizeX * ksizeY > 1 << 23)
            throw new ArgumentException($"A {ksizeX}×{ksizeY} window is larger than the 2^23 pixels supported.", nameof(ksizeX));
        BoxSums.Run(src, dst, ksizeX, ksizeY, normalize ? BoxSums.Mode.Mean : BoxSums.Mode.SaturatedSum, border);
    }

    /// <summary>Allocating convenience overload equal to <c>cv2.blur(src, (ksize, ksize))</c>.</summary>
    public static Image<byte> Blur(Image<byte> src, int ksize, BorderType border = BorderType.Reflect101)
    {
        var dst = src.CloneEmpty();
        Apply(src.ReadOnlyView, dst.View, ksize, ksize, true, border);
        return dst;
    }
}
