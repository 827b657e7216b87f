namespace SegmentSharp.Tests.Codecs;

/// <summary>Locates the repository root (the folder holding SegmentSharp.slnx) from the test binaries.</summary>
internal static class JpegTestPaths
{
    public static string RepoRoot => RepoPaths.Root;

    public static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(RepoRoot, "tests", "fixtures", "jpeg", name));
}
