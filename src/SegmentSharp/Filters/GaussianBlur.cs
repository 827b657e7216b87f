using SegmentSharp.Imaging;

namespace SegmentSharp.Filters;

/// <summary>Gaussian smoothing, equal to OpenCV's <c>cv::GaussianBlur</c> on 8-bit images.</summary>
public static partial class GaussianBlur
{
    /// <summary>
    /// Blurs with a separable Gaussian kernel of size <paramref name="ksizeX"/>×<paramref name="ksizeY"/>.
    /// Equivalent to <c>cv2.GaussianBlur(src, (ksizeX, ksizeY), sigmaX, sigmaY, borderType)</c>.
    /// </summary>
    public static void Apply(ReadOnlyImageView<byte> src, ImageView<byte> dst, int ksizeX, int ksizeY,
        double sigmaX, double sigmaY = 0, BorderType border = BorderType.Reflect101)
        => throw new NotImplementedException();

    /// <summary>Allocating convenience overload with a square kernel.</summary>
    public static Image<byte> Apply(Image<byte> src, int ksize, double sigma = 0, BorderType border = BorderType.Reflect101)
    {
        var dst = src.CloneEmpty();
        Apply(src.ReadOnlyView, dst.View, ksize, ksize, sigma, sigma, border);
        return dst;
    }
}
