using Microsoft.Extensions.FileSystemGlobbing;
using Microsoft.Extensions.FileSystemGlobbing.Abstractions;

namespace SegmentSharp.Cli.Batch;

/// <summary>
/// Expands the INPUTS of `segment batch` into images: a file is itself (relative path = its name); a folder is walked
/// recursively through --include/--exclude (relative path = below the folder); a glob (with * or **) is matched below
/// its leading folder without wildcards (relative path = below that folder). The result is sorted ordinally by
/// relative path, so the order, the shards and the manifest do not depend on how the file system lists folders.
/// </summary>
internal static class InputCollector
{
    /// <summary>Extensions the codecs read, used when no --include is given.</summary>
    public static readonly string[] ImageExtensions = [".png", ".jpg", ".jpeg", ".bmp", ".dib", ".tif", ".tiff", ".pgm", ".pbm", ".ppm", ".pnm", ".jpe"];

    public static List<BatchInput> Collect(IReadOnlyList<string> inputs, IReadOnlyList<string> include, IReadOnlyList<string> exclude)
    {
        var all = new List<BatchInput>();
        foreach (string input in inputs)
        {
            if (IsGlob(input)) all.AddRange(ExpandGlob(input, exclude));
            else if (Directory.Exists(input)) all.AddRange(WalkFolder(input, include, exclude));
            else all.Add(new BatchInput(input, Path.GetFileName(input.TrimEnd('/', Path.DirectorySeparatorChar))));
        }
        all.Sort((a, b) => string.CompareOrdinal(a.Relative, b.Relative));
        return all;
    }

    /// <summary>Two inputs whose outputs would overwrite each other, or null.</summary>
    public static (BatchInput, BatchInput)? FindCollision(IReadOnlyList<BatchInput> sorted)
    {
        var seen = new Dictionary<string, BatchInput>(StringComparer.Ordinal);
        foreach (var i in sorted)
        {
            string stem = i.OutputStem("");
            if (seen.TryGetValue(stem, out var other)) return (other, i);
            seen[stem] = i;
        }
        return null;
    }

    private static bool IsGlob(string s) => s.Contains('*') || s.Contains('?');

    private static IEnumerable<BatchInput> WalkFolder(string folder, IReadOnlyList<string> include, IReadOnlyList<string> exclude)
    {
        var matcher = new Matcher(StringComparison.Ordinal);
        if (include.Count == 0) matcher.AddInclude("**/*");
        else matcher.AddIncludePatterns(include);
        matcher.AddExcludePatterns(exclude);
        var root = new DirectoryInfo(folder);
        foreach (var m in matcher.Execute(new DirectoryInfoWrapper(root)).Files)
        {
            string rel = m.Path.Replace('\\', '/');
            if (include.Count == 0 && !HasImageExtension(rel)) continue;
            yield return new BatchInput(Path.Combine(folder, rel.Replace('/', Path.DirectorySeparatorChar)), rel);
        }
        // Folders named like images (scans/x.png/) are almost always a mistake upstream; they are reported as failed
        // images rather than silently walked into or ignored.
        foreach (var d in root.EnumerateDirectories("*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true }))
        {
            string rel = Path.GetRelativePath(root.FullName, d.FullName).Replace('\\', '/');
            bool named = include.Count == 0 ? HasImageExtension(rel) : NameMatches(rel, include, exclude);
            if (named) yield return new BatchInput(Path.Combine(folder, rel.Replace('/', Path.DirectorySeparatorChar)), rel,
                "it is a folder, not an image file");
        }
    }

    private static bool NameMatches(string rel, IReadOnlyList<string> include, IReadOnlyList<string> exclude)
    {
        var m = new Matcher(StringComparison.Ordinal);
        m.AddIncludePatterns(include);
        m.AddExcludePatterns(exclude);
        return m.Match(rel).HasMatches;
    }

    private static IEnumerable<BatchInput> ExpandGlob(string pattern, IReadOnlyList<string> exclude)
    {
        string norm = pattern.Replace('\\', '/');
        string[] parts = norm.Split('/');
        int firstWild = Array.FindIndex(parts, p => IsGlob(p));
        string baseDir = string.Join('/', parts[..firstWild]);
        if (baseDir.Length == 0) baseDir = norm.StartsWith('/') ? "/" : ".";
        string rest = string.Join('/', parts[firstWild..]);
        if (!Directory.Exists(baseDir)) yield break;
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(rest);
        matcher.AddExcludePatterns(exclude);
        foreach (var m in matcher.Execute(new DirectoryInfoWrapper(new DirectoryInfo(baseDir))).Files)
        {
            string rel = m.Path.Replace('\\', '/');
            string source = baseDir == "." && !norm.StartsWith("./", StringComparison.Ordinal) ? rel : baseDir.TrimEnd('/') + "/" + rel;
            yield return new BatchInput(source.Replace('/', Path.DirectorySeparatorChar), rel);
        }
    }

    private static bool HasImageExtension(string path)
        => ImageExtensions.Contains(Path.GetExtension(path).ToLowerInvariant());
}
