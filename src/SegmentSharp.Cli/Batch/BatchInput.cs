namespace SegmentSharp.Cli.Batch;

/// <summary>One image to process.</summary>
/// <param name="Source">The path as found (argument, or folder argument joined with what the walk found).</param>
/// <param name="Relative">Path below the input root with '/' separators: the manifest key, the shard key and, without its
/// extension, the output stem below --out.</param>
/// <param name="Problem">Known before reading (e.g. a folder named like an image); the image then fails with it.</param>
internal sealed record BatchInput(string Source, string Relative, string? Problem = null)
{
    public string OutputStem(string outDir)
    {
        string rel = Relative;
        int slash = rel.LastIndexOf('/');
        int dot = rel.LastIndexOf('.');
        if (dot > slash + 1) rel = rel[..dot];
        return Path.Combine(outDir, rel.Replace('/', Path.DirectorySeparatorChar));
    }
}
