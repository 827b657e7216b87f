using System.Runtime.InteropServices;
using OpenCvSharp;
using SegmentSharp.Imaging;

namespace SegmentSharp.OracleTests;

/// <summary>Moves pixels between SegmentSharp images and OpenCV mats, and compares them.</summary>
internal static class Oracle
{
    public static Mat ToMat(Image<byte> img)
    {
        var mat = new Mat(img.Height, img.Width, MatType.CV_8UC(img.Channels));
        for (int y = 0; y < img.Height; y++)
            Marshal.Copy(img.Data, y * img.Stride, mat.Ptr(y), img.Width * img.Channels);
        return mat;
    }

    public static Mat ToMat(Image<ushort> img)
    {
        var mat = new Mat(img.Height, img.Width, MatType.CV_16UC(img.Channels));
        var row = new short[img.Width * img.Channels];
        for (int y = 0; y < img.Height; y++)
        {
            MemoryMarshal.Cast<ushort, short>(img.Row(y)).CopyTo(row);
            Marshal.Copy(row, 0, mat.Ptr(y), row.Length);
        }
        return mat;
    }

    public static Image<byte> ToImage(Mat mat)
    {
        if (mat.Depth() != MatType.CV_8U) throw new ArgumentException($"expected an 8-bit mat, got depth {mat.Depth()}");
        var img = new Image<byte>(mat.Cols, mat.Rows, mat.Channels());
        for (int y = 0; y < img.Height; y++)
            Marshal.Copy(mat.Ptr(y), img.Data, y * img.Stride, img.Width * img.Channels);
        return img;
    }

    /// <summary>Asserts pixel equality and, on failure, reports the first differing pixel and the count.</summary>
    public static void AssertEqual(Mat expected, Image<byte> actual, string? context = null)
    {
        var exp = ToImage(expected);
        Assert.True(exp.Width == actual.Width && exp.Height == actual.Height && exp.Channels == actual.Channels,
            $"{context}: size {actual.Width}×{actual.Height}×{actual.Channels}, OpenCV {exp.Width}×{exp.Height}×{exp.Channels}");
        long diffs = 0; string? first = null;
        for (int y = 0; y < exp.Height; y++)
        {
            var a = exp.Row(y); var b = actual.Row(y);
            if (a.SequenceEqual(b)) continue;
            for (int i = 0; i < a.Length; i++)
                if (a[i] != b[i])
                {
                    diffs++;
                    first ??= $"x={i / exp.Channels}, y={y}, c={i % exp.Channels}: OpenCV {a[i]}, ours {b[i]}";
                }
        }
        Assert.True(diffs == 0, $"{context}: {diffs} samples differ; first at {first}");
    }
}
