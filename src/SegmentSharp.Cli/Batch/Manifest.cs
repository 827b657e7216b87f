using System.Text;
using System.Text.Json;
using SegmentSharp.Codecs;

namespace SegmentSharp.Cli.Batch;

/// <summary>
/// The batch manifest: one row per image, as JSON lines (the journal that is appended to while the batch runs) and as
/// CSV (written once at the end). A row is written in one write and flushed, so a process killed at any moment leaves
/// whole rows plus at most one partial last line, which <see cref="ReadJsonl"/> ignores.
/// </summary>
internal static class Manifest
{
    public static readonly string[] CsvColumns = ["input", "status", "threshold", "foreground_percent", "components", "time_ms", "timings_ms", "error"];

    public static string ToJson(BatchRow r) => Json.Object(
        ("input", Json.Str(r.Input)),
        ("status", Json.Str(r.Status)),
        ("threshold", r.Threshold is double t ? Json.Num(t) : "null"),
        ("foreground_percent", r.ForegroundPercent is double f ? Json.Num(f) : "null"),
        ("components", r.Components is int c ? Json.Num(c) : "null"),
        ("time_ms", r.TimeMs is double ms ? Json.Num(Math.Round(ms, 3)) : "null"),
        ("timings_ms", "{" + string.Join(", ", r.TimingsMs.Select(kv => Json.Str(kv.Key) + ": " + Json.Num(Math.Round(kv.Value, 3)))) + "}"),
        ("error", Json.Str(r.Error)));

    public static string ToCsvLine(BatchRow r) => string.Join(',',
        Csv(r.Input), r.Status,
        r.Threshold is double t ? Json.Num(t) : "",
        r.ForegroundPercent is double f ? Json.Num(f) : "",
        r.Components is int c ? Json.Num(c) : "",
        r.TimeMs is double ms ? Json.Num(Math.Round(ms, 3)) : "",
        Csv(string.Join(';', r.TimingsMs.Select(kv => kv.Key + "=" + Json.Num(Math.Round(kv.Value, 3))))),
        Csv(r.Error ?? ""));

    private static string Csv(string s)
        => s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;

    /// <summary>Parses one JSON line; null when it is not a whole row (e.g. the torn last line of a killed run).</summary>
    public static BatchRow? ParseJson(string line)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            var o = doc.RootElement;
            if (o.ValueKind != JsonValueKind.Object || !o.TryGetProperty("input", out var input) || input.ValueKind != JsonValueKind.String
                || !o.TryGetProperty("status", out var status) || status.ValueKind != JsonValueKind.String) return null;
            var timings = new List<KeyValuePair<string, double>>();
            if (o.TryGetProperty("timings_ms", out var tm) && tm.ValueKind == JsonValueKind.Object)
                foreach (var p in tm.EnumerateObject())
                    if (p.Value.ValueKind == JsonValueKind.Number) timings.Add(new(p.Name, p.Value.GetDouble()));
            return new BatchRow(input.GetString()!, status.GetString()!, Number(o, "threshold"), Number(o, "foreground_percent"),
                Number(o, "components") is double c ? (int)c : null, Number(o, "time_ms"), timings,
                o.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null);
        }
        catch (JsonException) { return null; }
    }

    private static double? Number(JsonElement o, string name)
        => o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    /// <summary>Every whole row of a JSON-lines manifest, in file order; a missing file has none.</summary>
    public static List<BatchRow> ReadJsonl(string path)
    {
        var rows = new List<BatchRow>();
        if (!File.Exists(path)) return rows;
        foreach (string line in File.ReadAllLines(path, Encoding.UTF8))
            if (line.Length > 0 && ParseJson(line) is { } row) rows.Add(row);
        return rows;
    }

    /// <summary>Writes both forms atomically: <paramref name="jsonlPath"/> and the same path with a .csv extension.</summary>
    public static void WriteBoth(string jsonlPath, IEnumerable<BatchRow> rows)
    {
        var jsonl = new StringBuilder();
        var csv = new StringBuilder(string.Join(',', CsvColumns)).Append('\n');
        foreach (var r in rows)
        {
            jsonl.Append(ToJson(r)).Append('\n');
            csv.Append(ToCsvLine(r)).Append('\n');
        }
        var utf8 = new UTF8Encoding(false);
        AtomicFile.WriteAllBytes(Path.ChangeExtension(jsonlPath, ".csv"), utf8.GetBytes(csv.ToString()));
        AtomicFile.WriteAllBytes(jsonlPath, utf8.GetBytes(jsonl.ToString()));
    }
}

/// <summary>Appends rows to the JSON-lines journal: each row is one write followed by a flush to the operating system.</summary>
internal sealed class ManifestJournal : IDisposable
{
    private readonly FileStream _stream;
    private readonly Lock _gate = new();
    private static readonly UTF8Encoding Utf8 = new(false);

    public ManifestJournal(string path)
    {
        _stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, 1);
        // A killed run can leave a torn last line; start on a fresh line so the next row stays whole.
        if (_stream.Length > 0 && LastByte(path) != '\n') Append("\n");
    }

    private static int LastByte(string path)
    {
        using var r = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        r.Seek(-1, SeekOrigin.End);
        return r.ReadByte();
    }

    public void Append(BatchRow row) => Append(Manifest.ToJson(row) + "\n");

    private void Append(string text)
    {
        byte[] bytes = Utf8.GetBytes(text);
        lock (_gate)
        {
            _stream.Write(bytes);
            _stream.Flush();
        }
    }

    public void Dispose() => _stream.Dispose();
}
