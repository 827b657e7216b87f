using System.Diagnostics;
using SegmentSharp.Codecs;
using SegmentSharp.Imaging;
using SegmentSharp.Thresholding;

namespace SegmentSharp.Pipelines;

/// <summary>
/// An ordered chain of steps that turns one image file into output files (mask, overlay, contours, stats).
/// A pipeline is immutable and thread-safe: one instance runs many images at once.
/// </summary>
/// <remarks>
/// CONTRACT (used by the batch runner; keep these signatures): <see cref="Load"/>, <see cref="FromJson"/>,
/// <see cref="ToJson"/>, <see cref="OutputPaths"/> and <see cref="Run"/>. This first version only reads a gray image,
/// applies Otsu's threshold and writes the mask as PNG; the full step chain replaces its body.
/// </remarks>
public sealed class Pipeline
{
    /// <summary>Reads a pipeline file.</summary>
    /// <exception cref="PipelineException">The file is missing or not a valid pipeline; the message names the file.</exception>
    public static Pipeline Load(string path)
    {
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        { throw new PipelineException($"cannot read pipeline file '{path}': {e.Message}", e); }
        try { return FromJson(text); }
        catch (PipelineException e) { throw new PipelineException($"pipeline file '{path}': {e.Message}", e); }
    }

    /// <summary>Parses a pipeline from its JSON text.</summary>
    /// <exception cref="PipelineException">The text is not a valid pipeline.</exception>
    public static Pipeline FromJson(string json) => new();

    /// <summary>The pipeline as JSON text that <see cref="FromJson"/> reads back to an equal pipeline.</summary>
    public string ToJson() => "{\n  \"version\": 1,\n  \"steps\": []\n}\n";

    /// <summary>
    /// Every file <see cref="Run"/> writes for <paramref name="outputStem"/> (an output path without extension,
    /// e.g. <c>out/scans/page1</c>). A run is complete when all of them exist.
    /// </summary>
    public IReadOnlyList<string> OutputPaths(string outputStem) => [outputStem + ".png"];

    /// <summary>
    /// Runs the pipeline on one image file and writes its outputs, each atomically (temp file, then rename).
    /// </summary>
    /// <exception cref="ImageFormatException">The input is not a readable image.</exception>
    /// <exception cref="IOException">Reading the input or writing an output failed.</exception>
    /// <exception cref="PipelineException">A step failed, or the image breaks a limit in <paramref name="options"/>.</exception>
    public PipelineResult Run(string inputPath, string outputStem, PipelineRunOptions? options = null)
    {
        options ??= PipelineRunOptions.Default;
        options.Cancellation.ThrowIfCancellationRequested();
        var timings = new Dictionary<string, double>();
        var sw = Stopwatch.StartNew();
        Image<byte> gray = ImageFile.ReadGray(inputPath);
        if ((long)gray.Width * gray.Height > options.MaxPixels)
            throw new PipelineException($"image is {gray.Width}x{gray.Height}, more than the limit of {options.MaxPixels} pixels");
        timings["decode"] = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        var mask = Threshold.Apply(gray, 0, 255, ThresholdType.Binary, out double t, AutoThreshold.Otsu);
        timings["threshold"] = sw.Elapsed.TotalMilliseconds;
        long fg = 0;
        for (int y = 0; y < mask.Height; y++) foreach (byte v in mask.ReadOnlyView.Row(y)) if (v != 0) fg++;
        sw.Restart();
        var outputs = OutputPaths(outputStem);
        ImageFile.Write(outputs[0], mask);
        timings["write"] = sw.Elapsed.TotalMilliseconds;
        return new PipelineResult(t, 100.0 * fg / Math.Max(1L, (long)mask.Width * mask.Height), null, timings, outputs);
    }
}

/// <summary>What one <see cref="Pipeline.Run"/> measured and wrote.</summary>
/// <param name="Threshold">The global threshold used, when the binarization step has one.</param>
/// <param name="ForegroundPercent">Share of foreground pixels in the final mask, in percent.</param>
/// <param name="ComponentCount">Number of components kept, when the pipeline counts them.</param>
/// <param name="TimingsMs">Milliseconds per step, by step name.</param>
/// <param name="Outputs">The files written.</param>
public sealed record PipelineResult(double? Threshold, double ForegroundPercent, int? ComponentCount,
    IReadOnlyDictionary<string, double> TimingsMs, IReadOnlyList<string> Outputs);

/// <summary>Limits and cancellation for one <see cref="Pipeline.Run"/>.</summary>
public sealed class PipelineRunOptions
{
    /// <summary>Defaults: a limit of 1 gigapixel, no cancellation.</summary>
    public static readonly PipelineRunOptions Default = new();
    /// <summary>Images with more pixels than this are refused with a <see cref="PipelineException"/>.</summary>
    public long MaxPixels { get; init; } = 1L << 30;
    /// <summary>Checked between steps.</summary>
    public CancellationToken Cancellation { get; init; }
}

/// <summary>A pipeline file is invalid, or a step refused its image. The message is meant for the user.</summary>
public sealed class PipelineException : Exception
{
    /// <summary>Creates the exception with a user-facing message.</summary>
    public PipelineException(string message) : base(message) { }
    /// <summary>Creates the exception with a user-facing message and its cause.</summary>
    public PipelineException(string message, Exception inner) : base(message, inner) { }
}
