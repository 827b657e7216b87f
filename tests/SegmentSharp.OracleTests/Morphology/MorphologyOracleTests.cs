using SegmentSharp.Filters;
using SegmentSharp.Imaging;
using SegmentSharp.Morphology;
using static SegmentSharp.OracleTests.Morphology.MorphOracleData;

namespace SegmentSharp.OracleTests.Morphology;

public class MorphologyOracleTests
{
    private static readonly MorphOperation[] AllOps =
    [
        MorphOperation.Erode, MorphOperation.Dilate, MorphOperation.Open, MorphOperation.Close,
        MorphOperation.Gradient, MorphOperation.TopHat, MorphOperation.BlackHat,
    ];

    private static readonly BorderType[] Borders =
        [BorderType.Constant, BorderType.Replicate, BorderType.Reflect101, BorderType.Reflect];

    public static IEnumerable<object[]> SizeCases() => Sizes.Select(s => new object[] { s.W, s.H });

    [Theory]
    [MemberData(nameof(SizeCases))]
    public void ShapesSizesBordersChannels(int w, int h)
    {
        int seed = w * 131 + h;
        foreach (int cn in new[] { 1, 3, 4 })
        {
            var img = Random(w, h, cn, seed + cn, kind: (w + h + cn) % 6);
            foreach (int shape in new[] { 0, 1, 2 })
                foreach (var (kw, kh) in new[] { (1, 1), (3, 3), (5, 5), (3, 7), (7, 3), (2, 4), (15, 15) })
                {
                    var el = Element(shape, kw, kh);
                    foreach (var b in Borders)
                    {
                        Check(img, MorphOperation.Erode, el, "erode", border: b);
                        Check(img, MorphOperation.Dilate, el, "dilate", border: b);
                    }
                    Check(img, MorphOperation.Erode, el, "erode v", borderValue: 128);
                    Check(img, MorphOperation.Dilate, el, "dilate v", borderValue: 0);
                }
        }
    }

    [Theory]
    [MemberData(nameof(SizeCases))]
    public void EveryOperation(int w, int h)
    {
        var gray = Random(w, h, 1, w * 7 + h, kind: 0);
        var mask = Random(w, h, 1, w * 7 + h + 1, kind: 3);
        var bgr = Random(w, h, 3, w * 7 + h + 2, kind: 5);
        foreach (var op in AllOps)
            foreach (int shape in new[] { 0, 1, 2 })
                foreach (var (kw, kh) in new[] { (3, 3), (5, 5), (3, 7) })
                {
                    var el = Element(shape, kw, kh);
                    Check(gray, op, el, "gray");
                    Check(mask, op, el, "mask", border: BorderType.Replicate);
                    Check(bgr, op, el, "bgr", border: BorderType.Reflect101);
                    Check(gray, op, el, "gray bv255", borderValue: 255);
                    Check(mask, op, el, "mask bv0", borderValue: 0);
                }
    }

    [Fact]
    public void AnchorsAndIterations()
    {
        var gray = Random(45, 38, 1, 11, kind: 0);
        var bgra = Random(33, 21, 4, 12, kind: 5);
        var mask = Random(50, 40, 1, 13, kind: 4);
        foreach (var op in AllOps)
            foreach (int shape in new[] { 0, 1, 2 })
                foreach (var (kw, kh) in new[] { (3, 3), (5, 5), (7, 3), (1, 5), (4, 4) })
                {
                    var el = Element(shape, kw, kh);
                    foreach (int it in new[] { 1, 2, 3 })
                        foreach (var (ax, ay) in new[] { (-1, -1), (0, 0), (kw - 1, kh - 1), (0, kh - 1) })
                        {
                            Check(gray, op, el, "gray", ax, ay, it);
                            Check(mask, op, el, "mask", ax, ay, it, BorderType.Replicate);
                            Check(bgra, op, el, "bgra", ax, ay, it, BorderType.Reflect101);
                            Check(gray, op, el, "gray 0", ax, ay, it, BorderType.Constant, 0);
                            Check(mask, op, el, "mask 255", ax, ay, it, BorderType.Constant, 255);
                        }
                    Check(gray, op, el, "zero iterations", iterations: 0);
                }
    }

    [Fact]
    public void LargeRectanglesAndEllipses()
    {
        var gray = Random(197, 123, 1, 21, kind: 5);
        var mask = Random(160, 90, 1, 22, kind: 3);
        var bgr = Random(70, 50, 3, 23, kind: 0);
        foreach (var (kw, kh) in new[] { (15, 15), (31, 31), (51, 51), (65, 3), (3, 65), (100, 100), (129, 7), (250, 2) })
        {
            var rect = StructuringElement.Rectangle(kw, kh);
            foreach (var b in Borders)
            {
                Check(gray, MorphOperation.Erode, rect, "rect", border: b);
                Check(mask, MorphOperation.Dilate, rect, "rect", border: b);
                Check(bgr, MorphOperation.Erode, rect, "rect bgr", border: b);
            }
            Check(gray, MorphOperation.Open, rect, "rect", 0, 0);
            Check(mask, MorphOperation.Close, rect, "rect", kw - 1, kh - 1, 2);
        }
        foreach (var (kw, kh) in new[] { (15, 15), (31, 31), (51, 51), (9, 40) })
        {
            var el = StructuringElement.Ellipse(kw, kh);
            Check(gray, MorphOperation.Erode, el, "ellipse");
            Check(mask, MorphOperation.Close, el, "ellipse", border: BorderType.Reflect101);
            Check(bgr, MorphOperation.Dilate, el, "ellipse bgr", border: BorderType.Replicate);
        }
    }

    [Fact]
    public void CustomKernels()
    {
        var gray = Random(61, 47, 1, 31, kind: 0);
        var mask = Random(64, 33, 1, 32, kind: 3);
        var bgr = Random(29, 31, 3, 33, kind: 5);
        int seed = 100;
        foreach (var (kw, kh) in new[] { (3, 3), (5, 5), (4, 7), (9, 2), (11, 11), (1, 6), (20, 20) })
            foreach (int density in new[] { 5, 30, 70, 100 })
            {
                var el = RandomElement(kw, kh, seed++, density);
                foreach (var op in AllOps)
                {
                    Check(gray, op, el, "custom");
                    Check(mask, op, el, "custom", 0, 0, 2, BorderType.Replicate);
                    Check(bgr, op, el, "custom", -1, -1, 1, BorderType.Reflect101);
                    Check(gray, op, el, "custom", kw - 1, 0, 3, BorderType.Constant, 128);
                }
            }
    }

    [Fact]
    public void BigImagesAndConstants()
    {
        var big = Random(640, 480, 1, 41, kind: 3);
        var bigGray = Random(640, 480, 1, 42, kind: 5);
        var el = StructuringElement.Ellipse(7, 7);
        Check(big, MorphOperation.Open, el, "640x480");
        Check(bigGray, MorphOperation.Erode, StructuringElement.Rectangle(15, 15), "640x480");
        Check(bigGray, MorphOperation.Gradient, StructuringElement.Cross(5, 5), "640x480", border: BorderType.Replicate);
        Check(Random(300, 200, 3, 43), MorphOperation.Dilate, StructuringElement.Rectangle(5, 5), "300x200x3", iterations: 3);
        foreach (int kind in new[] { 1, 2 })
        {
            var c = Random(77, 55, 1, 44, kind);
            foreach (var op in AllOps)
                foreach (double? bv in new double?[] { null, 0, 255, 128 })
                {
                    Check(c, op, StructuringElement.Rectangle(5, 5), "const", borderValue: bv);
                    Check(c, op, StructuringElement.Ellipse(5, 5), "const", borderValue: bv);
                }
        }
    }

    [Fact]
    public void Samples()
    {
        foreach (var path in RepoPaths.SamplePngs())
        {
            var img = LoadGray(path);
            string name = Path.GetFileName(path);
            Check(img, MorphOperation.Erode, StructuringElement.Rectangle(3, 3), name);
            Check(img, MorphOperation.Dilate, StructuringElement.Rectangle(15, 15), name, border: BorderType.Reflect101);
            Check(img, MorphOperation.Open, StructuringElement.Ellipse(7, 7), name);
            Check(img, MorphOperation.TopHat, StructuringElement.Cross(5, 5), name, border: BorderType.Replicate);
            Check(img, MorphOperation.BlackHat, StructuringElement.Ellipse(5, 9), name, iterations: 2);
        }
    }

    [Fact]
    public void BorderValuesRoundLikeOpenCv()
    {
        var img = Random(20, 15, 1, 51, kind: 5);
        foreach (double v in new[] { -5.0, 127.5, 128.5, 0.49, 254.6, 300.0 })
        {
            Check(img, MorphOperation.Erode, StructuringElement.Rectangle(3, 3), "round", borderValue: v);
            Check(img, MorphOperation.Dilate, StructuringElement.Ellipse(5, 5), "round", borderValue: v);
        }
    }
}
