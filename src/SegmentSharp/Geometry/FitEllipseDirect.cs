namespace SegmentSharp.Geometry;

public static partial class Shape
{
    // Fitzgibbon–Pilu–Fisher direct ellipse fit, in OpenCV's formulation (cv::fitEllipseDirect), used for five points.
    private static RotatedRect FitEllipseDirect(ReadOnlySpan<PointF> pts) =>
        FitEllipseDirect(pts, out _);

    /// <summary>
    /// Whether five points are a case we do not reproduce: OpenCV finds them degenerate for the direct fit
    /// (|det M| ≤ 1e-10) and retries with randomly shifted points, or the 3×3 system has complex eigenvalues.
    /// We then use the conic fit instead, so such sets do not match OpenCV.
    /// </summary>
    internal static bool FitEllipseDirectIsDegenerate(ReadOnlySpan<PointF> pts)
    {
        FitEllipseDirect(pts, out bool degenerate);
        return degenerate;
    }

    private static RotatedRect FitEllipseDirect(ReadOnlySpan<PointF> pts, out bool degenerate)
    {
        int n = pts.Length;
        double cx = 0, cy = 0;
        for (int i = 0; i < n; i++) { cx += pts[i].X; cy += pts[i].Y; }
        cx /= n; cy /= n;
        double s = 0;
        for (int i = 0; i < n; i++) s += Math.Abs(pts[i].X - cx) + Math.Abs(pts[i].Y - cy);
        double scale = 100.0 / (s > FltEpsilon ? s : FltEpsilon);

        // Scatter matrix DM = AᵀA / n of the design rows (x², xy, y², x, y, 1).
        var dm = new double[6, 6];
        Span<double> row = stackalloc double[6];
        for (int i = 0; i < n; i++)
        {
            double px = (pts[i].X - cx) * scale, py = (pts[i].Y - cy) * scale;
            row[0] = px * px; row[1] = px * py; row[2] = py * py; row[3] = px; row[4] = py; row[5] = 1.0;
            for (int r = 0; r < 6; r++)
                for (int c = 0; c < 6; c++) dm[r, c] += row[r] * row[c];
        }
        for (int r = 0; r < 6; r++)
            for (int c = 0; c < 6; c++) dm[r, c] *= 1.0 / n;
        double D(int r, int c) => dm[r, c];

        var tm = new double[3, 3];
        for (int k = 0; k < 3; k++)
        {
            tm[0, k] = D(k, 5) * D(3, 5) * D(4, 4) - D(k, 5) * D(3, 4) * D(4, 5) - D(k, 4) * D(3, 5) * D(5, 4)
                     + D(k, 3) * D(4, 5) * D(5, 4) + D(k, 4) * D(3, 4) * D(5, 5) - D(k, 3) * D(4, 4) * D(5, 5);
            tm[1, k] = D(k, 5) * D(3, 3) * D(4, 5) - D(k, 5) * D(3, 5) * D(4, 3) + D(k, 4) * D(3, 5) * D(5, 3)
                     - D(k, 3) * D(4, 5) * D(5, 3) - D(k, 4) * D(3, 3) * D(5, 5) + D(k, 3) * D(4, 3) * D(5, 5);
            tm[2, k] = D(k, 5) * D(3, 4) * D(4, 3) - D(k, 5) * D(3, 3) * D(4, 4) - D(k, 4) * D(3, 4) * D(5, 3)
                     + D(k, 3) * D(4, 4) * D(5, 3) + D(k, 4) * D(3, 3) * D(5, 4) - D(k, 3) * D(4, 3) * D(5, 4);
        }
        double ts = -(D(3, 5) * D(4, 4) * D(5, 3)) + D(3, 4) * D(4, 5) * D(5, 3) + D(3, 5) * D(4, 3) * D(5, 4)
                    - D(3, 3) * D(4, 5) * D(5, 4) - D(3, 4) * D(4, 3) * D(5, 5) + D(3, 3) * D(4, 4) * D(5, 5);
        var m = new double[3, 3];
        for (int k = 0; k < 3; k++)
        {
            m[0, k] = (D(2, k) + (D(2, 3) * tm[0, k] + D(2, 4) * tm[1, k] + D(2, 5) * tm[2, k]) / ts) / 2.0;
            m[1, k] = -D(1, k) - (D(1, 3) * tm[0, k] + D(1, 4) * tm[1, k] + D(1, 5) * tm[2, k]) / ts;
            m[2, k] = (D(0, k) + (D(0, 3) * tm[0, k] + D(0, 4) * tm[1, k] + D(0, 5) * tm[2, k]) / ts) / 2.0;
        }

        double detM = m[0, 0] * (m[1, 1] * m[2, 2] - m[1, 2] * m[2, 1]) - m[0, 1] * (m[1, 0] * m[2, 2] - m[1, 2] * m[2, 0])
                    + m[0, 2] * (m[1, 0] * m[2, 1] - m[1, 1] * m[2, 0]);
        degenerate = !(Math.Abs(detM) > 1.0e-10);
        if (degenerate) return FitEllipseConic(pts);

        // Eigenvectors of the 3×3 system; keep the one with the largest 4ac − b² (the ellipse solution).
        var vecs = Eigenvectors3(m);
        if (vecs.Count < 3)
        {
            // complex eigenvalues: OpenCV's eigenNonSymmetric then returns real parts we do not reproduce
            degenerate = true;
            return FitEllipseConic(pts);
        }
        int best = -1; double bestCond = double.NegativeInfinity;
        for (int i = 0; i < vecs.Count; i++)
        {
            double cond = 4.0 * vecs[i][0] * vecs[i][2] - vecs[i][1] * vecs[i][1];
            if (cond > bestCond) { bestCond = cond; best = i; }
        }
        if (best < 0) return FitEllipseConic(pts);
        var e = vecs[best];
        double norm = Math.Sqrt(e[0] * e[0] + e[1] * e[1] + e[2] * e[2]);
        if ((e[0] < 0 ? -1 : 1) * (e[1] < 0 ? -1 : 1) * (e[2] < 0 ? -1 : 1) <= 0) norm = -norm;
        double p0 = e[0] / norm, p1 = e[1] / norm, p2 = e[2] / norm;
        double q0 = (tm[0, 0] * p0 + tm[0, 1] * p1 + tm[0, 2] * p2) / ts;
        double q1 = (tm[1, 0] * p0 + tm[1, 1] * p1 + tm[1, 2] * p2) / ts;
        double q2 = (tm[2, 0] * p0 + tm[2, 1] * p1 + tm[2, 2] * p2) / ts;

        double u1 = p2 * q0 * q0 - p1 * q0 * q1 + p0 * q1 * q1 + p1 * p1 * q2;
        double u2 = p0 * p2 * q2;
        double l1 = Math.Sqrt(p1 * p1 + (p0 - p2) * (p0 - p2));
        double l2 = p0 + p2;
        double l3 = p1 * p1 - 4 * p0 * p2;
        double pp1 = 2 * p2 * q0 - p1 * q1;
        double pp2 = 2 * p0 * q1 - p1 * q0;
        double x0 = pp1 / l3 / scale + cx, y0 = pp2 / l3 / scale + cy;
        double ra = Math.Sqrt(2.0) * Math.Sqrt((u1 - 4.0 * u2) / ((l1 - l2) * l3)) / scale;
        double rb = Math.Sqrt(2.0) * Math.Sqrt(-1.0 * ((u1 - 4.0 * u2) / ((l1 + l2) * l3))) / scale;
        double theta = p1 == 0 ? (p0 < p2 ? 0 : Math.PI / 2.0) : Math.PI / 2.0 + 0.5 * Math.Atan2(p1, p0 - p2);

        float w = (float)(2.0 * ra), h = (float)(2.0 * rb), angle;
        if (w > h)
        {
            (w, h) = (h, w);
            angle = (float)CFmod(90 + theta * 180 / Math.PI, 180.0);
        }
        else angle = (float)CFmod(theta * 180 / Math.PI, 180.0);
        return new RotatedRect(new PointF((float)x0, (float)y0), w, h, angle);
    }

    // C's fmod: the remainder with the sign of the dividend.
    private static double CFmod(double x, double y) => x % y;

    // Real eigenvectors of a 3×3 matrix: eigenvalues from the characteristic cubic (refined by Newton's method), each
    // vector as the largest cross product of two rows of (M − λI).
    private static List<double[]> Eigenvectors3(double[,] m)
    {
        double tr = m[0, 0] + m[1, 1] + m[2, 2];
        double c2 = m[0, 0] * m[1, 1] - m[0, 1] * m[1, 0] + m[0, 0] * m[2, 2] - m[0, 2] * m[2, 0] + m[1, 1] * m[2, 2] - m[1, 2] * m[2, 1];
        double det = m[0, 0] * (m[1, 1] * m[2, 2] - m[1, 2] * m[2, 1]) - m[0, 1] * (m[1, 0] * m[2, 2] - m[1, 2] * m[2, 0])
                   + m[0, 2] * (m[1, 0] * m[2, 1] - m[1, 1] * m[2, 0]);
        // λ³ − tr λ² + c2 λ − det = 0
        var roots = new List<double>();
        double a = -tr, b = c2, c = -det;
        double qq = (a * a - 3 * b) / 9, rr = (2 * a * a * a - 9 * a * b + 27 * c) / 54;
        if (rr * rr < qq * qq * qq)
        {
            double th = Math.Acos(rr / Math.Sqrt(qq * qq * qq));
            double sq = -2 * Math.Sqrt(qq);
            roots.Add(sq * Math.Cos(th / 3) - a / 3);
            roots.Add(sq * Math.Cos((th + 2 * Math.PI) / 3) - a / 3);
            roots.Add(sq * Math.Cos((th - 2 * Math.PI) / 3) - a / 3);
        }
        else
        {
            double aa = -Math.Sign(rr) * Math.Cbrt(Math.Abs(rr) + Math.Sqrt(rr * rr - qq * qq * qq));
            double bb = aa == 0 ? 0 : qq / aa;
            roots.Add(aa + bb - a / 3);
        }
        var result = new List<double[]>();
        foreach (double r0 in roots)
        {
            double l = r0;
            for (int it = 0; it < 3; it++)
            {
                double f = ((l + a) * l + b) * l + c, df = (3 * l + 2 * a) * l + b;
                if (df == 0) break;
                double nl = l - f / df;
                if (!double.IsFinite(nl)) break;
                l = nl;
            }
            double[] r1 = [m[0, 0] - l, m[0, 1], m[0, 2]], r2 = [m[1, 0], m[1, 1] - l, m[1, 2]], r3 = [m[2, 0], m[2, 1], m[2, 2] - l];
            double[][] crosses = [CrossV(r1, r2), CrossV(r1, r3), CrossV(r2, r3)];
            double[] bestV = crosses[0]; double bestN = -1;
            foreach (var v in crosses)
            {
                double nv = v[0] * v[0] + v[1] * v[1] + v[2] * v[2];
                if (nv > bestN) { bestN = nv; bestV = v; }
            }
            if (bestN > 0) result.Add(bestV);
        }
        return result;
    }

    private static double[] CrossV(double[] u, double[] v) =>
        [u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]];
}
