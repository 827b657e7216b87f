namespace SegmentSharp.Testing;

/// <summary>
/// Finds files of the repository from the test binaries, which run from <c>bin/…</c> in a clone of any location:
/// the root is the nearest folder above them that holds <c>SegmentSharp.slnx</c>. Linked into every test project.
/// </summary>
internal static class RepoPaths
{
    /// <summary>The repository root.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The bundled sample images, <c>samples/*.png</c>, in ordinal order.</summary>
    public static string[] SamplePngs() =>
        Directory.GetFiles(Path.Combine(Root, "samples"), "*.png").OrderBy(p => p, StringComparer.Ordinal).ToArray();

    /// <summary>One bundled sample, by file name.</summary>
    public static string Sample(string name) => Path.Combine(Root, "samples", name);

    /// <summary>The committed fixtures of one test area, <c>tests/fixtures/AREA</c>.</summary>
    public static string Fixtures(string area) => Path.Combine(Root, "tests", "fixtures", area);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SegmentSharp.slnx"))) return dir.FullName;
        throw new InvalidOperationException("SegmentSharp.slnx not found above " + AppContext.BaseDirectory);
    }
}
