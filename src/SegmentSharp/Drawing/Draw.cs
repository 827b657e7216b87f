using SegmentSharp.Geometry;
using SegmentSharp.Imaging;

namespace SegmentSharp.Drawing;

/// <summary>
/// Lines, rectangles, polygons and contours drawn into 8-bit images (1, 3 or 4 channels), in the spirit of OpenCV's
/// <c>cv2.line</c>, <c>cv2.rectangle</c>, <c>cv2.polylines</c>, <c>cv2.fillPoly</c> and <c>cv2.drawContours</c>.
/// </summary>
/// <remarks>
/// <para>Lines are 8-connected Bresenham lines (OpenCV's <c>LINE_8</c>); a thickness t &gt; 1 stamps a disc of
/// diameter t along the line, which gives round caps and joins like OpenCV's thick lines (the exact pixels of thick
/// lines may differ from OpenCV's polygon-based ones by a pixel at the rim).</para>
/// <para>Filled polygons use the even–odd rule on pixel centres and always include their outline, so filling the
/// contours that <c>findContours</c> returns (outer borders and hole borders together) gives back the region.
/// Everything is clipped to the image; coordinates outside it are allowed.</para>
/// </remarks>
public static class Draw
{
    /// <summary>Draws a line segment from <paramref name="a"/> to <paramref name="b"/>.</summary>
    /// <param name="img">Target image (1, 3 or 4 channels).</param>
    /// <param name="a">Start point.</param>
    /// <param name="b">End point.</param>
    /// <param name="colour">Colour (gray images receive its luma).</param>
    /// <param name="thickness">Line width in pixels, ≥ 1.</param>
    public static void Line(ImageView<byte> img, Point a, Point b, Rgb colour, int thickness = 1)
    {
        CheckThickness(thickness);
        int dx = Math.Abs(b.X - a.X), dy = -Math.Abs(b.Y - a.Y);
        int sx = a.X < b.X ? 1 : -1, sy = a.Y < b.Y ? 1 : -1;
        int err = dx + dy, x = a.X, y = a.Y;
        while (true)
        {
            Stamp(img, x, y, colour, thickness);
            if (x == b.X && y == b.Y) break;
            int e2 = 2 * err;
            if (e2 >= dy) { err += dy; x += sx; }
            if (e2 <= dx) { err += dx; y += sy; }
        }
    }

    /// <summary>Draws the rectangle with top-left (<paramref name="x"/>, <paramref name="y"/>) and the given size,
    /// as <c>cv2.rectangle(img, (x, y), (x+w−1, y+h−1), colour, thickness)</c>.</summary>
    /// <param name="img">Target image.</param>
    /// <param name="x">Left column.</param>
    /// <param name="y">Top row.</param>
    /// <param name="width">Width in pixels, ≥ 1.</param>
    /// <param name="height">Height in pixels, ≥ 1.</param>
    /// <param name="colour">Colour.</param>
    /// <param name="thickness">Outline width; a negative value fills the rectangle.</param>
    public static void Rectangle(ImageView<byte> img, int x, int y, int width, int height, Rgb colour, int thickness = 1)
    {
        if (width <= 0 || height <= 0) return;
        if (thickness < 0)
        {
            for (int yy = y; yy < y + height; yy++) Canvas.HorizontalSpan(img, yy, x, x + width - 1, colour);
            return;
        }
        Point[] corners = [new(x, y), new(x + width - 1, y), new(x + width - 1, y + height - 1), new(x, y + height - 1)];
        Polyline(img, corners, closed: true, colour, thickness);
    }

    /// <summary>Draws connected line segments through <paramref name="points"/> (<c>cv2.polylines</c>).</summary>
    /// <param name="img">Target image.</param>
    /// <param name="points">Vertices in order.</param>
    /// <param name="closed">Whether to join the last vertex back to the first.</param>
    /// <param name="colour">Colour.</param>
    /// <param name="thickness">Line width ≥ 1.</param>
    public static void Polyline(ImageView<byte> img, ReadOnlySpan<Point> points, bool closed, Rgb colour, int thickness = 1)
    {
        CheckThickness(thickness);
        if (points.Length == 0) return;
        if (points.Length == 1) { Stamp(img, points[0].X, points[0].Y, colour, thickness); return; }
        for (int i = 1; i < points.Length; i++) Line(img, points[i - 1], points[i], colour, thickness);
        if (closed) Line(img, points[^1], points[0], colour, thickness);
    }

    /// <summary>Fills one polygon, outline included (<c>cv2.fillPoly</c> with one polygon).</summary>
    public static void FillPolygon(ImageView<byte> img, ReadOnlySpan<Point> polygon, Rgb colour)
        => FillPolygons(img, [polygon.ToArray()], colour);

    /// <summary>
    /// Fills a set of polygons together with the even–odd rule, outlines included: a polygon inside another one
    /// cuts a hole, as <c>cv2.drawContours(img, contours, -1, colour, cv2.FILLED)</c> does with outer and hole borders.
    /// </summary>
    /// <param name="img">Target image.</param>
    /// <param name="polygons">Closed polygons (their last vertex joins the first).</param>
    /// <param name="colour">Colour.</param>
    public static void FillPolygons(ImageView<byte> img, IReadOnlyList<Point[]> polygons, Rgb colour)
    {
        int minY = int.MaxValue, maxY = int.MinValue, edges = 0;
        foreach (var p in polygons)
        {
            foreach (var q in p) { minY = Math.Min(minY, q.Y); maxY = Math.Max(maxY, q.Y); }
            edges += p.Length;
        }
        if (edges == 0) return;
        minY = Math.Max(minY, 0);
        maxY = Math.Min(maxY, img.Height - 1);
        var xs = new List<double>();
        for (int y = minY; y <= maxY; y++)
        {
            xs.Clear();
            foreach (var p in polygons)
            {
                for (int i = 0; i < p.Length; i++)
                {
                    Point a = p[i], b = p[(i + 1) % p.Length];
                    // Half-open in y so a vertex shared by two edges is counted once (the even–odd crossing rule).
                    if ((a.Y <= y && b.Y > y) || (b.Y <= y && a.Y > y))
                        xs.Add(a.X + (double)(y - a.Y) * (b.X - a.X) / (b.Y - a.Y));
                }
            }
            xs.Sort();
            for (int i = 0; i + 1 < xs.Count; i += 2)
            {
                int x0 = (int)Math.Ceiling(xs[i]), x1 = (int)Math.Floor(xs[i + 1]);
                if (x0 <= x1) Canvas.HorizontalSpan(img, y, x0, x1, colour);
            }
        }
        foreach (var p in polygons) Polyline(img, p, closed: true, colour, 1);
    }

    /// <summary>
    /// Draws contours (<c>cv2.drawContours</c>): outlined at the given thickness, or filled when
    /// <paramref name="thickness"/> is negative, in which case all contours are filled together so hole borders cut
    /// holes.
    /// </summary>
    /// <param name="img">Target image.</param>
    /// <param name="contours">Contours as point lists (e.g. from <c>Contours.Find</c>).</param>
    /// <param name="colour">Colour.</param>
    /// <param name="thickness">Outline width ≥ 1, or negative to fill.</param>
    public static void Contours(ImageView<byte> img, IReadOnlyList<Point[]> contours, Rgb colour, int thickness = 1)
    {
        if (thickness < 0) { FillPolygons(img, contours, colour); return; }
        foreach (var c in contours) Polyline(img, c, closed: true, colour, thickness);
    }

    private static void Stamp(ImageView<byte> img, int cx, int cy, Rgb colour, int thickness)
    {
        if (thickness == 1) { Canvas.Put(img, cx, cy, colour); return; }
        // A disc of diameter `thickness` centred on the pixel; even widths lean to the top-left like OpenCV's.
        double r = thickness / 2.0;
        int lo = -(thickness / 2), hi = (thickness - 1) / 2;
        double off = thickness % 2 == 0 ? 0.5 : 0.0;
        for (int dy = lo; dy <= hi; dy++)
        {
            double fy = dy + off;
            double half = Math.Sqrt(Math.Max(0, r * r - fy * fy));
            int x0 = (int)Math.Ceiling(-half - off + 1e-9), x1 = (int)Math.Floor(half - off - 1e-9);
            x0 = Math.Max(x0, lo); x1 = Math.Min(x1, hi);
            if (x0 > x1) { x0 = x1 = 0; }
            Canvas.HorizontalSpan(img, cy + dy, cx + x0, cx + x1, colour);
        }
    }

    private static void CheckThickness(int thickness)
    {
        if (thickness < 1 || thickness > 1024)
            throw new ArgumentOutOfRangeException(nameof(thickness), thickness, "Thickness must be from 1 to 1024.");
    }
}
