namespace SegmentSharp.Distance;

/// <summary>
/// The metric of a distance transform, with OpenCV's numbering (<c>cv::DIST_L1</c> = 1, <c>cv::DIST_L2</c> = 2,
/// <c>cv::DIST_C</c> = 3).
/// </summary>
public enum DistanceType
{
    /// <summary>City-block distance |dx| + |dy| (<c>DIST_L1</c>).</summary>
    L1 = 1,
    /// <summary>Euclidean distance, exact with <see cref="DistanceMask.Precise"/> and a chamfer approximation otherwise (<c>DIST_L2</c>).</summary>
    L2 = 2,
    /// <summary>Chessboard distance max(|dx|, |dy|) (<c>DIST_C</c>).</summary>
    C = 3,
}

/// <summary>
/// The neighbourhood of a chamfer distance transform, with OpenCV's numbering (<c>DIST_MASK_3</c> = 3,
/// <c>DIST_MASK_5</c> = 5, <c>DIST_MASK_PRECISE</c> = 0).
/// </summary>
public enum DistanceMask
{
    /// <summary>The exact Euclidean transform (Felzenszwalb &amp; Huttenlocher 2012); only meaningful for <see cref="DistanceType.L2"/>.</summary>
    Precise = 0,
    /// <summary>A 3×3 chamfer mask (two raster passes).</summary>
    Mask3 = 3,
    /// <summary>A 5×5 chamfer mask (two raster passes, knight moves included).</summary>
    Mask5 = 5,
}

/// <summary>
/// What the Voronoi label output of <see cref="DistanceTransform.ApplyWithLabels(SegmentSharp.Imaging.ReadOnlyImageView{byte}, DistanceType, DistanceMask, DistanceLabelType, out SegmentSharp.Imaging.Image{int})"/>
/// names, with OpenCV's numbering (<c>DIST_LABEL_CCOMP</c> = 0, <c>DIST_LABEL_PIXEL</c> = 1).
/// </summary>
public enum DistanceLabelType
{
    /// <summary>Each 8-connected component of zero pixels gets one label, numbered in raster order of its first pixel.</summary>
    ConnectedComponent = 0,
    /// <summary>Each zero pixel gets its own label, numbered 1, 2, … in raster order.</summary>
    Pixel = 1,
}
