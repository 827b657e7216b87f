using SegmentSharp.Cli.Batch;

namespace SegmentSharp.CliTests;

/// <summary>What a rerun redoes: nothing up to date, everything with --force, an image whose input or pipeline changed.</summary>
public sealed class BatchResumeTests
{
    [Fact]
    public void RerunSkipsUpToDateAndRedoesChangedOrForced()
    {
        using var cli = new InProcessCli();
        string pipeline = BatchTestFiles.WritePipeline(cli.Dir);
        string dir = cli.Out("in");
        for (int i = 0; i < 4; i++) BatchTestFiles.WriteImage(Path.Combine(dir, $"p{i}.png"), 30, 20, i);
        string outDir = cli.Out("out");
        string[] args = ["batch", "--pipeline", pipeline, dir, "--out", outDir, "--jobs", "3", "--progress", "none"];
        string journal = Path.Combine(outDir, "manifest.jsonl");

        Assert.Equal(0, cli.Run(args).ExitCode);
        Assert.All(BatchTestFiles.Rows(journal), r => Assert.Equal(BatchRow.Ok, r.Status));

        var second = cli.Run(args);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("4 images: 0 ok, 4 skipped, 0 failed", second.Stdout);
        Assert.All(BatchTestFiles.Rows(journal), r => Assert.Equal(BatchRow.Skipped, r.Status));

        File.SetLastWriteTimeUtc(Path.Combine(dir, "p2.png"), DateTime.UtcNow.AddMinutes(1));
        var third = cli.Run(args);
        Assert.Contains("4 images: 1 ok, 3 skipped, 0 failed", third.Stdout);
        Assert.Equal(BatchRow.Ok, BatchTestFiles.Rows(journal).Single(r => r.Input == "p2.png").Status);

        File.SetLastWriteTimeUtc(pipeline, DateTime.UtcNow.AddMinutes(2));
        Assert.Contains("4 images: 4 ok, 0 skipped, 0 failed", cli.Run(args).Stdout);

        var forced = cli.Run([.. args, "--force"]);
        Assert.Contains("4 images: 4 ok, 0 skipped, 0 failed", forced.Stdout);
        Assert.Equal(5, File.ReadAllLines(Path.Combine(outDir, "manifest.csv")).Length);
    }

    [Fact]
    public void ATornLastJournalLineIsIgnored()
    {
        using var cli = new InProcessCli();
        string pipeline = BatchTestFiles.WritePipeline(cli.Dir);
        for (int i = 0; i < 3; i++) BatchTestFiles.WriteImage(cli.Out($"in/t{i}.png"), 12, 10, i);
        string[] args = ["batch", "--pipeline", pipeline, cli.Out("in"), "--out", cli.Out("out"), "--progress", "none"];
        Assert.Equal(0, cli.Run(args).ExitCode);
        string journal = cli.Out("out/manifest.jsonl");
        var lines = File.ReadAllLines(journal);
        // As a kill mid-write leaves it: two whole rows, then half of the third without its newline.
        File.WriteAllText(journal, lines[0] + "\n" + lines[1] + "\n" + lines[2][..(lines[2].Length / 2)]);
        var r = cli.Run(args);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("3 images: 1 ok, 2 skipped, 0 failed", r.Stdout);
        var rows = BatchTestFiles.Rows(journal);
        Assert.Equal(["t0.png", "t1.png", "t2.png"], rows.Select(x => x.Input));
        Assert.Equal(3, File.ReadAllLines(journal).Length);
    }

    [Fact]
    public void GlobsAndFilesMirrorTheTreeBelowTheirBase()
    {
        using var cli = new InProcessCli();
        string pipeline = BatchTestFiles.WritePipeline(cli.Dir);
        BatchTestFiles.WriteImage(cli.Out("in/a/x.png"), 9, 9, 1);
        BatchTestFiles.WriteImage(cli.Out("in/a/b/y.png"), 9, 9, 2);
        BatchTestFiles.WriteImage(cli.Out("in/a/b/skip.png"), 9, 9, 3);
        BatchTestFiles.WriteImage(cli.Out("in/single.bmp"), 9, 9, 4);
        var r = cli.Run("batch", "--pipeline", pipeline, cli.Out("in") + "/**/*.png", cli.Out("in/single.bmp"),
            "--exclude", "**/skip.png", "--out", cli.Out("out"), "--progress", "none");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal(["a/b/y.png", "a/x.png", "single.bmp"], BatchTestFiles.Rows(cli.Out("out/manifest.jsonl")).Select(x => x.Input));
        Assert.True(File.Exists(cli.Out("out/a/b/y.png")));
        Assert.True(File.Exists(cli.Out("out/single.png")));
    }

    [Theory]
    [InlineData("the following arguments are required: --pipeline", "batch", "in", "--out", "o")]
    [InlineData("the following arguments are required: --out", "batch", "--pipeline", "p.json", "in")]
    [InlineData("the following arguments are required: INPUTS", "batch", "--pipeline", "p.json", "--out", "o")]
    [InlineData("argument --shard: shard must be I/N with 0 <= I < N (e.g. 0/4), not '4/4'", "batch", "--pipeline", "p.json", "in", "--out", "o", "--shard", "4/4")]
    [InlineData("argument --jobs: jobs must be an integer from 1 to 1024, not 0", "batch", "--pipeline", "p.json", "in", "--out", "o", "--jobs", "0")]
    [InlineData("argument --max-memory: invalid size: 'lots' (e.g. 512M, 4G)", "batch", "--pipeline", "p.json", "in", "--out", "o", "--max-memory", "lots")]
    [InlineData("the following arguments are required: --out", "batch", "merge", "a.jsonl")]
    public void UsageErrorsExit2(string message, params string[] args)
    {
        using var cli = new InProcessCli();
        var r = cli.Run(args);
        Assert.Equal(2, r.ExitCode);
        Assert.EndsWith($"error: {message}\n", r.Stderr);
    }

    [Fact]
    public void AnInputWhoseOutputsWouldOverwriteTheManifestIsAUsageError()
    {
        using var cli = new InProcessCli();
        string pipeline = cli.Out("stats.json");
        File.WriteAllText(pipeline, """
            {"version": 1, "steps": [{"step": "binarize", "method": "otsu"}, {"step": "components"}, {"step": "write-stats", "format": "csv"}]}
            """);
        BatchTestFiles.WriteImage(cli.Out("in/manifest.png"), 9, 9, 1);
        var r = cli.Run("batch", "--pipeline", pipeline, cli.Out("in"), "--out", cli.Out("out"), "--progress", "none");
        Assert.True(r.ExitCode == 2, r.Stderr);
        Assert.Contains("would overwrite the manifest", r.Stderr);
        BatchTestFiles.WriteImage(cli.Out("in/manifest.bmp"), 9, 9, 2);
        var twice = cli.Run("batch", "--pipeline", pipeline, cli.Out("in"), "--out", cli.Out("out"), "--manifest", cli.Out("m.jsonl"));
        Assert.Equal(2, twice.ExitCode);
        Assert.Contains("would write the same outputs", twice.Stderr);
        File.Delete(cli.Out("in/manifest.bmp"));
        var moved = cli.Run("batch", "--pipeline", pipeline, cli.Out("in"), "--out", cli.Out("out"), "--manifest", cli.Out("m.jsonl"));
        Assert.True(moved.ExitCode == 0, moved.Stderr);
    }

    [Fact]
    public void NothingToRunExits1()
    {
        using var cli = new InProcessCli();
        var missing = cli.Run("batch", "--pipeline", cli.Out("nope.json"), cli.Dir, "--out", cli.Out("o"));
        Assert.Equal(1, missing.ExitCode);
        Assert.StartsWith("segment batch: error: cannot read pipeline file", missing.Stderr);
        string pipeline = BatchTestFiles.WritePipeline(cli.Dir);
        var none = cli.Run("batch", "--pipeline", pipeline, cli.Out("empty-folder-that-is-not-there"), "--out", cli.Out("o"));
        Assert.Equal(3, none.ExitCode); // a named file that does not exist is a failed image
        Directory.CreateDirectory(cli.Out("empty"));
        var empty = cli.Run("batch", "--pipeline", pipeline, cli.Out("empty"), "--out", cli.Out("o2"));
        Assert.Equal(1, empty.ExitCode);
        Assert.Contains("no input images found", empty.Stderr);
    }
}
