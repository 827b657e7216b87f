using System.Runtime.InteropServices;
using OpenCvSharp;
using SegmentSharp.Codecs;
using SegmentSharp.Distance;
using SegmentSharp.Imaging;

namespace SegmentSharp.OracleTests.Distance;

/// <summary>Masks and comparisons shared by the distance-transform oracle tests.</summary>
internal static class DistanceOracle
{
    /// <summary>Sizes from 1×1 to odd, thin and vector-unfriendly widths.</summary>
    public static readonly (int W, int H)[] SmallSizes =
        [(1, 1), (1, 9), (9, 1), (2, 2), (3, 5), (7, 7), (8, 3), (17, 13), (31, 33), (64, 5), (65, 40)];

    public static readonly double[] Densities = [0.01, 0.3, 0.7, 0.95, 0.99];

    /// <summary>Salt noise: each pixel is 255 with probability <paramref name="density"/>.</summary>
    public static Image<byte> Salt(int w, int h, double density, Random rng)
    {
        var m = new Image<byte>(w, h);
        for (int i = 0; i < m.Data.Length; i++) m.Data[i] = rng.NextDouble() < density ? (byte)255 : (byte)0;
        return m;
    }

    /// <summary>Random discs of zeros on a 255 background (large distances, objects at the border).</summary>
    public static Image<byte> Blobs(int w, int h, int count, Random rng)
    {
        var m = new Image<byte>(w, h);
        Array.Fill(m.Data, (byte)255);
        for (int k = 0; k < count; k++)
        {
            int cx = rng.Next(w), cy = rng.Next(h), r = rng.Next(1, Math.Max(2, Math.Min(w, h) / 6));
            for (int y = Math.Max(0, cy - r); y <= Math.Min(h - 1, cy + r); y++)
                for (int x = Math.Max(0, cx - r); x <= Math.Min(w - 1, cx + r); x++)
                    if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r) m.Row(y)[x] = 0;
        }
        return m;
    }

    /// <summary>Sample images binarized with a fixed threshold, as masks of both polarities.</summary>
    public static IEnumerable<(string Name, Image<byte> Mask)> SampleMasks()
    {
        foreach (var (file, t) in new[] { ("camera.png", 90), ("coins.png", 110), ("page.png", 140), ("text.png", 100) })
        {
            var g = ImageFile.ReadGray(RepoPaths.Sample(file));
            var a = new Image<byte>(g.Width, g.Height);
            var b = new Image<byte>(g.Width, g.Height);
            for (int i = 0; i < g.Data.Length; i++)
            {
                a.Data[i] = g.Data[i] > t ? (byte)255 : (byte)0;
                b.Data[i] = (byte)(255 - a.Data[i]);
            }
            yield return (file + " >", a);
            yield return (file + " <=", b);
        }
    }

    public static float[] Floats(Mat m)
    {
        int rows = m.Rows, cols = m.Cols;
        Assert.Equal(MatType.CV_32FC1, m.Type());
        var a = new float[rows * cols];
        for (int y = 0; y < rows; y++) Marshal.Copy(m.Ptr(y), a, y * cols, cols);
        return a;
    }

    public static int[] Ints(Mat m)
    {
        int rows = m.Rows, cols = m.Cols;
        Assert.Equal(MatType.CV_32SC1, m.Type());
        var a = new int[rows * cols];
        for (int y = 0; y < rows; y++) Marshal.Copy(m.Ptr(y), a, y * cols, cols);
        return a;
    }

    public static float[] OpenCv(Image<byte> mask, DistanceType type, DistanceMask maskSize)
    {
        using var src = Oracle.ToMat(mask);
        using var dst = new Mat();
        Cv2.DistanceTransform(src, dst, (DistanceTypes)(int)type, (DistanceTransformMasks)(int)maskSize);
        return Floats(dst);
    }

    public static float[] Ours(Image<byte> mask, DistanceType type, DistanceMask maskSize)
    {
        var d = DistanceTransform.Apply(mask, type, maskSize);
        var a = new float[mask.Width * mask.Height];
        for (int y = 0; y < mask.Height; y++) d.Row(y).CopyTo(a.AsSpan(y * mask.Width));
        return a;
    }

    /// <summary>Exact equality; on failure names the first differing pixel and the count.</summary>
    public static void AssertExact(float[] expected, float[] actual, int width, string context)
    {
        int diffs = 0; string? first = null;
        for (int i = 0; i < expected.Length; i++)
            if (BitConverter.SingleToInt32Bits(expected[i]) != BitConverter.SingleToInt32Bits(actual[i]))
            {
                diffs++;
                first ??= $"x={i % width} y={i / width}: OpenCV {expected[i]:R}, ours {actual[i]:R}";
            }
        Assert.True(diffs == 0, $"{context}: {diffs} of {expected.Length} differ; first at {first}");
    }

    /// <summary>
    /// Equality within <paramref name="relative"/> of max(1, |expected|); returns how many pixels were not bit-identical.
    /// </summary>
    public static int AssertClose(float[] expected, float[] actual, int width, double relative, string context)
    {
        int inexact = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            if (expected[i] == actual[i]) continue;
            inexact++;
            double tol = relative * Math.Max(1.0, Math.Abs(expected[i]));
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tol,
                $"{context}: x={i % width} y={i / width}: OpenCV {expected[i]:R}, ours {actual[i]:R}");
        }
        return inexact;
    }
}
