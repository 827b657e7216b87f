namespace SegmentSharp.CliTests;

/// <summary>Locations the CLI tests need: the repository root, the fixtures, and the built segment.dll.</summary>
internal static class CliTestPaths
{
    public static string RepoRoot { get; } = RepoPaths.Root;

    public static string Fixtures => Path.Combine(RepoRoot, "tests", "fixtures", "cli");

    /// <summary>
    /// The tool as built next to the tests (the project reference copies segment.dll with its runtimeconfig),
    /// falling back to the CLI project's own output folder.
    /// </summary>
    public static string SegmentDll { get; } = FindSegmentDll();


    private static string FindSegmentDll()
    {
        string local = Path.Combine(AppContext.BaseDirectory, "segment.dll");
        if (File.Exists(local) && File.Exists(Path.Combine(AppContext.BaseDirectory, "segment.runtimeconfig.json"))) return local;
        // Same configuration/framework folder layout as this test assembly (bin/<Configuration>/<tfm>/).
        var baseDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string tfm = baseDir.Name, config = baseDir.Parent!.Name;
        string built = Path.Combine(RepoRoot, "src", "SegmentSharp.Cli", "bin", config, tfm, "segment.dll");
        if (File.Exists(built)) return built;
        throw new FileNotFoundException("segment.dll not built", built);
    }
}
