using SegmentSharp.Imaging;

namespace SegmentSharp.Geometry;

public static partial class Shape
{
    /// <summary>
    /// Moments of the area enclosed by a polygon, by Green's theorem over its edges, as <c>cv::moments(contour)</c>.
    /// Values are made positive whatever the orientation; a polygon of (near) zero area gives all-zero moments.
    /// </summary>
    public static Moments ContourMoments(ReadOnlySpan<Point> contour)
    {
        var f = new double[contour.Length * 2];
        for (int i = 0; i < contour.Length; i++) { f[2 * i] = contour[i].X; f[2 * i + 1] = contour[i].Y; }
        return PolygonMoments(f);
    }

    /// <inheritdoc cref="ContourMoments(ReadOnlySpan{Point})"/>
    public static Moments ContourMoments(ReadOnlySpan<PointF> contour)
    {
        var f = new double[contour.Length * 2];
        for (int i = 0; i < contour.Length; i++) { f[2 * i] = contour[i].X; f[2 * i + 1] = contour[i].Y; }
        return PolygonMoments(f);
    }

    private static Moments PolygonMoments(double[] xy)
    {
        var m = new Moments();
        int n = xy.Length / 2;
        if (n == 0) return m;
        double a00 = 0, a10 = 0, a01 = 0, a20 = 0, a11 = 0, a02 = 0, a30 = 0, a21 = 0, a12 = 0, a03 = 0;
        double xi1 = xy[2 * n - 2], yi1 = xy[2 * n - 1];
        double xi12 = xi1 * xi1, yi12 = yi1 * yi1;
        for (int i = 0; i < n; i++)
        {
            double xi = xy[2 * i], yi = xy[2 * i + 1];
            double xi2 = xi * xi, yi2 = yi * yi;
            double dxy = xi1 * yi - xi * yi1;
            double xii1 = xi1 + xi, yii1 = yi1 + yi;
            a00 += dxy;
            a10 += dxy * xii1;
            a01 += dxy * yii1;
            a20 += dxy * (xi1 * xii1 + xi2);
            a11 += dxy * (xi1 * (yii1 + yi1) + xi * (yii1 + yi));
            a02 += dxy * (yi1 * yii1 + yi2);
            a30 += dxy * xii1 * (xi12 + xi2);
            a03 += dxy * yii1 * (yi12 + yi2);
            a21 += dxy * (xi12 * (3 * yi1 + yi) + 2 * xi * xi1 * yii1 + xi2 * (yi1 + 3 * yi));
            a12 += dxy * (yi12 * (3 * xi1 + xi) + 2 * yi * yi1 * xii1 + yi2 * (xi1 + 3 * xi));
            xi1 = xi; yi1 = yi; xi12 = xi2; yi12 = yi2;
        }
        if (Math.Abs(a00) > 1.1920928955078125e-07) // FLT_EPSILON, as OpenCV
        {
            double s2, s6, s12, s24, s20, s60;
            if (a00 > 0) { s2 = 0.5; s6 = 1.0 / 6; s12 = 1.0 / 12; s24 = 1.0 / 24; s20 = 0.05; s60 = 1.0 / 60; }
            else { s2 = -0.5; s6 = -1.0 / 6; s12 = -1.0 / 12; s24 = -1.0 / 24; s20 = -0.05; s60 = -1.0 / 60; }
            m.M00 = a00 * s2; m.M10 = a10 * s6; m.M01 = a01 * s6;
            m.M20 = a20 * s12; m.M11 = a11 * s24; m.M02 = a02 * s12;
            m.M30 = a30 * s20; m.M21 = a21 * s60; m.M12 = a12 * s60; m.M03 = a03 * s20;
            m.Complete();
        }
        return m;
    }

    /// <summary>
    /// Raster moments of a single-channel 8-bit image, as <c>cv::moments(image, binaryImage)</c>: pixel values weight
    /// the moments, or with <paramref name="binaryImage"/> every non-zero pixel counts as 1. Like OpenCV the image is
    /// summed in 32×32 tiles with exact integer sums that are then combined in <c>double</c>, so the spatial moments
    /// equal OpenCV's plain (non-IPP) path to the last bit.
    /// </summary>
    public static Moments ImageMoments(ReadOnlyImageView<byte> image, bool binaryImage = false)
    {
        ImageGuard.SingleChannel(image, nameof(image));
        var m = new Moments();
        const int Tile = 32;
        Span<long> t = stackalloc long[10];
        Span<double> mom = stackalloc double[10];
        for (int y = 0; y < image.Height; y += Tile)
        {
            int th = Math.Min(Tile, image.Height - y);
            for (int x = 0; x < image.Width; x += Tile)
            {
                int tw = Math.Min(Tile, image.Width - x);
                t.Clear();
                for (int ty = 0; ty < th; ty++)
                {
                    var row = image.Row(y + ty).Slice(x, tw);
                    long x0 = 0, x1 = 0, x2 = 0, x3 = 0;
                    for (int tx = 0; tx < tw; tx++)
                    {
                        int p = row[tx];
                        if (binaryImage && p != 0) p = 255;
                        int xp = tx * p, xxp = xp * tx;
                        x0 += p; x1 += xp; x2 += xxp; x3 += (long)xxp * tx;
                    }
                    long py = ty * x0, sy = ty * ty;
                    t[9] += py * sy; t[8] += x1 * sy; t[7] += x2 * ty; t[6] += x3;
                    t[5] += x0 * sy; t[4] += x1 * ty; t[3] += x2; t[2] += py; t[1] += x1; t[0] += x0;
                }
                for (int k = 0; k < 10; k++) mom[k] = t[k];
                if (binaryImage)
                {
                    const double s = 1.0 / 255;
                    for (int k = 0; k < 10; k++) mom[k] *= s;
                }
                AccumulateTile(m, mom, x, y);
            }
        }
        m.Complete();
        return m;
    }

    // Shifts one tile's moments from its own origin to (x, y) and adds them, in OpenCV's order of operations.
    private static void AccumulateTile(Moments m, ReadOnlySpan<double> mom, double x, double y)
    {
        double xm = x * mom[0], ym = y * mom[0];
        m.M00 += mom[0];
        m.M10 += mom[1] + xm;
        m.M01 += mom[2] + ym;
        m.M20 += mom[3] + x * (mom[1] * 2 + xm);
        m.M11 += mom[4] + x * (mom[2] + ym) + y * mom[1];
        m.M02 += mom[5] + y * (mom[2] * 2 + ym);
        m.M30 += mom[6] + x * (3.0 * mom[3] + x * (3.0 * mom[1] + xm));
        m.M21 += mom[7] + x * (2 * (mom[4] + y * mom[1]) + x * (mom[2] + ym)) + y * mom[3];
        m.M12 += mom[8] + y * (2 * (mom[4] + x * mom[2]) + y * (mom[1] + xm)) + x * mom[5];
        m.M03 += mom[9] + y * (3.0 * mom[5] + y * (3.0 * mom[2] + ym));
    }

    /// <summary>
    /// The seven Hu invariants (M.-K. Hu, "Visual pattern recognition by moment invariants", 1962) from the normalized
    /// central moments, as <c>cv::HuMoments</c>.
    /// </summary>
    public static double[] HuMoments(Moments m)
    {
        ArgumentNullException.ThrowIfNull(m);
        var hu = new double[7];
        double t0 = m.Nu30 + m.Nu12, t1 = m.Nu21 + m.Nu03;
        double q0 = t0 * t0, q1 = t1 * t1;
        double n4 = 4 * m.Nu11, s = m.Nu20 + m.Nu02, d = m.Nu20 - m.Nu02;
        hu[0] = s;
        hu[1] = d * d + n4 * m.Nu11;
        hu[3] = q0 + q1;
        hu[5] = d * (q0 - q1) + n4 * t0 * t1;
        t0 *= q0 - 3 * q1;
        t1 *= 3 * q0 - q1;
        q0 = m.Nu30 - 3 * m.Nu12;
        q1 = 3 * m.Nu21 - m.Nu03;
        hu[2] = q0 * q0 + q1 * q1;
        hu[4] = q0 * t0 + q1 * t1;
        hu[6] = q1 * t0 - q0 * t1;
        return hu;
    }
}
