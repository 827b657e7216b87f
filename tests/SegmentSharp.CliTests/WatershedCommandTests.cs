using SegmentSharp.Codecs;
using SegmentSharp.Color;
using SegmentSharp.Imaging;
using SegmentSharp.Segmentation;
using SegmentSharp.Thresholding;

namespace SegmentSharp.CliTests;

public sealed class WatershedCommandTests
{
    private const string Coins = "samples/coins.png";

    [Fact]
    public void AutoEqualsTheLibraryRecipe()
    {
        using var s = new Scratch();
        s.Stage([Coins]);
        var r = s.Run("watershed", Coins, "w.tif", "--objects", "bright", "--fg-fraction", "0.3", "--overlay", "o.png", "--stats", "st.csv");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var bgr = ImageFile.ReadColor(Path.Combine(CliTestPaths.RepoRoot, Coins));
        var mask = Threshold.Apply(ColorConversion.BgrToGray(bgr), 0, 255, ThresholdType.Binary, out _, AutoThreshold.Otsu);
        var want = WatershedRecipes.Split(bgr, mask, new WatershedRecipe { ForegroundFraction = 0.3 });
        Assert.Contains($"objects: {want.Count}\n", r.Stdout);
        Assert.Equal(want.Markers.Data.Select(v => (float)v), TiffSamples.ReadInt(s.PathOf("w.tif")).Select(v => (float)v));
        Assert.Equal(want.Count + 1, File.ReadAllLines(s.PathOf("st.csv")).Length);
        Assert.Equal(0, s.Run("watershed", Coins, "w.png", "--objects", "bright", "--fg-fraction", "0.3").ExitCode);
        var png = ImageFile.ReadGray(s.PathOf("w.png"));
        for (int i = 0; i < png.Data.Length; i++)
            Assert.Equal(Math.Max(0, want.Markers.Data[i] - 1), png.Data[i]);
    }

    [Fact]
    public void PeakSeedsEqualTheLibraryRecipe()
    {
        using var s = new Scratch();
        s.Stage([Coins]);
        var r = s.Run("watershed", Coins, "w.tif", "--objects", "bright", "--seeds", "peaks", "--peak-height", "2.5");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("peaks of height 2.5", r.Stdout);
        var bgr = ImageFile.ReadColor(Path.Combine(CliTestPaths.RepoRoot, Coins));
        var mask = Threshold.Apply(ColorConversion.BgrToGray(bgr), 0, 255, ThresholdType.Binary, out _, AutoThreshold.Otsu);
        var want = WatershedRecipes.Split(bgr, mask, new WatershedRecipe { Seeds = WatershedSeeds.Peaks, PeakHeight = 2.5 });
        var fraction = WatershedRecipes.Split(bgr, mask);
        Assert.NotEqual(fraction.Count, want.Count);
        Assert.Contains($"objects: {want.Count}\n", r.Stdout);
        Assert.Equal(want.Markers.Data.Select(v => (float)v), TiffSamples.ReadInt(s.PathOf("w.tif")).Select(v => (float)v));
        Assert.Equal(2, s.Run("watershed", Coins, "w.png", "--seeds", "peaks", "--peak-height", "0").ExitCode);
        Assert.Equal(2, s.Run("watershed", Coins, "w.png", "--seeds", "summits").ExitCode);
    }

    [Fact]
    public void AutoPolarityFindsTheSameCoinsOnANegative()
    {
        // Coins are the bright minority; on the negative they are the dark minority. Auto must find them both times,
        // while a fixed polarity finds them on one picture only.
        using var s = new Scratch();
        s.Stage([Coins]);
        var bgr = ImageFile.ReadColor(Path.Combine(CliTestPaths.RepoRoot, Coins));
        var neg = bgr.Clone();
        for (int i = 0; i < neg.Data.Length; i++) neg.Data[i] = (byte)(255 - neg.Data[i]);
        ImageFile.Write(s.PathOf("neg.png"), neg);
        var a = s.Run("watershed", Coins, "a.png", "--objects", "auto", "--fg-fraction", "0.3");
        var b = s.Run("watershed", Coins, "b.png", "--objects", "bright", "--fg-fraction", "0.3");
        var c = s.Run("watershed", "neg.png", "c.png", "--objects", "auto", "--fg-fraction", "0.3");
        var d = s.Run("watershed", "neg.png", "d.png", "--objects", "bright", "--fg-fraction", "0.3");
        Assert.True(a.ExitCode == 0 && b.ExitCode == 0 && c.ExitCode == 0 && d.ExitCode == 0, a.Stderr + c.Stderr);
        Assert.Contains("otsu binary at", a.Stdout);
        Assert.Contains("otsu binary inverse at", c.Stdout);
        Assert.Equal(ImageFile.ReadGray(s.PathOf("b.png")).Data, ImageFile.ReadGray(s.PathOf("a.png")).Data);
        int count(string o) => int.Parse(o.Split('\n').First(l => l.StartsWith("objects: ")).Substring(9));
        Assert.Equal(count(a.Stdout), count(c.Stdout));
        Assert.NotEqual(count(a.Stdout), count(d.Stdout));
    }

    [Fact]
    public void MarkersFromAFile()
    {
        using var s = new Scratch();
        s.Stage([Coins]);
        var seeds = new Image<byte>(384, 303);
        seeds.Row(5)[5] = 1;          // background
        seeds.Row(50)[45] = 2;        // a coin
        seeds.Row(150)[150] = 3;
        ImageFile.Write(s.PathOf("seeds.png"), seeds, new ImageWriteOptions { Bilevel = BilevelMode.Never });
        var r = s.Run("watershed", Coins, "w.png", "--markers", "seeds.png");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("objects: 3", r.Stdout);
        var bgr = ImageFile.ReadColor(Path.Combine(CliTestPaths.RepoRoot, Coins));
        var markers = new Image<int>(384, 303);
        for (int i = 0; i < seeds.Data.Length; i++) markers.Data[i] = seeds.Data[i];
        Watershed.Apply(bgr, markers);
        var png = ImageFile.ReadGray(s.PathOf("w.png"));
        for (int i = 0; i < png.Data.Length; i++) Assert.Equal(Math.Max(0, markers.Data[i]), png.Data[i]);
    }

    [Theory]
    [InlineData(new[] { "--markers", "m.png", "--auto" }, "not allowed with argument --markers")]
    [InlineData(new[] { "--markers", "m.png", "--fg-fraction", "0.3" }, "apply to --auto only")]
    [InlineData(new[] { "--objects", "bright", "--method", "otsu" }, "only without binarization flags")]
    [InlineData(new[] { "--fg-fraction", "1.5" }, "foreground fraction must be from 0")]
    public void UsageErrors(string[] flags, string message)
    {
        using var s = new Scratch();
        s.Stage([Coins]);
        var r = s.Run(["watershed", Coins, "w.png", .. flags]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Stderr);
    }
}
