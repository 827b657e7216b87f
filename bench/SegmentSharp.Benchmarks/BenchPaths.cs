namespace SegmentSharp.Benchmarks;

/// <summary>
/// Where the generated benchmark inputs live. BenchmarkDotNet runs each case in a child process built
/// under <c>bin/</c>, so the repository is found by walking up to <c>SegmentSharp.slnx</c> rather than
/// trusting the working directory.
/// </summary>
internal static class BenchPaths
{
    private static readonly Lazy<string> RepoRootLazy = new(FindRepoRoot);

    public static string RepoRoot => RepoRootLazy.Value;

    /// <summary>Git-ignored folder for generated inputs; <c>SEGMENTSHARP_BENCH_DATA</c> overrides it.</summary>
    public static string DataDir =>
        Environment.GetEnvironmentVariable("SEGMENTSHARP_BENCH_DATA") is { Length: > 0 } dir
            ? dir
            : Path.Combine(RepoRoot, "bench", "data");

    public static string Doc12Png => Path.Combine(DataDir, "doc-12mp.png");
    public static string Doc12Jpeg => Path.Combine(DataDir, "doc-12mp.jpg");
    public static string Scan37Png => Path.Combine(DataDir, "scan-37mp.png");
    public static string CodecSizesJson => Path.Combine(DataDir, "codec-sizes.json");

    public static string Sample(string name) => Path.Combine(RepoRoot, "samples", name);

    private static string FindRepoRoot()
    {
        foreach (string start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SegmentSharp.slnx"))) return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException(
            $"SegmentSharp.slnx not found above {AppContext.BaseDirectory}; run the benchmarks from inside the repository.");
    }
}
