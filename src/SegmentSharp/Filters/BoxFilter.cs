using SegmentSharp.Imaging;

namespace SegmentSharp.Filters;

/// <summary>Box (mean) filter, equal to OpenCV's <c>cv::boxFilter</c> and <c>cv::blur</c> on 8-bit images.</summary>
public static partial class BoxFilter
{
    /// <summary>
    /// Sums (or averages, when <paramref name="normalize"/>) the <paramref name="ksizeX"/>×<paramref name="ksizeY"/>
    /// window around each pixel. Equivalent to <c>cv2.boxFilter(src, -1, (ksizeX, ksizeY), normalize=normalize, borderType=border)</c>.
    /// </summary>
    public static void Apply(ReadOnlyImageView<byte> src, ImageView<byte> dst, int ksizeX, int ksizeY,
        bool normalize = true, BorderType border = BorderType.Reflect101)
        => throw new NotImplementedException();

    /// <summary>Allocating convenience overload equal to <c>cv2.blur(src, (ksize, ksize))</c>.</summary>
    public static Image<byte> Blur(Image<byte> src, int ksize, BorderType border = BorderType.Reflect101)
    {
        var dst = src.CloneEmpty();
        Apply(src.ReadOnlyView, dst.View, ksize, ksize, true, border);
        return dst;
    }
}
