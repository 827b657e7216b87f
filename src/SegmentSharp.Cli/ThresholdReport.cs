using System.Globalization;
using System.Text;
using System.Text.Json;
using SegmentSharp.Cli.Binarization;

namespace SegmentSharp.Cli;

/// <summary>Formats the result of `segment threshold` as the seed's text lines or as a JSON object.</summary>
internal static class ThresholdReport
{
    /// <summary>
    /// The seed's six lines, character for character, for the seed's cases. Preprocessing steps add one line each after
    /// "method:" (in the order they ran; --blur alone gives "blur: gaussian KxK" as before), --despeckle a line after the
    /// threshold line, and multi-otsu prints its thresholds and per-class counts instead of the foreground line.
    /// </summary>
    public static void WriteText(TextWriter w, ThresholdOptions o, string input, string output, BinarizeResult r, MaskSummary s)
    {
        var b = o.Binarize;
        var sb = new StringBuilder();
        sb.Append("input: ").Append(input).Append('\n');
        sb.Append("method: ").Append(b.Label).Append('\n');
        foreach (var step in r.Preprocessing) sb.Append(step.Text).Append('\n');
        sb.Append(b.DescribeThreshold(r)).Append('\n');
        foreach (var step in r.Postprocessing) sb.Append(step.Text).Append('\n');
        if (b.Method.Kind == MethodKind.MultiOtsu)
        {
            for (int c = 0; c < b.Classes; c++)
            {
                long n = s.Counts[c];
                double pct = s.Total == 0 ? 0 : (double)n / s.Total * 100;
                sb.Append("class ").Append(c).Append(" pixels: ").Append(n.ToString(CultureInfo.InvariantCulture))
                  .Append(" / ").Append(s.Total.ToString(CultureInfo.InvariantCulture))
                  .Append(" (").Append(PythonFormat.Fixed(pct, 2)).Append("%)\n");
            }
        }
        else
        {
            sb.Append("foreground pixels: ").Append(s.Foreground.ToString(CultureInfo.InvariantCulture))
              .Append(" / ").Append(s.Total.ToString(CultureInfo.InvariantCulture))
              .Append(" (").Append(PythonFormat.Fixed(s.Percent, 2)).Append("%)\n");
        }
        sb.Append("unique values: ").Append(string.Join(' ', s.UniqueValues)).Append('\n');
        sb.Append("output: ").Append(output).Append('\n');
        w.Write(sb.ToString());
    }

    /// <summary>One JSON object on one line; the schema is documented in docs/cli.md.</summary>
    public static void WriteJson(TextWriter w, ThresholdOptions o, string input, string output, BinarizeResult r,
        MaskSummary s, ThresholdTimings timings)
    {
        var b = o.Binarize;
        var mask = r.Mask;
        bool labels = b.Method.Kind == MethodKind.MultiOtsu;
        using var buffer = new MemoryStream();
        using (var j = new Utf8JsonWriter(buffer))
        {
            j.WriteStartObject();
            j.WriteString("command", "threshold");
            j.WriteString("input", input);
            j.WriteString("output", output);
            j.WriteNumber("width", mask.Width);
            j.WriteNumber("height", mask.Height);
            j.WriteString("method", b.Method.Name);
            j.WriteString("label", b.Label);
            j.WriteString("type", labels ? "labels" : b.Method.HasTypes ? BinarizeOptions.TypeName(b.EffectiveType) : b.Invert ? "binary-inv" : "binary");
            j.WriteNumber("max_value", labels ? b.Classes - 1 : b.Method.HasTypes ? b.MaxValue : 255);
            if (r.Threshold is double t) j.WriteNumber("threshold", t); else j.WriteNull("threshold");
            if (b.Method.Kind == MethodKind.Adaptive)
            {
                j.WriteString("adaptive_method", b.AdaptiveMethod == Thresholding.AdaptiveMethod.Gaussian ? "gaussian" : "mean");
                j.WriteNumber("block_size", b.BlockSize);
                j.WriteNumber("c", b.C);
            }
            else
            {
                j.WriteNull("adaptive_method");
                j.WriteNull("block_size");
                j.WriteNull("c");
            }
            if (labels)
            {
                j.WriteNumber("classes", b.Classes);
                j.WriteStartArray("thresholds");
                foreach (int v in r.Thresholds ?? []) j.WriteNumberValue(v);
                j.WriteEndArray();
            }
            else
            {
                j.WriteNull("classes");
                j.WriteNull("thresholds");
            }
            if (r.Window is int win) j.WriteNumber("window", win); else j.WriteNull("window");
            j.WriteStartObject("parameters");
            foreach (var (name, value) in b.LocalParameters()) j.WriteNumber(name, value);
            j.WriteEndObject();
            if (r.Estimate is { } e)
            {
                j.WriteStartObject("estimate");
                j.WriteNumber("stroke_width", e.StrokeWidth);
                j.WriteNumber("text_height", e.TextHeight);
                j.WriteNumber("window", e.Window);
                j.WriteNumber("contrast", e.Contrast);
                j.WriteEndObject();
            }
            else j.WriteNull("estimate");
            if (b.Blur is int k) j.WriteNumber("blur", k); else j.WriteNull("blur");
            j.WriteStartArray("preprocess");
            foreach (var step in r.Preprocessing) j.WriteStringValue(step.Name);
            j.WriteEndArray();
            if (b.Median is int mk) j.WriteNumber("median", mk); else j.WriteNull("median");
            if (b.Clahe is { } c)
            {
                j.WriteStartObject("clahe");
                j.WriteNumber("clip_limit", c.ClipLimit);
                j.WriteNumber("tiles_x", c.TilesX);
                j.WriteNumber("tiles_y", c.TilesY);
                j.WriteEndObject();
            }
            else j.WriteNull("clahe");
            if (b.NormalizeBackground is int nb)
                j.WriteNumber("normalize_background", nb == 0 ? Enhancement.BackgroundNormalization.DefaultWindow(mask.Width, mask.Height) : nb);
            else j.WriteNull("normalize_background");
            if (b.Stretch is var (lo, hi))
            {
                j.WriteStartArray("stretch");
                j.WriteNumberValue(lo);
                j.WriteNumberValue(hi);
                j.WriteEndArray();
            }
            else j.WriteNull("stretch");
            j.WriteBoolean("invert_input", b.InvertInput);
            if (r.DeskewAngle is double a) j.WriteNumber("deskew_angle", a); else j.WriteNull("deskew_angle");
            if (b.Despeckle is int n)
            {
                j.WriteStartObject("despeckle");
                j.WriteNumber("min_area", n);
                j.WriteString("color", b.DespeckleColor == SpeckColor.White || (b.DespeckleColor == SpeckColor.Text && b.TextIsWhite) ? "white" : "black");
                j.WriteNumber("removed", r.SpecksRemoved);
                j.WriteEndObject();
            }
            else j.WriteNull("despeckle");
            j.WriteString("bilevel", o.Bilevel == Codecs.BilevelMode.Auto ? "auto" : "never");
            j.WriteNumber("foreground_pixels", labels ? 0 : s.Foreground);
            j.WriteNumber("total_pixels", s.Total);
            j.WriteNumber("foreground_percent", labels ? 0 : s.Percent);
            j.WriteStartArray("unique_values");
            foreach (int v in s.UniqueValues) j.WriteNumberValue(v);
            j.WriteEndArray();
            if (labels)
            {
                j.WriteStartArray("class_pixels");
                for (int i = 0; i < b.Classes; i++) j.WriteNumberValue(s.Counts[i]);
                j.WriteEndArray();
            }
            j.WriteStartObject("timings_ms");
            j.WriteNumber("read", Math.Round(timings.Read, 3));
            j.WriteNumber("blur", Math.Round(timings.Blur, 3));
            j.WriteNumber("preprocess", Math.Round(timings.Preprocess, 3));
            j.WriteNumber("threshold", Math.Round(timings.Threshold, 3));
            j.WriteNumber("postprocess", Math.Round(timings.Postprocess, 3));
            j.WriteNumber("write", Math.Round(timings.Write, 3));
            j.WriteNumber("total", Math.Round(timings.Total, 3));
            j.WriteEndObject();
            j.WriteEndObject();
        }
        w.Write(Encoding.UTF8.GetString(buffer.ToArray()));
        w.Write('\n');
    }
}
