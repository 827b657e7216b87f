namespace SegmentSharp.Geometry;

public static partial class Shape
{
    /// <summary>
    /// The deviations of a contour from its convex hull, as <c>cv::convexityDefects</c>: for each hull edge with contour
    /// points strictly between its ends, the deepest such point and its distance to the edge (×256, rounded).
    /// <paramref name="hullIndices"/> is the output of <see cref="ConvexHullIndices(ReadOnlySpan{Point}, bool)"/> for the
    /// same contour. Contours of 3 points or fewer, and hulls of fewer than 3 points, have no defects.
    /// </summary>
    /// <exception cref="ArgumentException">The hull indices are out of range or not monotonous (a self-intersecting contour).</exception>
    public static ConvexityDefect[] ConvexityDefects(ReadOnlySpan<Point> contour, ReadOnlySpan<int> hullIndices)
    {
        int npoints = contour.Length, hpoints = hullIndices.Length;
        if (npoints <= 3 || hpoints < 3) return [];

        bool rev = ((hullIndices[1] > hullIndices[0] ? 1 : 0) + (hullIndices[2] > hullIndices[1] ? 1 : 0)
                    + (hullIndices[0] > hullIndices[2] ? 1 : 0)) != 2;
        int hcurr = hullIndices[rev ? 0 : hpoints - 1];
        CheckIndex(hcurr, npoints);
        var defects = new List<ConvexityDefect>();
        int increasing = -1;
        for (int i = 0; i < hpoints; i++)
        {
            int hnext = hullIndices[rev ? hpoints - i - 1 : i];
            CheckIndex(hnext, npoints);
            Point pt0 = contour[hcurr], pt1 = contour[hnext];
            int inc = hcurr < hnext ? 1 : 0;
            if (increasing < 0) increasing = 1 - inc;
            else if (increasing != inc)
                throw new ArgumentException("The convex hull indices are not monotonous, which happens when the contour intersects itself.", nameof(hullIndices));

            double dx0 = pt1.X - pt0.X, dy0 = pt1.Y - pt0.Y;
            double scale = dx0 == 0 && dy0 == 0 ? 0.0 : 1.0 / Math.Sqrt(dx0 * dx0 + dy0 * dy0);
            int deepest = -1;
            double depth = 0;
            for (int j = hcurr; ;)
            {
                j++;
                if (j >= npoints) j = 0;
                if (j == hnext) break;
                double dx = contour[j].X - pt0.X, dy = contour[j].Y - pt0.Y;
                double dist = Math.Abs(-dy0 * dx + dx0 * dy) * scale;
                if (dist > depth) { depth = dist; deepest = j; }
            }
            if (deepest >= 0) defects.Add(new ConvexityDefect(hcurr, hnext, deepest, (int)Math.Round(depth * 256)));
            hcurr = hnext;
        }
        return defects.ToArray();
    }

    private static void CheckIndex(int index, int count)
    {
        if ((uint)index >= (uint)count)
            throw new ArgumentException($"Hull index {index} is outside the contour of {count} points.", "hullIndices");
    }
}
