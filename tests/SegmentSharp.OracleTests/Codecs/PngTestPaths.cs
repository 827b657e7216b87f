namespace SegmentSharp.OracleTests.Codecs;

internal static class PngTestPaths
{
    public static string RepoRoot { get; } = RepoPaths.Root;


    public static string[] Samples() => Directory.GetFiles(Path.Combine(RepoRoot, "samples"), "*.png").OrderBy(p => p).ToArray();
}
