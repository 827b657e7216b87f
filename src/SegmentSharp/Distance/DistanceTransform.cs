using SegmentSharp.Imaging;

namespace SegmentSharp.Distance;

/// <summary>
/// Distance from every pixel to the nearest zero pixel of an 8-bit mask, equal to OpenCV's <c>cv::distanceTransform</c>
/// and <c>cv::distanceTransformWithLabels</c> for the L1, L2 and C metrics.
/// </summary>
/// <remarks>
/// <para>Algorithms: <see cref="DistanceMask.Precise"/> L2 is the exact Euclidean transform of Felzenszwalb &amp;
/// Huttenlocher ("Distance Transforms of Sampled Functions", Theory of Computing 8, 2012) in the single-precision
/// arithmetic of OpenCV's own <c>trueDistTrans</c>, as two separable passes that each run in parallel (columns, then
/// rows). <see cref="DistanceMask.Mask3"/> and <see cref="DistanceMask.Mask5"/> are two-pass chamfer transforms
/// (Borgefors, "Distance transformations in digital images", 1986) with OpenCV's weights (3×3: C 1/1, L1 1/2,
/// L2 0.955/1.3693; 5×5: C 1/1/2, L1 1/2/3, L2 1/1.4/2.1969).</para>
/// <para>Which OpenCV: the usual builds (pip's opencv-python, OpenCvSharp) include Intel IPP, which OpenCV 4.13 calls for
/// the unlabelled chamfer masks and, on one thread or below 16384 pixels, for the precise mask. The unlabelled chamfer
/// here accumulates float weights as IPP does: L1 and C are bit-exact, L2 agrees to a few parts in a million (IPP does not
/// always keep the smaller of two float sums of equally long paths). The precise mask reproduces OpenCV's own code bit
/// for bit (what it runs on several threads for larger images); IPP's variant differs from it by about one ulp of the
/// square root. The labelled transform is OpenCV's own 16.16 fixed-point 5×5 code in every build, reproduced exactly.</para>
/// <para>OpenCV's mask rules are kept: without labels, L1 and C always use the 3×3 mask (they are exact with it); with
/// labels, every metric uses the 5×5 mask. Any nonzero sample is foreground; zero pixels get distance 0.</para>
/// <para>Without any zero pixel there is no distance, and each path reports OpenCV's stand-in: the unlabelled chamfer
/// gives <see cref="float.MaxValue"/> (as IPP does), the labelled one the largest fixed-point distance (about 65534)
/// with every label 0, and the precise one values near 65536 (the square root of 2^32 plus a row offset).</para>
/// </remarks>
public static class DistanceTransform
{
    /// <summary>
    /// The distance of each pixel to the nearest zero pixel, like <c>cv2.distanceTransform(src, type, mask)</c>
    /// (float output).
    /// </summary>
    /// <param name="src">Single-channel 8-bit mask; zero pixels are the sites.</param>
    /// <param name="type">The metric.</param>
    /// <param name="mask">3×3, 5×5 or precise (L2 only; L1 and C use 3×3 whatever is asked, as in OpenCV).</param>
    public static Image<float> Apply(ReadOnlyImageView<byte> src, DistanceType type, DistanceMask mask = DistanceMask.Precise)
    {
        var dst = new Image<float>(src.Width, src.Height);
        Apply(src, dst.View, type, mask);
        return dst;
    }

    /// <summary>Non-allocating form of <see cref="Apply(ReadOnlyImageView{byte}, DistanceType, DistanceMask)"/>.</summary>
    /// <exception cref="ArgumentException">The images differ in size or are not single-channel.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Unknown metric or mask.</exception>
    public static void Apply(ReadOnlyImageView<byte> src, ImageView<float> dst, DistanceType type, DistanceMask mask = DistanceMask.Precise)
    {
        Check(src, dst, type, mask);
        if (type is DistanceType.L1 or DistanceType.C) mask = DistanceMask.Mask3;
        if (mask == DistanceMask.Precise) PreciseDistance.Run(src, dst);
        else ChamferDistance.Run(src, dst, type, mask == DistanceMask.Mask5);
    }

    /// <summary>
    /// The distance to the nearest zero pixel and, for every pixel, the label of that zero pixel or of its connected
    /// component (a discrete Voronoi diagram), like <c>cv2.distanceTransformWithLabels(src, type, mask, labelType=…)</c>.
    /// OpenCV computes labelled transforms with the 5×5 chamfer mask for every metric and every requested mask, and so
    /// do we. Labels of <see cref="DistanceLabelType.ConnectedComponent"/> number the 8-connected components of zero
    /// pixels in raster order of their first pixel (OpenCV's <c>connectedComponents</c> with <c>CCL_WU</c>); labels of
    /// <see cref="DistanceLabelType.Pixel"/> number the zero pixels themselves in raster order. Without any zero pixel
    /// every label is 0.
    /// </summary>
    public static Image<float> ApplyWithLabels(ReadOnlyImageView<byte> src, DistanceType type, DistanceMask mask,
        DistanceLabelType labelType, out Image<int> labels)
    {
        var dst = new Image<float>(src.Width, src.Height);
        labels = new Image<int>(src.Width, src.Height);
        ApplyWithLabels(src, dst.View, labels.View, type, mask, labelType);
        return dst;
    }

    /// <summary>Non-allocating form of <see cref="ApplyWithLabels(ReadOnlyImageView{byte}, DistanceType, DistanceMask, DistanceLabelType, out Image{int})"/>.</summary>
    /// <exception cref="ArgumentException">The images differ in size or are not single-channel.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Unknown metric, mask or label type.</exception>
    public static void ApplyWithLabels(ReadOnlyImageView<byte> src, ImageView<float> dst, ImageView<int> labels,
        DistanceType type, DistanceMask mask, DistanceLabelType labelType)
    {
        Check(src, dst, type, mask);
        ImageGuard.SameSize(src, labels, nameof(labels));
        if (labelType is not (DistanceLabelType.ConnectedComponent or DistanceLabelType.Pixel))
            throw new ArgumentOutOfRangeException(nameof(labelType), labelType, "Unknown label type.");
        VoronoiSeeds.Fill(src, labels, labelType);
        ChamferLabelDistance.Run(src, dst, labels, type);
    }

    /// <summary>
    /// City-block distance with 8-bit output saturating at 255, like
    /// <c>cv2.distanceTransform(src, cv2.DIST_L1, 3, dstType=cv2.CV_8U)</c> (OpenCV offers 8-bit output for L1 only).
    /// </summary>
    public static Image<byte> ApplyL1Byte(ReadOnlyImageView<byte> src)
    {
        var dst = new Image<byte>(src.Width, src.Height);
        ApplyL1Byte(src, dst.View);
        return dst;
    }

    /// <summary>Non-allocating form of <see cref="ApplyL1Byte(ReadOnlyImageView{byte})"/>; <paramref name="dst"/> may be the source.</summary>
    /// <exception cref="ArgumentException">The images differ in size or are not single-channel.</exception>
    public static void ApplyL1Byte(ReadOnlyImageView<byte> src, ImageView<byte> dst)
    {
        ImageGuard.SingleChannel(src, nameof(src));
        ImageGuard.SameSize(src, dst, nameof(dst));
        CityBlock8.Run(src, dst);
    }

    private static void Check(ReadOnlyImageView<byte> src, ImageView<float> dst, DistanceType type, DistanceMask mask)
    {
        ImageGuard.SingleChannel(src, nameof(src));
        ImageGuard.SameSize(src, dst, nameof(dst));
        if (type is not (DistanceType.L1 or DistanceType.L2 or DistanceType.C))
            throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown distance type.");
        if (mask is not (DistanceMask.Precise or DistanceMask.Mask3 or DistanceMask.Mask5))
            throw new ArgumentOutOfRangeException(nameof(mask), mask, "The mask must be 3, 5 or precise.");
    }
}
