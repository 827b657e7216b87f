namespace SegmentSharp.Geometry;

/// <summary>
/// A rotated rectangle or ellipse box, as OpenCV's <c>cv::RotatedRect</c>: centre, side lengths and the rotation in
/// degrees. All fields are <c>float</c> because OpenCV computes and returns them in single precision.
/// </summary>
/// <param name="Center">Centre of the rectangle.</param>
/// <param name="Width">Length of the side along <see cref="Angle"/>.</param>
/// <param name="Height">Length of the other side.</param>
/// <param name="Angle">Rotation in degrees, OpenCV's convention for the function that produced it.</param>
public readonly record struct RotatedRect(PointF Center, float Width, float Height, float Angle);
