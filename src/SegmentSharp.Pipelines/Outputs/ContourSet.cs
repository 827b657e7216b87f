using SegmentSharp.Contours;
using SegmentSharp.Geometry;
using SegmentSharp.Imaging;

namespace SegmentSharp.Pipelines.Outputs;

/// <summary>Contours with their hierarchy and the measures the contours outputs report.</summary>
internal sealed class ContourSet
{
    public required Point[][] Contours { get; init; }
    public required HierarchyEntry[] Hierarchy { get; init; }
    /// <summary>Unsigned area (cv2.contourArea).</summary>
    public required double[] Area { get; init; }
    /// <summary>Closed perimeter (cv2.arcLength(c, True)).</summary>
    public required double[] Perimeter { get; init; }
    public required Rect[] Box { get; init; }
    /// <summary>Whether each contour borders a hole rather than an object; see <see cref="Measure"/>.</summary>
    public required bool[] IsHole { get; init; }

    public int Count => Contours.Length;

    /// <summary>
    /// Traces the borders of <paramref name="mask"/> (cv2.findContours), optionally simplifies each with Douglas-Peucker
    /// (cv2.approxPolyDP, closed) when <paramref name="polyEpsilon"/> is set, measures them, and keeps those whose area
    /// is at least <paramref name="minArea"/>. <paramref name="found"/> is the count before that filter.
    /// </summary>
    public static ContourSet Trace(ReadOnlyImageView<byte> mask, ContourMode mode, ContourApproximation approx, double? polyEpsilon,
        double minArea, out int found)
    {
        var points = ContourFinder.Find(mask, mode, approx, out var hierarchy);
        Point[][]? traced = null;
        if (polyEpsilon is double eps)
        {
            traced = points;
            points = new Point[traced.Length][];
            for (int i = 0; i < traced.Length; i++) points[i] = Shape.ApproxPolyDP(traced[i], eps, closed: true);
        }
        var set = Measure(points, hierarchy, mode, traced);
        found = set.Count;
        if (minArea > 0)
        {
            var keep = new bool[set.Count];
            for (int i = 0; i < keep.Length; i++) keep[i] = set.Area[i] >= minArea;
            set = set.Filter(keep);
        }
        return set;
    }

    /// <summary>
    /// Measures contours. Holes: with ccomp and tree the hierarchy says it (odd depth); external keeps no holes; for
    /// list the orientation of <paramref name="traced"/> (the unsimplified borders, when available) decides, since
    /// OpenCV traces hole borders the other way round (positive oriented area in image coordinates).
    /// </summary>
    public static ContourSet Measure(Point[][] contours, HierarchyEntry[] hierarchy, ContourMode mode, Point[][]? traced = null)
    {
        int n = contours.Length;
        var area = new double[n];
        var perimeter = new double[n];
        var box = new Rect[n];
        var hole = new bool[n];
        for (int i = 0; i < n; i++)
        {
            area[i] = Shape.ContourArea(contours[i]);
            hole[i] = mode switch
            {
                ContourMode.External => false,
                ContourMode.List => Shape.ContourArea((traced ?? contours)[i], oriented: true) > 0,
                _ => Depth(hierarchy, i) % 2 == 1,
            };
            perimeter[i] = Shape.ArcLength(contours[i], closed: true);
            box[i] = Shape.BoundingRect(contours[i]);
        }
        return new ContourSet { Contours = contours, Hierarchy = hierarchy, Area = area, Perimeter = perimeter, Box = box, IsHole = hole };
    }

    private static int Depth(HierarchyEntry[] h, int i)
    {
        int d = 0;
        for (int p = h[i].Parent; p >= 0; p = h[p].Parent) d++;
        return d;
    }

    /// <summary>
    /// Keeps the contours with <paramref name="keep"/> set and rewires the hierarchy: a kept contour's parent becomes its
    /// nearest kept ancestor, and siblings keep their original relative order.
    /// </summary>
    public ContourSet Filter(bool[] keep)
    {
        int n = Count;
        var newIndex = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) newIndex[i] = keep[i] ? m++ : -1;
        if (m == n) return this;
        var parent = new int[m];
        var children = new List<int>[m + 1]; // slot m holds the top level
        for (int i = 0; i <= m; i++) children[i] = [];
        for (int i = 0; i < n; i++)
        {
            if (!keep[i]) continue;
            int p = Hierarchy[i].Parent;
            while (p >= 0 && !keep[p]) p = Hierarchy[p].Parent;
            parent[newIndex[i]] = p < 0 ? -1 : newIndex[p];
            children[p < 0 ? m : newIndex[p]].Add(newIndex[i]);
        }
        var h = new HierarchyEntry[m];
        for (int slot = 0; slot <= m; slot++)
        {
            var list = children[slot];
            for (int k = 0; k < list.Count; k++)
            {
                int c = list[k];
                h[c] = new HierarchyEntry(k + 1 < list.Count ? list[k + 1] : -1, k > 0 ? list[k - 1] : -1, -1, parent[c]);
            }
        }
        for (int i = 0; i < m; i++)
            if (children[i].Count > 0) h[i] = h[i] with { FirstChild = children[i][0] };
        T[] Pick<T>(T[] a) { var r = new T[m]; for (int i = 0; i < n; i++) if (keep[i]) r[newIndex[i]] = a[i]; return r; }
        return new ContourSet
        {
            Contours = Pick(Contours), Hierarchy = h, Area = Pick(Area), Perimeter = Pick(Perimeter), Box = Pick(Box), IsHole = Pick(IsHole),
        };
    }
}
