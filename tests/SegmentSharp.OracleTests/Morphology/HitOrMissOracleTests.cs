using OpenCvSharp;
using SegmentSharp.Filters;
using SegmentSharp.Imaging;
using SegmentSharp.Morphology;
using static SegmentSharp.OracleTests.Morphology.MorphOracleData;

namespace SegmentSharp.OracleTests.Morphology;

public class HitOrMissOracleTests
{
    private static void Check(Image<byte> img, int[] kernel, int kw, int kh, string ctx, int ax = -1, int ay = -1,
        int iterations = 1, BorderType border = BorderType.Constant, double? borderValue = null)
    {
        using var m = Oracle.ToMat(img);
        using var k = ToMat(kernel, kw, kh);
        using var expected = new Mat();
        Scalar? sv = borderValue is double v ? Scalar.All(v) : null;
        Cv2.MorphologyEx(m, expected, MorphTypes.HitMiss, k, new OpenCvSharp.Point(ax, ay), iterations, (BorderTypes)(int)border, sv);
        var actual = img.CloneEmpty();
        SegmentSharp.Morphology.Morphology.HitOrMiss(img.ReadOnlyView, actual.View, kernel, kw, kh, ax, ay, iterations, border, borderValue);
        Oracle.AssertEqual(expected, actual, $"{ctx} hitmiss [{string.Join(",", kernel)}] {kw}x{kh} a=({ax},{ay}) it={iterations} {border} bv={borderValue}");

        var sb = kernel.Select(x => (sbyte)x).ToArray();
        var viaSbyte = img.CloneEmpty();
        SegmentSharp.Morphology.Morphology.HitOrMiss(img.ReadOnlyView, viaSbyte.View, sb, kw, kh, ax, ay, iterations, border, borderValue);
        Assert.Equal(actual.Data, viaSbyte.Data);
    }

    private static readonly (int[] K, int W, int H)[] Kernels =
    [
        ([0, 1, 0, 1, -1, 1, 0, 1, 0], 3, 3),          // isolated dark pixel in a cross
        ([-1, -1, -1, -1, 1, -1, -1, -1, -1], 3, 3),    // isolated bright pixel
        ([1, 1, 1, 0, 1, 0, -1, -1, -1], 3, 3),         // edge pattern
        ([0, 0, 0, 0, 1, 0, 0, 0, 0], 3, 3),            // foreground only
        ([0, 0, 0, 0, -1, 0, 0, 0, 0], 3, 3),           // background only
        ([0, 0, 0, 0, 0, 0, 0, 0, 0], 3, 3),            // all don't care: copies
        ([1, 1, 1, 1, 1, 1, 1, 1, 1], 3, 3),            // rectangle: plain erosion
        ([1, -1, 0, 2, -1, 1, 0, 1, -1, -1, 1, 1], 4, 3),
        ([1, -1], 2, 1),
        ([1], 1, 1),
        ([-1], 1, 1),
    ];

    [Fact]
    public void KernelsOnMasksAndGray()
    {
        var masks = new[]
        {
            Random(1, 1, 1, 1, kind: 3), Random(1, 30, 1, 2, kind: 4), Random(30, 1, 1, 3, kind: 4),
            Random(67, 45, 1, 4, kind: 3), Random(64, 33, 1, 5, kind: 4), Random(40, 40, 1, 6, kind: 0),
            Random(33, 17, 1, 7, kind: 1), Random(33, 17, 1, 8, kind: 2),
        };
        foreach (var img in masks)
            foreach (var (k, w, h) in Kernels)
            {
                Check(img, k, w, h, "default");
                Check(img, k, w, h, "replicate", border: BorderType.Replicate);
                Check(img, k, w, h, "reflect101 corner", 0, 0, 1, BorderType.Reflect101);
                Check(img, k, w, h, "constant 0 it2", -1, -1, 2, BorderType.Constant, 0);
                Check(img, k, w, h, "constant 255 it3", w - 1, h - 1, 3, BorderType.Constant, 255);
            }
    }

    [Fact]
    public void ElementOverloadIsForegroundOnly()
    {
        var img = Random(50, 37, 1, 9, kind: 3);
        foreach (var el in new[] { StructuringElement.Ellipse(5, 5), StructuringElement.Cross(3, 3), StructuringElement.Rectangle(3, 3) })
            MorphOracleData.Check(img, MorphOperation.HitMiss, el, "element");
    }

    [Fact]
    public void RejectsColour()
    {
        var img = Random(5, 5, 3, 1);
        Assert.Throws<ArgumentException>(() =>
            SegmentSharp.Morphology.Morphology.HitOrMiss(img.ReadOnlyView, img.CloneEmpty().View, new int[] { 1 }, 1, 1));
    }
}
