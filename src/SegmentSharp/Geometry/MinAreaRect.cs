namespace SegmentSharp.Geometry;

public static partial class Shape
{
    /// <summary>
    /// The rotated rectangle of least area holding every point, by rotating calipers over the convex hull
    /// (G. Toussaint, "Solving geometric problems with the rotating calipers", 1983), exactly as <c>cv::minAreaRect</c>
    /// in OpenCV 4.13 (the same hull, the same single-precision caliper arithmetic, the angle in [-90, 0) as restored by
    /// OpenCV pull request 28051).
    /// Two distinct points give a box with one zero side along them; one point a zero box at it; none a zero box at the
    /// origin (all with angle −90 when no side points into the range).
    /// </summary>
    public static RotatedRect MinAreaRect(ReadOnlySpan<Point> points)
    {
        var hull = ConvexHull(points, clockwise: false);
        return MinAreaRectOfHull(ToFloat(hull));
    }

    /// <inheritdoc cref="MinAreaRect(ReadOnlySpan{Point})"/>
    public static RotatedRect MinAreaRect(ReadOnlySpan<PointF> points) => MinAreaRectOfHull(ConvexHull(points, clockwise: false));

    private static RotatedRect MinAreaRectOfHull(PointF[] h)
    {
        int n = h.Length;
        float cx = 0, cy = 0;
        // The two side vectors of the box (for two points: the segment and a zero side).
        float ax = 0, ay = 0, bx = 0, by = 0;
        if (n > 2)
        {
            Span<float> o = stackalloc float[6];
            RotatingCalipers(h, o);
            cx = o[0] + (o[2] + o[4]) * 0.5f;
            cy = o[1] + (o[3] + o[5]) * 0.5f;
            ax = o[2]; ay = o[3]; bx = o[4]; by = o[5];
        }
        else if (n == 2)
        {
            cx = (h[0].X + h[1].X) * 0.5f;
            cy = (h[0].Y + h[1].Y) * 0.5f;
            ax = h[1].X - h[0].X; ay = h[1].Y - h[0].Y;
        }
        else if (n == 1)
        {
            cx = h[0].X; cy = h[0].Y;
        }
        return Box(cx, cy, ax, ay, bx, by);
    }

    // OpenCV 4.13 (pull request 28051) takes the angle of the first side vector in double-precision degrees and turns
    // it by quarter turns into [-90, 0), swapping the sides at each turn, before rounding to float.
    private static RotatedRect Box(float cx, float cy, float ax, float ay, float bx, float by)
    {
        double w = Math.Sqrt((double)ax * ax + (double)ay * ay), h = Math.Sqrt((double)bx * bx + (double)by * by);
        double angle = Math.Atan2(ay, (double)ax) * 180 / Math.PI;
        while (angle >= 0) { angle -= 90; (w, h) = (h, w); }
        while (angle < -90) { angle += 90; (w, h) = (h, w); }
        return new RotatedRect(new PointF(cx, cy), (float)w, (float)h, (float)angle);
    }

    // Rotating calipers for the minimum-area rectangle: out = corner (x, y), side vector 1, side vector 2.
    private static void RotatingCalipers(PointF[] points, Span<float> output)
    {
        int n = points.Length;
        var vx = new float[n];
        var vy = new float[n];
        var inv = new float[n];
        int left = 0, bottom = 0, right = 0, top = 0;
        PointF pt0 = points[0];
        float leftX = pt0.X, rightX = pt0.X, topY = pt0.Y, bottomY = pt0.Y;
        for (int i = 0; i < n; i++)
        {
            if (pt0.X < leftX) { leftX = pt0.X; left = i; }
            if (pt0.X > rightX) { rightX = pt0.X; right = i; }
            if (pt0.Y > topY) { topY = pt0.Y; top = i; }
            if (pt0.Y < bottomY) { bottomY = pt0.Y; bottom = i; }
            PointF pt = points[i + 1 < n ? i + 1 : 0];
            double dx = pt.X - pt0.X, dy = pt.Y - pt0.Y;
            vx[i] = (float)dx; vy[i] = (float)dy;
            inv[i] = (float)(1.0 / Math.Sqrt(dx * dx + dy * dy));
            pt0 = pt;
        }

        float orientation = 0;
        {
            double ax = vx[n - 1], ay = vy[n - 1];
            for (int i = 0; i < n; i++)
            {
                double bx = vx[i], by = vy[i];
                double convexity = ax * by - ay * bx;
                if (convexity != 0)
                {
                    orientation = convexity > 0 ? 1f : -1f;
                    break;
                }
                ax = bx; ay = by;
            }
            if (orientation == 0) throw new InvalidOperationException("The convex hull is degenerate (all points collinear).");
        }
        float baseA = orientation, baseB = 0;
        Span<int> seq = [bottom, right, top, left];
        Span<float> rx = stackalloc float[4], ry = stackalloc float[4];
        float minArea = float.MaxValue;
        int bestLeft = 0, bestBottom = 0;
        float bestA = 0, bestB = 0, bestW = 0, bestH = 0;

        for (int k = 0; k < n; k++)
        {
            // Bring each caliper's next edge into the frame of caliper 0 and take the one turned least.
            rx[0] = vx[seq[0]]; ry[0] = vy[seq[0]];
            rx[1] = vy[seq[1]]; ry[1] = -vx[seq[1]];
            rx[2] = -vx[seq[2]]; ry[2] = -vy[seq[2]];
            rx[3] = -vy[seq[3]]; ry[3] = vx[seq[3]];
            int main = 0;
            for (int i = 1; i < 4; i++)
            {
                // first vector lies clockwise of the second: rotate90CW(v1) . v2 < 0
                float tx = ry[i], ty = -rx[i];
                if (tx * rx[main] + ty * ry[main] < 0) main = i;
            }
            int pindex = seq[main];
            float leadX = vx[pindex] * inv[pindex];
            float leadY = vy[pindex] * inv[pindex];
            switch (main)
            {
                case 0: baseA = leadX; baseB = leadY; break;
                case 1: baseA = leadY; baseB = -leadX; break;
                case 2: baseA = -leadX; baseB = -leadY; break;
                default: baseA = -leadY; baseB = leadX; break;
            }
            seq[main] += 1;
            if (seq[main] == n) seq[main] = 0;

            float ddx = points[seq[1]].X - points[seq[3]].X;
            float ddy = points[seq[1]].Y - points[seq[3]].Y;
            float width = ddx * baseA + ddy * baseB;
            ddx = points[seq[2]].X - points[seq[0]].X;
            ddy = points[seq[2]].Y - points[seq[0]].Y;
            float height = -ddx * baseB + ddy * baseA;
            float area = width * height;
            if (area <= minArea)
            {
                minArea = area;
                bestLeft = seq[3]; bestA = baseA; bestW = width; bestB = baseB; bestH = height; bestBottom = seq[0];
            }
        }

        float a1 = bestA, b1 = bestB, a2 = -bestB, b2 = bestA;
        float c1 = a1 * points[bestLeft].X + points[bestLeft].Y * b1;
        float c2 = a2 * points[bestBottom].X + points[bestBottom].Y * b2;
        float idet = 1f / (a1 * b2 - a2 * b1);
        output[0] = (c1 * b2 - c2 * b1) * idet;
        output[1] = (a1 * c2 - a2 * c1) * idet;
        output[2] = a1 * bestW;
        output[3] = b1 * bestW;
        output[4] = a2 * bestH;
        output[5] = b2 * bestH;
    }
}
