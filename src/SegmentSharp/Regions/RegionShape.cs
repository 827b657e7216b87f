using SegmentSharp.Imaging;

namespace SegmentSharp.Regions;

/// <summary>Per-region measurements on a binary bounding-box crop (1 = pixel of the region).</summary>
internal static class RegionShape
{
    /// <summary>Writes the w × h crop into <paramref name="m"/> (at least w·h long; every byte is written).</summary>
    public static void Crop(ReadOnlyImageView<int> labels, int label, int x0, int y0, int w, int h, Span<byte> m)
    {
        for (int y = 0; y < h; y++)
        {
            var row = labels.Row(y0 + y).Slice(x0, w);
            for (int x = 0; x < w; x++) m[y * w + x] = row[x] == label ? (byte)1 : (byte)0;
        }
    }

    private static int At(ReadOnlySpan<byte> m, int w, int h, int x, int y) =>
        (uint)x < (uint)w && (uint)y < (uint)h ? m[y * w + x] : 0;

    /// <summary>
    /// scikit-image's <c>perimeter(image, 4)</c> (K. Benkrid and D. Crookes, "Design and FPGA implementation of a
    /// perimeter estimator"): border pixels are those removed by an erosion with the 4-neighbour cross (outside = 0);
    /// each border pixel is weighted by the pattern of its border neighbours (code = 1 + 2·edge + 10·corner neighbours).
    /// </summary>
    /// <remarks><paramref name="border"/> is scratch of at least w·h bytes, reused across regions.</remarks>
    public static double Perimeter(ReadOnlySpan<byte> m, int w, int h, Span<byte> border)
    {
        border = border[..(w * h)];
        border.Clear();
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
                if (m[y * w + x] != 0 && (At(m, w, h, x - 1, y) & At(m, w, h, x + 1, y) & At(m, w, h, x, y - 1) & At(m, w, h, x, y + 1)) == 0)
                    border[y * w + x] = 1;
        Span<long> hist = stackalloc long[50];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                if (border[y * w + x] == 0) continue;
                int code = 1
                    + 2 * (At(border, w, h, x - 1, y) + At(border, w, h, x + 1, y) + At(border, w, h, x, y - 1) + At(border, w, h, x, y + 1))
                    + 10 * (At(border, w, h, x - 1, y - 1) + At(border, w, h, x + 1, y - 1) + At(border, w, h, x - 1, y + 1) + At(border, w, h, x + 1, y + 1));
                hist[code]++;
            }
        double s2 = Math.Sqrt(2);
        double p = 0;
        for (int i = 0; i < 50; i++)
        {
            double wgt = i switch
            {
                5 or 7 or 15 or 17 or 25 or 27 => 1,
                21 or 33 => s2,
                13 or 23 => (1 + s2) / 2,
                _ => 0,
            };
            p += hist[i] * wgt;
        }
        return p;
    }

    /// <summary>
    /// scikit-image's <c>euler_number(image, connectivity=2)</c> as <c>regionprops</c> uses it: 8-connected objects,
    /// 4-connected holes, counted from the 2×2 configurations by Ohser, Nagel and Schladitz's coefficients.
    /// </summary>
    public static int EulerNumber8(ReadOnlySpan<byte> m, int w, int h)
    {
        // index = p(r,c) + 2 p(r-1,c) + 4 p(r,c-1) + 8 p(r-1,c-1), coefficient table for 8-connectivity
        ReadOnlySpan<int> coef = [0, 0, 0, 0, 0, 0, -1, 0, 1, 0, 0, 0, 0, 0, -1, 0];
        int e = 0;
        for (int y = 0; y <= h; y++)
            for (int x = 0; x <= w; x++)
            {
                int k = At(m, w, h, x, y) + 2 * At(m, w, h, x, y - 1) + 4 * At(m, w, h, x - 1, y) + 8 * At(m, w, h, x - 1, y - 1);
                e += coef[k];
            }
        return e;
    }

    /// <summary>
    /// Pixel count of scikit-image's <c>convex_hull_image</c> (0.19, <c>offset_coordinates=True</c>): the convex hull of
    /// the four edge midpoints of every pixel, then every pixel centre inside it or on its boundary. Computed exactly in
    /// doubled integer coordinates (Andrew's monotone chain, then each row's inside interval from the edge half-planes),
    /// which is what scikit-image's floating-point Qhull and point-in-polygon test give for these half-integer vertices.
    /// </summary>
    /// <remarks><paramref name="pts"/> and <paramref name="hull"/> are scratch lists reused across regions (cleared here).</remarks>
    public static int ConvexHullArea(ReadOnlySpan<byte> m, int w, int h, List<(long X, long Y)> pts, List<(long X, long Y)> hull)
    {
        // Hull candidates: the midpoints around the leftmost and rightmost pixel of each row, doubled (x = 2c, y = 2r).
        pts.Clear();
        for (int y = 0; y < h; y++)
        {
            int left = -1, right = -1;
            for (int x = 0; x < w; x++) if (m[y * w + x] != 0) { if (left < 0) left = x; right = x; }
            if (left < 0) continue;
            AddMidpoints(pts, left, y);
            if (right != left) AddMidpoints(pts, right, y);
        }
        MonotoneChain(pts, hull);
        int count = 0;
        for (int y = 0; y < h; y++)
        {
            // Each edge a→b keeps the points with dyE·X ≤ dxE·(Y − aY) + dyE·aX: a half-line in X on this row.
            long lo = long.MinValue, hi = long.MaxValue, yy = 2L * y;
            bool empty = false;
            for (int i = 0; i < hull.Count && !empty; i++)
            {
                var a = hull[i]; var b = hull[(i + 1) % hull.Count];
                long dxE = b.X - a.X, dyE = b.Y - a.Y, k = dxE * (yy - a.Y) + dyE * a.X;
                if (dyE > 0) hi = Math.Min(hi, FloorDiv(k, dyE));
                else if (dyE < 0) lo = Math.Max(lo, CeilDiv(k, dyE));
                else if (dxE * (yy - a.Y) < 0) empty = true;
            }
            if (empty) continue;
            // X = 2x: x in [ceil(lo / 2), floor(hi / 2)] within the crop.
            long xlo = lo == long.MinValue ? 0 : Math.Max(0, CeilDiv(lo, 2));
            long xhi = hi == long.MaxValue ? w - 1 : Math.Min(w - 1, FloorDiv(hi, 2));
            if (xhi >= xlo) count += (int)(xhi - xlo + 1);
        }
        return count;
    }

    private static void AddMidpoints(List<(long X, long Y)> pts, long c, long y)
    {
        pts.Add((2 * c, 2 * y - 1)); pts.Add((2 * c, 2 * y + 1));
        pts.Add((2 * c - 1, 2 * y)); pts.Add((2 * c + 1, 2 * y));
    }

    private static long FloorDiv(long a, long b)
    {
        long q = a / b;
        return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
    }

    private static long CeilDiv(long a, long b) => -FloorDiv(-a, b);

    private static long Cross((long X, long Y) o, (long X, long Y) a, (long X, long Y) b) =>
        (a.X - o.X) * (b.Y - o.Y) - (a.Y - o.Y) * (b.X - o.X);

    // Counter-clockwise hull without collinear vertices.
    private static void MonotoneChain(List<(long X, long Y)> p, List<(long X, long Y)> h)
    {
        p.Sort(static (a, b) => a.X != b.X ? a.X.CompareTo(b.X) : a.Y.CompareTo(b.Y));
        h.Clear();
        for (int pass = 0; pass < 2; pass++)
        {
            int start = h.Count;
            for (int i = 0; i < p.Count; i++)
            {
                var q = pass == 0 ? p[i] : p[p.Count - 1 - i];
                while (h.Count >= start + 2 && Cross(h[^2], h[^1], q) <= 0) h.RemoveAt(h.Count - 1);
                h.Add(q);
            }
            h.RemoveAt(h.Count - 1);
        }
    }
}
