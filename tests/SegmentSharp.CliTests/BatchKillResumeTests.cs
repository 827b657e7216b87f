using SegmentSharp.Cli.Batch;
using SegmentSharp.Codecs;
using SegmentSharp.Pipelines;

namespace SegmentSharp.CliTests;

/// <summary>
/// A batch killed with SIGKILL mid-run and then rerun ends with every output whole, nothing finished redone and a
/// complete manifest: the acceptance test of resume and of the crash-safe journal.
/// </summary>
public sealed class BatchKillResumeTests
{
    private const int Count = 500;

    [Fact]
    public void KilledBatchResumesWithoutRedoingFinishedImages()
    {
        using var s = new Scratch();
        string pipelinePath = BatchTestFiles.WritePipeline(s.Dir);
        var inputs = new List<string>();
        for (int i = 0; i < Count; i++)
        {
            string rel = $"set{i % 5}/img{i:000}.png";
            BatchTestFiles.WriteImage(s.PathOf("in/" + rel), 320, 240, i);
            inputs.Add(rel);
        }
        string journal = s.PathOf("out/manifest.jsonl");
        string[] args = ["batch", "--pipeline", "pipeline.json", "in", "--out", "out", "--jobs", "2", "--progress", "none"];

        using (var p = BatchTestFiles.Start(s.Dir, args))
        {
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (BatchTestFiles.CompleteLines(journal) < 20 && !p.HasExited && DateTime.UtcNow < deadline) Thread.Sleep(2);
            Assert.False(p.HasExited, "the batch finished before it could be killed; the test needs more work per image");
            p.Kill(); // SIGKILL: no handler, no flush, no final manifest
            p.WaitForExit();
        }

        var finished = BatchTestFiles.Rows(journal);
        Assert.InRange(finished.Count, 20, Count - 1);
        Assert.All(finished, r => Assert.Equal(BatchRow.Ok, r.Status));
        var pipeline = Pipeline.Load(pipelinePath);
        string Stem(string rel) => Path.Combine(s.PathOf("out"), Path.ChangeExtension(rel, null));
        var before = finished.SelectMany(r => pipeline.OutputPaths(Stem(r.Input)))
            .ToDictionary(o => o, o => File.GetLastWriteTimeUtc(o));

        var rerun = s.Run(args);
        Assert.True(rerun.ExitCode == 0, $"exit {rerun.ExitCode}: {rerun.Stderr}");

        var rows = BatchTestFiles.Rows(journal);
        Assert.Equal(inputs.OrderBy(x => x, StringComparer.Ordinal), rows.Select(r => r.Input));
        var done = finished.Select(r => r.Input).ToHashSet();
        foreach (var r in rows)
        {
            Assert.Equal(done.Contains(r.Input) ? BatchRow.Skipped : BatchRow.Ok, r.Status);
            Assert.NotNull(r.ForegroundPercent);
            Assert.NotNull(r.Threshold);
        }
        foreach (var (output, time) in before) Assert.Equal(time, File.GetLastWriteTimeUtc(output));
        foreach (string rel in inputs)
            foreach (string output in pipeline.OutputPaths(Stem(rel)))
                if (output.EndsWith(".png", StringComparison.Ordinal)) Assert.Equal(240, ImageFile.ReadGray(output).Height);
                else Assert.True(new FileInfo(output).Length > 0, output);
        Assert.Empty(s.TempFiles().Where(f => f.Contains($"{Path.DirectorySeparatorChar}out{Path.DirectorySeparatorChar}")));
        Assert.Equal(Count + 1, File.ReadAllLines(s.PathOf("out/manifest.csv")).Length);
        Assert.Contains($"{Count} images: {Count - done.Count} ok, {done.Count} skipped, 0 failed", rerun.Stdout);
    }
}
