using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SegmentSharp.Cli;

/// <summary>One output column of `segment evaluate`.</summary>
/// <param name="Key">CSV/JSON name.</param>
/// <param name="Header">Table header.</param>
/// <param name="Decimals">Decimals printed; −1 for integer counts.</param>
/// <param name="InTable">Shown in the text table (CSV and JSON hold every column).</param>
internal sealed record EvaluateColumn(string Key, string Header, int Decimals, bool InTable = true);

/// <summary>The metrics of one evaluated pair, in column order.</summary>
internal sealed record EvaluateRow(string Name, string Pred, string Gt, int Width, int Height, double[] Values);

/// <summary>A pair that could not be evaluated and why.</summary>
internal sealed record EvaluateFailure(string Name, string? Pred, string? Gt, string Error);

/// <summary>The whole result of one run: columns, evaluated rows, their mean, and the failures.</summary>
internal sealed class EvaluateResult(string mode, IReadOnlyList<EvaluateColumn> columns)
{
    public string Mode { get; } = mode;
    public IReadOnlyList<EvaluateColumn> Columns { get; } = columns;
    public List<EvaluateRow> Rows { get; } = [];
    public List<EvaluateFailure> Failures { get; } = [];

    /// <summary>Per-column mean over the evaluated rows; NaN values (undefined for that image) are left out; +∞ stays +∞.</summary>
    public double[] Mean()
    {
        var mean = new double[Columns.Count];
        for (int c = 0; c < mean.Length; c++)
        {
            double sum = 0; int n = 0;
            foreach (var r in Rows)
                if (c < r.Values.Length && !double.IsNaN(r.Values[c])) { sum += r.Values[c]; n++; }
            mean[c] = n == 0 ? double.NaN : sum / n;
        }
        return mean;
    }
}

/// <summary>Writes an <see cref="EvaluateResult"/> as an aligned text table, CSV or JSON (schemas in docs/cli.md).</summary>
internal static class EvaluateReport
{
    public static string Format(double v, int decimals)
    {
        if (double.IsNaN(v)) return "";
        if (double.IsInfinity(v)) return v > 0 ? "inf" : "-inf";
        return decimals < 0 ? Math.Round(v).ToString("0", CultureInfo.InvariantCulture) : PythonFormat.Fixed(v, decimals);
    }

    public static void WriteTable(TextWriter w, EvaluateResult r)
    {
        var cols = r.Columns.Select((c, i) => (c, i)).Where(t => t.c.InTable).ToList();
        var mean = r.Mean();
        string meanName = $"mean ({r.Rows.Count})";
        int nameWidth = Math.Max(5, Math.Max(meanName.Length, r.Rows.Count == 0 ? 0 : r.Rows.Max(x => x.Name.Length)));
        var widths = cols.Select(t => Math.Max(t.c.Header.Length, 8)).ToArray();

        var sb = new StringBuilder();
        sb.Append("image".PadRight(nameWidth));
        for (int k = 0; k < cols.Count; k++) sb.Append("  ").Append(cols[k].c.Header.PadLeft(widths[k]));
        w.Write(sb.Append('\n').ToString());
        void Line(string name, double[] values)
        {
            sb.Clear().Append(name.PadRight(nameWidth));
            for (int k = 0; k < cols.Count; k++)
            {
                string s = Format(values[cols[k].i], cols[k].c.Decimals);
                sb.Append("  ").Append((s.Length == 0 ? "-" : s).PadLeft(widths[k]));
            }
            w.Write(sb.Append('\n').ToString());
        }
        foreach (var row in r.Rows) Line(row.Name, row.Values);
        if (r.Rows.Count > 1)
        {
            w.Write(new string('-', nameWidth + widths.Sum() + 2 * widths.Length) + "\n");
            Line(meanName, mean);
        }
        if (r.Failures.Count > 0) w.Write($"{r.Failures.Count} pair(s) not evaluated (see stderr)\n");
    }

    public static void WriteCsv(TextWriter w, EvaluateResult r)
    {
        w.Write("image,pred,gt,width,height," + string.Join(',', r.Columns.Select(c => c.Key)) + "\n");
        foreach (var row in r.Rows)
            w.Write($"{Csv(row.Name)},{Csv(row.Pred)},{Csv(row.Gt)},{row.Width},{row.Height},"
                    + string.Join(',', row.Values.Select((v, i) => Format(v, r.Columns[i].Decimals < 0 ? -1 : 6))) + "\n");
        var mean = r.Mean();
        w.Write("mean,,,,," + string.Join(',', mean.Select((v, i) => Format(v, r.Columns[i].Decimals < 0 ? 2 : 6))) + "\n");
    }

    private static string Csv(string s)
        => s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;

    public static void WriteJson(TextWriter w, EvaluateResult r)
    {
        using var buffer = new MemoryStream();
        using (var j = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            j.WriteStartObject();
            j.WriteString("command", "evaluate");
            j.WriteString("mode", r.Mode);
            j.WriteNumber("evaluated", r.Rows.Count);
            j.WriteNumber("failed", r.Failures.Count);
            j.WriteStartArray("images");
            foreach (var row in r.Rows)
            {
                j.WriteStartObject();
                j.WriteString("image", row.Name);
                j.WriteString("pred", row.Pred);
                j.WriteString("gt", row.Gt);
                j.WriteNumber("width", row.Width);
                j.WriteNumber("height", row.Height);
                WriteValues(j, r.Columns, row.Values);
                j.WriteEndObject();
            }
            j.WriteEndArray();
            j.WriteStartObject("mean");
            WriteValues(j, r.Columns, r.Mean());
            j.WriteEndObject();
            j.WriteStartArray("errors");
            foreach (var f in r.Failures)
            {
                j.WriteStartObject();
                j.WriteString("image", f.Name);
                if (f.Pred is null) j.WriteNull("pred"); else j.WriteString("pred", f.Pred);
                if (f.Gt is null) j.WriteNull("gt"); else j.WriteString("gt", f.Gt);
                j.WriteString("error", f.Error);
                j.WriteEndObject();
            }
            j.WriteEndArray();
            j.WriteEndObject();
        }
        w.Write(Encoding.UTF8.GetString(buffer.ToArray()));
        w.Write('\n');
    }

    /// <summary>JSON has no NaN or infinity: an undefined value is null, an infinite PSNR the string "inf".</summary>
    private static void WriteValues(Utf8JsonWriter j, IReadOnlyList<EvaluateColumn> cols, double[] values)
    {
        for (int i = 0; i < cols.Count; i++)
        {
            double v = values[i];
            if (double.IsNaN(v)) j.WriteNull(cols[i].Key);
            else if (double.IsInfinity(v)) j.WriteString(cols[i].Key, v > 0 ? "inf" : "-inf");
            else if (cols[i].Decimals < 0 && v == Math.Round(v)) j.WriteNumber(cols[i].Key, (long)v);
            else j.WriteNumber(cols[i].Key, v);
        }
    }
}
