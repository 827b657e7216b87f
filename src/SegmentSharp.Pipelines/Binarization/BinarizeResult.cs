using SegmentSharp.Imaging;
using SegmentSharp.Thresholding.Document;

namespace SegmentSharp.Pipelines.Binarization;

/// <summary>One preprocessing or post-processing step that ran, for the report.</summary>
/// <param name="Name">Stable key used in JSON ("invert-input", "deskew", "median", "clahe", "normalize-background",
/// "stretch", "blur", "despeckle").</param>
/// <param name="Text">Human-readable line for the text report, without the trailing newline.</param>
/// <param name="Milliseconds">Wall-clock time of the step.</param>
internal sealed record StepReport(string Name, string Text, double Milliseconds);

/// <summary>What <see cref="BinarizeSettings.Run"/> produced.</summary>
internal sealed class BinarizeResult
{
    /// <summary>The output image: a mask (0/max, or a gray mapping for --type trunc/tozero) or, for multi-otsu, labels 0..K−1.</summary>
    public required Image<byte> Mask { get; init; }

    /// <summary>The single threshold used (foreground is pixel &gt; threshold) for fixed and histogram methods; null otherwise.</summary>
    public double? Threshold { get; init; }

    /// <summary>The K−1 ascending multi-Otsu thresholds; null for other methods.</summary>
    public int[]? Thresholds { get; init; }

    /// <summary>The measured skew in degrees (positive = text lines rose to the right) when --deskew ran; else null.</summary>
    public double? DeskewAngle { get; init; }

    /// <summary>The window the local method used (after resolving "auto" windows where the CLI can), else null.</summary>
    public int? Window { get; init; }

    /// <summary>What --method auto estimated from the page; null for other methods.</summary>
    public DocumentEstimate? Estimate { get; init; }

    /// <summary>Components removed by --despeckle (0 when it did not run).</summary>
    public int SpecksRemoved { get; init; }

    /// <summary>Preprocessing steps in the order they ran (before the threshold).</summary>
    public required IReadOnlyList<StepReport> Preprocessing { get; init; }

    /// <summary>Steps after the threshold (despeckle).</summary>
    public required IReadOnlyList<StepReport> Postprocessing { get; init; }

    /// <summary>Milliseconds of the threshold step itself.</summary>
    public double ThresholdMilliseconds { get; init; }
}
