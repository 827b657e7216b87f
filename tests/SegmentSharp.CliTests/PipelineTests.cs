using SegmentSharp.Codecs;
using SegmentSharp.Imaging;
using SegmentSharp.Pipelines;

namespace SegmentSharp.CliTests;

/// <summary>
/// The three forms of a pipeline (command flags with --save-pipeline, the pipeline file, the fluent API) write
/// byte-identical files; the file format round-trips and reports mistakes clearly; Run is thread-safe and honours its limits.
/// </summary>
public sealed class PipelineTests
{
    private static string Input(string name) => name.EndsWith(".jpg", StringComparison.Ordinal)
        ? Path.Combine(RepoPaths.Fixtures("cli"), "inputs", name) : RepoPaths.Sample(name);

    /// <summary>Command line (after the input), the fluent equivalent, and which command outputs map to which pipeline suffixes.</summary>
    public static TheoryData<string, string> Recipes => new()
    {
        { "coins.png", "components|--blur 5 --method otsu --invert --open ellipse:5x5 --min-area 100 --stats S.csv --overlay S.overlay.png --labels S.labels.png" },
        { "coins.png", "components|--min-area 20 --max-area 5000 --connectivity 4 --stats S.stats.json" },
        { "page.png", "components|--method sauvola --window 25 --invert --close rect:3x3 --min-aspect 0.2 --max-aspect 5 --stats S.csv" },
        { "coins.png", "contours|--out S.contours.json --blur 5 --method otsu --open ellipse:5x5 --overlay S.overlay.png --thickness 2" },
        { "text.png", "contours|--out S.contours.geojson --method triangle --mode external --approx poly:1.5 --min-area 10" },
        { "page-q85.jpg", "contours|--out S.contours.svg --normalize-background --method auto --mode ccomp --approx none" },
        { "page.png", "threshold|S.png --method sauvola --window 31 --k 0.3 --median 3 --despeckle 5" },
        { "camera.png", "threshold|S.tif --method adaptive --block-size 15 --c 3 --invert --clahe 2:4x4 --bilevel never" },
        { "coffee-small-q90.jpg", "threshold|S.png --method li --stretch 1,99 --invert-input" },
        { "coins.png", "components|--stats S.csv" },
        { "page.png", "threshold|S.png --method median --window 21 --offset 4 --invert" },
        { "page.png", "components|--method wolf --window 31 --stats S.csv" },
        { "page.png", "threshold|S.png --method bernsen --window 15 --contrast-threshold 20 --bilevel never" },
        { "coins.png", "components|--blur 5 --method otsu --invert --open ellipse:5x5 --stats S.csv --stats-columns opencv" },
    };

    [Theory]
    [MemberData(nameof(Recipes))]
    public void SavedPipelineWritesWhatTheCommandWrote(string sample, string recipe)
    {
        using var cli = new InProcessCli();
        string input = Input(sample);
        string cmdStem = cli.Out("cmd"), runStem = cli.Out("run");
        var parts = recipe.Split('|');
        string[] args = parts[1].Split(' ').Select(a => a.StartsWith("S.", StringComparison.Ordinal) ? cmdStem + a[1..] : a).ToArray();
        string file = cli.Out("saved.json");
        string[] full = parts[0] == "threshold" ? ["threshold", input, .. args, "--save-pipeline", file] : [parts[0], input, .. args, "--save-pipeline", file];
        var r = cli.Run(full);
        Assert.True(r.ExitCode == 0, r.Stderr);

        var pipeline = Pipeline.Load(file);
        var result = pipeline.Run(input, runStem);
        var expected = args.Where(a => a.StartsWith(cmdStem, StringComparison.Ordinal)).Order().ToArray();
        Assert.Equal(expected.Length, result.Outputs.Count);
        Assert.Equal(pipeline.OutputPaths(runStem), result.Outputs);
        foreach (string cmdFile in expected)
        {
            string runFile = runStem + cmdFile[cmdStem.Length..];
            Assert.Contains(runFile, result.Outputs);
            Assert.True(File.ReadAllBytes(cmdFile).AsSpan().SequenceEqual(File.ReadAllBytes(runFile)), $"{cmdFile} differs from {runFile}");
        }
        // The file form round-trips exactly.
        Assert.Equal(pipeline.ToJson(), Pipeline.FromJson(pipeline.ToJson()).ToJson());
        Assert.Equal(File.ReadAllText(file), pipeline.ToJson());
    }

    [Fact]
    public void FluentFileAndFlagsAgreeOnSeed004Recipe()
    {
        using var cli = new InProcessCli();
        string input = RepoPaths.Sample("coins.png");
        var fluent = Pipeline.Create().Blur(5).Binarize("otsu", invert: true).Open("ellipse:5x5").WriteContours().WriteStats();
        var file = Pipeline.FromJson(fluent.ToJson());
        Assert.Equal(fluent.ToJson(), file.ToJson());
        var a = fluent.Run(input, cli.Out("fluent"));
        var b = file.Run(input, cli.Out("file"));
        Assert.Equal([cli.Out("fluent.contours.json"), cli.Out("fluent.csv")], a.Outputs);
        Assert.Equal(a.Threshold, b.Threshold);
        Assert.Equal(a.ComponentCount, b.ComponentCount);
        Assert.True(a.ComponentCount > 0);
        Assert.Equal(File.ReadAllBytes(cli.Out("fluent.csv")), File.ReadAllBytes(cli.Out("file.csv")));
        Assert.Equal(File.ReadAllBytes(cli.Out("fluent.contours.json")), File.ReadAllBytes(cli.Out("file.contours.json")));

        // The same recipe as command flags.
        var r = cli.Run("contours", input, "--out", cli.Out("cmd.contours.json"), "--blur", "5", "--method", "otsu", "--invert", "--open", "ellipse:5x5");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(File.ReadAllBytes(cli.Out("cmd.contours.json")), File.ReadAllBytes(cli.Out("fluent.contours.json")));
        r = cli.Run("components", input, "--stats", cli.Out("cmd.csv"), "--blur", "5", "--method", "otsu", "--invert", "--open", "ellipse:5x5");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(File.ReadAllBytes(cli.Out("cmd.csv")), File.ReadAllBytes(cli.Out("fluent.csv")));
    }

    [Fact]
    public void EveryMethodRoundTripsThroughJson()
    {
        foreach (var m in SegmentSharp.Pipelines.Binarization.BinarizeMethod.All)
        {
            var p = Pipeline.Create().InvertInput().Median(3).Clahe(2.5, 4, 8).NormalizeBackground().Stretch(1, 99).Blur(3)
                .Binarize(m.Name).Close("cross:3x3").Erode("custom:010/111/010").Dilate("rect:3x1")
                .Components(4, 2, 1000, 0.1, 10).Contours("list", "poly:2", 3).WriteMask("tif", false).WriteLabels("tif")
                .WriteOverlay("contours", 3).WriteContours("svg").WriteStats("json");
            string json = p.ToJson();
            Assert.Equal(json, Pipeline.FromJson(json).ToJson());
        }
        var local = Pipeline.Create().Binarize("phansalkar", parameters: new() { ["window"] = 21, ["k"] = 0.3, ["r"] = 0.4, ["p"] = 2.5, ["q"] = 9, ["despeckle"] = 4, ["despeckle_color"] = "white" });
        Assert.Equal(local.ToJson(), Pipeline.FromJson(local.ToJson()).ToJson());
        Assert.Contains("\"q\": 9", local.ToJson());
    }

    [Theory]
    [InlineData("{\"version\": 1, \"steps\": [", "invalid JSON at line 1")]
    [InlineData("[]", "expected a JSON object")]
    [InlineData("{\"version\": 2, \"steps\": []}", "version 2 is not supported")]
    [InlineData("{\"version\": 1, \"steps\": [{\"step\": \"blurr\", \"size\": 5}]}", "step 1: unknown step 'blurr' (known: ")]
    [InlineData("{\"version\": 1, \"steps\": [{\"step\": \"blur\", \"size\": 4}]}", "step 1: step 'blur': parameter 'size' must be an odd integer from 1 to 9999, got 4")]
    [InlineData("{\"version\": 1, \"steps\": [{\"step\": \"blur\", \"sigma\": 4, \"size\": 3}]}", "step 1: step 'blur': unknown parameter 'sigma'")]
    [InlineData("{\"version\": 1, \"steps\": [{\"step\": \"blur\", \"size\": 3}, {\"step\": \"binarize\", \"method\": \"otsu\", \"k\": 0.2}]}", "step 2: step 'binarize': parameter k: not allowed with method otsu")]
    [InlineData("{\"version\": 1, \"steps\": [{\"step\": \"binarize\", \"method\": \"nope\"}]}", "step 1: step 'binarize': parameter 'method' 'nope' is not one of")]
    [InlineData("{\"version\": 1, \"steps\": [{\"step\": \"open\", \"kernel\": \"disk:5\"}]}", "step 1: step 'open': parameter 'kernel' invalid kernel shape 'disk'")]
    [InlineData("{\"version\": 1, \"steps\": [{\"step\": \"components\", \"connectivity\": 6}]}", "step 1: step 'components': parameter 'connectivity' must be 4 or 8")]
    [InlineData("{\"version\": 1, \"steps\": [{\"size\": 3}]}", "step 1: expected an object with a \"step\" name")]
    public void BadPipelineFilesNameFileStepAndProblem(string json, string expected)
    {
        using var cli = new InProcessCli();
        string path = cli.Out("bad.json");
        File.WriteAllText(path, json);
        var e = Assert.Throws<PipelineException>(() => Pipeline.Load(path));
        Assert.StartsWith($"pipeline file '{path}': ", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void MissingStepsAreReportedWhenRun()
    {
        using var cli = new InProcessCli();
        var p = Pipeline.FromJson("{\"version\": 1, \"steps\": [{\"step\": \"write-stats\"}]}");
        var e = Assert.Throws<PipelineException>(() => p.Run(RepoPaths.Sample("coins.png"), cli.Out("x")));
        Assert.Contains("'write-stats' needs a 'components' step", e.Message);
    }

    [Fact]
    public void ParallelRunsEqualSequentialRuns()
    {
        using var cli = new InProcessCli();
        var p = Pipeline.Create().Blur(5).Binarize("otsu", invert: true).Open("ellipse:5x5").WriteMask().WriteOverlay().WriteContours().WriteStats();
        string[] samples = ["coins.png", "camera.png", "page.png", "text.png", "horse.png", "coins.png", "page.png", "camera.png"];
        for (int i = 0; i < samples.Length; i++) p.Run(RepoPaths.Sample(samples[i]), cli.Out($"seq{i}"));
        Parallel.For(0, samples.Length * 2, new ParallelOptions { MaxDegreeOfParallelism = 4 },
            j => p.Run(RepoPaths.Sample(samples[j % samples.Length]), cli.Out($"par{j}")));
        for (int j = 0; j < samples.Length * 2; j++)
        {
            int i = j % samples.Length;
            var seq = p.OutputPaths(cli.Out($"seq{i}"));
            var par = p.OutputPaths(cli.Out($"par{j}"));
            Assert.Equal(4, seq.Count);
            for (int k = 0; k < seq.Count; k++)
            {
                Assert.True(File.ReadAllBytes(seq[k]).AsSpan().SequenceEqual(File.ReadAllBytes(par[k])), $"{par[k]} differs");
            }
        }
    }

    [Fact]
    public void RefusesOversizedImagesBeforeDecodingAndHonoursCancellation()
    {
        using var cli = new InProcessCli();
        var p = Pipeline.Create().Binarize("otsu").WriteMask();
        string input = RepoPaths.Sample("coins.png");
        var e = Assert.Throws<PipelineException>(() => p.Run(input, cli.Out("big"), new PipelineRunOptions { MaxPixels = 1000 }));
        Assert.Contains("more than the limit of 1000 pixels", e.Message);
        Assert.Contains("coins.png", e.Message);
        Assert.False(File.Exists(cli.Out("big.png")));

        // A header the size check reads, with a body no decoder accepts: the refusal comes first.
        string fake = cli.Out("huge.png");
        byte[] header = [0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 1, 0, 0, 0, 1, 0, 0];
        File.WriteAllBytes(fake, header);
        e = Assert.Throws<PipelineException>(() => p.Run(fake, cli.Out("huge")));
        Assert.Contains("65536x65536", e.Message);

        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => p.Run(input, cli.Out("c"), new PipelineRunOptions { Cancellation = cts.Token }));
    }

    [Fact]
    public void RunReportsThresholdForegroundAndTimings()
    {
        using var cli = new InProcessCli();
        var p = Pipeline.Create().Binarize("otsu").RemoveSmall(50).WriteMask();
        var r = p.Run(RepoPaths.Sample("coins.png"), cli.Out("m"));
        var mask = ImageFile.ReadGray(cli.Out("m.png"));
        var expected = Thresholding.Threshold.Apply(ImageFile.ReadGray(RepoPaths.Sample("coins.png")), 0, 255, Thresholding.ThresholdType.Binary,
            out double t, Thresholding.AutoThreshold.Otsu);
        Assert.Equal(t, r.Threshold);
        for (int y = 0; y < mask.Height; y++) Assert.True(expected.Row(y).SequenceEqual(mask.Row(y)), $"row {y}");
        Assert.InRange(r.ForegroundPercent, 0.1, 99.9);
        Assert.NotNull(r.ComponentCount);
        Assert.Contains("decode", r.TimingsMs.Keys);
        Assert.Contains("binarize", r.TimingsMs.Keys);
    }

    [Fact]
    public void EveryBuiltInStepIsInTheSchemaAndTheGuide()
    {
        string schema = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "pipeline.schema.json"));
        string guide = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "pipeline.md"));
        using var doc = System.Text.Json.JsonDocument.Parse(schema);
        foreach (string name in StepRegistry.Names.Where(n => !n.StartsWith("test-", StringComparison.Ordinal)))
        {
            Assert.Contains($"\"{name}\"", schema);
            Assert.Contains($"`{name}`", guide);
        }
        foreach (var m in SegmentSharp.Pipelines.Binarization.BinarizeMethod.All) Assert.Contains($"\"{m.Name}\"", schema);
    }

    [Fact]
    public void PluggedInStepRunsWithoutTouchingTheRunner()
    {
        StepRegistry.Register("test-fill", p => new FillStep((byte)p.Int("value", 0, 255)));
        using var cli = new InProcessCli();
        var pipeline = Pipeline.FromJson("{\"version\": 1, \"steps\": [{\"step\": \"test-fill\", \"value\": 7}, {\"step\": \"write-mask\", \"bilevel\": \"never\"}]}");
        Assert.Contains("\"value\": 7", pipeline.ToJson());
        var r = pipeline.Run(RepoPaths.Sample("coins.png"), cli.Out("f"));
        var mask = ImageFile.ReadGray(cli.Out("f.png"));
        Assert.Equal(7, mask.Row(mask.Height - 1)[mask.Width - 1]);
        Assert.Equal(100, r.ForegroundPercent);
        Assert.Contains("test-fill", r.TimingsMs.Keys);
    }

    [Fact]
    public void WarmRunAllocatesLittleManagedMemory()
    {
        // Seed 004's recipe on a ~2 MP image: the decoded image, labels, union-find table and region crops all come from
        // the pool, so a second run on the same thread allocates only the small per-object results (contours, table rows).
        using var cli = new InProcessCli();
        var tile = ImageFile.ReadGray(RepoPaths.Sample("coins.png"));
        var big = new Image<byte>(1632, 1232);
        for (int y = 0; y < big.Height; y++)
            for (int x = 0; x < big.Width; x++) big.Row(y)[x] = tile.Row(y % tile.Height)[x % tile.Width];
        string input = cli.Out("big.png"), stem = cli.Out("big");
        ImageFile.Write(input, big);
        var p = Pipeline.Create().Blur(5).Binarize("otsu", invert: true).Open("ellipse:5x5").WriteContours().WriteStats();
        int first = p.Run(input, stem).ComponentCount ?? -1;
        long before = GC.GetAllocatedBytesForCurrentThread();
        int second = p.Run(input, stem).ComponentCount ?? -1;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(first, second);
        long imageBytes = (long)big.Width * big.Height;
        Assert.True(allocated < imageBytes * 3 / 4, $"a warm run allocated {allocated:N0} B, more than 3/4 of the {imageBytes:N0} image bytes");
    }

    private sealed class FillStep(byte value) : IPipelineStep
    {
        public string Name => "test-fill";
        public void Run(PipelineContext context)
        {
            var m = context.RentBytes(context.Gray.Width, context.Gray.Height);
            for (int y = 0; y < m.Height; y++) m.Row(y).Fill(value);
            context.Mask = m;
        }
        public IEnumerable<string> OutputPaths(string outputStem) => [];
        public void WriteParameters(System.Text.Json.Utf8JsonWriter writer) => writer.WriteNumber("value", value);
    }

    [Fact]
    public void SavePipelineNeedsJsonExtension()
    {
        using var cli = new InProcessCli();
        var r = cli.Run("components", RepoPaths.Sample("coins.png"), "--save-pipeline", cli.Out("p.txt"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--save-pipeline", r.Stderr);
        r = cli.Run("threshold", RepoPaths.Sample("coins.png"), cli.Out("m.png"), "--save-pipeline", cli.Out("p.txt"));
        Assert.Equal(2, r.ExitCode);
        Assert.EndsWith("segment threshold: error: argument --save-pipeline: '" + cli.Out("p.txt") + "' must end in .json\n", r.Stderr);
        Assert.False(File.Exists(cli.Out("m.png")));
    }

    [Fact]
    public void OpenCvStatsColumnsAreTheFirstColumnsOfTheFullTable()
    {
        using var cli = new InProcessCli();
        string input = Path.Combine(CliTestPaths.RepoRoot, "samples", "coins.png");
        var args = new[] { "--blur", "5", "--method", "otsu", "--invert", "--open", "ellipse:5x5" };
        Assert.Equal(0, cli.Run(["components", input, "--stats", cli.Out("all.csv"), .. args]).ExitCode);
        Assert.Equal(0, cli.Run(["components", input, "--stats", cli.Out("cv.csv"), "--stats-columns", "opencv", .. args]).ExitCode);
        var all = File.ReadAllLines(cli.Out("all.csv"));
        var cv = File.ReadAllLines(cli.Out("cv.csv"));
        Assert.Equal("label,left,top,width,height,area,centroid_x,centroid_y", cv[0]);
        Assert.True(all[0].Split(',').Length > 8);
        Assert.Equal(all.Length, cv.Length);
        for (int i = 0; i < all.Length; i++) Assert.Equal(string.Join(',', all[i].Split(',').Take(8)), cv[i]);
        Assert.Equal(2, cli.Run(["components", input, "--stats", cli.Out("x.csv"), "--stats-columns", "some"]).ExitCode);
        var p = Pipeline.Create().Blur(5).Binarize("otsu", invert: true).Open("ellipse:5x5").WriteStats("csv", "opencv");
        Assert.Contains("\"columns\": \"opencv\"", p.ToJson());
        Assert.Equal(p.ToJson(), Pipeline.FromJson(p.ToJson()).ToJson());
    }
}
