namespace SegmentSharp.Geometry;

public static partial class Shape
{
    /// <summary>
    /// Least-squares ellipse through a point set, as <c>cv::fitEllipse</c> (the default algorithm): for more than five
    /// points the general-conic fit of A. W. Fitzgibbon and R. B. Fisher's "A buyer's guide to conic fitting" (1995) as
    /// OpenCV implements it (conic by least squares, centre from its gradient, then axes from a second fit about the
    /// centre); for exactly five points Fitzgibbon, Pilu and Fisher's direct ellipse fit ("Direct least square fitting of
    /// ellipses", 1999). Width is the minor axis, height the major one, angle in degrees as OpenCV returns it.
    /// OpenCV solves with SVD and we with Householder QR, so values agree to float precision (a float ulp or so) rather
    /// than bit for bit; for (near-)collinear point sets, where OpenCV perturbs the points with its random generator,
    /// the results are not comparable (for five such points we use the conic fit instead).
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than five points.</exception>
    public static RotatedRect FitEllipse(ReadOnlySpan<Point> points) => FitEllipse(ToFloat(points));

    /// <inheritdoc cref="FitEllipse(ReadOnlySpan{Point})"/>
    public static RotatedRect FitEllipse(ReadOnlySpan<PointF> points)
    {
        int n = points.Length;
        if (n < 5) throw new ArgumentException("There should be at least 5 points to fit an ellipse.", nameof(points));
        return n == 5 ? FitEllipseDirect(points) : FitEllipseConic(points);
    }

    private const double FltEpsilon = 1.1920928955078125e-07;

    private static RotatedRect FitEllipseConic(ReadOnlySpan<PointF> pts)
    {
        int n = pts.Length;
        float cx = 0, cy = 0;
        for (int i = 0; i < n; i++) { cx += pts[i].X; cy += pts[i].Y; }
        cx /= n; cy /= n;
        double s = 0;
        for (int i = 0; i < n; i++) { float px = pts[i].X - cx, py = pts[i].Y - cy; s += Math.Abs(px) + Math.Abs(py); }
        double scale = 100.0 / (s > FltEpsilon ? s : FltEpsilon);

        // General conic -A x² - B y² - C xy + D x + E y = 10000 (signs as OpenCV), in centred and scaled coordinates.
        var a = new double[n * 5];
        var b = new double[n];
        for (int i = 0; i < n; i++)
        {
            double px = (pts[i].X - cx) * scale, py = (pts[i].Y - cy) * scale;
            b[i] = 10000.0;
            a[i * 5] = -px * px; a[i * 5 + 1] = -py * py; a[i * 5 + 2] = -px * py; a[i * 5 + 3] = px; a[i * 5 + 4] = py;
        }
        var g = LeastSquares(a, b, n, 5);

        // Centre: the zero of the conic's gradient.
        double a00 = 2 * g[0], a01 = g[2], a11 = 2 * g[1];
        double det = a00 * a11 - a01 * a01;
        double r0 = (g[3] * a11 - a01 * g[4]) / det;
        double r1 = (a00 * g[4] - a01 * g[3]) / det;

        // Refit A, B, C about that centre: A x² + B y² + C xy = 1.
        var a3 = new double[n * 3];
        for (int i = 0; i < n; i++)
        {
            double px = (pts[i].X - cx) * scale, py = (pts[i].Y - cy) * scale;
            b[i] = 1.0;
            a3[i * 3] = (px - r0) * (px - r0); a3[i * 3 + 1] = (py - r1) * (py - r1); a3[i * 3 + 2] = (px - r0) * (py - r1);
        }
        var q = LeastSquares(a3, b, n, 3);

        const double minEps = 1e-8;
        double angle = -0.5 * Math.Atan2(q[2], q[1] - q[0]);
        double t = Math.Abs(q[2]) > minEps ? q[2] / Math.Sin(-2.0 * angle) : q[1] - q[0];
        double r2 = Math.Abs(q[0] + q[1] - t);
        if (r2 > minEps) r2 = Math.Sqrt(2.0 / r2);
        double r3 = Math.Abs(q[0] + q[1] + t);
        if (r3 > minEps) r3 = Math.Sqrt(2.0 / r3);

        float centerX = (float)(r0 / scale) + cx, centerY = (float)(r1 / scale) + cy;
        float w = (float)(r2 * 2 / scale), h = (float)(r3 * 2 / scale);
        float boxAngle = 0;
        if (w > h)
        {
            (w, h) = (h, w);
            boxAngle = (float)(90 + angle * 180 / Math.PI);
        }
        if (boxAngle < -180) boxAngle += 360;
        if (boxAngle > 360) boxAngle -= 360;
        return new RotatedRect(new PointF(centerX, centerY), w, h, boxAngle);
    }

    // Least-squares solution of the m×k system A x = b (row-major A, m ≥ k) by Householder QR.
    private static double[] LeastSquares(double[] a, double[] b, int m, int k)
    {
        var r = (double[])a.Clone();
        var y = (double[])b.Clone();
        for (int j = 0; j < k; j++)
        {
            double norm = 0;
            for (int i = j; i < m; i++) norm += r[i * k + j] * r[i * k + j];
            norm = Math.Sqrt(norm);
            if (norm == 0) continue;
            double alpha = r[j * k + j] > 0 ? -norm : norm;
            var v = new double[m - j];
            for (int i = j; i < m; i++) v[i - j] = r[i * k + j];
            v[0] -= alpha;
            double vv = 0;
            for (int i = 0; i < v.Length; i++) vv += v[i] * v[i];
            if (vv == 0) continue;
            for (int c = j; c < k; c++)
            {
                double d = 0;
                for (int i = j; i < m; i++) d += v[i - j] * r[i * k + c];
                d = 2 * d / vv;
                for (int i = j; i < m; i++) r[i * k + c] -= d * v[i - j];
            }
            double dy = 0;
            for (int i = j; i < m; i++) dy += v[i - j] * y[i];
            dy = 2 * dy / vv;
            for (int i = j; i < m; i++) y[i] -= dy * v[i - j];
        }
        var x = new double[k];
        for (int j = k - 1; j >= 0; j--)
        {
            double sum = y[j];
            for (int c = j + 1; c < k; c++) sum -= r[j * k + c] * x[c];
            double d = r[j * k + j];
            x[j] = d == 0 ? 0 : sum / d;
        }
        return x;
    }
}
