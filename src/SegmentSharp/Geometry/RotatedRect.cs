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

/// <summary>A circle, as returned by OpenCV's <c>cv::minEnclosingCircle</c> (single precision).</summary>
/// <param name="Center">Centre.</param>
/// <param name="Radius">Radius (OpenCV pads it by 1e-4 so that every point lies strictly inside).</param>
public readonly record struct Circle(PointF Center, float Radius);

/// <summary>One convexity defect, as a row of OpenCV's <c>cv::convexityDefects</c> output.</summary>
/// <param name="Start">Contour index of the hull point where the defect starts.</param>
/// <param name="End">Contour index of the hull point where it ends.</param>
/// <param name="Farthest">Contour index of the point farthest from the hull edge.</param>
/// <param name="FixptDepth">That distance times 256, rounded to nearest even as OpenCV's <c>cvRound</c>.</param>
public readonly record struct ConvexityDefect(int Start, int End, int Farthest, int FixptDepth)
{
    /// <summary>The depth in pixels, <c>FixptDepth / 256</c>.</summary>
    public double Depth => FixptDepth / 256.0;
}
