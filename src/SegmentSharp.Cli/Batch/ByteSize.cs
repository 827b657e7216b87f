using System.Globalization;

namespace SegmentSharp.Cli.Batch;

/// <summary>Sizes such as "512M", "2G" or "1.5GiB" (binary units; a plain number is bytes).</summary>
internal static class ByteSize
{
    public static long Parse(string text)
    {
        string t = text.Trim();
        string lower = t.ToLowerInvariant();
        long unit = 1;
        foreach (var (suffix, factor) in Units)
        {
            if (lower.EndsWith(suffix, StringComparison.Ordinal))
            {
                unit = factor;
                t = t[..^suffix.Length];
                break;
            }
        }
        if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v) || v <= 0
            || v * unit >= long.MaxValue)
            throw new ArgumentValueException($"invalid size: '{text}' (e.g. 512M, 4G)");
        return (long)(v * unit);
    }

    public static string Format(long bytes)
        => bytes >= 1L << 30 ? (bytes / (double)(1L << 30)).ToString("0.0", CultureInfo.InvariantCulture) + " GiB"
         : (bytes / (double)(1L << 20)).ToString("0.0", CultureInfo.InvariantCulture) + " MiB";

    // Longest suffixes first so "gib" is not read as "b".
    private static readonly (string, long)[] Units =
    [
        ("kib", 1L << 10), ("mib", 1L << 20), ("gib", 1L << 30), ("tib", 1L << 40),
        ("kb", 1L << 10), ("mb", 1L << 20), ("gb", 1L << 30), ("tb", 1L << 40),
        ("k", 1L << 10), ("m", 1L << 20), ("g", 1L << 30), ("t", 1L << 40), ("b", 1),
    ];
}
