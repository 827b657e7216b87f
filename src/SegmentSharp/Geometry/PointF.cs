namespace SegmentSharp.Geometry;

/// <summary>
/// A single-precision position, as OpenCV's <c>cv::Point2f</c>. OpenCV does most of its contour geometry in
/// <c>float</c>, so results such as centres and hull corners are reported in this type to keep OpenCV's exact values.
/// </summary>
/// <param name="X">Horizontal coordinate.</param>
/// <param name="Y">Vertical coordinate.</param>
public readonly record struct PointF(float X, float Y);
