using OpenCvSharp;
using SegmentSharp.Contours;
using SegmentSharp.Imaging;
using GPoint = SegmentSharp.Geometry.Point;

namespace SegmentSharp.OracleTests.Contours;

/// <summary>Runs OpenCV's findContours and ours on one mask and compares contour count, every point and the hierarchy.</summary>
internal static class ContoursOracle
{
    public static readonly ContourMode[] Modes = [ContourMode.External, ContourMode.List, ContourMode.CComp, ContourMode.Tree];
    public static readonly ContourApproximation[] Approximations =
        [ContourApproximation.None, ContourApproximation.Simple, ContourApproximation.Tc89L1, ContourApproximation.Tc89Kcos];

    /// <summary>Every mode × approximation on one mask.</summary>
    public static void AssertAllSame(Image<byte> src, string context, GPoint offset = default)
    {
        using var mat = Oracle.ToMat(src);
        foreach (var m in Modes)
            foreach (var a in Approximations)
                AssertSame(mat, src, m, a, context, offset);
    }

    public static void AssertSame(Mat mat, Image<byte> src, ContourMode mode, ContourApproximation approx, string context, GPoint offset = default)
    {
        Cv2.FindContours(mat, out OpenCvSharp.Point[][] expected, out HierarchyIndex[] expH,
            (RetrievalModes)(int)mode, (ContourApproximationModes)(int)approx, new OpenCvSharp.Point(offset.X, offset.Y));
        var actual = ContourFinder.Find(src.ReadOnlyView, mode, approx, out var actH, offset);
        string ctx = $"{context} {mode}/{approx}";
        Assert.True(expected.Length == actual.Length, $"{ctx}: {actual.Length} contours, OpenCV {expected.Length}");
        Assert.True(expH.Length == actH.Length, $"{ctx}: hierarchy length {actH.Length}, OpenCV {expH.Length}");
        for (int i = 0; i < expected.Length; i++)
        {
            var e = expected[i];
            var a = actual[i];
            if (e.Length != a.Length)
                Assert.Fail($"{ctx}: contour {i} has {a.Length} points, OpenCV {e.Length}; OpenCV starts {Show(e)}, ours {Show(a)}");
            for (int j = 0; j < e.Length; j++)
                if (e[j].X != a[j].X || e[j].Y != a[j].Y)
                    Assert.Fail($"{ctx}: contour {i} point {j}: ours ({a[j].X},{a[j].Y}), OpenCV ({e[j].X},{e[j].Y})");
            var h = expH[i];
            var o = actH[i];
            Assert.True(h.Next == o.Next && h.Previous == o.Previous && h.Child == o.FirstChild && h.Parent == o.Parent,
                $"{ctx}: hierarchy {i}: ours [{o.Next},{o.Previous},{o.FirstChild},{o.Parent}], OpenCV [{h.Next},{h.Previous},{h.Child},{h.Parent}]");
        }
    }

    private static string Show(OpenCvSharp.Point[] p) => string.Join(" ", p.Take(6).Select(q => $"({q.X},{q.Y})"));
    private static string Show(GPoint[] p) => string.Join(" ", p.Take(6).Select(q => $"({q.X},{q.Y})"));

    /// <summary>Salt noise: each pixel foreground with probability <paramref name="density"/>, random nonzero values.</summary>
    public static Image<byte> Salt(int w, int h, double density, Random rng)
    {
        var img = new Image<byte>(w, h);
        for (int i = 0; i < img.Data.Length; i++) img.Data[i] = rng.NextDouble() < density ? (byte)rng.Next(1, 256) : (byte)0;
        return img;
    }

    /// <summary>
    /// Blobs: filled discs and rings drawn alternately in foreground and background, so discs nest inside holes inside
    /// discs (deep trees), some cut by the image edge.
    /// </summary>
    public static Image<byte> Blobs(int w, int h, int count, Random rng)
    {
        var img = new Image<byte>(w, h);
        for (int n = 0; n < count; n++)
        {
            int cx = rng.Next(-w / 8, w + w / 8), cy = rng.Next(-h / 8, h + h / 8);
            int r = rng.Next(1, Math.Max(2, Math.Min(w, h) / 3));
            byte v = (byte)(n % 3 == 2 ? 0 : rng.Next(1, 256));
            int r2 = r * r;
            for (int y = Math.Max(0, cy - r); y <= Math.Min(h - 1, cy + r); y++)
                for (int x = Math.Max(0, cx - r); x <= Math.Min(w - 1, cx + r); x++)
                {
                    int d = (x - cx) * (x - cx) + (y - cy) * (y - cy);
                    if (d <= r2) img.Data[y * w + x] = v;
                }
        }
        return img;
    }

    /// <summary>Concentric squares alternating foreground/background: the deepest possible nesting for the size.</summary>
    public static Image<byte> Nested(int w, int h, int band)
    {
        var img = new Image<byte>(w, h);
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                int d = Math.Min(Math.Min(x, y), Math.Min(w - 1 - x, h - 1 - y));
                img.Data[y * w + x] = (byte)((d / band) % 2 == 0 ? 255 : 0);
            }
        return img;
    }
}
