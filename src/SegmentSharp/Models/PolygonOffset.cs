using SegmentSharp.Geometry;

namespace SegmentSharp.Models;

/// <summary>
/// Grows a closed polygon by a distance with round joins on integer coordinates, the behaviour of Clipper's
/// <c>ClipperOffset</c> with <c>JT_ROUND</c> / <c>ET_CLOSEDPOLYGON</c> (A. Johnson's Clipper library, used through
/// <c>pyclipper</c> by PaddleOCR's DBNet <c>unclip</c>): coordinates are truncated to integers, each edge moves out
/// along its normal and each convex corner gets an arc of chords whose sagitta stays within the arc tolerance;
/// concave corners join through the original vertex. The final union that Clipper runs to remove self-overlaps is not
/// reproduced; for convex input (DBNet's boxes) there is nothing to remove.
/// </summary>
public static class PolygonOffset
{
    /// <summary>Offsets <paramref name="polygon"/> by <paramref name="delta"/> (positive grows).</summary>
    /// <param name="polygon">Closed polygon, any orientation.</param>
    /// <param name="delta">Offset distance in pixels.</param>
    /// <param name="arcTolerance">Largest allowed gap between an arc and its chords (pyclipper's default 0.25).</param>
    /// <returns>The offset polygon's integer vertices; empty for fewer than three distinct points.</returns>
    public static Point[] Round(ReadOnlySpan<PointF> polygon, double delta, double arcTolerance = 0.25)
    {
        var pts = new List<(long X, long Y)>(polygon.Length);
        foreach (var p in polygon)
        {
            // pyclipper stores a float coordinate into a 64-bit integer: truncation toward zero.
            var q = ((long)p.X, (long)p.Y);
            if (pts.Count == 0 || pts[^1] != q) pts.Add(q);
        }
        while (pts.Count > 1 && pts[^1] == pts[0]) pts.RemoveAt(pts.Count - 1);
        if (pts.Count < 3) return [];
        // Clipper offsets outward for positive delta when the signed area is positive; otherwise reverse first.
        if (SignedArea(pts) < 0) pts.Reverse();

        int n = pts.Count;
        var nx = new double[n];
        var ny = new double[n];
        for (int j = 0; j < n; j++)
        {
            var a = pts[j];
            var b = pts[(j + 1) % n];
            double dx = b.X - a.X, dy = b.Y - a.Y, f = 1.0 / Math.Sqrt(dx * dx + dy * dy);
            nx[j] = dy * f;
            ny[j] = -dx * f;
        }

        double absDelta = Math.Abs(delta);
        double tol = arcTolerance <= 0 ? 0.25 : Math.Min(arcTolerance, absDelta * 0.25);
        double steps = Math.PI / Math.Acos(1 - tol / absDelta);
        if (steps > absDelta * Math.PI) steps = absDelta * Math.PI;
        double sin = Math.Sin(2 * Math.PI / steps), cos = Math.Cos(2 * Math.PI / steps);
        double stepsPerRad = steps / (2 * Math.PI);
        if (delta < 0) sin = -sin;

        var result = new List<Point>(n * 8);
        int k = n - 1;
        for (int j = 0; j < n; j++)
        {
            var p = pts[j];
            double sinA = nx[k] * ny[j] - nx[j] * ny[k];
            double cosA = nx[k] * nx[j] + ny[k] * ny[j];
            if (Math.Abs(sinA * delta) < 1.0 && cosA > 0)
            {
                result.Add(At(p, nx[k], ny[k], delta));
                k = j;
                continue;
            }
            sinA = Math.Clamp(sinA, -1.0, 1.0);
            if (sinA * delta < 0)
            {
                result.Add(At(p, nx[k], ny[k], delta));
                result.Add(new Point((int)p.X, (int)p.Y));
                result.Add(At(p, nx[j], ny[j], delta));
            }
            else
            {
                double angle = Math.Atan2(sinA, cosA);
                int count = Math.Max((int)RoundAway(stepsPerRad * Math.Abs(angle)), 1);
                double x = nx[k], y = ny[k];
                for (int i = 0; i < count; i++)
                {
                    result.Add(At(p, x, y, delta));
                    double x2 = x;
                    x = x * cos - sin * y;
                    y = x2 * sin + y * cos;
                }
                result.Add(At(p, nx[j], ny[j], delta));
            }
            k = j;
        }
        return result.ToArray();
    }

    private static Point At((long X, long Y) p, double nx, double ny, double delta) =>
        new((int)RoundAway(p.X + nx * delta), (int)RoundAway(p.Y + ny * delta));

    // Clipper's Round: half away from zero.
    private static long RoundAway(double v) => v < 0 ? (long)(v - 0.5) : (long)(v + 0.5);

    private static double SignedArea(List<(long X, long Y)> pts)
    {
        double a = 0;
        for (int i = 0, j = pts.Count - 1; i < pts.Count; j = i++)
            a += ((double)pts[j].X + pts[i].X) * ((double)pts[j].Y - pts[i].Y);
        return -a * 0.5;
    }
}
