namespace SegmentSharp.Geometry;

public static partial class Shape
{
    /// <summary>
    /// Where a point lies relative to a polygon, by even-odd ray crossing, as <c>cv::pointPolygonTest</c>. Without
    /// <paramref name="measureDist"/>: +1 inside, −1 outside, 0 on an edge. With it: the signed distance to the nearest
    /// edge (positive inside). An empty contour gives −1, or −<see cref="double.MaxValue"/> when measuring.
    /// </summary>
    public static double PointPolygonTest(ReadOnlySpan<Point> contour, PointF pt, bool measureDist)
    {
        int total = contour.Length;
        if (total == 0) return measureDist ? -double.MaxValue : -1;
        int ipx = (int)Math.Round(pt.X), ipy = (int)Math.Round(pt.Y);
        if (!measureDist && ipx == pt.X && ipy == pt.Y)
        {
            // exact integer crossing test
            Point v = contour[total - 1];
            int counter = 0;
            for (int i = 0; i < total; i++)
            {
                Point v0 = v;
                v = contour[i];
                if ((v0.Y <= ipy && v.Y <= ipy) || (v0.Y > ipy && v.Y > ipy) || (v0.X < ipx && v.X < ipx))
                {
                    if (ipy == v.Y && (ipx == v.X || (ipy == v0.Y &&
                        ((v0.X <= ipx && ipx <= v.X) || (v.X <= ipx && ipx <= v0.X)))))
                        return 0;
                    continue;
                }
                long dist = (long)(ipy - v0.Y) * (v.X - v0.X) - (long)(ipx - v0.X) * (v.Y - v0.Y);
                if (dist == 0) return 0;
                if (v.Y < v0.Y) dist = -dist;
                if (dist > 0) counter++;
            }
            return counter % 2 == 0 ? -1 : 1;
        }
        return PointPolygonTest(ToFloat(contour), pt, measureDist);
    }

    /// <inheritdoc cref="PointPolygonTest(ReadOnlySpan{Point}, PointF, bool)"/>
    public static double PointPolygonTest(ReadOnlySpan<PointF> contour, PointF pt, bool measureDist)
    {
        int total = contour.Length;
        if (total == 0) return measureDist ? -double.MaxValue : -1;
        PointF v = contour[total - 1];
        int counter = 0;
        if (!measureDist)
        {
            for (int i = 0; i < total; i++)
            {
                PointF v0 = v;
                v = contour[i];
                if ((v0.Y <= pt.Y && v.Y <= pt.Y) || (v0.Y > pt.Y && v.Y > pt.Y) || (v0.X < pt.X && v.X < pt.X))
                {
                    if (pt.Y == v.Y && (pt.X == v.X || (pt.Y == v0.Y &&
                        ((v0.X <= pt.X && pt.X <= v.X) || (v.X <= pt.X && pt.X <= v0.X)))))
                        return 0;
                    continue;
                }
                double dist = (double)(pt.Y - v0.Y) * (v.X - v0.X) - (double)(pt.X - v0.X) * (v.Y - v0.Y);
                if (dist == 0) return 0;
                if (v.Y < v0.Y) dist = -dist;
                if (dist > 0) counter++;
            }
            return counter % 2 == 0 ? -1 : 1;
        }

        double minNum = float.MaxValue, minDenom = 1;
        for (int i = 0; i < total; i++)
        {
            PointF v0 = v;
            v = contour[i];
            double dx = v.X - v0.X, dy = v.Y - v0.Y;
            double dx1 = pt.X - v0.X, dy1 = pt.Y - v0.Y;
            double dx2 = pt.X - v.X, dy2 = pt.Y - v.Y;
            double num, denom = 1;
            if (dx1 * dx + dy1 * dy <= 0) num = dx1 * dx1 + dy1 * dy1;
            else if (dx2 * dx + dy2 * dy >= 0) num = dx2 * dx2 + dy2 * dy2;
            else
            {
                num = dy1 * dx - dx1 * dy;
                num *= num;
                denom = dx * dx + dy * dy;
            }
            if (num * minDenom < minNum * denom)
            {
                minNum = num; minDenom = denom;
                if (minNum == 0) break;
            }
            if ((v0.Y <= pt.Y && v.Y <= pt.Y) || (v0.Y > pt.Y && v.Y > pt.Y) || (v0.X < pt.X && v.X < pt.X))
                continue;
            num = dy1 * dx - dx1 * dy;
            if (dy < 0) num = -num;
            if (num > 0) counter++;
        }
        double result = Math.Sqrt(minNum / minDenom);
        return counter % 2 == 0 ? -result : result;
    }
}
