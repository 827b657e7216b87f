using SegmentSharp.Geometry;
using SegmentSharp.Models;

namespace SegmentSharp.Tests.Models;

public class DbPostProcessTests
{
    private static float[] Map(int w, int h, params (int X, int Y, int W, int H, float P)[] rects)
    {
        var map = new float[w * h];
        Array.Fill(map, 0.05f);
        foreach (var r in rects)
            for (int y = r.Y; y < r.Y + r.H; y++)
                for (int x = r.X; x < r.X + r.W; x++) map[y * w + x] = r.P;
        return map;
    }

    [Fact]
    public void OffsetOfARectangleGrowsEachSideByTheDistance()
    {
        PointF[] rect = [new(10, 10), new(50, 10), new(50, 30), new(10, 30)];
        Point[] grown = PolygonOffset.Round(rect, 6);
        var b = Shape.BoundingRect(grown);
        Assert.Equal(new Rect(4, 4, 53, 33), b);
        // Arc vertices stay on the circle of radius 6 about the corner, to within rounding.
        foreach (var p in grown)
            if (p.X < 10 && p.Y < 10) Assert.InRange(Math.Sqrt((p.X - 10) * (p.X - 10) + (p.Y - 10) * (p.Y - 10)), 5.3, 6.7);
        // Orientation does not matter.
        Assert.Equal(b, Shape.BoundingRect(PolygonOffset.Round([rect[3], rect[2], rect[1], rect[0]], 6)));
    }

    [Fact]
    public void UnclipDistanceIsAreaTimesRatioOverPerimeter()
    {
        PointF[] rect = [new(0, 0), new(39, 0), new(39, 19), new(0, 19)];
        Assert.Equal(39.0 * 19 * 1.5 / (2 * (39 + 19)), DbPostProcess.UnclipDistance(rect, 1.5), 12);
    }

    [Fact]
    public void FindsSyntheticTextRectanglesAndScalesThemBack()
    {
        // Two strong blocks, one weak block (mean 0.5 < box_thresh 0.6) and one thin block (short side < min_size).
        var map = Map(160, 96, (20, 30, 40, 20, 0.9f), (90, 60, 50, 12, 0.8f), (100, 10, 30, 20, 0.5f), (5, 80, 30, 2, 0.95f));
        var boxes = DbPostProcess.Run(map, 160, 96, 320, 192).OrderBy(b => b.Corners[0].X).ToList();
        Assert.Equal(2, boxes.Count);

        // Block 1: contour spans 39x19 pixel centres, D = 741·1.5/116 ≈ 9.58 → x 10.4…68.6, y 20.4…58.6, then ×2.
        AssertBox(boxes[0], 20 - 9.58, 30 - 9.58, 59 + 9.58, 49 + 9.58);
        Assert.Equal(0.9, boxes[0].Score, 5);
        // Block 2: 49x11, D = 539·1.5/120 ≈ 6.74.
        AssertBox(boxes[1], 90 - 6.74, 60 - 6.74, 139 + 6.74, 71 + 6.74);
        Assert.Equal(0.8, boxes[1].Score, 5);
    }

    private static void AssertBox(TextBox box, double x0, double y0, double x1, double y1)
    {
        var c = box.Corners;
        // Top-left, top-right, bottom-right, bottom-left, each within 2 output pixels (1 map pixel) of the geometry.
        Assert.InRange(c[0].X, 2 * x0 - 2, 2 * x0 + 2); Assert.InRange(c[0].Y, 2 * y0 - 2, 2 * y0 + 2);
        Assert.InRange(c[1].X, 2 * x1 - 2, 2 * x1 + 2); Assert.InRange(c[1].Y, 2 * y0 - 2, 2 * y0 + 2);
        Assert.InRange(c[2].X, 2 * x1 - 2, 2 * x1 + 2); Assert.InRange(c[2].Y, 2 * y1 - 2, 2 * y1 + 2);
        Assert.InRange(c[3].X, 2 * x0 - 2, 2 * x0 + 2); Assert.InRange(c[3].Y, 2 * y1 - 2, 2 * y1 + 2);
    }

    [Fact]
    public void BoxScoreIsTheMeanUnderTheFilledBox()
    {
        var map = Map(10, 10, (2, 2, 3, 3, 1f));
        // The 3x3 block exactly: mean 1. Growing the box by one pixel on each side: 9 of 25 pixels at 1, 16 at 0.05.
        Assert.Equal(1.0, DbPostProcess.BoxScoreFast(map, 10, 10, [new(2, 2), new(4, 2), new(4, 4), new(2, 4)]), 6);
        Assert.Equal((9 + 16 * 0.05f) / 25.0, DbPostProcess.BoxScoreFast(map, 10, 10, [new(1, 1), new(5, 1), new(5, 5), new(1, 5)]), 6);
    }

    [Fact]
    public void EmptyMapGivesNoBoxes() => Assert.Empty(DbPostProcess.Run(new float[64], 8, 8, 8, 8));
}
