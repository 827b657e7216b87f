using SegmentSharp.Imaging;

namespace SegmentSharp.Filters;

/// <summary>
/// Gaussian smoothing, equal to OpenCV's <c>cv::GaussianBlur</c> on 8-bit images (its bit-exact fixed-point path).
/// </summary>
/// <remarks>
/// The separable kernel is quantised to 8 fractional bits (taps sum to 256). The horizontal pass yields exact
/// 16-bit sums, the vertical pass exact 32-bit sums with 16 fractional bits, rounded half up — all integer
/// arithmetic, so the result is the same on every CPU. Rows are streamed through a ring buffer of
/// <c>ksizeY</c> horizontally filtered rows, so memory is O(width × ksizeY).
/// Reference: OpenCV <c>modules/imgproc/src/smooth.dispatch.cpp</c> (<c>GaussianBlurFixedPoint</c>).
/// </remarks>
public static partial class GaussianBlur
{
    /// <summary>
    /// Blurs with a separable Gaussian kernel of size <paramref name="ksizeX"/>×<paramref name="ksizeY"/>.
    /// Equivalent to <c>cv2.GaussianBlur(src, (ksizeX, ksizeY), sigmaX, sigmaY, borderType)</c> on a whole
    /// (non-ROI) 8-bit image with 1–4 channels.
    /// </summary>
    /// <param name="src">Source image.</param>
    /// <param name="dst">Destination of the same size and channel count; may not overlap <paramref name="src"/> unless identical.</param>
    /// <param name="ksizeX">Odd kernel width, or ≤ 0 to derive it from <paramref name="sigmaX"/> (<c>round(6σ+1)|1</c>).</param>
    /// <param name="ksizeY">Odd kernel height, or ≤ 0 to derive it from <paramref name="sigmaY"/>.</param>
    /// <param name="sigmaX">Horizontal standard deviation; ≤ 0 means OpenCV's default <c>0.3((k−1)/2 − 1) + 0.8</c>.</param>
    /// <param name="sigmaY">Vertical standard deviation; ≤ 0 means equal to <paramref name="sigmaX"/>.</param>
    /// <param name="border">Border extrapolation (constant borders read 0).</param>
    /// <exception cref="ArgumentException">Sizes differ, or a kernel size is even/unresolvable.</exception>
    public static void Apply(ReadOnlyImageView<byte> src, ImageView<byte> dst, int ksizeX, int ksizeY,
        double sigmaX, double sigmaY = 0, BorderType border = BorderType.Reflect101)
    {
        ImageGuard.SameSize(src, dst, nameof(dst));
        BorderInterpolation.Check(border, nameof(border));
        // OpenCV collapses the kernel along a 1-pixel axis for non-constant borders (every tap reads the same pixel).
        if (border != BorderType.Constant)
        {
            if (src.Height == 1) ksizeY = 1;
            if (src.Width == 1) ksizeX = 1;
        }
        if (ksizeX == 1 && ksizeY == 1)
        {
            Copy(src, dst);
            return;
        }
        GaussianKernel.Resolve(ref ksizeX, ref ksizeY, ref sigmaX, ref sigmaY, eightBit: true);
        var kx = GaussianKernel.Fixed8(ksizeX, sigmaX);
        var ky = ksizeY == ksizeX && Math.Abs(sigmaX - sigmaY) < 2.220446049250313e-16 /* DBL_EPSILON */
            ? kx : GaussianKernel.Fixed8(ksizeY, sigmaY);
        SeparableFixed8.Run(src, dst, kx, ky, border);
    }

    /// <summary>Allocating convenience overload with a square kernel.</summary>
    public static Image<byte> Apply(Image<byte> src, int ksize, double sigma = 0, BorderType border = BorderType.Reflect101)
    {
        var dst = src.CloneEmpty();
        Apply(src.ReadOnlyView, dst.View, ksize, ksize, sigma, sigma, border);
        return dst;
    }

    internal static void Copy(ReadOnlyImageView<byte> src, ImageView<byte> dst)
    {
        for (int y = 0; y < src.Height; y++)
        {
            var s = src.Row(y); var d = dst.Row(y);
            if (!s.Overlaps(d, out int off) || off != 0) s.CopyTo(d);
        }
    }
}
