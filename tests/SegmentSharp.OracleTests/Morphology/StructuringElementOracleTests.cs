using OpenCvSharp;
using SegmentSharp.Morphology;

namespace SegmentSharp.OracleTests.Morphology;

public class StructuringElementOracleTests
{
    private static void Same(MorphShapes shape, StructuringElement ours, int w, int h, int ax = -1, int ay = -1)
    {
        using var cv = Cv2.GetStructuringElement(shape, new OpenCvSharp.Size(w, h), new OpenCvSharp.Point(ax, ay));
        Assert.Equal(w, ours.Width);
        Assert.Equal(h, ours.Height);
        int count = 0;
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                byte v = cv.At<byte>(y, x);
                Assert.True(v == (ours[x, y] ? 1 : 0), $"{shape} {w}x{h} anchor ({ax},{ay}) at ({x},{y}): OpenCV {v}");
                count += v;
            }
        Assert.Equal(count, ours.Count);
    }

    [Fact]
    public void EveryShapeUpTo40()
    {
        for (int w = 1; w <= 40; w++)
            for (int h = 1; h <= 40; h++)
            {
                Same(MorphShapes.Rect, StructuringElement.Rectangle(w, h), w, h);
                Same(MorphShapes.Cross, StructuringElement.Cross(w, h), w, h);
                Same(MorphShapes.Ellipse, StructuringElement.Ellipse(w, h), w, h);
            }
    }

    [Fact]
    public void LargeEllipsesAndCrossAnchors()
    {
        foreach (var (w, h) in new[] { (51, 51), (101, 37), (37, 101), (255, 255), (200, 3), (3, 200), (64, 63) })
            Same(MorphShapes.Ellipse, StructuringElement.Ellipse(w, h), w, h);
        for (int w = 1; w <= 9; w++)
            for (int h = 1; h <= 9; h++)
                for (int ax = 0; ax < w; ax++)
                    for (int ay = 0; ay < h; ay++)
                        Same(MorphShapes.Cross, StructuringElement.Cross(w, h, ax, ay), w, h, ax, ay);
    }
}
