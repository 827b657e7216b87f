using OpenCvSharp;
using G = SegmentSharp.Geometry;
using static SegmentSharp.OracleTests.Geometry.GeometryOracleData;

namespace SegmentSharp.OracleTests.Geometry;

/// <summary>Contour geometry against OpenCV 4.13 (OpenCvSharp) on random point sets, polygons and traced contours.</summary>
public class ShapeOracleTests
{
    private static readonly List<G.Point[]> Sets = PointSets(2024, 400).ToList();
    private static readonly List<G.Point[]> Traced = GeometryOracleData.Contours(77, 100);
    private static IEnumerable<G.Point[]> All => Sets.Concat(Traced);

    private static string Show(G.Point[] p) => p.Length <= 12 ? "[" + string.Join(" ", p.Select(q => $"({q.X},{q.Y})")) + "]" : $"{p.Length} points";

    internal static void Near(double expected, double actual, double rel, string ctx)
    {
        if (expected.Equals(actual)) return;
        double tol = rel * Math.Max(1.0, Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= tol, $"{ctx}: OpenCV {expected:R}, ours {actual:R}");
    }

    [Fact]
    public void AreaLengthAndBoundingRectAreExact()
    {
        int n = 0;
        foreach (var p in All)
        {
            var cv = Cv(p);
            Assert.Equal(Cv2.ContourArea(cv, false), G.Shape.ContourArea(p));
            Assert.Equal(Cv2.ContourArea(cv, true), G.Shape.ContourArea(p, oriented: true));
            Assert.Equal(Cv2.ArcLength(cv, true), G.Shape.ArcLength(p, true));
            Assert.Equal(Cv2.ArcLength(cv, false), G.Shape.ArcLength(p, false));
            var r = Cv2.BoundingRect(cv);
            Assert.Equal(new G.Rect(r.X, r.Y, r.Width, r.Height), G.Shape.BoundingRect(p));
            n++;
        }
        Assert.True(n > 500);
    }

    [Fact]
    public void MinEnclosingCircleIsExact()
    {
        foreach (var p in All)
        {
            if (p.Length == 0) continue;
            Cv2.MinEnclosingCircle(Cv(p), out var c, out float r);
            var ours = G.Shape.MinEnclosingCircle(p);
            Assert.True(c.X == ours.Center.X && c.Y == ours.Center.Y && r == ours.Radius,
                $"{Show(p)}: OpenCV ({c.X:R},{c.Y:R}) r={r:R}, ours ({ours.Center.X:R},{ours.Center.Y:R}) r={ours.Radius:R}");
        }
    }

    [Fact]
    public void ConvexHullPointsAndIndicesAreExact()
    {
        foreach (var p in All)
        {
            if (p.Length == 0) continue;
            var cv = Cv(p);
            foreach (bool cw in new[] { false, true })
            {
                var e = Cv2.ConvexHullIndices(cv, cw);
                var a = G.Shape.ConvexHullIndices(p, cw);
                Assert.True(e.SequenceEqual(a), $"{string.Join(" ", p.Select(q => $"({q.X},{q.Y})"))} cw={cw}: OpenCV [{string.Join(",", e)}], ours [{string.Join(",", a)}]");
                var ep = Ours(Cv2.ConvexHull(cv, cw));
                Assert.True(ep.SequenceEqual(G.Shape.ConvexHull(p, cw)), $"{Show(p)} cw={cw}: hull points differ");
            }
        }
    }

    [Fact]
    public void ConvexityDefectsAreExactOnTracedContours()
    {
        int defects = 0;
        foreach (var p in Traced)
        {
            var cv = Cv(p);
            foreach (bool cw in new[] { false, true })
            {
                var hull = Cv2.ConvexHullIndices(cv, cw);
                Vec4i[] e;
                try { e = Cv2.ConvexityDefects(cv, hull); }
                catch (OpenCVException)
                {
                    Assert.Throws<ArgumentException>(() => G.Shape.ConvexityDefects(p, hull));
                    continue;
                }
                var a = G.Shape.ConvexityDefects(p, hull);
                Assert.True(e.Length == a.Length, $"{Show(p)}: {e.Length} defects in OpenCV, ours {a.Length}");
                for (int i = 0; i < e.Length; i++)
                    Assert.Equal(new G.ConvexityDefect(e[i].Item0, e[i].Item1, e[i].Item2, e[i].Item3), a[i]);
                defects += e.Length;
            }
        }
        Assert.True(defects > 100, $"only {defects} defects exercised");
    }

    [Fact]
    public void ApproxPolyDPIsExact()
    {
        foreach (var p in All)
        {
            var cv = Cv(p);
            foreach (double eps in new[] { 0.0, 1.0, 4.0 })
                foreach (bool closed in new[] { true, false })
                {
                    var e = Ours(Cv2.ApproxPolyDP(cv, eps, closed));
                    var a = G.Shape.ApproxPolyDP(p, eps, closed);
                    Assert.True(e.SequenceEqual(a), $"{Show(p)} eps={eps} closed={closed}: OpenCV {Show(e)}, ours {Show(a)}");
                }
        }
    }

    [Fact]
    public void ContourMomentsAndHuAreExact()
    {
        foreach (var p in All)
        {
            var e = Cv2.Moments(Cv(p));
            var a = G.Shape.ContourMoments(p);
            AssertMoments(e, a, Show(p), 0);
            var eh = e.HuMoments();
            var ah = G.Shape.HuMoments(a);
            for (int i = 0; i < 7; i++) Assert.Equal(eh[i], ah[i]);
        }
    }

    internal static void AssertMoments(OpenCvSharp.Moments e, G.Moments a, string ctx, double rel)
    {
        double[] ev = [e.M00, e.M10, e.M01, e.M20, e.M11, e.M02, e.M30, e.M21, e.M12, e.M03,
            e.Mu20, e.Mu11, e.Mu02, e.Mu30, e.Mu21, e.Mu12, e.Mu03, e.Nu20, e.Nu11, e.Nu02, e.Nu30, e.Nu21, e.Nu12, e.Nu03];
        double[] av = [a.M00, a.M10, a.M01, a.M20, a.M11, a.M02, a.M30, a.M21, a.M12, a.M03,
            a.Mu20, a.Mu11, a.Mu02, a.Mu30, a.Mu21, a.Mu12, a.Mu03, a.Nu20, a.Nu11, a.Nu02, a.Nu30, a.Nu21, a.Nu12, a.Nu03];
        for (int i = 0; i < ev.Length; i++)
            if (rel == 0) Assert.True(ev[i].Equals(av[i]), $"{ctx}: moment #{i} OpenCV {ev[i]:R}, ours {av[i]:R}");
            else Near(ev[i], av[i], rel, $"{ctx}: moment #{i}");
    }

    [Fact]
    public void PointPolygonTestIsExact()
    {
        var rng = new Random(5);
        foreach (var p in All)
        {
            var cv = Cv(p);
            var b = G.Shape.BoundingRect(p);
            for (int k = 0; k < 12; k++)
            {
                float x = b.X - 2 + (float)rng.Next(b.Width + 4), y = b.Y - 2 + (float)rng.Next(b.Height + 4);
                if (k % 3 == 1) { x += 0.5f; y -= 0.25f; }
                if (k % 3 == 2 && p.Length > 0) { var q = p[rng.Next(p.Length)]; x = q.X; y = q.Y; }
                foreach (bool measure in new[] { false, true })
                {
                    double e = Cv2.PointPolygonTest(cv, new Point2f(x, y), measure);
                    double a = G.Shape.PointPolygonTest(p, new G.PointF(x, y), measure);
                    Assert.True(e.Equals(a), $"{Show(p)} ({x},{y}) measure={measure}: OpenCV {e:R}, ours {a:R}");
                }
            }
        }
    }

    [Fact]
    public void MinAreaRectIsExact()
    {
        foreach (var p in All)
        {
            var e = Cv2.MinAreaRect(Cv(p));
            var a = G.Shape.MinAreaRect(p);
            Assert.True(e.Center.X == a.Center.X && e.Center.Y == a.Center.Y && e.Size.Width == a.Width && e.Size.Height == a.Height && e.Angle == a.Angle,
                $"{Show(p)}: OpenCV c=({e.Center.X:R},{e.Center.Y:R}) s=({e.Size.Width:R},{e.Size.Height:R}) a={e.Angle:R}; ours c=({a.Center.X:R},{a.Center.Y:R}) s=({a.Width:R},{a.Height:R}) a={a.Angle:R}");
        }
    }
}
