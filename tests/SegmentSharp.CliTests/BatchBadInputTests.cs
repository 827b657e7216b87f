using SegmentSharp.Cli.Batch;

namespace SegmentSharp.CliTests;

/// <summary>Every kind of bad input fails alone, with one line naming the file, while the rest of the batch succeeds.</summary>
public sealed class BatchBadInputTests
{
    [Fact]
    public void EachBadFileFailsWithItsOwnLineAndTheRestSucceed()
    {
        using var cli = new InProcessCli();
        string pipeline = BatchTestFiles.WritePipeline(cli.Dir);
        string dir = cli.Out("in");
        BatchTestFiles.WriteImage(Path.Combine(dir, "good1.png"), 50, 40, 1);
        BatchTestFiles.WriteImage(Path.Combine(dir, "deep/good2.png"), 40, 50, 2);
        BatchTestFiles.WriteImage(Path.Combine(dir, "big.png"), 120, 100, 3);
        var noise = new byte[300];
        new Random(4).NextBytes(noise);
        BatchTestFiles.PngSignature.CopyTo(noise);
        File.WriteAllBytes(Path.Combine(dir, "corrupt.png"), noise);
        File.WriteAllBytes(Path.Combine(dir, "empty.png"), []);
        Directory.CreateDirectory(Path.Combine(dir, "folder.png"));
        File.WriteAllBytes(Path.Combine(dir, "zero-width.png"), BatchTestFiles.PngHeaderOnly(0, 10));
        File.WriteAllText(Path.Combine(dir, "zero-height.pgm"), "P5\n7 0\n255\n");
        string unreadable = MakeUnreadable(Path.Combine(dir, "unreadable.png"));

        string outDir = cli.Out("out");
        var r = cli.Run("batch", "--pipeline", pipeline, dir, "--out", outDir, "--max-pixels", "10000", "--progress", "none");

        Assert.Equal(3, r.ExitCode);
        var expected = new Dictionary<string, string>
        {
            ["big.png"] = "the image is 120x100 = 12000 pixels, more than --max-pixels 10000",
            ["corrupt.png"] = "",
            ["empty.png"] = "the file is empty, not an image",
            ["folder.png"] = "it is a folder, not an image file",
            ["zero-width.png"] = "the image is 0x10: zero width or height",
            ["zero-height.pgm"] = "the image is 7x0: zero width or height",
            ["unreadable.png"] = unreadable,
        };
        string[] errorLines = r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expected.Count, errorLines.Length);
        var rows = BatchTestFiles.Rows(Path.Combine(outDir, "manifest.jsonl")).ToDictionary(x => x.Input);
        Assert.Equal(expected.Count + 2, rows.Count);
        foreach (var (name, message) in expected)
        {
            string line = Assert.Single(errorLines, l => l.StartsWith($"segment batch: error: '{Path.Combine(dir, name)}': ", StringComparison.Ordinal));
            Assert.True(line.Contains(message, StringComparison.Ordinal), line);
            Assert.Equal(BatchRow.Failed, rows[name].Status);
            Assert.False(string.IsNullOrWhiteSpace(rows[name].Error));
            Assert.False(File.Exists(Path.Combine(outDir, Path.ChangeExtension(name, ".png"))) && name != "folder.png");
        }
        Assert.Equal(BatchRow.Ok, rows["good1.png"].Status);
        Assert.Equal(BatchRow.Ok, rows["deep/good2.png"].Status);
        Assert.True(File.Exists(Path.Combine(outDir, "good1.png")));
        Assert.True(File.Exists(Path.Combine(outDir, "deep", "good2.png")));
        Assert.Contains("9 images: 2 ok, 0 skipped, 7 failed", r.Stdout);
    }

    /// <summary>
    /// chmod 000 where permissions apply; as root (where they do not) a link to /proc/self/mem, which the kernel refuses
    /// to read from offset 0 for everyone. Returns the text the error must contain.
    /// </summary>
    private static string MakeUnreadable(string path)
    {
        BatchTestFiles.WriteImage(path, 30, 30, 5);
        File.SetUnixFileMode(path, UnixFileMode.None);
        try
        {
            using var probe = File.OpenRead(path);
        }
        catch (UnauthorizedAccessException)
        {
            return "permission denied";
        }
        File.Delete(path);
        File.CreateSymbolicLink(path, "/proc/self/mem");
        return "cannot read";
    }
}
