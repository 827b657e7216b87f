namespace SegmentSharp.OracleTests.Codecs;

/// <summary>Locates the repository root (the folder holding SegmentSharp.slnx) from the test binaries.</summary>
internal static class JpegOracleTestPaths
{
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "SegmentSharp.slnx"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("SegmentSharp.slnx not found above the test binaries");
        }
    }

    public static string Sample(string name) => Path.Combine(RepoRoot, "samples", name);
}
