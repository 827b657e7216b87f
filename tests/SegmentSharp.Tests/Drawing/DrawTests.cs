using CsCheck;
using SegmentSharp.Drawing;
using SegmentSharp.Geometry;
using SegmentSharp.Imaging;

namespace SegmentSharp.Tests.Drawing;

public class DrawTests
{
    private static int Count(Image<byte> img) => img.Data.Count(v => v != 0);

    [Fact]
    public void LineIsEightConnectedAndHitsBothEnds()
    {
        Gen.Select(Gen.Int[-5, 45], Gen.Int[-5, 45], Gen.Int[-5, 45], Gen.Int[-5, 45]).Sample((x0, y0, x1, y1) =>
        {
            var img = new Image<byte>(40, 40);
            Draw.Line(img, new Point(x0, y0), new Point(x1, y1), Rgb.White);
            int expected = Enumerable.Range(0, Math.Max(Math.Abs(x1 - x0), Math.Abs(y1 - y0)) + 1)
                .Count(i =>
                {
                    int n = Math.Max(Math.Abs(x1 - x0), Math.Abs(y1 - y0));
                    double t = n == 0 ? 0 : (double)i / n;
                    int x = (int)Math.Round(x0 + t * (x1 - x0)), y = (int)Math.Round(y0 + t * (y1 - y0));
                    return (uint)x < 40 && (uint)y < 40;
                });
            // An 8-connected line has exactly max(|dx|,|dy|)+1 pixels, one per step of the major axis.
            Assert.InRange(Count(img), Math.Max(0, expected - 2), expected + 2);
            if ((uint)x0 < 40 && (uint)y0 < 40) Assert.Equal(255, img.Row(y0)[x0]);
            if ((uint)x1 < 40 && (uint)y1 < 40) Assert.Equal(255, img.Row(y1)[x1]);
        });
    }

    [Fact]
    public void ThickLineIsWider()
    {
        var thin = new Image<byte>(50, 50);
        var thick = new Image<byte>(50, 50);
        Draw.Line(thin, new Point(5, 25), new Point(45, 25), Rgb.White);
        Draw.Line(thick, new Point(5, 25), new Point(45, 25), Rgb.White, 5);
        Assert.Equal(41, Count(thin));
        for (int y = 23; y <= 27; y++) Assert.Equal(255, thick.Row(y)[25]);
        Assert.Equal(0, thick.Row(22)[25]);
        Assert.Equal(0, thick.Row(28)[25]);
    }

    [Fact]
    public void RectangleOutlineAndFill()
    {
        var img = new Image<byte>(20, 10, 3);
        Draw.Rectangle(img, 2, 3, 5, 4, Rgb.Red);
        // 5×4 outline = 2·5 + 2·2 pixels; BGR stores red as (0, 0, 255).
        int red = 0;
        for (int y = 0; y < 10; y++) for (int x = 0; x < 20; x++) if (img.Row(y)[x * 3 + 2] == 255) red++;
        Assert.Equal(14, red);
        Assert.Equal(0, img.Row(3)[2 * 3]);
        var filled = new Image<byte>(20, 10);
        Draw.Rectangle(filled, -3, 8, 5, 9, Rgb.White, -1);
        Assert.Equal(2 * 2, Count(filled));
    }

    [Fact]
    public void FilledPolygonsCutHolesWithTheEvenOddRule()
    {
        var img = new Image<byte>(12, 12);
        Point[] outer = [new(1, 1), new(10, 1), new(10, 10), new(1, 10)];
        Point[] hole = [new(4, 4), new(4, 7), new(7, 7), new(7, 4)];
        Draw.Contours(img, [outer, hole], Rgb.White, -1);
        // Everything within the outer square except the strict interior of the hole (2×2) is filled.
        Assert.Equal(10 * 10 - 2 * 2, Count(img));
        Assert.Equal(0, img.Row(5)[5]);
        Assert.Equal(255, img.Row(4)[4]);
    }

    [Fact]
    public void FillingARectilinearBorderGivesTheRegionBack()
    {
        // A staircase region traced along its border pixels (as findContours with no approximation would).
        var want = new Image<byte>(8, 8);
        for (int y = 1; y <= 6; y++) for (int x = 1; x <= y; x++) want.Row(y)[x] = 255;
        Point[] border = [new(1, 1), new(1, 6), new(6, 6), new(5, 5), new(4, 4), new(3, 3), new(2, 2)];
        var got = new Image<byte>(8, 8);
        Draw.FillPolygon(got, border, Rgb.White);
        Assert.Equal(want.Data, got.Data);
    }

    [Fact]
    public void OverlayBlendsOnlyMarkedPixels()
    {
        var gray = new Image<byte>(3, 1);
        gray.Data.AsSpan().Fill(200);
        var mask = new Image<byte>(3, 1);
        mask.Row(0)[1] = 255;
        var o = Overlay.Mask(gray, mask, Rgb.Red, 0.5);
        Assert.Equal(new byte[] { 200, 200, 200, 100, 100, 228, 200, 200, 200 }, o.Data);
        Assert.Throws<ArgumentOutOfRangeException>(() => Overlay.Mask(gray, mask, Rgb.Red, 1.5));
        Assert.Throws<ArgumentException>(() => Overlay.Mask(gray, new Image<byte>(2, 1), Rgb.Red));
    }

    [Fact]
    public void LabelColoursAreStableAndDistinct()
    {
        var p = LabelPalette.Default;
        Assert.Equal(Rgb.Black, p[0]);
        Assert.Equal(Rgb.White, p[-1]);
        var first = Enumerable.Range(1, 64).Select(i => p[i]).ToList();
        Assert.Equal(64, first.Distinct().Count());
        Assert.DoesNotContain(Rgb.Black, first);
        var labels = new Image<int>(2, 1);
        labels.Row(0)[1] = 3;
        var rgb = LabelColoring.Colorize(labels);
        Assert.Equal(new byte[] { 0, 0, 0, p[3].B, p[3].G, p[3].R }, rgb.Data);
        var over = Overlay.Labels(new Image<byte>(2, 1), labels, 1.0);
        Assert.Equal(rgb.Data, over.Data);
    }
}
