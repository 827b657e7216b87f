namespace SegmentSharp.Coco;

/// <summary>
/// Rasterises polygons and boxes into COCO RLE the way pycocotools does (<c>rleFrPoly</c> and <c>rleFrBbox</c> behind
/// <c>pycocotools.mask.frPyObjects</c>): the outline is traced on a 5× finer integer grid, and each column whose
/// centre the outline crosses toggles the mask at the first pixel centre below the crossing. The result is therefore
/// what COCO's own tools (and so its published scores) see, not an exact area coverage.
/// </summary>
public static class PolygonRaster
{
    private const double Scale = 5;

    /// <summary>
    /// One polygon <c>[x0, y0, x1, y1, …]</c> to RLE (<c>frPyObjects</c> with a single polygon, <c>rleFrPoly</c>).
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than one point, or an odd number of coordinates.</exception>
    public static Rle FromPolygon(ReadOnlySpan<double> xy, int height, int width)
    {
        if (xy.Length % 2 != 0) throw new ArgumentException("A polygon needs an even number of coordinates.", nameof(xy));
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        int k = xy.Length / 2;
        var x = new int[k + 1];
        var y = new int[k + 1];
        // C's (int) cast truncates toward zero, so a point left of -0.1 rounds differently from floor(+0.5).
        for (int j = 0; j < k; j++) x[j] = (int)(Scale * xy[2 * j] + .5);
        for (int j = 0; j < k; j++) y[j] = (int)(Scale * xy[2 * j + 1] + .5);
        if (k > 0) { x[k] = x[0]; y[k] = y[0]; }

        long total = 0;
        for (int j = 0; j < k; j++) total += Math.Max(Math.Abs(x[j] - x[j + 1]), Math.Abs(y[j] - y[j + 1])) + 1;
        var u = new int[total];
        var v = new int[total];
        int m = 0;
        for (int j = 0; j < k; j++)
        {
            int xs = x[j], xe = x[j + 1], ys = y[j], ye = y[j + 1];
            int dx = Math.Abs(xe - xs), dy = Math.Abs(ys - ye);
            bool flip = (dx >= dy && xs > xe) || (dx < dy && ys > ye);
            if (flip) { (xs, xe) = (xe, xs); (ys, ye) = (ye, ys); }
            double s = dx >= dy ? (double)(ye - ys) / dx : (double)(xe - xs) / dy;
            if (dx >= dy)
                for (int d = 0; d <= dx; d++)
                {
                    int t = flip ? dx - d : d;
                    u[m] = t + xs; v[m] = (int)(ys + s * t + .5); m++;
                }
            else
                for (int d = 0; d <= dy; d++)
                {
                    int t = flip ? dy - d : d;
                    v[m] = t + ys; u[m] = (int)(xs + s * t + .5); m++;
                }
        }

        // Keep the crossings of pixel-centre columns and move each down to the next pixel centre.
        var starts = new List<uint>(m / 2 + 1);
        for (int j = 1; j < m; j++)
        {
            if (u[j] == u[j - 1]) continue;
            double xd = u[j] < u[j - 1] ? u[j] : u[j] - 1;
            xd = (xd + .5) / Scale - .5;
            if (Math.Floor(xd) != xd || xd < 0 || xd > width - 1) continue;
            double yd = v[j] < v[j - 1] ? v[j] : v[j - 1];
            yd = (yd + .5) / Scale - .5;
            if (yd < 0) yd = 0; else if (yd > height) yd = height;
            yd = Math.Ceiling(yd);
            starts.Add((uint)((int)xd * height + (int)yd));
        }
        starts.Add((uint)(height * width));
        starts.Sort();

        // Toggle positions to run lengths; an empty run merges its neighbours, as two toggles at one place cancel.
        var a = starts.ToArray();
        uint previous = 0;
        for (int j = 0; j < a.Length; j++) { uint t = a[j]; a[j] -= previous; previous = t; }
        var runs = new List<uint>(a.Length) { a[0] };
        int i = 1;
        while (i < a.Length)
        {
            if (a[i] > 0) runs.Add(a[i++]);
            else { i++; if (i < a.Length) runs[^1] += a[i++]; }
        }
        return new Rle(height, width, runs.ToArray());
    }

    /// <summary>
    /// Several polygons of one object to a single mask, their union, as <c>COCO.annToRLE</c> does with
    /// <c>frPyObjects</c> followed by <c>merge</c>.
    /// </summary>
    public static Rle FromPolygons(IReadOnlyList<double[]> polygons, int height, int width)
    {
        ArgumentNullException.ThrowIfNull(polygons);
        var parts = new Rle[polygons.Count];
        for (int i = 0; i < parts.Length; i++) parts[i] = FromPolygon(polygons[i], height, width);
        return parts.Length == 0 ? new Rle(height, width, [(uint)(height * width)]) : Rle.Merge(parts);
    }

    /// <summary>A box to RLE through its four corners, as <c>rleFrBbox</c> (<c>frPyObjects</c> with a 4-number list).</summary>
    public static Rle FromBox(CocoBox box, int height, int width)
    {
        double xs = box.X, xe = xs + box.Width, ys = box.Y, ye = ys + box.Height;
        return FromPolygon([xs, ys, xs, ye, xe, ye, xe, ys], height, width);
    }
}
