namespace SegmentSharp.Geometry;

public static partial class Shape
{
    /// <summary>
    /// The four corners of a rotated rectangle, as <c>cv2.boxPoints</c> / <c>cv::RotatedRect::points</c>: bottom-left,
    /// top-left, top-right, bottom-right for angle 0, in single precision with OpenCV's operation order.
    /// </summary>
    public static PointF[] BoxPoints(RotatedRect box)
    {
        double angle = box.Angle * Math.PI / 180.0;
        float b = (float)Math.Cos(angle) * 0.5f;
        float a = (float)Math.Sin(angle) * 0.5f;
        float cx = box.Center.X, cy = box.Center.Y, w = box.Width, h = box.Height;
        var p0 = new PointF(cx - a * h - b * w, cy + b * h - a * w);
        var p1 = new PointF(cx + a * h - b * w, cy - b * h - a * w);
        return [p0, p1, new PointF(2 * cx - p0.X, 2 * cy - p0.Y), new PointF(2 * cx - p1.X, 2 * cy - p1.Y)];
    }
}
