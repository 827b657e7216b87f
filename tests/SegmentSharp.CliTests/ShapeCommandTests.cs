using System.Globalization;
using System.Text.Json;
using SegmentSharp.Codecs;
using SegmentSharp.Components;
using SegmentSharp.Contours;
using SegmentSharp.Distance;
using SegmentSharp.Filters;
using SegmentSharp.Imaging;
using SegmentSharp.Morphology;
using SegmentSharp.Thresholding;

namespace SegmentSharp.CliTests;

/// <summary>`segment morph`, `components`, `contours` and `distance`: each output equals the library call it stands for.</summary>
public sealed class ShapeCommandTests
{
    private const string Coins = "samples/coins.png";

    private static Image<byte> Gray(string rel) => ImageFile.ReadGray(Path.Combine(CliTestPaths.RepoRoot, rel));

    /// <summary>Seed 004's recipe done with library calls: blur 5, Otsu inverse… here Otsu (coins are bright), open ellipse 5×5.</summary>
    private static Image<byte> CoinsMask()
    {
        var g = GaussianBlur.Apply(Gray(Coins), 5, 0);
        var m = Threshold.Apply(g, 0, 255, ThresholdType.Binary, out _, AutoThreshold.Otsu);
        return Morphology.Morphology.Apply(MorphOperation.Open, m, StructuringElement.Ellipse(5, 5));
    }

    [Theory]
    [InlineData("open", "ellipse:5x5", 1)]
    [InlineData("dilate", "rect:3x3", 2)]
    [InlineData("gradient", "cross:5x3", 1)]
    [InlineData("blackhat", "custom:010/111/010", 1)]
    public void MorphEqualsTheLibrary(string op, string kernel, int iterations)
    {
        using var s = new Scratch();
        s.Stage([Coins]);
        var r = s.Run("morph", Coins, "out/m.png", "--op", op, "--kernel", kernel, "--iterations", iterations.ToString(CultureInfo.InvariantCulture));
        Assert.True(r.ExitCode == 0, r.Stderr);
        var element = kernel switch
        {
            "ellipse:5x5" => StructuringElement.Ellipse(5, 5),
            "rect:3x3" => StructuringElement.Rectangle(3, 3),
            "cross:5x3" => StructuringElement.Cross(5, 3),
            _ => StructuringElement.FromMask([0, 1, 0, 1, 1, 1, 0, 1, 0], 3, 3),
        };
        var mop = op switch { "open" => MorphOperation.Open, "dilate" => MorphOperation.Dilate, "gradient" => MorphOperation.Gradient, _ => MorphOperation.BlackHat };
        var want = Morphology.Morphology.Apply(mop, Gray(Coins), element, iterations);
        Assert.Equal(want.Data, ImageFile.ReadGray(s.PathOf("out/m.png")).Data);
    }

    [Fact]
    public void HitMissUsesTheDashCells()
    {
        using var s = new Scratch();
        s.Stage([Coins]);
        var r = s.Run("morph", Coins, "hm.png", "--op", "hitmiss", "--kernel", "custom:-1-/111/-1-");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var gray = Gray(Coins);
        var dst = new Image<byte>(gray.Width, gray.Height);
        Morphology.Morphology.HitOrMiss(gray, dst, new int[] { -1, 1, -1, 1, 1, 1, -1, 1, -1 }, 3, 3);
        Assert.Equal(dst.Data, ImageFile.ReadGray(s.PathOf("hm.png")).Data);
    }

    [Theory]
    [InlineData("fill-holes", new string[0])]
    [InlineData("remove-small-objects", new[] { "--min-size", "40", "--connectivity", "8" })]
    [InlineData("remove-small-holes", new[] { "--min-size", "25" })]
    [InlineData("clear-border", new[] { "--buffer", "3" })]
    [InlineData("skeletonize", new string[0])]
    public void MaskOperationsEqualTheLibrary(string op, string[] flags)
    {
        using var s = new Scratch();
        s.Stage([Coins]);
        var mask = Threshold.Apply(Gray(Coins), 0, 255, ThresholdType.Binary, out _, AutoThreshold.Otsu);
        ImageFile.Write(s.PathOf("mask.png"), mask);
        var r = s.Run(["morph", "mask.png", "out.png", "--op", op, .. flags]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        var want = op switch
        {
            "fill-holes" => BinaryMorphology.FillHoles(mask),
            "remove-small-objects" => BinaryMorphology.RemoveSmallObjects(mask, 40, Connectivity.Eight),
            "remove-small-holes" => BinaryMorphology.RemoveSmallHoles(mask, 25),
            "clear-border" => BinaryMorphology.ClearBorder(mask, 3),
            _ => BinaryMorphology.Skeletonize(mask),
        };
        Assert.Equal(want.Data, ImageFile.ReadGray(s.PathOf("out.png")).Data);
        Assert.NotEqual(mask.Data, want.Data);
    }

    [Theory]
    [InlineData(new[] { "--op", "fill-holes", "--kernel", "rect:3x3" }, "not used by --op fill-holes")]
    [InlineData(new[] { "--op", "open", "--min-size", "5" }, "apply to the mask operations only")]
    [InlineData(new[] { "--op", "open", "--kernel", "disk:5" }, "invalid kernel shape 'disk'")]
    [InlineData(new[] { "--op", "hitmiss" }, "hitmiss needs a custom kernel")]
    [InlineData(new[] { "--op", "open", "--anchor", "9,9" }, "lies outside the 3x3 kernel")]
    [InlineData(new[] { "--kernel", "rect:3x3" }, "the following arguments are required: --op")]
    public void MorphUsageErrors(string[] flags, string message)
    {
        using var s = new Scratch();
        s.Stage([Coins]);
        var r = s.Run(["morph", Coins, "o.png", .. flags]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Stderr);
        Assert.False(File.Exists(s.PathOf("o.png")));
    }

    [Fact]
    public void ComponentsRunsSeed004sRecipeAndWritesEveryOutput()
    {
        using var s = new Scratch();
        s.Stage([Coins]);
        var r = s.Run("components", Coins, "--blur", "5", "--method", "otsu", "--open", "ellipse:5x5", "--min-area", "100",
            "--stats", "out/stats.csv", "--labels", "out/labels.png", "--overlay", "out/overlay.png");
        Assert.True(r.ExitCode == 0, r.Stderr);

        var labels = ConnectedComponents.LabelWithStats(CoinsMask(), Connectivity.Eight, out var stats);
        stats = ComponentFilter.ByArea(labels, stats, 100);
        Assert.Contains($"components: {stats.Count - 1} ", r.Stdout);

        // Labels round-trip through the 8-bit PNG (fewer than 256 labels).
        var written = ImageFile.ReadGray(s.PathOf("out/labels.png"));
        for (int i = 0; i < labels.Data.Length; i++) Assert.Equal(labels.Data[i], written.Data[i]);

        string[] csv = File.ReadAllLines(s.PathOf("out/stats.csv"));
        Assert.StartsWith("label,left,top,width,height,area,centroid_x,centroid_y", csv[0]);
        Assert.Equal(stats.Count, csv.Length);
        for (int l = 1; l < stats.Count; l++)
        {
            string[] f = csv[l].Split(',');
            var c = stats[l];
            Assert.Equal([l, c.Left, c.Top, c.Width, c.Height, c.Area], f[..6].Select(v => int.Parse(v, CultureInfo.InvariantCulture)));
            Assert.Equal(c.CentroidX, double.Parse(f[6], CultureInfo.InvariantCulture));
            Assert.Equal(c.CentroidY, double.Parse(f[7], CultureInfo.InvariantCulture));
        }
        var overlay = ImageFile.ReadColor(s.PathOf("out/overlay.png"));
        Assert.Equal((384, 303, 3), (overlay.Width, overlay.Height, overlay.Channels));
    }

    [Fact]
    public void ComponentsUsesAMaskAsItIsAndPrintsJson()
    {
        using var s = new Scratch();
        s.Stage([Coins]);
        Assert.Equal(0, s.Run("threshold", Coins, "mask.png", "--method", "otsu").ExitCode);
        var r = s.Run("components", "mask.png", "--connectivity", "4", "--json", "--stats", "st.json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        var mask = ImageFile.ReadGray(s.PathOf("mask.png"));
        ConnectedComponents.LabelWithStats(mask, Connectivity.Four, out var stats);
        Assert.Equal(stats.Count - 1, doc.RootElement.GetProperty("count").GetInt32());
        Assert.Equal("input used as a mask", doc.RootElement.GetProperty("mask").GetString());
        using var st = JsonDocument.Parse(File.ReadAllText(s.PathOf("st.json")));
        Assert.Equal(stats.Count - 1, st.RootElement.GetArrayLength());
        Assert.Equal(stats[1].Area, st.RootElement[0].GetProperty("area").GetInt32());
    }

    [Fact]
    public void ManyLabelsAreWrittenAs16BitPngOr32BitTiff()
    {
        using var s = new Scratch();
        // A checkerboard of isolated pixels: 4-connectivity gives one label per foreground pixel (> 255 labels).
        var board = new Image<byte>(40, 40);
        for (int y = 0; y < 40; y++) for (int x = 0; x < 40; x++) board.Row(y)[x] = (byte)((x + y) % 2 == 0 ? 255 : 0);
        ImageFile.Write(s.PathOf("board.png"), board);
        var r = s.Run("components", "board.png", "--connectivity", "4", "--labels", "l.png");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("components: 800", r.Stdout);
        byte[] png = File.ReadAllBytes(s.PathOf("l.png"));
        Assert.Equal(16, png[24]); // IHDR bit depth
        Assert.Equal(0, s.Run("components", "board.png", "--connectivity", "4", "--labels", "l.tif").ExitCode);
        Assert.True(File.Exists(s.PathOf("l.tif")));
    }

    [Theory]
    [InlineData("tree", "simple", ContourMode.Tree, ContourApproximation.Simple)]
    [InlineData("external", "none", ContourMode.External, ContourApproximation.None)]
    [InlineData("ccomp", "tc89-kcos", ContourMode.CComp, ContourApproximation.Tc89Kcos)]
    [InlineData("list", "tc89-l1", ContourMode.List, ContourApproximation.Tc89L1)]
    public void ContoursJsonHoldsTheLibraryContours(string mode, string approx, ContourMode m, ContourApproximation a)
    {
        using var s = new Scratch();
        s.Stage([Coins]);
        var r = s.Run("contours", Coins, "--out", "c.json", "--mode", mode, "--approx", approx, "--blur", "5", "--method", "otsu",
            "--open", "ellipse:5x5", "--overlay", "c.png");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var want = ContourFinder.Find(CoinsMask(), m, a, out var hierarchy);
        using var doc = JsonDocument.Parse(File.ReadAllText(s.PathOf("c.json")));
        var list = doc.RootElement.GetProperty("contours");
        Assert.Equal(want.Length, list.GetArrayLength());
        for (int i = 0; i < want.Length; i++)
        {
            var c = list[i];
            var pts = c.GetProperty("points").EnumerateArray().Select(p => new Geometry.Point(p[0].GetInt32(), p[1].GetInt32())).ToArray();
            Assert.Equal(want[i], pts);
            var h = c.GetProperty("hierarchy").EnumerateArray().Select(v => v.GetInt32()).ToArray();
            Assert.Equal([hierarchy[i].Next, hierarchy[i].Previous, hierarchy[i].FirstChild, hierarchy[i].Parent], h);
            Assert.Equal(Geometry.Shape.ContourArea(want[i]), c.GetProperty("area").GetDouble());
        }
        Assert.True(File.Exists(s.PathOf("c.png")));
    }

    [Fact]
    public void ContoursMinAreaKeepsAConsistentHierarchyAndOtherFormats()
    {
        using var s = new Scratch();
        s.Stage([Coins]);
        var r = s.Run("contours", Coins, "--out", "c.json", "--method", "otsu", "--min-area", "30");
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(File.ReadAllText(s.PathOf("c.json")));
        var list = doc.RootElement.GetProperty("contours").EnumerateArray().ToArray();
        Assert.NotEmpty(list);
        for (int i = 0; i < list.Length; i++)
        {
            Assert.True(list[i].GetProperty("area").GetDouble() >= 30);
            var h = list[i].GetProperty("hierarchy").EnumerateArray().Select(v => v.GetInt32()).ToArray();
            if (h[0] >= 0) Assert.Equal(i, list[h[0]].GetProperty("hierarchy")[1].GetInt32());
            if (h[2] >= 0) Assert.Equal(i, list[h[2]].GetProperty("hierarchy")[3].GetInt32());
            if (h[3] >= 0) Assert.Equal(!list[h[3]].GetProperty("is_hole").GetBoolean(), list[i].GetProperty("is_hole").GetBoolean());
        }
        Assert.Equal(0, s.Run("contours", Coins, "--out", "c.geojson", "--method", "otsu").ExitCode);
        using var geo = JsonDocument.Parse(File.ReadAllText(s.PathOf("c.geojson")));
        Assert.Equal("FeatureCollection", geo.RootElement.GetProperty("type").GetString());
        Assert.Equal(0, s.Run("contours", Coins, "--out", "c.svg", "--method", "otsu", "--approx", "poly:1.5").ExitCode);
        Assert.StartsWith("<svg", File.ReadAllText(s.PathOf("c.svg")));
        var bad = s.Run("contours", Coins, "--out", "c.txt");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("must end in .json, .geojson, .svg", bad.Stderr);
    }

    [Theory]
    [InlineData("l2", "precise", DistanceType.L2, DistanceMask.Precise)]
    [InlineData("l1", "3", DistanceType.L1, DistanceMask.Mask3)]
    [InlineData("c", "3", DistanceType.C, DistanceMask.Mask3)]
    [InlineData("l2", "5", DistanceType.L2, DistanceMask.Mask5)]
    public void DistanceTiffHoldsTheLibraryDistances(string type, string mask, DistanceType t, DistanceMask m)
    {
        using var s = new Scratch();
        s.Stage([Coins]);
        var r = s.Run("distance", Coins, "d.tif", "--type", type, "--mask", mask, "--blur", "5", "--method", "otsu", "--open", "ellipse:5x5");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var want = DistanceTransform.Apply(CoinsMask(), t, m);
        var got = TiffSamples.ReadFloat(s.PathOf("d.tif"));
        Assert.Equal(want.Data, got);
        Assert.Equal(0, s.Run("distance", Coins, "d.png", "--type", type, "--mask", mask, "--method", "otsu").ExitCode);
        var png = ImageFile.ReadGray(s.PathOf("d.png"));
        Assert.Equal(255, png.Data.Max());
    }

    [Fact]
    public void DistanceUsageErrors()
    {
        using var s = new Scratch();
        s.Stage([Coins]);
        Assert.Contains("precise applies to --type l2 only", s.Run("distance", Coins, "d.tif", "--type", "l1", "--mask", "precise").Stderr);
        Assert.Contains("only applies together with --labels", s.Run("distance", Coins, "d.tif", "--label-type", "pixel").Stderr);
        var missing = s.Run("distance", "nope.png", "d.tif");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("cannot read 'nope.png': no such file", missing.Stderr);
    }
}
