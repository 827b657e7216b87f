namespace SegmentSharp.Geometry;

/// <summary>
/// Contour and point-set geometry with OpenCV's exact arithmetic (imgproc's shape descriptors): areas, lengths,
/// bounding boxes, hulls, moments, fitting. Integer inputs are converted to <c>float</c> wherever OpenCV does so,
/// which is exact for coordinates below 2^24 in magnitude.
/// </summary>
public static partial class Shape
{
    /// <summary>
    /// Area of a polygon by the shoelace (Gauss area) formula, as <c>cv::contourArea</c>: vertices are taken as
    /// <c>float</c>, products summed in <c>double</c>. With <paramref name="oriented"/> the sign follows the
    /// orientation (positive for counter-clockwise in a y-up frame, i.e. clockwise as seen on an image).
    /// </summary>
    public static double ContourArea(ReadOnlySpan<Point> contour, bool oriented = false)
    {
        int n = contour.Length;
        if (n == 0) return 0;
        double a = 0;
        float px = contour[n - 1].X, py = contour[n - 1].Y;
        for (int i = 0; i < n; i++)
        {
            float x = contour[i].X, y = contour[i].Y;
            a += (double)px * y - (double)py * x;
            px = x; py = y;
        }
        a *= 0.5;
        return oriented ? a : Math.Abs(a);
    }

    /// <inheritdoc cref="ContourArea(ReadOnlySpan{Point}, bool)"/>
    public static double ContourArea(ReadOnlySpan<PointF> contour, bool oriented = false)
    {
        int n = contour.Length;
        if (n == 0) return 0;
        double a = 0;
        PointF prev = contour[n - 1];
        for (int i = 0; i < n; i++)
        {
            PointF p = contour[i];
            a += (double)prev.X * p.Y - (double)prev.Y * p.X;
            prev = p;
        }
        a *= 0.5;
        return oriented ? a : Math.Abs(a);
    }

    /// <summary>
    /// Length of a polyline or closed polygon, as <c>cv::arcLength</c>. Like OpenCV, each segment length is a
    /// single-precision square root of single-precision differences, accumulated in <c>double</c>.
    /// </summary>
    public static double ArcLength(ReadOnlySpan<Point> curve, bool closed)
    {
        int n = curve.Length;
        if (n <= 1) return 0;
        int last = closed ? n - 1 : 0;
        float px = curve[last].X, py = curve[last].Y;
        double perimeter = 0;
        for (int i = 0; i < n; i++)
        {
            float x = curve[i].X, y = curve[i].Y;
            float dx = x - px, dy = y - py;
            perimeter += MathF.Sqrt(dx * dx + dy * dy);
            px = x; py = y;
        }
        return perimeter;
    }

    /// <inheritdoc cref="ArcLength(ReadOnlySpan{Point}, bool)"/>
    public static double ArcLength(ReadOnlySpan<PointF> curve, bool closed)
    {
        int n = curve.Length;
        if (n <= 1) return 0;
        PointF prev = curve[closed ? n - 1 : 0];
        double perimeter = 0;
        for (int i = 0; i < n; i++)
        {
            PointF p = curve[i];
            float dx = p.X - prev.X, dy = p.Y - prev.Y;
            perimeter += MathF.Sqrt(dx * dx + dy * dy);
            prev = p;
        }
        return perimeter;
    }

    /// <summary>
    /// The smallest up-right rectangle holding every point, as <c>cv::boundingRect</c> on a point set: width and height
    /// count pixels, so a single point gives a 1×1 rectangle; no points give an empty rectangle at the origin.
    /// </summary>
    public static Rect BoundingRect(ReadOnlySpan<Point> points)
    {
        if (points.Length == 0) return default;
        int xmin = points[0].X, xmax = xmin, ymin = points[0].Y, ymax = ymin;
        for (int i = 1; i < points.Length; i++)
        {
            int x = points[i].X, y = points[i].Y;
            if (x < xmin) xmin = x; else if (x > xmax) xmax = x;
            if (y < ymin) ymin = y; else if (y > ymax) ymax = y;
        }
        return new Rect(xmin, ymin, xmax - xmin + 1, ymax - ymin + 1);
    }

    /// <summary>
    /// <see cref="BoundingRect(ReadOnlySpan{Point})"/> for single-precision points, as OpenCV: the pixels from the floor
    /// of the smallest to the floor of the largest coordinate.
    /// </summary>
    public static Rect BoundingRect(ReadOnlySpan<PointF> points)
    {
        if (points.Length == 0) return default;
        float xmin = points[0].X, xmax = xmin, ymin = points[0].Y, ymax = ymin;
        for (int i = 1; i < points.Length; i++)
        {
            float x = points[i].X, y = points[i].Y;
            if (x < xmin) xmin = x; if (x > xmax) xmax = x;
            if (y < ymin) ymin = y; if (y > ymax) ymax = y;
        }
        int x0 = (int)MathF.Floor(xmin), y0 = (int)MathF.Floor(ymin);
        return new Rect(x0, y0, (int)MathF.Floor(xmax) - x0 + 1, (int)MathF.Floor(ymax) - y0 + 1);
    }

    internal static PointF[] ToFloat(ReadOnlySpan<Point> points)
    {
        var f = new PointF[points.Length];
        for (int i = 0; i < f.Length; i++) f[i] = new PointF(points[i].X, points[i].Y);
        return f;
    }
}
