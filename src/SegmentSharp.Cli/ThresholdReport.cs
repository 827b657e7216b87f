using System.Globalization;
using System.Text;
using System.Text.Json;
using SegmentSharp.Imaging;
using SegmentSharp.Thresholding;

namespace SegmentSharp.Cli;

/// <summary>Formats the result of `segment threshold` as the seed's text lines or as a JSON object.</summary>
internal static class ThresholdReport
{
    /// <summary>
    /// The seed's six lines, character for character (plus a "blur:" line after "method:" only when --blur is given).
    /// </summary>
    public static void WriteText(TextWriter w, ThresholdOptions o, string input, string output, double? usedThreshold, MaskSummary s)
    {
        var sb = new StringBuilder();
        sb.Append("input: ").Append(input).Append('\n');
        sb.Append("method: ").Append(o.Label).Append('\n');
        if (o.Blur is int k) sb.Append("blur: gaussian ").Append(k).Append('x').Append(k).Append('\n');
        if (usedThreshold is double t) sb.Append("threshold: ").Append(PythonFormat.Fixed(t, 1)).Append('\n');
        else sb.Append("block size: ").Append(o.BlockSize.ToString(CultureInfo.InvariantCulture))
               .Append(", C: ").Append(o.C.ToString(CultureInfo.InvariantCulture)).Append('\n');
        sb.Append("foreground pixels: ").Append(s.Foreground.ToString(CultureInfo.InvariantCulture))
          .Append(" / ").Append(s.Total.ToString(CultureInfo.InvariantCulture))
          .Append(" (").Append(PythonFormat.Fixed(s.Percent, 2)).Append("%)\n");
        sb.Append("unique values: ").Append(string.Join(' ', s.UniqueValues)).Append('\n');
        sb.Append("output: ").Append(output).Append('\n');
        w.Write(sb.ToString());
    }

    /// <summary>One JSON object on one line; the schema is documented in docs/cli.md.</summary>
    public static void WriteJson(TextWriter w, ThresholdOptions o, string input, string output, double? usedThreshold,
        Image<byte> mask, MaskSummary s, ThresholdTimings timings)
    {
        using var buffer = new MemoryStream();
        using (var j = new Utf8JsonWriter(buffer))
        {
            j.WriteStartObject();
            j.WriteString("command", "threshold");
            j.WriteString("input", input);
            j.WriteString("output", output);
            j.WriteNumber("width", mask.Width);
            j.WriteNumber("height", mask.Height);
            j.WriteString("method", ThresholdOptions.MethodName(o.Method));
            j.WriteString("label", o.Label);
            j.WriteString("type", ThresholdOptions.TypeName(o.EffectiveType));
            j.WriteNumber("max_value", o.MaxValue);
            if (usedThreshold is double t) j.WriteNumber("threshold", t); else j.WriteNull("threshold");
            if (o.Method == ThresholdMethod.Adaptive)
            {
                j.WriteString("adaptive_method", o.AdaptiveMethod == AdaptiveMethod.Gaussian ? "gaussian" : "mean");
                j.WriteNumber("block_size", o.BlockSize);
                j.WriteNumber("c", o.C);
            }
            else
            {
                j.WriteNull("adaptive_method");
                j.WriteNull("block_size");
                j.WriteNull("c");
            }
            if (o.Blur is int k) j.WriteNumber("blur", k); else j.WriteNull("blur");
            j.WriteString("bilevel", o.Bilevel == Codecs.BilevelMode.Auto ? "auto" : "never");
            j.WriteNumber("foreground_pixels", s.Foreground);
            j.WriteNumber("total_pixels", s.Total);
            j.WriteNumber("foreground_percent", s.Percent);
            j.WriteStartArray("unique_values");
            foreach (int v in s.UniqueValues) j.WriteNumberValue(v);
            j.WriteEndArray();
            j.WriteStartObject("timings_ms");
            j.WriteNumber("read", Math.Round(timings.Read, 3));
            j.WriteNumber("blur", Math.Round(timings.Blur, 3));
            j.WriteNumber("threshold", Math.Round(timings.Threshold, 3));
            j.WriteNumber("write", Math.Round(timings.Write, 3));
            j.WriteNumber("total", Math.Round(timings.Total, 3));
            j.WriteEndObject();
            j.WriteEndObject();
        }
        w.Write(Encoding.UTF8.GetString(buffer.ToArray()));
        w.Write('\n');
    }
}
