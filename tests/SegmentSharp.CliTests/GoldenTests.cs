namespace SegmentSharp.CliTests;

/// <summary>
/// Runs `segment threshold` for every case recorded from the seed script and from reference_segment.py and
/// compares stdout and the exit code exactly, stderr (our own lines exactly, argparse's usage block by its key
/// line) and the mask pixels.
/// </summary>
public sealed class GoldenTests
{
    public static TheoryData<string> SeedCases => new(GoldenCase.Names.Where(n => GoldenCase.Get(n).Tool == "seed"));
    public static TheoryData<string> ReferenceCases => new(GoldenCase.Names.Where(n => GoldenCase.Get(n).Tool == "reference"));

    [Theory]
    [MemberData(nameof(SeedCases))]
    public void MatchesSeedScript(string name) => Check(GoldenCase.Get(name));

    [Theory]
    [MemberData(nameof(ReferenceCases))]
    public void MatchesOpenCvReference(string name) => Check(GoldenCase.Get(name));

    private static void Check(GoldenCase g)
    {
        using var scratch = new Scratch();
        scratch.Stage(g.Args);
        foreach (string dir in g.Setup) Directory.CreateDirectory(scratch.PathOf(dir));

        var r = scratch.Run(["threshold", .. g.Args]);

        Assert.Equal(g.Stdout, r.Stdout);
        Assert.Equal(g.ExitCode, r.ExitCode);
        switch (g.ExitCode)
        {
            case 0:
                Assert.Equal("", r.Stderr);
                string output = g.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]["output: ".Length..];
                string hash = GoldenCase.PixelHash(scratch.PathOf(output), out int w, out int h);
                Assert.Equal((g.MaskWidth, g.MaskHeight), (w, h));
                Assert.Equal(g.MaskSha256, hash);
                break;
            case 2:
                string[] lines = r.Stderr.TrimEnd('\n').Split('\n');
                Assert.StartsWith("usage: segment threshold [-h]", lines[0]);
                Assert.Equal(g.ExpectedStderr, lines[^1]);
                break;
            default:
                Assert.Equal(g.ExpectedStderr + "\n", r.Stderr);
                break;
        }
        Assert.Empty(scratch.TempFiles());
    }
}
