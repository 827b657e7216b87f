namespace SegmentSharp.Cli;

/// <summary>One prediction / ground-truth pair to evaluate, or a file that found no partner.</summary>
/// <param name="Name">Pairing key shown in the output (the prediction's file name for a single pair).</param>
/// <param name="Pred">Prediction path, or null when only the ground truth exists.</param>
/// <param name="Gt">Ground-truth path, or null when only the prediction exists.</param>
/// <param name="Problem">Why the pair cannot be evaluated (missing partner, ambiguous key), or null.</param>
internal sealed record EvaluatePair(string Name, string? Pred, string? Gt, string? Problem);

/// <summary>
/// Pairs predictions with ground truths. Two files make one pair; two folders are paired by file name: a file's key is
/// its name without extension and without the folder's suffix (--pred-suffix / --gt-suffix), so "H01_out.png" meets
/// "H01_gt.tiff" with suffixes "_out" and "_gt", and DIBCO-style "3_source.png"/"3_target.png" folders pair with
/// "_target". When a suffix is given, files of that folder whose stem does not end with it are ignored, so a dataset
/// folder that holds inputs and targets side by side can be passed as it is.
/// </summary>
internal static class EvaluatePairing
{
    /// <summary>Extensions read as images (what ImageFile decodes).</summary>
    public static readonly string[] ImageExtensions = [".png", ".tif", ".tiff", ".bmp", ".dib", ".jpg", ".jpeg", ".jpe", ".pbm", ".pgm", ".ppm", ".pnm"];

    /// <exception cref="UsageException">The paths are of different kinds or do not exist.</exception>
    public static List<EvaluatePair> Pair(string pred, string gt, string predSuffix, string gtSuffix)
    {
        bool predDir = Directory.Exists(pred), gtDir = Directory.Exists(gt);
        if (!predDir && !File.Exists(pred)) throw new UsageException($"argument PRED: no such file or folder: '{pred}'");
        if (!gtDir && !File.Exists(gt)) throw new UsageException($"argument GT: no such file or folder: '{gt}'");
        if (predDir != gtDir)
            throw new UsageException("PRED and GT must both be files or both be folders");
        if (!predDir) return [new EvaluatePair(Path.GetFileName(pred), pred, gt, null)];

        var preds = Index(pred, predSuffix);
        var gts = Index(gt, gtSuffix);
        var keys = new SortedSet<string>(preds.Keys, StringComparer.Ordinal);
        keys.UnionWith(gts.Keys);
        var pairs = new List<EvaluatePair>();
        foreach (string key in keys)
        {
            preds.TryGetValue(key, out var p);
            gts.TryGetValue(key, out var g);
            string? problem = null;
            if (p is { Count: > 1 }) problem = $"several predictions share the name: {string.Join(", ", p.Select(Path.GetFileName))}";
            else if (g is { Count: > 1 }) problem = $"several ground truths share the name: {string.Join(", ", g.Select(Path.GetFileName))}";
            else if (p is null) problem = $"no prediction for ground truth {Path.GetFileName(g![0])}";
            else if (g is null) problem = $"no ground truth for prediction {Path.GetFileName(p[0])}";
            pairs.Add(new EvaluatePair(key, p?[0], g?[0], problem));
        }
        return pairs;
    }

    /// <summary>The pairing key of a file name, or null when it is not an image or lacks the required suffix.</summary>
    public static string? Key(string fileName, string suffix)
    {
        string ext = Path.GetExtension(fileName);
        if (!ImageExtensions.Contains(ext, StringComparer.OrdinalIgnoreCase)) return null;
        string stem = Path.GetFileNameWithoutExtension(fileName);
        if (suffix.Length == 0) return stem;
        if (!stem.EndsWith(suffix, StringComparison.Ordinal) || stem.Length == suffix.Length) return null;
        return stem[..^suffix.Length];
    }

    private static Dictionary<string, List<string>> Index(string dir, string suffix)
    {
        var map = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (string f in Directory.EnumerateFiles(dir).OrderBy(f => f, StringComparer.Ordinal))
        {
            string? key = Key(Path.GetFileName(f), suffix);
            if (key is null) continue;
            if (!map.TryGetValue(key, out var list)) map[key] = list = [];
            list.Add(f);
        }
        return map;
    }

    /// <summary>
    /// The weight file of <paramref name="key"/>: a plain file is used as is (single pair), a folder holds
    /// "KEY<paramref name="defaultSuffix"/>", and a pattern replaces "{name}" with the key.
    /// </summary>
    public static string WeightPath(string spec, string key, string defaultSuffix)
    {
        if (spec.Contains("{name}", StringComparison.Ordinal)) return spec.Replace("{name}", key, StringComparison.Ordinal);
        if (Directory.Exists(spec)) return Path.Combine(spec, key + defaultSuffix);
        return spec;
    }
}
