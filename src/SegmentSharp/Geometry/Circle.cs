namespace SegmentSharp.Geometry;

/// <summary>A circle, as returned by OpenCV's <c>cv::minEnclosingCircle</c> (single precision).</summary>
/// <param name="Center">Centre.</param>
/// <param name="Radius">Radius (OpenCV pads it by 1e-4 so that every point lies strictly inside).</param>
public readonly record struct Circle(PointF Center, float Radius);
