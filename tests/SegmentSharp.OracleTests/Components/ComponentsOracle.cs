using System.Runtime.InteropServices;
using OpenCvSharp;
using SegmentSharp.Components;
using SegmentSharp.Imaging;
using ConnectedComponents = SegmentSharp.Components.ConnectedComponents;

namespace SegmentSharp.OracleTests.Components;

/// <summary>Runs OpenCV's connectedComponentsWithStats and compares its labels, stats and centroids with ours.</summary>
internal static class ComponentsOracle
{
    public static void AssertSame(Image<byte> src, Connectivity c, string context)
    {
        using var mat = Oracle.ToMat(src);
        using var labels = new Mat();
        using var stats = new Mat();
        using var centroids = new Mat();
        int n = Cv2.ConnectedComponentsWithStats(mat, labels, stats, centroids,
            c == Connectivity.Eight ? PixelConnectivity.Connectivity8 : PixelConnectivity.Connectivity4, MatType.CV_32S);

        var ours = ConnectedComponents.LabelWithStats(src.ReadOnlyView, c, out var st);
        Assert.True(n == st.Count, $"{context}: count ours {st.Count}, OpenCV {n}");

        var row = new int[src.Width];
        long diffs = 0; string? first = null;
        for (int y = 0; y < src.Height; y++)
        {
            Marshal.Copy(labels.Ptr(y), row, 0, src.Width);
            var r = ours.Row(y);
            for (int x = 0; x < src.Width; x++)
                if (row[x] != r[x]) { diffs++; first ??= $"x={x}, y={y}: OpenCV {row[x]}, ours {r[x]}"; }
        }
        Assert.True(diffs == 0, $"{context}: {diffs} labels differ; first at {first}");

        var s = new int[5];
        var cen = new double[2];
        for (int i = 0; i < n; i++)
        {
            Marshal.Copy(stats.Ptr(i), s, 0, 5);
            Marshal.Copy(centroids.Ptr(i), cen, 0, 2);
            var e = st[i];
            Assert.True(s[0] == e.Left && s[1] == e.Top && s[2] == e.Width && s[3] == e.Height && s[4] == e.Area,
                $"{context}: label {i} stats OpenCV [{string.Join(",", s)}], ours [{e.Left},{e.Top},{e.Width},{e.Height},{e.Area}]");
            Assert.True(Same(cen[0], e.CentroidX) && Same(cen[1], e.CentroidY),
                $"{context}: label {i} centroid OpenCV ({cen[0]:R},{cen[1]:R}), ours ({e.CentroidX:R},{e.CentroidY:R})");
        }
    }

    private static bool Same(double a, double b) => a.Equals(b); // exact, NaN == NaN

    public static Image<byte> Random(int w, int h, double density, Random rng)
    {
        var img = new Image<byte>(w, h);
        for (int i = 0; i < img.Data.Length; i++) img.Data[i] = rng.NextDouble() < density ? (byte)rng.Next(1, 256) : (byte)0;
        return img;
    }
}
