namespace SegmentSharp.Geometry;

public static partial class Shape
{
    /// <summary>
    /// Convex hull of a point set by Sklansky's scan over the x-sorted points (J. Sklansky, "Finding the convex hull
    /// of a simple polygon", 1982), exactly as <c>cv::convexHull(points, hull, clockwise, returnPoints: true)</c>:
    /// the same vertices in the same order and from the same starting vertex. "Clockwise" is meant as on an image
    /// (y pointing down).
    /// </summary>
    public static Point[] ConvexHull(ReadOnlySpan<Point> points, bool clockwise = false)
    {
        var idx = IntHull(points, clockwise, returnPoints: true);
        var hull = new Point[idx.Length];
        for (int i = 0; i < idx.Length; i++) hull[i] = points[idx[i]];
        return hull;
    }

    /// <summary>
    /// Indices into <paramref name="points"/> of the convex hull vertices, as
    /// <c>cv::convexHull(points, hull, clockwise, returnPoints: false)</c>; the order is rotated, as OpenCV does, so that
    /// the indices form an ascending or descending run where possible (the form <see cref="ConvexityDefects"/> needs).
    /// Where duplicates of a hull point exist, the choice among them can differ from
    /// <see cref="ConvexHull(ReadOnlySpan{Point}, bool)"/>, exactly as in OpenCV.
    /// </summary>
    public static int[] ConvexHullIndices(ReadOnlySpan<Point> points, bool clockwise = false) =>
        IntHull(points, clockwise, returnPoints: false);

    private static int[] IntHull(ReadOnlySpan<Point> points, bool clockwise, bool returnPoints)
    {
        int total = points.Length;
        if (total == 0) return [];
        var pts = points.ToArray();
        var order = new int[total];
        int miny = 0, maxy = 0;
        {
            for (int i = 0; i < total; i++) order[i] = i;
            // OpenCV sorts pointers by (x, y, address): the address tie-break is the input index.
            Array.Sort(order, (a, b) =>
            {
                Point p = pts[a], q = pts[b];
                if (p.X != q.X) return p.X < q.X ? -1 : 1;
                if (p.Y != q.Y) return p.Y < q.Y ? -1 : 1;
                return a.CompareTo(b);
            });
            for (int i = 1; i < total; i++)
            {
                int y = pts[order[i]].Y;
                if (pts[order[miny]].Y > y) miny = i;
                if (pts[order[maxy]].Y < y) maxy = i;
            }
        }
        var sorted = new Point[total];
        for (int i = 0; i < total; i++) sorted[i] = pts[order[i]];
        return HullCore(new IntScan(sorted), order, total, miny, maxy, clockwise, returnPoints);
    }

    /// <inheritdoc cref="ConvexHull(ReadOnlySpan{Point}, bool)"/>
    public static PointF[] ConvexHull(ReadOnlySpan<PointF> points, bool clockwise = false)
    {
        var idx = FloatHull(points, clockwise, returnPoints: true);
        var hull = new PointF[idx.Length];
        for (int i = 0; i < idx.Length; i++) hull[i] = points[idx[i]];
        return hull;
    }

    /// <inheritdoc cref="ConvexHullIndices(ReadOnlySpan{Point}, bool)"/>
    public static int[] ConvexHullIndices(ReadOnlySpan<PointF> points, bool clockwise = false) =>
        FloatHull(points, clockwise, returnPoints: false);

    private static int[] FloatHull(ReadOnlySpan<PointF> points, bool clockwise, bool returnPoints)
    {
        int total = points.Length;
        if (total == 0) return [];
        var pts = points.ToArray();
        var order = new int[total];
        for (int i = 0; i < total; i++) order[i] = i;
        Array.Sort(order, (a, b) =>
        {
            PointF p = pts[a], q = pts[b];
            if (p.X != q.X) return p.X < q.X ? -1 : 1;
            if (p.Y != q.Y) return p.Y < q.Y ? -1 : 1;
            return a.CompareTo(b);
        });
        var sorted = new PointF[total];
        for (int i = 0; i < total; i++) sorted[i] = pts[order[i]];
        int miny = 0, maxy = 0;
        for (int i = 1; i < total; i++)
        {
            float y = sorted[i].Y;
            if (sorted[miny].Y > y) miny = i;
            if (sorted[maxy].Y < y) maxy = i;
        }
        return HullCore(new FloatScan(sorted), order, total, miny, maxy, clockwise, returnPoints);
    }

    // The coordinate-type specific parts of Sklansky's scan: equality, the y step and the turn test.
    private interface IHullScan
    {
        bool Same(int i, int j);
        int SignDy(int cur, int next);
        // Sign of the turn prev -> cur -> next (positive is convex for the scan), and whether prev != cur.
        int Convexity(int prev, int cur, int next, out bool moved);
    }

    private readonly struct IntScan(Point[] p) : IHullScan
    {
        public bool Same(int i, int j) => p[i] == p[j];
        public int SignDy(int cur, int next) => Math.Sign(p[next].Y - p[cur].Y);
        public int Convexity(int prev, int cur, int next, out bool moved)
        {
            int ax = p[cur].X - p[prev].X, ay = p[cur].Y - p[prev].Y;
            int bx = p[next].X - p[cur].X, by = p[next].Y - p[cur].Y;
            moved = ax != 0 || ay != 0;
            return Math.Sign((long)ay * bx - (long)ax * by);
        }
    }

    private readonly struct FloatScan(PointF[] p) : IHullScan
    {
        public bool Same(int i, int j) => p[i] == p[j];
        public int SignDy(int cur, int next) => Math.Sign(p[next].Y - p[cur].Y);
        public int Convexity(int prev, int cur, int next, out bool moved)
        {
            float ax = p[cur].X - p[prev].X, ay = p[cur].Y - p[prev].Y;
            float bx = p[next].X - p[cur].X, by = p[next].Y - p[cur].Y;
            Normalize(ref ax, ref ay);
            Normalize(ref bx, ref by);
            moved = ax != 0 || ay != 0;
            double c = (double)ay * bx - (double)ax * by;
            return c > 0 ? 1 : c < 0 ? -1 : 0;
        }

        // cv::normalize of a Vec2f: divide by the double L2 norm, leaving a zero vector alone.
        private static void Normalize(ref float x, ref float y)
        {
            double nrm = Math.Sqrt((double)x * x + (double)y * y);
            if (nrm < double.Epsilon) return;
            double s = 1.0 / nrm;
            x = (float)(x * s); y = (float)(y * s);
        }
    }

    // One monotone chain of Sklansky's scan from start towards end (either direction); returns the stack size.
    private static int Sklansky<TScan>(TScan s, int start, int end, Span<int> stack, int nsign, int sign2) where TScan : IHullScan
    {
        int incr = end > start ? 1 : -1;
        int pprev = start, pcur = pprev + incr, pnext = pcur + incr;
        int stacksize = 3;
        if (start == end || s.Same(start, end))
        {
            stack[0] = start;
            return 1;
        }
        stack[0] = pprev; stack[1] = pcur; stack[2] = pnext;
        end += incr;
        while (pnext != end)
        {
            if (s.SignDy(pcur, pnext) != nsign)
            {
                int convexity = s.Convexity(pprev, pcur, pnext, out bool moved);
                if (convexity == sign2 && moved)
                {
                    pprev = pcur; pcur = pnext; pnext += incr;
                    stack[stacksize] = pnext;
                    stacksize++;
                }
                else if (pprev == start)
                {
                    pcur = pnext;
                    stack[1] = pcur;
                    pnext += incr;
                    stack[2] = pnext;
                }
                else
                {
                    stack[stacksize - 2] = pnext;
                    pcur = pprev;
                    pprev = stack[stacksize - 4];
                    stacksize--;
                }
            }
            else
            {
                pnext += incr;
                stack[stacksize - 1] = pnext;
            }
        }
        return --stacksize;
    }

    private static int[] HullCore<TScan>(TScan s, int[] order, int total, int miny, int maxy, bool clockwise, bool returnPoints) where TScan : IHullScan
    {
        var stack = new int[total + 2];
        var hullbuf = new int[total];
        int nout = 0;
        if (s.Same(0, total - 1))
        {
            hullbuf[nout++] = 0; // OpenCV reports input index 0 here, whichever duplicate sorted first
            return hullbuf.AsSpan(0, nout).ToArray();
        }

        // upper half
        int tlStart = 0;
        int tlCount = Sklansky(s, 0, maxy, stack.AsSpan(tlStart), -1, 1);
        int trStart = tlCount;
        int trCount = Sklansky(s, total - 1, maxy, stack.AsSpan(trStart), -1, -1);
        if (!clockwise)
        {
            (tlStart, trStart) = (trStart, tlStart);
            (tlCount, trCount) = (trCount, tlCount);
        }
        for (int i = 0; i < tlCount - 1; i++) hullbuf[nout++] = stack[tlStart + i];
        for (int i = trCount - 1; i > 0; i--) hullbuf[nout++] = stack[trStart + i];
        int stopIdx = trCount > 2 ? stack[trStart + 1] : tlCount > 2 ? stack[tlStart + tlCount - 2] : -1;

        // lower half
        int blStart = 0;
        int blCount = Sklansky(s, 0, miny, stack.AsSpan(blStart), 1, -1);
        int brStart = blCount;
        int brCount = Sklansky(s, total - 1, miny, stack.AsSpan(brStart), 1, 1);
        if (clockwise)
        {
            (blStart, brStart) = (brStart, blStart);
            (blCount, brCount) = (brCount, blCount);
        }
        if (stopIdx >= 0)
        {
            int checkIdx = blCount > 2 ? stack[blStart + 1] : blCount + brCount > 2 ? stack[brStart + 2 - blCount] : -1;
            if (checkIdx == stopIdx || (checkIdx >= 0 && s.Same(checkIdx, stopIdx)))
            {
                // all points on one line: the lower chain mirrors the upper one
                blCount = Math.Min(blCount, 2);
                brCount = Math.Min(brCount, 2);
            }
        }
        for (int i = 0; i < blCount - 1; i++) hullbuf[nout++] = stack[blStart + i];
        for (int i = brCount - 1; i > 0; i--) hullbuf[nout++] = stack[brStart + i];

        if (!returnPoints)
        {
            // Among duplicates of a hull vertex, prefer the one whose input index keeps the indices monotonous.
            for (int i = 0; i < nout; i++)
            {
                int prev = order[hullbuf[(i == 0 ? nout : i) - 1]], next = order[hullbuf[(i + 1) % nout]];
                int cur = order[hullbuf[i]];
                if ((prev < cur && cur < next) || (prev > cur && cur > next)) continue;
                for (int j = hullbuf[i] + 1; j < total; j++)
                {
                    if (!s.Same(hullbuf[i], j)) break;
                    cur = order[j];
                    if ((prev < cur && cur < next) || (prev > cur && cur > next)) { hullbuf[i] = j; break; }
                }
            }
        }
        for (int i = 0; i < nout; i++) hullbuf[i] = order[hullbuf[i]];

        // Rotate the cycle so that the indices ascend or descend, when they can.
        if (nout >= 3)
        {
            int minIdx = 0, maxIdx = 0, lt = 0;
            for (int i = 1; i < nout; i++)
            {
                int idx = hullbuf[i];
                lt += hullbuf[i - 1] < idx ? 1 : 0;
                if (lt > 1 && lt <= i - 2) break;
                if (idx < hullbuf[minIdx]) minIdx = i;
                if (idx > hullbuf[maxIdx]) maxIdx = i;
            }
            int mmdist = Math.Abs(maxIdx - minIdx);
            if ((mmdist == 1 || mmdist == nout - 1) && (lt <= 1 || lt >= nout - 2))
            {
                bool ascending = (maxIdx + 1) % nout == minIdx;
                int i0 = ascending ? minIdx : maxIdx, j = i0;
                if (i0 > 0)
                {
                    int i;
                    for (i = 0; i < nout; i++)
                    {
                        int curr = stack[i] = hullbuf[j];
                        int nextJ = j + 1 < nout ? j + 1 : 0;
                        int next = hullbuf[nextJ];
                        if (i < nout - 1 && ascending != (curr < next)) break;
                        j = nextJ;
                    }
                    if (i == nout) Array.Copy(stack, hullbuf, nout);
                }
            }
        }
        return hullbuf.AsSpan(0, nout).ToArray();
    }
}
