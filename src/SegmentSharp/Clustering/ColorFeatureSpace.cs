namespace SegmentSharp.Clustering;

/// <summary>The colour features of <see cref="ColorKMeans"/>, each channel on OpenCV's 8-bit scale.</summary>
public enum ColorFeatureSpace
{
    /// <summary>CIE L*a*b* as <c>cv2.COLOR_BGR2Lab</c> stores it in 8 bits (L·255/100, a+128, b+128).</summary>
    Lab,
    /// <summary>The B, G, R bytes as read.</summary>
    Rgb,
    /// <summary>HSV as <c>cv2.COLOR_BGR2HSV</c> stores it (hue 0..179, saturation and value 0..255); hue is not treated as circular.</summary>
    Hsv,
}
