namespace SegmentSharp.Tests.Codecs;

/// <summary>Locates the repository root (the folder holding SegmentSharp.slnx) from the test binaries.</summary>
internal static class JpegTestPaths
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

    public static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(RepoRoot, "tests", "fixtures", "jpeg", name));
}
