namespace SegmentSharp.Geometry;

public static partial class Shape
{
    /// <summary>
    /// Simplifies a polyline or polygon by the Ramer–Douglas–Peucker algorithm (U. Ramer, 1972; D. Douglas and
    /// T. Peucker, 1973) exactly as <c>cv::approxPolyDP</c>: the same start (for closed curves, the approximate
    /// diameter found in three passes), the same point-to-segment distance, the same final removal of nearly
    /// collinear points, hence the same output points in the same order.
    /// </summary>
    /// <param name="curve">Input vertices.</param>
    /// <param name="epsilon">Largest allowed distance between the curve and its approximation, in pixels.</param>
    /// <param name="closed">Whether the curve is closed (last vertex joins the first).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epsilon"/> is negative, NaN or ≥ 1e30.</exception>
    public static Point[] ApproxPolyDP(ReadOnlySpan<Point> curve, double epsilon, bool closed)
    {
        var idx = ApproxCore(new IntDp(curve.ToArray()), curve.Length, epsilon, closed);
        var r = new Point[idx.Length];
        for (int i = 0; i < r.Length; i++) r[i] = curve[idx[i]];
        return r;
    }

    /// <inheritdoc cref="ApproxPolyDP(ReadOnlySpan{Point}, double, bool)"/>
    public static PointF[] ApproxPolyDP(ReadOnlySpan<PointF> curve, double epsilon, bool closed)
    {
        var idx = ApproxCore(new FloatDp(curve.ToArray()), curve.Length, epsilon, closed);
        var r = new PointF[idx.Length];
        for (int i = 0; i < r.Length; i++) r[i] = curve[idx[i]];
        return r;
    }

    // Differences and squared lengths in the arithmetic OpenCV uses for the coordinate type (int or float).
    private interface IDpOps
    {
        bool Same(int a, int b);
        double Dx(int a, int b);
        double Dy(int a, int b);
        double Sq(int a, int b);
        double Inner(int s, int p, int e);
    }

    private readonly struct IntDp(Point[] p) : IDpOps
    {
        public bool Same(int a, int b) => p[a] == p[b];
        public double Dx(int a, int b) => p[a].X - p[b].X;
        public double Dy(int a, int b) => p[a].Y - p[b].Y;
        public double Sq(int a, int b)
        {
            int dx = p[a].X - p[b].X, dy = p[a].Y - p[b].Y;
            return unchecked(dx * dx + dy * dy);
        }
        public double Inner(int s, int q, int e) =>
            unchecked((p[q].X - p[s].X) * (p[e].X - p[q].X) + (p[q].Y - p[s].Y) * (p[e].Y - p[q].Y));
    }

    private readonly struct FloatDp(PointF[] p) : IDpOps
    {
        public bool Same(int a, int b) => p[a].X == p[b].X && p[a].Y == p[b].Y;
        public double Dx(int a, int b) => p[a].X - p[b].X;
        public double Dy(int a, int b) => p[a].Y - p[b].Y;
        public double Sq(int a, int b)
        {
            float dx = p[a].X - p[b].X, dy = p[a].Y - p[b].Y;
            return dx * dx + dy * dy;
        }
        public double Inner(int s, int q, int e) =>
            (p[q].X - p[s].X) * (p[e].X - p[q].X) + (p[q].Y - p[s].Y) * (p[e].Y - p[q].Y);
    }

    private static int[] ApproxCore<T>(T ops, int count, double eps, bool closed0) where T : IDpOps
    {
        if (eps < 0.0 || !(eps < 1e30))
            throw new ArgumentOutOfRangeException(nameof(eps), eps, "epsilon must be a non-negative finite distance below 1e30.");
        if (count == 0) return [];

        var stack = new Stack<(int Start, int End)>();
        var dst = new int[count]; // indices into the input
        int newCount = 0;
        int initIters = 3;
        (int Start, int End) slice = (0, 0), right = (0, 0);
        bool isClosed = closed0, leEps = false;
        int startPt = -1, endPt, pt, pos = 0;
        eps *= eps;

        if (!isClosed)
        {
            right.Start = count;
            endPt = 0; startPt = count - 1;
            if (!ops.Same(startPt, endPt))
            {
                slice = (0, count - 1);
                stack.Push(slice);
            }
            else
            {
                isClosed = true;
                initIters = 1;
            }
        }

        if (isClosed)
        {
            // Find two approximately farthest points of the closed curve.
            right.Start = 0;
            for (int i = 0; i < initIters; i++)
            {
                double maxDist = 0;
                pos = (pos + right.Start) % count;
                startPt = pos; if (++pos >= count) pos = 0;
                for (int j = 1; j < count; j++)
                {
                    pt = pos; if (++pos >= count) pos = 0;
                    double dx = ops.Dx(pt, startPt), dy = ops.Dy(pt, startPt);
                    double dist = dx * dx + dy * dy;
                    if (dist > maxDist) { maxDist = dist; right.Start = j; }
                }
                leEps = maxDist <= eps;
            }
            if (!leEps)
            {
                right.End = slice.Start = pos % count;
                slice.End = right.Start = (right.Start + slice.Start) % count;
                stack.Push(right);
                stack.Push(slice);
            }
            else dst[newCount++] = startPt;
        }

        while (stack.Count > 0)
        {
            slice = stack.Pop();
            endPt = slice.End;
            pos = slice.Start;
            startPt = pos; if (++pos >= count) pos = 0;
            if (pos != slice.End)
            {
                double dx = ops.Dx(endPt, startPt), dy = ops.Dy(endPt, startPt);
                double segLen2 = dx * dx + dy * dy, maxD = 0;
                while (pos != slice.End)
                {
                    pt = pos; if (++pos >= count) pos = 0;
                    double projection = ops.Dx(pt, startPt) * dx + ops.Dy(pt, startPt) * dy;
                    double d;
                    if (projection < 0) d = ops.Sq(pt, startPt) * segLen2;
                    else if (projection > segLen2) d = ops.Sq(pt, endPt) * segLen2;
                    else
                    {
                        double cross = ops.Dy(pt, startPt) * dx - ops.Dx(pt, startPt) * dy;
                        d = cross * cross;
                    }
                    if (d > maxD) { maxD = d; right.Start = (pos + count - 1) % count; }
                }
                leEps = maxD <= eps * segLen2;
            }
            else
            {
                leEps = true;
                startPt = slice.Start;
            }

            if (leEps) dst[newCount++] = startPt;
            else
            {
                right.End = slice.End;
                slice.End = right.Start;
                stack.Push(right);
                stack.Push(slice);
            }
        }

        if (!isClosed) dst[newCount++] = count - 1;

        // Final clean-up: drop points on [almost] straight runs.
        isClosed = closed0;
        count = newCount;
        pos = isClosed ? count - 1 : 0;
        int sp = dst[pos]; if (++pos >= count) pos = 0;
        int wpos = pos;
        int p = dst[pos]; if (++pos >= count) pos = 0;
        int notClosed = isClosed ? 0 : 1;
        for (int i = notClosed; i < count - notClosed && newCount > 2; i++)
        {
            int ep = dst[pos]; if (++pos >= count) pos = 0;
            double dx = ops.Dx(ep, sp), dy = ops.Dy(ep, sp);
            double dist = Math.Abs(ops.Dx(p, sp) * dy - ops.Dy(p, sp) * dx);
            double inner = ops.Inner(sp, p, ep);
            if (dist * dist <= 0.5 * eps * (dx * dx + dy * dy) && dx != 0 && dy != 0 && inner >= 0)
            {
                newCount--;
                dst[wpos] = sp = ep;
                if (++wpos >= count) wpos = 0;
                p = dst[pos]; if (++pos >= count) pos = 0;
                i++;
                continue;
            }
            dst[wpos] = sp = p;
            if (++wpos >= count) wpos = 0;
            p = ep;
        }
        if (!isClosed) dst[wpos] = p;
        return dst.AsSpan(0, newCount).ToArray();
    }
}
