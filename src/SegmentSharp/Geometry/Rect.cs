namespace SegmentSharp.Geometry;

/// <summary>An up-right integer rectangle, as OpenCV's <c>cv::Rect</c>: the top-left corner and the size in pixels.</summary>
/// <param name="X">Left column.</param>
/// <param name="Y">Top row.</param>
/// <param name="Width">Width in pixels (the right column is <c>X + Width - 1</c>).</param>
/// <param name="Height">Height in pixels.</param>
public readonly record struct Rect(int X, int Y, int Width, int Height);
