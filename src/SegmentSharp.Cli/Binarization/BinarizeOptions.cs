using System.Globalization;
using SegmentSharp.Imaging;
using System.Text;
using SegmentSharp.Thresholding;

namespace SegmentSharp.Cli.Binarization;

/// <summary>
/// The binarization front end as the command line fills it: <see cref="BinarizeSettings"/> (the engine, shared with
/// pipelines) plus which flags were given, the cross-flag checks and the report line. Filled by
/// <see cref="BinarizeFlags.Add"/>, checked by <see cref="Validate"/>, executed by <see cref="BinarizeSettings.Run"/>.
/// </summary>
internal sealed class BinarizeOptions : BinarizeSettings
{
    /// <summary>Cross-flag checks after parsing (<see cref="BinarizeSettings.Problem"/>).</summary>
    /// <exception cref="UsageException">The first problem found.</exception>
    public void Validate()
    {
        if (Problem() is string problem) throw new UsageException(problem);
    }

    /// <summary>
    /// The report line that says how the image was split, for any command that prints one:
    /// "threshold: 127.0", "block size: 31, C: 5", "thresholds: 80 160" or "threshold: local (sauvola, window 25, k 0.2, r 127.5)".
    /// </summary>
    public string DescribeThreshold(BinarizeResult r)
    {
        switch (Method.Kind)
        {
            case MethodKind.Adaptive:
                return $"block size: {BlockSize.ToString(CultureInfo.InvariantCulture)}, C: {C.ToString(CultureInfo.InvariantCulture)}";
            case MethodKind.MultiOtsu:
                return "thresholds: " + string.Join(' ', r.Thresholds ?? []);
            case MethodKind.Auto:
            {
                var e = r.Estimate ?? default;
                return $"threshold: local (auto, window {e.Window}, stroke width {PythonFormat.Fixed(e.StrokeWidth, 1)}, " +
                       $"text height {PythonFormat.Fixed(e.TextHeight, 1)}, contrast {PythonFormat.Fixed(e.Contrast, 1)})";
            }
            case MethodKind.Local:
            {
                var sb = new StringBuilder("threshold: local (").Append(Method.Name).Append(", window ");
                sb.Append(r.Window is int win ? win.ToString(CultureInfo.InvariantCulture) : "auto");
                foreach (var (name, value) in LocalParameters())
                {
                    // su's 0 means "the window size", chosen by the library.
                    string text = name == "min_high_contrast" && value == 0 ? "auto" : BinarizeOptions.F(value);
                    sb.Append(", ").Append(name.Replace('_', ' ')).Append(' ').Append(text);
                }
                return sb.Append(')').ToString();
            }
            default:
                return "threshold: " + PythonFormat.Fixed(r.Threshold ?? 0, 1);
        }
    }

    /// <summary>
    /// <see cref="Run"/> with the failures every command reports the same way: a method (or --deskew) that is still a stub
    /// in this build, and an image the method cannot process. Returns 0 and the result, or writes
    /// "PROG: error: …" to <paramref name="stderr"/> and returns exit code 1.
    /// </summary>
    public int RunOrReport(Image<byte> gray, string prog, string input, TextWriter stderr, out BinarizeResult? result)
    {
        result = null;
        try
        {
            result = Run(gray);
            return ExitCodes.Ok;
        }
        catch (NotImplementedException)
        {
            string what = Deskew ? $"--deskew or --method {Method.Name}" : $"--method {Method.Name}";
            stderr.WriteLine($"{prog}: error: {what} is not available in this build yet");
        }
        catch (ArgumentException e)
        {
            // Library messages end with " (Parameter 'x')"; users need only the sentence.
            string m = e.Message;
            int p = m.IndexOf(" (Parameter '", StringComparison.Ordinal);
            if (p > 0) m = m[..p];
            stderr.WriteLine($"{prog}: error: --method {Method.Name} cannot process {input}: {m}");
        }
        return ExitCodes.Failure;
    }

}
