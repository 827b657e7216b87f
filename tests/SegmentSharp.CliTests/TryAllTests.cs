using System.Text.Json;
using SegmentSharp.Codecs;
using SegmentSharp.Thresholding;

namespace SegmentSharp.CliTests;

/// <summary>`segment try-all`: sheets are written, the printed thresholds are the library's, errors exit as documented.</summary>
public sealed class TryAllTests
{
    private static readonly string Text = RepoPaths.Sample("text.png");

    [Fact]
    public void WritesBothSheetsAndPrintsEveryGlobalThreshold()
    {
        using var s = new EvalScratch();
        string outPath = s.P("sheets/text.png");
        var r = EvalScratch.Run("try-all", Text, outPath, "--tile-width", "96", "--columns", "3", "--window", "31", "--json");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Stderr);
        var j = JsonDocument.Parse(r.Stdout).RootElement;
        Assert.Equal(s.P("sheets/text-local.png"), j.GetProperty("local_sheet").GetString());

        var gray = ImageFile.ReadGray(Text);
        var global = j.GetProperty("global").EnumerateArray().ToArray();
        Assert.Equal(16, global.Length);
        Assert.Equal(Enum.GetValues<GlobalMethod>().Length, global.Length);
        long total = (long)gray.Width * gray.Height;
        foreach (var (g, method) in global.Zip(Enum.GetValues<GlobalMethod>()))
        {
            int t = GlobalThreshold.Compute(method, gray);
            Assert.Equal(t, g.GetProperty("threshold").GetInt32());
            long above = gray.Data.Count(v => v > t);
            Assert.Equal(Math.Round(100.0 * above / total, 4), g.GetProperty("white_percent").GetDouble(), 9);
        }
        Assert.Equal("otsu", global[(int)GlobalMethod.Otsu].GetProperty("method").GetString());
        Assert.Equal(Threshold.Otsu(gray), global[(int)GlobalMethod.Otsu].GetProperty("threshold").GetInt32());

        var local = j.GetProperty("local").EnumerateArray().ToArray();
        Assert.Equal(13, local.Length);
        var sauvola = local.Single(e => e.GetProperty("method").GetString() == "sauvola");
        Assert.Equal("31", sauvola.GetProperty("window").GetString());
        Assert.True(sauvola.GetProperty("available").GetBoolean());

        // 18 tiles (original, histogram, 16 methods) in 3 columns → 6 rows; 96-pixel tiles with 6-pixel gaps.
        var sheet = ImageFile.ReadGray(outPath);
        Assert.Equal(3 * 96 + 4 * 6, sheet.Width);
        var localSheet = ImageFile.ReadGray(s.P("sheets/text-local.png"));
        Assert.Equal(sheet.Width, localSheet.Width);
        Assert.True(localSheet.Height < sheet.Height); // 14 tiles → 5 rows
    }

    [Fact]
    public void TableListsMethodsAndNoLocalSkipsTheSecondSheet()
    {
        using var s = new EvalScratch();
        var r = EvalScratch.Run("try-all", Text, s.P("a.png"), "--no-local", "--tile-width", "64");
        Assert.Equal(0, r.ExitCode);
        string[] lines = r.Stdout.TrimEnd('\n').Split('\n');
        Assert.StartsWith("input: ", lines[0]);
        Assert.Equal("global methods (white = pixel > t):", lines[1]);
        Assert.Equal(16 + 4, lines.Length); // input, title, header, 16 methods, sheet
        Assert.Contains(lines, l => l.TrimStart().StartsWith("triangle ", StringComparison.Ordinal));
        Assert.True(File.Exists(s.P("a.png")));
        Assert.False(File.Exists(s.P("a-local.png")));
    }

    [Fact]
    public void ErrorsExitAsDocumented()
    {
        using var s = new EvalScratch();
        Assert.Equal(2, EvalScratch.Run("try-all", Text).ExitCode);
        Assert.Equal(2, EvalScratch.Run("try-all", Text, s.P("x.jpg")).ExitCode);
        Assert.Equal(2, EvalScratch.Run("try-all", Text, s.P("x"), "--tile-width", "10").ExitCode);
        Assert.Equal(2, EvalScratch.Run("try-all", Text, s.P("x.png"), "--window", "4").ExitCode);
        Assert.Equal(2, EvalScratch.Run("try-all", Text, s.P("x.png"), "--local-out", s.P("x.png")).ExitCode);
        File.WriteAllBytes(s.P("bad.png"), [1, 2, 3]);
        var bad = EvalScratch.Run("try-all", s.P("bad.png"), s.P("x.png"));
        Assert.Equal(1, bad.ExitCode);
        Assert.StartsWith($"segment try-all: error: cannot read '{s.P("bad.png")}': ", bad.Stderr);
        Assert.Equal(2, EvalScratch.Run("try-all", Text, s.P("x.pgm")).ExitCode);
        Assert.Equal(0, EvalScratch.Run("try-all", "--help").ExitCode);
    }
}
