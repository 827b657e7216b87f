using OpenCvSharp;
using G = SegmentSharp.Geometry;
using static SegmentSharp.OracleTests.Geometry.GeometryOracleData;

namespace SegmentSharp.OracleTests.Geometry;

/// <summary>The <c>Point2f</c> overloads against OpenCV on random float point sets (bit-exact unless noted).</summary>
public class ShapeFloatOracleTests
{
    private static IEnumerable<G.PointF[]> FloatSets()
    {
        var rng = new Random(8);
        yield return [];
        yield return [new(1.5f, 2.25f)];
        yield return [new(1.5f, 2.25f), new(-3.125f, 7f)];
        yield return [new(0, 0), new(1.5f, 1.5f), new(3, 3)];
        for (int i = 0; i < 300; i++)
        {
            int n = rng.Next(1, 60);
            float range = (i % 3) switch { 0 => 3f, 1 => 100f, _ => 4000f };
            var p = new G.PointF[n];
            for (int k = 0; k < n; k++)
                p[k] = i % 5 == 0
                    ? new((float)Math.Round(rng.NextDouble() * range, 1), (float)Math.Round(rng.NextDouble() * range, 1)) // ties, collinear runs
                    : new((float)(rng.NextDouble() * 2 - 1) * range, (float)(rng.NextDouble() * 2 - 1) * range);
            yield return p;
        }
    }

    private static string Show(G.PointF[] p) => string.Join(" ", p.Select(q => $"({q.X:R},{q.Y:R})"));

    [Fact]
    public void AreaLengthCircleMomentsPolygonTestAndApprox()
    {
        var rng = new Random(3);
        foreach (var p in FloatSets())
        {
            var cv = Cv(p);
            Assert.Equal(Cv2.ContourArea(cv, true), G.Shape.ContourArea(p, true));
            Assert.Equal(Cv2.ArcLength(cv, true), G.Shape.ArcLength(p, true));
            Assert.Equal(Cv2.ArcLength(cv, false), G.Shape.ArcLength(p, false));
            var br = Cv2.BoundingRect(cv);
            Assert.Equal(new G.Rect(br.X, br.Y, br.Width, br.Height), G.Shape.BoundingRect(p));
            if (p.Length > 0)
            {
                Cv2.MinEnclosingCircle(cv, out var c, out float r);
                var ours = G.Shape.MinEnclosingCircle(p);
                Assert.True(c.X == ours.Center.X && c.Y == ours.Center.Y && r == ours.Radius, $"circle {Show(p)}");
            }
            ShapeOracleTests.AssertMoments(Cv2.Moments(cv), G.Shape.ContourMoments(p), Show(p), 0);
            for (int k = 0; k < 6 && p.Length > 0; k++)
            {
                var q = p[rng.Next(p.Length)];
                var pt = k % 2 == 0 ? q : new G.PointF(q.X + (float)rng.NextDouble() * 10 - 5, q.Y + (float)rng.NextDouble() * 10 - 5);
                foreach (bool measure in new[] { false, true })
                    Assert.Equal(Cv2.PointPolygonTest(cv, new Point2f(pt.X, pt.Y), measure), G.Shape.PointPolygonTest(p, pt, measure));
            }
            foreach (double eps in new[] { 0.0, 0.7, 5.0 })
                foreach (bool closed in new[] { true, false })
                {
                    var e = Cv2.ApproxPolyDP(cv, eps, closed);
                    var a = G.Shape.ApproxPolyDP(p, eps, closed);
                    Assert.True(e.Length == a.Length && e.Zip(a).All(t => t.First.X == t.Second.X && t.First.Y == t.Second.Y),
                        $"approx eps={eps} closed={closed} {Show(p)}");
                }
        }
    }

    [Fact]
    public void HullAndMinAreaRect()
    {
        foreach (var p in FloatSets())
        {
            if (p.Length == 0) continue;
            var cv = Cv(p);
            foreach (bool cw in new[] { false, true })
            {
                var e = Cv2.ConvexHullIndices(cv, cw);
                var a = G.Shape.ConvexHullIndices(p, cw);
                Assert.True(e.SequenceEqual(a), $"cw={cw} {Show(p)}: OpenCV [{string.Join(",", e)}], ours [{string.Join(",", a)}]");
            }
            var er = Cv2.MinAreaRect(cv);
            var ar = G.Shape.MinAreaRect(p);
            Assert.True(er.Center.X == ar.Center.X && er.Center.Y == ar.Center.Y && er.Size.Width == ar.Width && er.Size.Height == ar.Height
                && er.Angle == ar.Angle, $"minAreaRect {Show(p)}");
        }
    }
}
