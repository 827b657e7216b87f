namespace SegmentSharp.CliTests;

/// <summary>
/// Runs `segment threshold` for every case recorded from the seed script and from reference_segment.py and
/// compares stdout and the exit code exactly, stderr (our own lines exactly, argparse's usage block by its key
/// line) and the mask pixels. Three classes so xunit runs the three groups in parallel (each case is a child process).
/// </summary>
public sealed class SeedGoldenTests
{
    public static TheoryData<string> Cases => new(GoldenCase.Names.Where(n => GoldenCase.Get(n) is { Tool: "seed", ExitCode: 0 }));

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesSeedScript(string name) => GoldenCheck.Check(GoldenCase.Get(name));
}

/// <summary>The seed's failure cases: usage errors (exit 2) and unreadable input / unwritable output (exit 1).</summary>
public sealed class SeedErrorGoldenTests
{
    public static TheoryData<string> Cases => new(GoldenCase.Names.Where(n => GoldenCase.Get(n) is { Tool: "seed", ExitCode: not 0 }));

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesSeedScript(string name) => GoldenCheck.Check(GoldenCase.Get(name));
}

/// <summary>Flags beyond the seed, against reference_segment.py (OpenCV 4.6 via Debian's python3-opencv).</summary>
public sealed class ReferenceGoldenTests
{
    public static TheoryData<string> Cases => new(GoldenCase.Names.Where(n => GoldenCase.Get(n).Tool == "reference"));

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesOpenCvReference(string name) => GoldenCheck.Check(GoldenCase.Get(name));
}

internal static class GoldenCheck
{
    public static void Check(GoldenCase g)
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
