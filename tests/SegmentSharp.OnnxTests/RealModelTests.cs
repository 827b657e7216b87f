using SegmentSharp.Codecs;
using SegmentSharp.Drawing;
using SegmentSharp.Imaging;
using SegmentSharp.Onnx;

namespace SegmentSharp.OnnxTests;

/// <summary>PP-OCRv4 det (fetched with npm at test time) must find every text line, where we know the lines are.</summary>
public sealed class RealModelTests
{
    private static readonly Lazy<OnnxModel> Det = new(() => OnnxModel.Load(RealModels.PpOcrV4Det));

    /// <summary>
    /// The seven full lines of samples/page.png (title, five body lines, the code line) as x, y, w, h line boxes: the
    /// ink measured once with an adaptive threshold (block 25, C 15) and connected components grouped per line,
    /// checked by eye, then 2 px added above and below (a line box spans a little more than its ink, as DBNet's
    /// unclipped boxes do); the cut-off line at the bottom edge is not counted.
    /// </summary>
    private static readonly (int X, int Y, int W, int H)[] PageLines =
    [
        (7, 11, 285, 25), (6, 47, 370, 18), (6, 64, 370, 25), (6, 83, 370, 26), (6, 98, 371, 29), (7, 114, 163, 24), (13, 167, 227, 26),
    ];

    [Fact]
    public void Page_EveryLineIsFound()
    {
        var page = ImageFile.ReadColor(RepoPaths.Sample("page.png"));
        // A curved scan: long lines' minimum-area rectangles take in background and score 0.5-0.6 (PaddleOCR drops
        // them at its default 0.6), so the box threshold is lowered, as a PaddleOCR user would (det_db_box_thresh).
        var detector = new TextDetector(Det.Value, ModelPreprocessing.PaddleOcrDetection(), new Models.DbPostProcessOptions(BoxThreshold: 0.45f));
        var regions = detector.Detect(page).Regions;
        Assert.Equal(PageLines.Length, regions.Count);
        foreach (var line in PageLines)
        {
            // A curved camera page with hand-measured lines: 0.6 here (the best line reaches 0.99, the worst 0.695);
            // the synthetic page, whose lines are known exactly, is held to 0.7.
            double best = regions.Max(r => Iou(r, line, page.Width, page.Height));
            Assert.True(best >= 0.6, $"line {line}: best IoU {best:0.###}; found {string.Join("; ", regions.Select(r => r.Bounds))}");
        }
    }

    [Fact]
    public void SyntheticPage_EveryLineIsFoundWhereItWasDrawn()
    {
        var (page, lines) = SyntheticPage.Render(1600, 1250, seed: 7);
        var detector = new TextDetector(Det.Value, ModelPreprocessing.PaddleOcrDetection());
        var regions = detector.Detect(page).Regions;
        foreach (var line in lines)
        {
            double best = regions.Count == 0 ? 0 : regions.Max(r => Iou(r, line, page.Width, page.Height));
            Assert.True(best >= 0.7, $"line {line}: best IoU {best:0.###}; found {string.Join("; ", regions.Select(r => r.Bounds))}");
        }
        Assert.Equal(lines.Count, regions.Count);
    }

    [Fact]
    public void Cli_TextRegions_WritesEveryLine()
    {
        var (page, lines) = SyntheticPage.Render(900, 600, seed: 3);
        string dir = Path.Combine(AppContext.BaseDirectory, "scratch", Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        string input = Path.Combine(dir, "page.png"), json = Path.Combine(dir, "regions.json");
        ImageFile.Write(input, page);
        var o = new StringWriter();
        var e = new StringWriter();
        int code = Cli.CliApp.Run(["text-regions", input, "--model", RealModels.PpOcrV4Det, "--out", json, "--overlay", Path.Combine(dir, "o.png")], o, e);
        Assert.True(code == 0, e.ToString());
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal(900, doc.RootElement.GetProperty("width").GetInt32());
        Assert.Equal(lines.Count, doc.RootElement.GetProperty("regions").GetArrayLength());
        Directory.Delete(dir, true);
    }

    /// <summary>IoU of a detected quadrilateral and a known line box, counted in pixels (both rasterised).</summary>
    internal static double Iou(TextRegion region, (int X, int Y, int W, int H) line, int width, int height)
    {
        var quad = new Image<byte>(width, height, 3);
        Draw.FillPolygon(quad, region.Quad.Select(p => new Geometry.Point((int)Math.Round(p.X), (int)Math.Round(p.Y))).ToArray(), new Rgb(1, 1, 1));
        long inter = 0, a = 0, b = (long)line.W * line.H;
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
            {
                if (quad.Data[3 * (y * width + x)] == 0) continue;
                a++;
                if (x >= line.X && x < line.X + line.W && y >= line.Y && y < line.Y + line.H) inter++;
            }
        return (double)inter / (a + b - inter);
    }
}

/// <summary>A page of text lines drawn with the bitmap font at known places (black on off-white, a little noise).</summary>
internal static class SyntheticPage
{
    private static readonly string[] Words =
    [
        "segment", "image", "threshold", "model", "contour", "region", "pixel", "mask", "label", "class", "text", "page",
        "line", "score", "OpenCV", "PaddleOCR", "DBNet", "tensor", "2026", "A4", "scan", "ink", "paper", "value",
    ];

    public static (Image<byte> Page, List<(int X, int Y, int W, int H)> Lines) Render(int width, int height, int seed)
    {
        var rng = new Random(seed);
        var page = new Image<byte>(width, height, 3);
        for (int i = 0; i < page.Data.Length; i++) page.Data[i] = (byte)(236 + rng.Next(12));
        var lines = new List<(int, int, int, int)>();
        int scale = 3, lineStep = BitmapFont.GlyphHeight * scale * 2 + 8;
        for (int y = 40; y + BitmapFont.GlyphHeight * scale < height - 30; y += lineStep)
        {
            int x = 40 + rng.Next(60);
            var text = new List<string>();
            while (true)
            {
                string next = string.Join(' ', text.Append(Words[rng.Next(Words.Length)]));
                if (x + BitmapFont.Measure(next, scale).Width > width - 40 - rng.Next(200)) break;
                text.Add(next.Split(' ')[^1]);
            }
            if (text.Count == 0) continue;
            string line = string.Join(' ', text);
            BitmapFont.DrawText(page, x, y, line, scale, 20);
            // The known place of a line: its ink box with half the font's line gap above and below (one font pixel).
            var ink = InkBox(page, x, y, BitmapFont.Measure(line, scale));
            lines.Add((ink.Item1, ink.Item2 - scale, ink.Item3, ink.Item4 + 2 * scale));
        }
        return (page, lines);
    }

    private static (int, int, int, int) InkBox(Image<byte> page, int x, int y, (int Width, int Height) size)
    {
        int x0 = int.MaxValue, y0 = int.MaxValue, x1 = -1, y1 = -1;
        for (int yy = y; yy < y + size.Height; yy++)
            for (int xx = x; xx < x + size.Width; xx++)
                if (page.Data[(yy * page.Width + xx) * 3] < 100) { x0 = Math.Min(x0, xx); x1 = Math.Max(x1, xx); y0 = Math.Min(y0, yy); y1 = Math.Max(y1, yy); }
        return (x0, y0, x1 - x0 + 1, y1 - y0 + 1);
    }
}
