using System.Globalization;
using System.Text.Json;
using SegmentSharp.Cli;

namespace SegmentSharp.CliTests;

/// <summary>`segment evaluate` on small hand-computed cases.</summary>
public sealed class EvaluateTests
{
    // 4×4 page. Ground-truth text: the 2×2 block at the top left. The prediction finds three of its pixels and adds
    // one false alarm in the far corner: TP 3, FP 1, FN 1, TN 11.
    private static readonly (int, int)[] GtText = [(0, 0), (1, 0), (0, 1), (1, 1)];
    private static readonly (int, int)[] PredText = [(0, 0), (1, 0), (0, 1), (3, 3)];

    // DRD by hand: the 5×5 weights are (1/d) / S with S = 4·1 + 4/√2 + 4/2 + 8/√5 + 4/√8. The missed pixel (1,1) sees
    // ground-truth text at distances √2, 1, 1; the false alarm (3,3) sees ground-truth background at √5, 2, √5, √2, 1, 2, 1
    // (its window is clipped by the image). The page has no complete 8×8 block, so NUBN counts as 1.
    private static readonly double S = 4 + 4 / Math.Sqrt(2) + 2 + 8 / Math.Sqrt(5) + 4 / Math.Sqrt(8);
    private static readonly double HandDrd =
        (1 / Math.Sqrt(2) + 2) / S + (2 / Math.Sqrt(5) + 2 * 0.5 + 1 / Math.Sqrt(2) + 2) / S;

    private static JsonElement Json(CliResult r) => JsonDocument.Parse(r.Stdout).RootElement;

    private static void AssertHandValues(JsonElement img)
    {
        Assert.Equal(75.0, img.GetProperty("fm").GetDouble(), 9);
        Assert.Equal(75.0, img.GetProperty("precision").GetDouble(), 9);
        Assert.Equal(75.0, img.GetProperty("recall").GetDouble(), 9);
        Assert.Equal(10 * Math.Log10(16.0 / 2), img.GetProperty("psnr").GetDouble(), 9);
        Assert.Equal((1.0 / 4 + 1.0 / 12) / 2, img.GetProperty("nrm").GetDouble(), 9);
        Assert.Equal((3.0 * 11 - 1) / 48, img.GetProperty("mcc").GetDouble(), 9);
        Assert.Equal(0.6, img.GetProperty("iou").GetDouble(), 9);
        Assert.Equal(0.75, img.GetProperty("dice").GetDouble(), 9);
        Assert.Equal(HandDrd, img.GetProperty("drd").GetDouble(), 9);
        Assert.Equal(3, img.GetProperty("tp").GetInt64());
        Assert.Equal(1, img.GetProperty("fp").GetInt64());
        Assert.Equal(1, img.GetProperty("fn").GetInt64());
        Assert.Equal(11, img.GetProperty("tn").GetInt64());
    }

    [Fact]
    public void SinglePairMatchesHandComputedMetrics()
    {
        using var s = new EvalScratch();
        string pred = s.Mask("pred.png", 4, 4, PredText);
        string gt = s.Mask("gt.png", 4, 4, GtText);
        var r = EvalScratch.Run("evaluate", pred, gt, "--no-pseudo", "--format", "json");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Stderr);
        var j = Json(r);
        Assert.Equal("binary", j.GetProperty("mode").GetString());
        Assert.Equal(1, j.GetProperty("evaluated").GetInt32());
        var img = j.GetProperty("images")[0];
        Assert.Equal("pred.png", img.GetProperty("image").GetString());
        AssertHandValues(img);
        Assert.Equal(JsonValueKind.Null, img.GetProperty("pfm").ValueKind);
        AssertHandValues(j.GetProperty("mean"));
    }

    [Fact]
    public void TableShowsRoundedValuesAndDashForMissingPseudoFm()
    {
        using var s = new EvalScratch();
        string pred = s.Mask("pred.png", 4, 4, PredText);
        string gt = s.Mask("gt.png", 4, 4, GtText);
        var r = EvalScratch.Run("evaluate", pred, gt, "--no-pseudo");
        Assert.Equal(0, r.ExitCode);
        string[] lines = r.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length); // header + one row; no mean row for a single pair
        Assert.Equal(["image", "FM", "pFM", "PSNR", "DRD", "NRM", "MCC", "Prec", "Recall", "IoU", "Dice"],
            lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["pred.png", "75.000", "-", "9.031", HandDrd.ToString("F4", CultureInfo.InvariantCulture), "0.1667", "0.6667",
                "75.000", "75.000", "0.6000", "0.7500"],
            lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void PolarityFlagsSelectWhichValueIsText()
    {
        using var s = new EvalScratch();
        string pred = s.Mask("pred.png", 4, 4, PredText, text: 255, background: 0);
        string gt = s.Mask("gt.png", 4, 4, GtText);
        var r = EvalScratch.Run("evaluate", pred, gt, "--pred-text", "255", "--gt-text", "0", "--no-pseudo", "--format", "json");
        Assert.Equal(0, r.ExitCode);
        AssertHandValues(Json(r).GetProperty("images")[0]);

        // Read with the wrong polarity, the prediction's text becomes its background: nothing right any more.
        var wrong = EvalScratch.Run("evaluate", pred, gt, "--no-pseudo", "--format", "json");
        Assert.Equal(1, Json(wrong).GetProperty("images")[0].GetProperty("tp").GetInt64());
    }

    [Fact]
    public void OfficialWeightFilesGiveThePseudoMeasures()
    {
        using var s = new EvalScratch();
        string pred = s.Mask("pred.png", 4, 4, PredText);
        string gt = s.Mask("gt.png", 4, 4, GtText);
        // Recall weights: 1 on ground-truth text, 3 on the missed pixel (1,1) → pseudo-recall 3/6 = 50 %.
        // Precision excess: 1 at the false alarm (3,3) → pseudo-precision 3/(3 + 2) = 60 %; p-FM = 2·50·60/110.
        var rw = new double[16];
        var pw = new double[16];
        foreach (var (x, y) in GtText) rw[y * 4 + x] = 1;
        rw[1 * 4 + 1] = 3;
        pw[3 * 4 + 3] = 1;
        File.WriteAllText(s.P("gt_RWeights.dat"), string.Join(' ', rw.Select(v => v.ToString(CultureInfo.InvariantCulture))));
        File.WriteAllText(s.P("gt_PWeights.dat"), string.Join('\n', pw.Select(v => v.ToString(CultureInfo.InvariantCulture))));
        var r = EvalScratch.Run("evaluate", pred, gt, "--pweights", s.P("gt_PWeights.dat"), "--rweights", s.P("gt_RWeights.dat"),
            "--format", "json");
        Assert.Equal(0, r.ExitCode);
        var img = Json(r).GetProperty("images")[0];
        Assert.Equal(50.0, img.GetProperty("pseudo_recall").GetDouble(), 9);
        Assert.Equal(60.0, img.GetProperty("pseudo_precision").GetDouble(), 9);
        Assert.Equal(2 * 50.0 * 60 / 110, img.GetProperty("pfm").GetDouble(), 9);
    }

    [Fact]
    public void OwnWeightsAreComputedByDefault()
    {
        using var s = new EvalScratch();
        string gt = s.Mask("gt.png", 4, 4, GtText);
        var r = EvalScratch.Run("evaluate", gt, gt, "--format", "json");
        Assert.Equal(0, r.ExitCode);
        var img = Json(r).GetProperty("images")[0];
        Assert.Equal(100.0, img.GetProperty("pfm").GetDouble(), 9);
        Assert.Equal("inf", img.GetProperty("psnr").GetString());
        Assert.Equal(0.0, img.GetProperty("drd").GetDouble());
    }

    [Fact]
    public void FoldersArePairedBySuffixAndProblemsAreReportedPerPair()
    {
        using var s = new EvalScratch();
        s.Mask("pred/a_out.png", 4, 4, PredText);
        s.Mask("pred/b_out.png", 4, 4, GtText);
        s.Mask("pred/c_out.png", 4, 4, GtText);              // no ground truth
        s.Mask("pred/d_out.png", 4, 4, GtText);              // size mismatch
        File.WriteAllText(s.P("pred/notes.txt"), "ignored");
        s.Mask("gt/a_target.png", 4, 4, GtText);
        s.Mask("gt/a_source.png", 4, 4, PredText);            // no "_target": ignored
        s.Mask("gt/b_target.png", 4, 4, GtText);
        s.Mask("gt/d_target.png", 5, 4, GtText);
        s.Mask("gt/e_target.png", 4, 4, GtText);              // no prediction
        var r = EvalScratch.Run("evaluate", s.P("pred"), s.P("gt"), "--pred-suffix", "_out", "--gt-suffix", "_target",
            "--no-pseudo", "--json", s.P("res/r.json"), "--csv", s.P("res/r.csv"));
        Assert.Equal(EvaluateCommand.PartialFailure, r.ExitCode);
        Assert.Contains("c: no ground truth for prediction c_out.png", r.Stderr);
        Assert.Contains("d: size mismatch: prediction is 4x4, ground truth is 5x4", r.Stderr);
        Assert.Contains("e: no prediction for ground truth e_target.png", r.Stderr);
        Assert.Contains("3 pair(s) not evaluated", r.Stdout);

        var j = JsonDocument.Parse(File.ReadAllText(s.P("res/r.json"))).RootElement;
        Assert.Equal(2, j.GetProperty("evaluated").GetInt32());
        Assert.Equal(3, j.GetProperty("failed").GetInt32());
        Assert.Equal(new[] { "a", "b" }, j.GetProperty("images").EnumerateArray().Select(e => e.GetProperty("image").GetString()!).ToArray());
        Assert.Equal((75.0 + 100.0) / 2, j.GetProperty("mean").GetProperty("fm").GetDouble(), 9);

        string[] csv = File.ReadAllLines(s.P("res/r.csv"));
        Assert.Equal(4, csv.Length);
        Assert.StartsWith("image,pred,gt,width,height,fm,pfm,psnr,drd,", csv[0]);
        Assert.StartsWith("a,", csv[1]);
        Assert.Contains(",75.000000,,", csv[1]);
        Assert.StartsWith("mean,,,,,87.500000,", csv[3]);
    }

    [Fact]
    public void NothingEvaluatedExitsOne()
    {
        using var s = new EvalScratch();
        string pred = s.Mask("p.png", 4, 4, PredText);
        string gt = s.Mask("g.png", 4, 5, GtText);
        var r = EvalScratch.Run("evaluate", pred, gt);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("size mismatch", r.Stderr);

        File.WriteAllBytes(s.P("bad.png"), [0x89, 0x50, 0x4E, 0x47, 1, 2, 3]);
        var bad = EvalScratch.Run("evaluate", s.P("bad.png"), gt);
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains($"segment evaluate: bad.png: prediction: cannot read '{s.P("bad.png")}': ", bad.Stderr);

        Directory.CreateDirectory(s.P("empty1"));
        Directory.CreateDirectory(s.P("empty2"));
        var empty = EvalScratch.Run("evaluate", s.P("empty1"), s.P("empty2"));
        Assert.Equal(1, empty.ExitCode);
        Assert.StartsWith("segment evaluate: error: no image files to pair", empty.Stderr);

        // An unwritable --csv target (a folder of that name exists) fails the run with exit 1.
        Directory.CreateDirectory(s.P("taken.csv"));
        var csv = EvalScratch.Run("evaluate", gt, gt, "--no-pseudo", "--csv", s.P("taken.csv"));
        Assert.Equal(1, csv.ExitCode);
        Assert.Contains("segment evaluate: error: cannot write CSV", csv.Stderr);
    }

    [Fact]
    public void UsageErrorsExitTwo()
    {
        using var s = new EvalScratch();
        string m = s.Mask("m.png", 4, 4, GtText);
        Directory.CreateDirectory(s.P("dir"));
        string[][] cases =
        [
            ["evaluate"],
            ["evaluate", m],
            ["evaluate", m, s.P("missing.png")],
            ["evaluate", m, s.P("dir")],
            ["evaluate", m, m, "--pweights", "x.dat"],
            ["evaluate", m, m, "--pred-text", "128"],
            ["evaluate", m, m, "--classes", "3"],
            ["evaluate", m, m, "--labels", "--classes", "0"],
            ["evaluate", m, m, "--format", "xml"],
        ];
        foreach (var c in cases)
        {
            var r = EvalScratch.Run(c);
            Assert.True(r.ExitCode == 2, string.Join(' ', c) + " → " + r.ExitCode + " " + r.Stderr);
            Assert.StartsWith("usage:", r.Stderr);
        }
        var help = EvalScratch.Run("evaluate", "--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("--gt-suffix", help.Stdout);
    }

    [Fact]
    public void LabelMapsGivePerClassIoUMeanIoUAndPixelAccuracy()
    {
        using var s = new EvalScratch();
        // 3×2 maps. GT: 0 0 1 / 1 2 2; prediction: 0 1 1 / 1 2 0.
        // Class 0: TP 1, union 3 → 1/3. Class 1: TP 2, union 3 → 2/3. Class 2: TP 1, union 2 → 1/2.
        string gt = s.Write("gt.png", 3, 2, [0, 0, 1, 1, 2, 2]);
        string pred = s.Write("pred.png", 3, 2, [0, 1, 1, 1, 2, 0]);
        var r = EvalScratch.Run("evaluate", pred, gt, "--labels", "--format", "json");
        Assert.Equal(0, r.ExitCode);
        var img = Json(r).GetProperty("images")[0];
        Assert.Equal(1.0 / 3, img.GetProperty("iou_0").GetDouble(), 12);
        Assert.Equal(2.0 / 3, img.GetProperty("iou_1").GetDouble(), 12);
        Assert.Equal(0.5, img.GetProperty("iou_2").GetDouble(), 12);
        Assert.Equal(0.5, img.GetProperty("miou").GetDouble(), 12);
        Assert.Equal(4.0 / 6, img.GetProperty("pixel_accuracy").GetDouble(), 12);

        // Ignoring class 2 in the ground truth drops its two pixels; the prediction 2 on a class-0 pixel is still an error.
        var ig = EvalScratch.Run("evaluate", pred, gt, "--labels", "--ignore-index", "2", "--format", "json");
        var i2 = Json(ig).GetProperty("images")[0];
        Assert.Equal(4, i2.GetProperty("counted_pixels").GetInt64());
        Assert.Equal(3.0 / 4, i2.GetProperty("pixel_accuracy").GetDouble(), 12);

        var table = EvalScratch.Run("evaluate", pred, gt, "--labels");
        Assert.Equal(["pred.png", "0.6667", "0.5000", "0.3333", "0.6667", "0.5000"],
            table.Stdout.Split('\n')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));

        var tooMany = EvalScratch.Run("evaluate", pred, gt, "--labels", "--classes", "2");
        Assert.Equal(1, tooMany.ExitCode);
        Assert.Contains("classCount is 2", tooMany.Stderr);
    }

    [Theory]
    [InlineData("H01.png", "", "H01")]
    [InlineData("H01_gt.tiff", "_gt", "H01")]
    [InlineData("H01.tiff", "_gt", null)]
    [InlineData("_gt.png", "_gt", null)]
    [InlineData("notes.txt", "", null)]
    [InlineData("3_target.PNG", "_target", "3")]
    public void PairingKeys(string file, string suffix, string? key) => Assert.Equal(key, EvaluatePairing.Key(file, suffix));

    [Fact]
    public void WeightPathForms()
    {
        Assert.Equal("w/H01_PW.dat", EvaluatePairing.WeightPath("w/{name}_PW.dat", "H01", "_PWeights.dat"));
        Assert.Equal("single.dat", EvaluatePairing.WeightPath("single.dat", "H01", "_PWeights.dat"));
        string tmp = Path.GetTempPath();
        Assert.Equal(Path.Combine(tmp, "H01_PWeights.dat"), EvaluatePairing.WeightPath(tmp, "H01", "_PWeights.dat"));
    }

    [Fact]
    public void ProcessExitCodeIsThreeForPartialFailure()
    {
        using var s = new EvalScratch();
        s.Mask("p/a.png", 4, 4, PredText);
        s.Mask("p/b.png", 4, 4, PredText);
        s.Mask("g/a.png", 4, 4, GtText);
        var r = CliRunner.Run(s.Dir, ["evaluate", "p", "g", "--no-pseudo"]);
        Assert.Equal(3, r.ExitCode);
        Assert.Contains("b: no ground truth for prediction b.png", r.Stderr);
    }
}

/// <summary>The Doxa fixture (CC0, in the shared data folder when present) through the command line, official weights.</summary>
public sealed class EvaluateDoxaFixtureTests
{
    private static string? FixtureDir()
    {
        foreach (string rel in new[] { "../shared/data/fetched/doxa_2johnc1v3", "../../shared/data/fetched/doxa_2johnc1v3" })
        {
            string d = Path.GetFullPath(Path.Combine(RepoPaths.Root, rel));
            if (File.Exists(Path.Combine(d, "2JohnC1V3-GroundTruth.pbm"))) return d;
        }
        return null;
    }

    [Fact]
    public void SauvolaOutputScoresTheKnownValuesWhenTheFixtureIsPresent()
    {
        string? d = FixtureDir();
        if (d is null) return; // the shared data folder is not part of the repository
        var r = EvalScratch.Run("evaluate", Path.Combine(d, "reference_outputs_doxa", "2JohnC1V3-Sauvola.pbm"),
            Path.Combine(d, "2JohnC1V3-GroundTruth.pbm"),
            "--pweights", Path.Combine(d, "2JohnC1V3-GroundTruth_PWeights.dat"),
            "--rweights", Path.Combine(d, "2JohnC1V3-GroundTruth_RWeights.dat"), "--format", "json");
        Assert.Equal(0, r.ExitCode);
        var img = JsonDocument.Parse(r.Stdout).RootElement.GetProperty("images")[0];
        Assert.Equal(93.204, img.GetProperty("fm").GetDouble(), 0.001);
        Assert.Equal(93.393, img.GetProperty("pfm").GetDouble(), 0.001);
        Assert.Equal(16.329, img.GetProperty("psnr").GetDouble(), 0.001);
        Assert.Equal(1.9519, img.GetProperty("drd").GetDouble(), 0.0001);
    }
}
