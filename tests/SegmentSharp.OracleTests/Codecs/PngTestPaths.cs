namespace SegmentSharp.OracleTests.Codecs;

internal static class PngTestPaths
{
    public static string RepoRoot { get; } = Find();

    private static string Find()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d != null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "SegmentSharp.slnx"))) return d.FullName;
        throw new InvalidOperationException("SegmentSharp.slnx not found above " + AppContext.BaseDirectory);
    }

    public static string[] Samples() => Directory.GetFiles(Path.Combine(RepoRoot, "samples"), "*.png").OrderBy(p => p).ToArray();
}
