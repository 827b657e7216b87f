namespace SegmentSharp.Geometry;

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
