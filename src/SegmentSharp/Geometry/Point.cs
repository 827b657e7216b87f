namespace SegmentSharp.Geometry;

/// <summary>An integer pixel position, as OpenCV's <c>cv::Point</c>: x is the column, y the row.</summary>
/// <param name="X">Column.</param>
/// <param name="Y">Row.</param>
public readonly record struct Point(int X, int Y);

/// <summary>A floating-point position, as OpenCV's <c>cv::Point2d</c>.</summary>
/// <param name="X">Horizontal coordinate.</param>
/// <param name="Y">Vertical coordinate.</param>
public readonly record struct PointD(double X, double Y);
