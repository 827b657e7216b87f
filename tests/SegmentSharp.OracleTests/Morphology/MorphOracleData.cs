using System.Runtime.InteropServices;
using OpenCvSharp;
using SegmentSharp.Filters;
using SegmentSharp.Imaging;
using SegmentSharp.Morphology;

namespace SegmentSharp.OracleTests.Morphology;

/// <summary>Images, elements and OpenCV calls shared by the morphology oracle tests.</summary>
internal static class MorphOracleData
{
    public static readonly (int W, int H)[] Sizes =
    [
        (1, 1), (1, 23), (23, 1), (2, 3), (7, 5), (15, 16), (16, 15), (17, 9), (31, 33), (32, 7), (33, 12), (63, 5),
        (64, 20), (65, 31), (97, 40),
    ];

    /// <summary>kind 0 noise, 1 all 0, 2 all 255, 3 binary blobs (0/255), 4 salt noise on 0, 5 smooth gray.</summary>
    public static Image<byte> Random(int w, int h, int cn, int seed, int kind = 0)
    {
        var rng = new System.Random(seed);
        var img = new Image<byte>(w, h, cn);
        switch (kind)
        {
            case 0: rng.NextBytes(img.Data); break;
            case 1: break;
            case 2: Array.Fill(img.Data, (byte)255); break;
            case 3:
            {
                int blobs = 1 + w * h / 60;
                var cx = new int[blobs]; var cy = new int[blobs]; var r = new int[blobs];
                for (int i = 0; i < blobs; i++) { cx[i] = rng.Next(w); cy[i] = rng.Next(h); r[i] = 1 + rng.Next(6); }
                for (int y = 0; y < h; y++)
                for (int x = 0; x < w; x++)
                {
                    bool on = false;
                    for (int i = 0; i < blobs && !on; i++)
                        on = (x - cx[i]) * (x - cx[i]) + (y - cy[i]) * (y - cy[i]) <= r[i] * r[i];
                    if (rng.Next(50) == 0) on = !on;
                    for (int c = 0; c < cn; c++) img.Data[y * img.Stride + x * cn + c] = on ? (byte)255 : (byte)0;
                }
                break;
            }
            case 4:
                for (int i = 0; i < img.Data.Length; i++) img.Data[i] = rng.Next(20) == 0 ? (byte)255 : (byte)0;
                break;
            default:
                for (int y = 0; y < h; y++)
                {
                    var row = img.Row(y);
                    for (int i = 0; i < row.Length; i++)
                        row[i] = (byte)Math.Clamp(128 + 60 * Math.Sin((i / cn) * 0.21 + y * 0.13) + rng.Next(-20, 21), 0, 255);
                }
                break;
        }
        return img;
    }

    public static Image<byte> LoadGray(string path)
    {
        using var m = Cv2.ImRead(path, ImreadModes.Grayscale);
        return Oracle.ToImage(m);
    }

    public static Mat ToMat(StructuringElement el)
    {
        var m = new Mat(el.Height, el.Width, MatType.CV_8UC1);
        var bytes = el.Mask.ToArray();
        for (int y = 0; y < el.Height; y++) Marshal.Copy(bytes, y * el.Width, m.Ptr(y), el.Width);
        return m;
    }

    public static Mat ToMat(int[] kernel, int w, int h)
    {
        var m = new Mat(h, w, MatType.CV_32SC1);
        for (int y = 0; y < h; y++) Marshal.Copy(kernel, y * w, m.Ptr(y), w);
        return m;
    }

    public static StructuringElement Element(int shape, int w, int h) => shape switch
    {
        0 => StructuringElement.Rectangle(w, h),
        1 => StructuringElement.Cross(w, h),
        _ => StructuringElement.Ellipse(w, h),
    };

    public static StructuringElement RandomElement(int w, int h, int seed, int densityPercent)
    {
        var rng = new System.Random(seed);
        var m = new byte[w * h];
        for (int i = 0; i < m.Length; i++) m[i] = rng.Next(100) < densityPercent ? (byte)1 : (byte)0;
        if (Array.IndexOf(m, (byte)1) < 0) m[rng.Next(m.Length)] = 1;
        return StructuringElement.FromMask(m, w, h);
    }

    /// <summary>Runs OpenCV's morphologyEx and ours on the same arguments and asserts bit equality.</summary>
    public static void Check(Image<byte> img, MorphOperation op, StructuringElement el, string ctx, int ax = -1, int ay = -1,
        int iterations = 1, BorderType border = BorderType.Constant, double? borderValue = null)
    {
        using var m = Oracle.ToMat(img);
        using var k = ToMat(el);
        using var expected = new Mat();
        Scalar? sv = borderValue is double v ? Scalar.All(v) : null;
        if (op == MorphOperation.Erode)
            Cv2.Erode(m, expected, k, new OpenCvSharp.Point(ax, ay), iterations, (BorderTypes)(int)border, sv);
        else if (op == MorphOperation.Dilate)
            Cv2.Dilate(m, expected, k, new OpenCvSharp.Point(ax, ay), iterations, (BorderTypes)(int)border, sv);
        else
            Cv2.MorphologyEx(m, expected, (MorphTypes)(int)op, k, new OpenCvSharp.Point(ax, ay), iterations, (BorderTypes)(int)border, sv);
        var actual = img.CloneEmpty();
        if (op == MorphOperation.Erode)
            SegmentSharp.Morphology.Morphology.Erode(img.ReadOnlyView, actual.View, el, ax, ay, iterations, border, borderValue);
        else if (op == MorphOperation.Dilate)
            SegmentSharp.Morphology.Morphology.Dilate(img.ReadOnlyView, actual.View, el, ax, ay, iterations, border, borderValue);
        else
            SegmentSharp.Morphology.Morphology.Apply(op, img.ReadOnlyView, actual.View, el, ax, ay, iterations, border, borderValue);
        Oracle.AssertEqual(expected, actual,
            $"{ctx} {op} {el.Width}x{el.Height} n={el.Count} a=({ax},{ay}) it={iterations} {border} bv={borderValue?.ToString() ?? "default"} img={img.Width}x{img.Height}x{img.Channels}");
    }
}
