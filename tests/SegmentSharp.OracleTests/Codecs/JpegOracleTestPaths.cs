namespace SegmentSharp.OracleTests.Codecs;

/// <summary>Locates the repository root (the folder holding SegmentSharp.slnx) from the test binaries.</summary>
internal static class JpegOracleTestPaths
{
    public static string RepoRoot => RepoPaths.Root;

    public static string Sample(string name) => Path.Combine(RepoRoot, "samples", name);
}
