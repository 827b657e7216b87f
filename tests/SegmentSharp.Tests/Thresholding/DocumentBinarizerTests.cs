using SegmentSharp.Imaging;
using SegmentSharp.Metrics;
using SegmentSharp.Thresholding;
using SegmentSharp.Thresholding.Document;

namespace SegmentSharp.Tests.Thresholding;

/// <summary>
/// The automatic document binarizer on synthetic pages whose strokes are known: handwriting-like strokes rendered
/// under an illumination gradient, a stain and noise must come back with a high F-measure; blank, tiny and strided
/// inputs behave as documented. No data outside the repository is needed.
/// </summary>
public class DocumentBinarizerTests
{
    /// <summary>A rendered page and the mask of its strokes (255 = ink).</summary>
    internal sealed record SynthPage(Image<byte> Page, Image<byte> Ink);

    /// <summary>
    /// Lines of "words" made of random thick segments and arcs (stroke width <paramref name="stroke"/>), on paper that
    /// darkens from <paramref name="paperHi"/> to <paramref name="paperLo"/> across the page, with a soft dark stain and
    /// Gaussian noise; ink lies <paramref name="contrast"/> levels below the local paper.
    /// </summary>
    internal static SynthPage Render(int w, int h, int stroke, int contrast, int paperHi, int paperLo, double noise, int seed)
    {
        var rng = new Random(seed);
        var ink = new Image<byte>(w, h);
        int glyphH = Math.Max(8, stroke * 6);
        double r = stroke / 2.0;
        for (int top = glyphH / 2; top + glyphH < h - 4; top += glyphH * 2)
        {
            int x = 6 + rng.Next(glyphH);
            while (x + glyphH < w - 6)
            {
                int letters = 2 + rng.Next(6);
                for (int l = 0; l < letters && x + glyphH < w - 6; l++)
                {
                    int gw = glyphH * (2 + rng.Next(3)) / 4;
                    int segs = 2 + rng.Next(3);
                    for (int s = 0; s < segs; s++)
                    {
                        double x0 = x + rng.NextDouble() * gw, y0 = top + rng.NextDouble() * glyphH;
                        double x1 = x + rng.NextDouble() * gw, y1 = top + rng.NextDouble() * glyphH;
                        if (rng.Next(3) == 0) Ring(ink, (x0 + x1) / 2, (y0 + y1) / 2, gw / 3.0, r);
                        else Segment(ink, x0, y0, x1, y1, r);
                    }
                    x += gw + stroke + 1;
                }
                x += glyphH;
            }
        }

        var page = new Image<byte>(w, h);
        double sx = w * 0.7, sy = h * 0.4, sr = Math.Min(w, h) * 0.25;
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                double paper = paperHi + (paperLo - paperHi) * (x + y) / (double)(w + h);
                double dx = x - sx, dy = y - sy;
                paper -= 35 * Math.Exp(-(dx * dx + dy * dy) / (2 * sr * sr));
                double v = ink.Data[y * w + x] != 0 ? paper - contrast : paper;
                v += noise * Gaussian(rng);
                page.Data[y * w + x] = (byte)Math.Clamp(Math.Round(v), 0, 255);
            }
        return new SynthPage(page, ink);
    }

    private static double Gaussian(Random rng)
    {
        double u1 = 1 - rng.NextDouble(), u2 = rng.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private static void Segment(Image<byte> ink, double x0, double y0, double x1, double y1, double r)
    {
        int xa = (int)Math.Floor(Math.Min(x0, x1) - r), xb = (int)Math.Ceiling(Math.Max(x0, x1) + r);
        int ya = (int)Math.Floor(Math.Min(y0, y1) - r), yb = (int)Math.Ceiling(Math.Max(y0, y1) + r);
        double vx = x1 - x0, vy = y1 - y0, len2 = Math.Max(1e-9, vx * vx + vy * vy);
        for (int y = Math.Max(0, ya); y <= Math.Min(ink.Height - 1, yb); y++)
            for (int x = Math.Max(0, xa); x <= Math.Min(ink.Width - 1, xb); x++)
            {
                double t = Math.Clamp(((x - x0) * vx + (y - y0) * vy) / len2, 0, 1);
                double ex = x0 + t * vx - x, ey = y0 + t * vy - y;
                if (ex * ex + ey * ey <= r * r) ink.Data[y * ink.Width + x] = 255;
            }
    }

    private static void Ring(Image<byte> ink, double cx, double cy, double radius, double r)
    {
        for (int y = Math.Max(0, (int)(cy - radius - r - 1)); y <= Math.Min(ink.Height - 1, (int)(cy + radius + r + 1)); y++)
            for (int x = Math.Max(0, (int)(cx - radius - r - 1)); x <= Math.Min(ink.Width - 1, (int)(cx + radius + r + 1)); x++)
            {
                double d = Math.Abs(Math.Sqrt((x - cx) * (x - cx) + (y - cy) * (y - cy)) - radius);
                if (d <= r) ink.Data[y * ink.Width + x] = 255;
            }
    }

    private static BinaryScores Score(Image<byte> output, Image<byte> ink) =>
        BinaryMetrics.Compute(BinaryMask.FromTextIsZero(output.ReadOnlyView).ReadOnlyView, ink.ReadOnlyView);

    [Theory]
    [InlineData(2, 70, 11)]
    [InlineData(3, 60, 12)]
    [InlineData(5, 80, 13)]
    [InlineData(8, 90, 14)]
    public void RecoversStrokesUnderGradientStainAndNoise(int stroke, int contrast, int seed)
    {
        var s = Render(420, 300, stroke, contrast, 235, 110, 6, seed);
        var output = DocumentBinarizer.Binarize(s.Page.ReadOnlyView, out var est);
        var auto = Score(output, s.Ink);
        var otsu = Score(Threshold.Apply(s.Page, 0, 255, ThresholdType.Binary, out _, AutoThreshold.Otsu), s.Ink);

        Assert.True(auto.FMeasure >= 90, $"stroke {stroke}: FM {auto.FMeasure:F2} (Otsu {otsu.FMeasure:F2}), estimate {est}");
        Assert.True(auto.FMeasure > otsu.FMeasure + 5, $"stroke {stroke}: FM {auto.FMeasure:F2} vs Otsu {otsu.FMeasure:F2}");
        Assert.True(auto.Drd < 2, $"stroke {stroke}: DRD {auto.Drd:F3}");
        // Strokes thinner than the 3×3 contrast neighbourhood read a little wide (their two edges merge).
        Assert.True(est.StrokeWidth >= stroke - 1 && est.StrokeWidth <= stroke + 3, $"stroke width {est.StrokeWidth} vs {stroke}");
        Assert.Equal(2 * (int)est.StrokeWidth + 1, est.Window);
        Assert.True(est.Contrast > contrast * 0.6 && est.Contrast < contrast * 1.2, $"contrast {est.Contrast:F1} vs {contrast}");
        Assert.True(est.TextHeight > 0);
    }

    [Fact]
    public void StrokesWiderThanTheTypicalOneAreNotHollow()
    {
        // Thin text sets the stroke width to about 3; a bar three times as wide must still come out solid.
        var s = Render(400, 260, 3, 80, 215, 205, 3, 21);
        var page = s.Page;
        for (int y = 120; y < 130; y++)
            for (int x = 100; x < 300; x++)
            {
                page.Data[y * 400 + x] = 110;
                s.Ink.Data[y * 400 + x] = 255;
            }
        var output = DocumentBinarizer.Binarize(page.ReadOnlyView, out var est);
        Assert.InRange(est.StrokeWidth, 2, 5);
        int solid = 0;
        for (int y = 121; y < 129; y++)
            for (int x = 101; x < 299; x++)
                if (output.Data[y * 400 + x] == 0) solid++;
        Assert.True(solid >= 0.98 * 8 * 198, $"{solid} of {8 * 198} bar pixels are text (stroke width {est.StrokeWidth})");
    }

    [Fact]
    public void OutputIsBilevelAndSameSize()
    {
        var s = Render(97, 61, 3, 70, 220, 200, 4, 5);
        var output = DocumentBinarizer.Binarize(s.Page.ReadOnlyView);
        Assert.Equal((97, 61, 1), (output.Width, output.Height, output.Channels));
        Assert.All(output.Data, v => Assert.True(v is 0 or 255));
        Assert.Contains(output.Data, v => v == 0);
    }

    [Fact]
    public void NoisyBlankPaperStaysPaper()
    {
        var rng = new Random(3);
        var page = new Image<byte>(300, 200);
        for (int y = 0; y < 200; y++)
            for (int x = 0; x < 300; x++)
                page.Data[y * 300 + x] = (byte)Math.Clamp(Math.Round(200 - 0.1 * x + 5 * Gaussian(rng)), 0, 255);
        var output = DocumentBinarizer.Binarize(page.ReadOnlyView);
        int text = output.Data.Count(v => v == 0);
        Assert.True(text < page.Data.Length / 200, $"{text} text pixels on blank paper");
    }

    [Theory]
    [InlineData(1, 1, 0)]
    [InlineData(1, 1, 255)]
    [InlineData(1, 37, 128)]
    [InlineData(41, 1, 7)]
    [InlineData(50, 40, 0)]
    [InlineData(50, 40, 255)]
    [InlineData(64, 64, 131)]
    public void ConstantPagesAreBlankPaper(int w, int h, byte value)
    {
        var page = new Image<byte>(w, h);
        Array.Fill(page.Data, value);
        var output = DocumentBinarizer.Binarize(page.ReadOnlyView, out var est);
        Assert.Equal((w, h), (output.Width, output.Height));
        Assert.All(output.Data, v => Assert.Equal(255, v));
        Assert.Equal(0, est.Window);
        Assert.Equal(0, est.StrokeWidth);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(1, 50)]
    [InlineData(50, 2)]
    [InlineData(3, 3)]
    [InlineData(4, 7)]
    public void TinyRandomPagesDoNotThrow(int w, int h)
    {
        var rng = new Random(w * 100 + h);
        var page = new Image<byte>(w, h);
        rng.NextBytes(page.Data);
        var output = DocumentBinarizer.Binarize(page.ReadOnlyView);
        Assert.Equal((w, h), (output.Width, output.Height));
        Assert.All(output.Data, v => Assert.True(v is 0 or 255));
        if (w < 3 || h < 3) Assert.All(output.Data, v => Assert.Equal(255, v));
    }

    [Fact]
    public void StridedViewAndThreadCountDoNotChangeTheResult()
    {
        var s = Render(203, 150, 3, 60, 230, 170, 5, 9);
        int stride = 203 + 13;
        var padded = new byte[stride * 150];
        new Random(1).NextBytes(padded);
        for (int y = 0; y < 150; y++) s.Page.Data.AsSpan(y * 203, 203).CopyTo(padded.AsSpan(y * stride));
        int saved = Parallelism.MaxDegreeOfParallelism;
        try
        {
            Parallelism.MaxDegreeOfParallelism = 1;
            var serial = DocumentBinarizer.Binarize(s.Page.ReadOnlyView);
            Parallelism.MaxDegreeOfParallelism = 4;
            var strided = DocumentBinarizer.Binarize(new ReadOnlyImageView<byte>(padded, 203, 150, 1, stride));
            Assert.Equal(serial.Data, strided.Data);
        }
        finally
        {
            Parallelism.MaxDegreeOfParallelism = saved;
        }
    }

    [Fact]
    public void RejectsColourInput()
    {
        var bgr = new Image<byte>(10, 10, 3);
        Assert.Throws<ArgumentException>(() => DocumentBinarizer.Binarize(bgr.ReadOnlyView));
    }
}
