namespace SegmentSharp.Geometry;

public static partial class Shape
{
    // OpenCV pads every radius by this much so that the defining points test as inside.
    private const float CircleEps = 1.0e-4f;

    /// <summary>
    /// The smallest circle holding every point, by Welzl's incremental algorithm (E. Welzl, "Smallest enclosing disks
    /// (balls and ellipsoids)", 1991), exactly as <c>cv::minEnclosingCircle</c>: the same point order, the same
    /// single-precision arithmetic and the same 1e-4 padding of the radius. No points give a zero circle.
    /// </summary>
    public static Circle MinEnclosingCircle(ReadOnlySpan<Point> points) => MinEnclosingCircle(ToFloat(points));

    /// <inheritdoc cref="MinEnclosingCircle(ReadOnlySpan{Point})"/>
    public static Circle MinEnclosingCircle(ReadOnlySpan<PointF> pts)
    {
        int count = pts.Length;
        if (count == 0) return default;
        if (count == 1) return new Circle(pts[0], CircleEps);
        if (count == 2)
        {
            PointF p1 = pts[0], p2 = pts[1];
            var c = new PointF((p1.X + p2.X) / 2.0f, (p1.Y + p2.Y) / 2.0f);
            return new Circle(c, (float)(Norm(p1.X - p2.X, p1.Y - p2.Y) / 2.0) + CircleEps);
        }

        var center = new PointF((pts[0].X + pts[1].X) / 2.0f, (pts[0].Y + pts[1].Y) / 2.0f);
        float radius = (float)Norm(pts[0].X - pts[1].X, pts[0].Y - pts[1].Y) / 2.0f + CircleEps;
        for (int i = 2; i < count; i++)
        {
            float d = (float)Norm(pts[i].X - center.X, pts[i].Y - center.Y);
            if (d < radius) continue;
            SecondPoint(pts, i, out var nc, out float nr);
            if (nr > 0) { radius = nr; center = nc; }
        }
        return new Circle(center, radius);
    }

    // cv::norm of a Point2f: the length in double.
    private static double Norm(float dx, float dy) => Math.Sqrt((double)dx * dx + (double)dy * dy);

    private static void SecondPoint(ReadOnlySpan<PointF> pts, int i, out PointF center, out float radius)
    {
        center = new PointF((pts[0].X + pts[i].X) / 2.0f, (pts[0].Y + pts[i].Y) / 2.0f);
        radius = (float)Norm(pts[0].X - pts[i].X, pts[0].Y - pts[i].Y) / 2.0f + CircleEps;
        for (int j = 1; j < i; j++)
        {
            if (Norm(center.X - pts[j].X, center.Y - pts[j].Y) < radius) continue;
            ThirdPoint(pts, i, j, out var nc, out float nr);
            if (nr > 0) { radius = nr; center = nc; }
        }
    }

    private static void ThirdPoint(ReadOnlySpan<PointF> pts, int i, int j, out PointF center, out float radius)
    {
        center = new PointF((pts[j].X + pts[i].X) / 2.0f, (pts[j].Y + pts[i].Y) / 2.0f);
        radius = (float)Norm(pts[j].X - pts[i].X, pts[j].Y - pts[i].Y) / 2.0f + CircleEps;
        for (int k = 0; k < j; k++)
        {
            if (Norm(center.X - pts[k].X, center.Y - pts[k].Y) < radius) continue;
            CircleThrough(pts[i], pts[j], pts[k], out var nc, out float nr);
            if (nr > 0) { radius = nr; center = nc; }
        }
    }

    // Circumcircle of three points; for (nearly) collinear ones the circle on their longest pair.
    private static void CircleThrough(PointF a, PointF b, PointF c, out PointF center, out float radius)
    {
        float v1x = b.X - a.X, v1y = b.Y - a.Y;
        float v2x = c.X - a.X, v2y = c.Y - a.Y;
        float m1x = (a.X + b.X) / 2.0f, m1y = (a.Y + b.Y) / 2.0f;
        float c1 = m1x * v1x + m1y * v1y;
        float m2x = (a.X + c.X) / 2.0f, m2y = (a.Y + c.Y) / 2.0f;
        float c2 = m2x * v2x + m2y * v2y;
        float det = v1x * v2y - v1y * v2x;
        if (MathF.Abs(det) <= CircleEps)
        {
            float d1 = SqrF(a.X - b.X, a.Y - b.Y);
            float d2 = SqrF(a.X - c.X, a.Y - c.Y);
            float d3 = SqrF(b.X - c.X, b.Y - c.Y);
            radius = MathF.Sqrt(Math.Max(d1, Math.Max(d2, d3))) * 0.5f + CircleEps;
            if (d1 >= d2 && d1 >= d3) center = new PointF((a.X + b.X) * 0.5f, (a.Y + b.Y) * 0.5f);
            else if (d2 >= d1 && d2 >= d3) center = new PointF((a.X + c.X) * 0.5f, (a.Y + c.Y) * 0.5f);
            else center = new PointF((b.X + c.X) * 0.5f, (b.Y + c.Y) * 0.5f);
            return;
        }
        float cx = (c1 * v2y - c2 * v1y) / det;
        float cy = (v1x * c2 - v2x * c1) / det;
        center = new PointF(cx, cy);
        cx -= a.X; cy -= a.Y;
        radius = MathF.Sqrt(cx * cx + cy * cy) + CircleEps;
    }

    private static float SqrF(float dx, float dy) => dx * dx + dy * dy;
}
