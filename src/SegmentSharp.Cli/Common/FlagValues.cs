using System.Globalization;

namespace SegmentSharp.Cli;

/// <summary>Value converters for flags, with argparse's wording for rejected values.</summary>
internal static class FlagValues
{
    public static long Int(string text)
        => PythonFormat.TryParseInt(text, out long v) ? v : throw new ArgumentValueException($"invalid int value: '{text}'");

    public static int Int(string text, long min, long max, string what)
    {
        long v = Int(text);
        if (v < min || v > max) throw new ArgumentValueException($"{what} must be an integer from {min} to {max}, not {v}");
        return (int)v;
    }

    public static double Double(string text)
    {
        if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v)) return v;
        throw new ArgumentValueException($"invalid float value: '{text}'");
    }

    public static double Double(string text, double min, double max, string what)
    {
        double v = Double(text);
        if (v < min || v > max)
            throw new ArgumentValueException($"{what} must be from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}, not {text}");
        return v;
    }

    public static int Choice(string text, IReadOnlyList<string> choices)
    {
        for (int i = 0; i < choices.Count; i++) if (choices[i] == text) return i;
        throw new ArgumentValueException($"invalid choice: '{text}' (choose from {string.Join(", ", choices.Select(c => $"'{c}'"))})");
    }
}
