using OpenCvSharp;
using G = SegmentSharp.Geometry;

namespace SegmentSharp.OracleTests.Geometry;

/// <summary>Point sets and contours for the geometry oracle tests, and conversions to OpenCvSharp's types.</summary>
internal static class GeometryOracleData
{
    public static OpenCvSharp.Point[] Cv(G.Point[] p) => p.Select(q => new OpenCvSharp.Point(q.X, q.Y)).ToArray();
    public static Point2f[] Cv(G.PointF[] p) => p.Select(q => new Point2f(q.X, q.Y)).ToArray();
    public static G.Point[] Ours(OpenCvSharp.Point[] p) => p.Select(q => new G.Point(q.X, q.Y)).ToArray();

    /// <summary>Random point sets: tiny ones, dense small ranges (duplicates, collinear runs) and wide ranges.</summary>
    public static IEnumerable<G.Point[]> PointSets(int seed, int count)
    {
        var rng = new Random(seed);
        yield return [];
        yield return [new(3, 4)];
        yield return [new(3, 4), new(3, 4)];
        yield return [new(1, 2), new(7, 5)];
        yield return [new(0, 0), new(5, 5), new(10, 10), new(2, 2)];
        yield return [new(0, 0), new(0, 5), new(0, 2), new(0, 9)];
        yield return [new(4, 1), new(9, 1), new(1, 1), new(4, 1)];
        yield return [new(5, 5), new(5, 5), new(5, 5), new(5, 5), new(5, 5)];
        yield return [new(0, 0), new(10, 0), new(10, 10), new(0, 10)];
        for (int i = 0; i < count; i++)
        {
            int n = rng.Next(1, i % 10 == 0 ? 400 : 40);
            int range = (i % 4) switch { 0 => 4, 1 => 20, 2 => 300, _ => 5000 };
            var p = new G.Point[n];
            for (int k = 0; k < n; k++) p[k] = new(rng.Next(-range, range + 1), rng.Next(-range / 2, range + 1));
            yield return p;
        }
    }

    /// <summary>Contours traced by OpenCV itself from random blob-and-noise masks, in every retrieval mode and approximation.</summary>
    public static List<G.Point[]> Contours(int seed, int masks)
    {
        var rng = new Random(seed);
        var list = new List<G.Point[]>();
        for (int m = 0; m < masks; m++)
        {
            int w = rng.Next(8, 120), h = rng.Next(8, 120);
            using var mask = new Mat(h, w, MatType.CV_8UC1, Scalar.All(0));
            int blobs = rng.Next(1, 8);
            for (int b = 0; b < blobs; b++)
            {
                var c = new OpenCvSharp.Point(rng.Next(0, w), rng.Next(0, h));
                if (rng.Next(2) == 0) Cv2.Circle(mask, c, rng.Next(1, Math.Max(2, w / 3)), Scalar.All(255), -1);
                else Cv2.Ellipse(mask, new OpenCvSharp.RotatedRect(new Point2f(c.X, c.Y), new Size2f(rng.Next(2, w), rng.Next(2, h)), rng.Next(0, 180)), Scalar.All(255), -1);
            }
            double noise = rng.NextDouble() * 0.1;
            unsafe
            {
                for (int y = 0; y < h; y++)
                {
                    byte* row = (byte*)mask.Ptr(y);
                    for (int x = 0; x < w; x++) if (rng.NextDouble() < noise) row[x] ^= 255;
                }
            }
            var mode = (RetrievalModes)(m % 4);
            var approx = (ContourApproximationModes)(1 + m % 4);
            Cv2.FindContours(mask, out var contours, out _, mode, approx);
            foreach (var c in contours) list.Add(Ours(c));
        }
        return list;
    }
}
