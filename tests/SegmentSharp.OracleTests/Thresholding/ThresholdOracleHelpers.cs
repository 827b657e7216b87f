using System.Runtime.InteropServices;
using OpenCvSharp;
using SegmentSharp.Imaging;

namespace SegmentSharp.OracleTests.Thresholding;

/// <summary>Repository paths for the threshold oracle tests.</summary>
internal static class ThresholdTestPaths
{
    public static string RepoRoot { get; } = RepoPaths.Root;

    public static string[] Samples => Directory.GetFiles(Path.Combine(RepoRoot, "samples"), "*.png").OrderBy(p => p).ToArray();

}

/// <summary>16-bit counterparts of <see cref="Oracle"/>'s helpers and random image makers.</summary>
internal static class ThresholdOracle
{
    public static Image<ushort> ToImage16(Mat mat)
    {
        Assert.Equal(MatType.CV_16U, mat.Depth());
        var img = new Image<ushort>(mat.Cols, mat.Rows, mat.Channels());
        var row = new short[img.Width * img.Channels];
        for (int y = 0; y < img.Height; y++)
        {
            Marshal.Copy(mat.Ptr(y), row, 0, row.Length);
            MemoryMarshal.Cast<short, ushort>(row).CopyTo(img.Row(y));
        }
        return img;
    }

    public static void AssertEqual16(Mat expected, Image<ushort> actual, string context)
    {
        var exp = ToImage16(expected);
        Assert.True(exp.Width == actual.Width && exp.Height == actual.Height && exp.Channels == actual.Channels, context + ": size");
        for (int y = 0; y < exp.Height; y++)
        {
            var a = exp.Row(y); var b = actual.Row(y);
            if (a.SequenceEqual(b)) continue;
            int i = 0;
            while (a[i] == b[i]) i++;
            Assert.Fail($"{context}: first difference at x={i / exp.Channels}, y={y}: OpenCV {a[i]}, ours {b[i]}");
        }
    }

    /// <summary>Random 8-bit image: uniform, two-mode, narrow or skewed, so that automatic thresholds see varied histograms.</summary>
    public static Image<byte> Random8(Random rng, int w, int h, int channels = 1, int kind = 0)
    {
        var img = new Image<byte>(w, h, channels);
        var d = img.Data;
        switch (kind % 4)
        {
            case 0: rng.NextBytes(d); break;
            case 1:
                for (int i = 0; i < d.Length; i++)
                    d[i] = (byte)Math.Clamp(rng.Next(2) == 0 ? 60 + Gauss(rng) * 20 : 180 + Gauss(rng) * 25, 0, 255);
                break;
            case 2:
                int c = rng.Next(256), spread = 1 + rng.Next(10);
                for (int i = 0; i < d.Length; i++) d[i] = (byte)Math.Clamp(c + rng.Next(-spread, spread + 1), 0, 255);
                break;
            default:
                for (int i = 0; i < d.Length; i++) d[i] = (byte)Math.Min(255, (int)(Math.Pow(rng.NextDouble(), 3) * 256));
                break;
        }
        return img;
    }

    public static Image<ushort> Random16(Random rng, int w, int h, int channels = 1, int kind = 0)
    {
        var img = new Image<ushort>(w, h, channels);
        var d = img.Data;
        switch (kind % 4)
        {
            case 0: for (int i = 0; i < d.Length; i++) d[i] = (ushort)rng.Next(65536); break;
            case 1:
                for (int i = 0; i < d.Length; i++)
                    d[i] = (ushort)Math.Clamp(rng.Next(2) == 0 ? 12000 + Gauss(rng) * 3000 : 40000 + Gauss(rng) * 5000, 0, 65535);
                break;
            case 2: for (int i = 0; i < d.Length; i++) d[i] = (ushort)rng.Next(4096); break; // 12-bit data
            default:
                for (int i = 0; i < d.Length; i++) d[i] = (ushort)Math.Min(65535, (int)(Math.Pow(rng.NextDouble(), 3) * 65536));
                break;
        }
        return img;
    }

    private static double Gauss(Random rng)
        => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    public static ThresholdTypes CvType(SegmentSharp.Thresholding.ThresholdType type, SegmentSharp.Thresholding.AutoThreshold auto)
        => (ThresholdTypes)((int)type | (int)auto);
}
