using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SegmentSharp.Pipelines.Text;

/// <summary>
/// Tiny JSON text builders for command summaries: values are pre-rendered JSON fragments, so a summary is written
/// as one expression in the order a reader expects, without reflection (which trimming would break).
/// </summary>
internal static class Json
{
    public static string Str(string? s) => s is null ? "null" : "\"" + JsonEncodedText.Encode(s, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping) + "\"";

    public static string Num(long v) => v.ToString(CultureInfo.InvariantCulture);

    /// <summary>Shortest round-trip form; NaN and infinities (not JSON) become null.</summary>
    public static string Num(double v) => double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : "null";

    public static string Bool(bool v) => v ? "true" : "false";

    /// <summary>Milliseconds between two <see cref="Stopwatch"/> timestamps, rounded to 0.001.</summary>
    public static string Ms(long from, long to) => Num(Math.Round(Stopwatch.GetElapsedTime(from, to).TotalMilliseconds, 3));

    public static string Object(params (string Key, string Value)[] members)
    {
        var sb = new StringBuilder("{");
        for (int i = 0; i < members.Length; i++)
        {
            if (i > 0) sb.Append(", ");
            sb.Append(Str(members[i].Key)).Append(": ").Append(members[i].Value);
        }
        return sb.Append('}').ToString();
    }

    public static string Array(IEnumerable<string> items) => "[" + string.Join(", ", items) + "]";
}
