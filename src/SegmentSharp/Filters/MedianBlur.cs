using SegmentSharp.Imaging;

namespace SegmentSharp.Filters;

/// <summary>
/// Median filter on a square window, equal bit for bit to OpenCV's <c>cv::medianBlur</c> on 8-bit images with
/// 1, 3 or 4 channels (each channel filtered on its own).
/// </summary>
/// <remarks>
/// <para>Borders replicate the edge pixels (OpenCV's <c>medianBlur</c> always uses <c>BORDER_REPLICATE</c>, whatever
/// the default border of the other filters). Because the median of a multiset is unique, any exact method gives
/// OpenCV's result; the methods differ only in speed.</para>
/// <para>Windows 3×3 and 5×5 use min/max selection networks on whole vectors of samples (Vector256/Vector128):
/// the columns of the window are sorted first (for 5×5 once per position, stored and shared by the neighbouring
/// outputs; for 3×3 in registers), then 3×3 takes <c>med3(max of lows, med3 of middles, min of highs)</c> and 5×5 a
/// pruned Batcher network
/// (<c>MedianNetwork25.cs</c>, generated and verified by <c>tests/fixtures/enhance/make_median_network.py</c>).</para>
/// <para>Larger windows use the constant-time histogram median of S. Perreault and P. Hébert, "Median Filtering in
/// Constant Time", IEEE Transactions on Image Processing 16(9), 2007: one 256-bin histogram per column, updated by
/// one pixel in and one out per row; a window histogram with a 16-bin coarse level updated per pixel and 16-bin fine
/// segments brought up to date lazily, only where the median search looks. The image is processed in vertical
/// stripes so the column histograms stay in cache (as OpenCV does).</para>
/// <para>scikit-image's <c>skimage.filters.median(image, footprint=np.ones((k, k)))</c> computes the same median for
/// interior pixels but defaults to <c>mode='nearest'</c> through SciPy, which also replicates; its footprint is
/// arbitrary while this filter (like OpenCV) takes only square windows.</para>
/// </remarks>
public static class MedianBlur
{
    /// <summary>
    /// The largest window supported. Up to 255 the window histograms count in 16 bits (255² &lt; 2^16); larger windows
    /// switch to a slower 32-bit sliding histogram, as OpenCV also accepts them.
    /// </summary>
    public const int MaxKernelSize = 4095;

    /// <summary>
    /// Replaces each sample with the median of the <paramref name="ksize"/>×<paramref name="ksize"/> window around it
    /// (same channel, edge pixels replicated). Equivalent to <c>cv2.medianBlur(src, ksize)</c>; <c>ksize = 1</c>
    /// copies, as OpenCV does. <paramref name="src"/> and <paramref name="dst"/> may share memory.
    /// </summary>
    /// <exception cref="ArgumentException">Sizes or channel counts differ, or <paramref name="ksize"/> is not an odd
    /// number from 1 to <see cref="MaxKernelSize"/>.</exception>
    public static void Apply(ReadOnlyImageView<byte> src, ImageView<byte> dst, int ksize)
    {
        ImageGuard.SameSize(src, dst, nameof(dst));
        if (ksize < 1 || (ksize & 1) == 0)
            throw new ArgumentException($"The median window must be an odd size ≥ 1 (as in OpenCV), got {ksize}.", nameof(ksize));
        if (ksize > MaxKernelSize)
            throw new ArgumentException($"The median window may be at most {MaxKernelSize}, got {ksize}.", nameof(ksize));

        int rowLen = src.Width * src.Channels;
        if (ksize == 1)
        {
            if (src.Data.Overlaps(dst.Data, out int off) && off == 0 && src.Stride == dst.Stride) return;
            CopyRows(src, dst);
            return;
        }

        // Both methods read rows around the one they write, so an in-place call works on a copy of the source.
        byte[]? copy = null;
        if (src.Data.Overlaps(dst.Data))
        {
            copy = new byte[rowLen * src.Height];
            var tmp = new ImageView<byte>(copy, src.Width, src.Height, src.Channels);
            CopyRows(src, tmp);
            src = tmp;
        }

        if (ksize <= 5) MedianSortNet.Run(src, dst, ksize);
        else MedianHistogram.Run(src, dst, ksize);
    }

    /// <summary>Allocating convenience overload: <c>cv2.medianBlur(src, ksize)</c>.</summary>
    /// <exception cref="ArgumentException">See <see cref="Apply(ReadOnlyImageView{byte}, ImageView{byte}, int)"/>.</exception>
    public static Image<byte> Apply(Image<byte> src, int ksize)
    {
        ArgumentNullException.ThrowIfNull(src);
        var dst = src.CloneEmpty();
        Apply(src.ReadOnlyView, dst.View, ksize);
        return dst;
    }

    private static void CopyRows(ReadOnlyImageView<byte> src, ImageView<byte> dst)
    {
        for (int y = 0; y < src.Height; y++) src.Row(y).CopyTo(dst.Row(y));
    }
}
