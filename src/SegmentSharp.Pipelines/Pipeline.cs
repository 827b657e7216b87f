using System.Buffers;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using SegmentSharp.Codecs;
using SegmentSharp.Imaging;

namespace SegmentSharp.Pipelines;

/// <summary>
/// An ordered chain of steps that turns one image file into output files: decode, preprocessing, binarization,
/// morphology, component filtering, outputs (mask, labels, overlay, contours, stats). The same pipeline can be built
/// with the fluent methods (<see cref="Create"/>, <see cref="Blur"/>, <see cref="Binarize"/>, ...), read from a
/// pipeline file (<see cref="Load"/>, format in docs/pipeline.md) or made from the flags of a single-image command.
/// A pipeline is immutable and thread-safe: one instance runs many images at once.
/// </summary>
/// <remarks>
/// CONTRACT (used by the batch runner; keep these signatures): <see cref="Load"/>, <see cref="FromJson"/>,
/// <see cref="ToJson"/>, <see cref="OutputPaths"/> and <see cref="Run"/>.
/// </remarks>
public sealed partial class Pipeline
{
    /// <summary>The version written to and accepted from pipeline files.</summary>
    public const int FormatVersion = 1;

    private readonly IPipelineStep[] _steps;

    private Pipeline(IPipelineStep[] steps) => _steps = steps;

    /// <summary>The steps in the order they run.</summary>
    public IReadOnlyList<IPipelineStep> Steps => _steps;

    /// <summary>An empty pipeline to extend with the fluent methods.</summary>
    public static Pipeline Create() => new([]);

    /// <summary>A pipeline made of <paramref name="steps"/>.</summary>
    public static Pipeline Of(IEnumerable<IPipelineStep> steps) => new([.. steps]);

    /// <summary>A new pipeline with <paramref name="step"/> appended (this one is unchanged).</summary>
    public Pipeline Then(IPipelineStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return new([.. _steps, step]);
    }

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

    /// <summary>Writes the pipeline file atomically (temp file, then rename), creating missing folders.</summary>
    /// <exception cref="IOException">The file could not be written.</exception>
    public void Save(string path)
    {
        string? parent = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(parent)) Directory.CreateDirectory(parent);
        AtomicFile.WriteAllBytes(path, new UTF8Encoding(false).GetBytes(ToJson()));
    }

    /// <summary>Parses a pipeline from its JSON text (schema: docs/pipeline.schema.json).</summary>
    /// <exception cref="PipelineException">The text is not a valid pipeline; the message names the step and parameter.</exception>
    public static Pipeline FromJson(string json)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }); }
        catch (JsonException e)
        {
            throw new PipelineException($"invalid JSON at line {(e.LineNumber ?? 0) + 1}, position {(e.BytePositionInLine ?? 0) + 1}: {FirstSentence(e.Message)}", e);
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new PipelineException("expected a JSON object with \"version\" and \"steps\"");
            foreach (var p in root.EnumerateObject())
                if (p.Name is not ("version" or "steps" or "$schema" or "description"))
                    throw new PipelineException($"unknown member '{p.Name}' (expected version, steps, description)");
            if (!root.TryGetProperty("version", out var v) || v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out int version))
                throw new PipelineException("missing \"version\": 1");
            if (version != FormatVersion)
                throw new PipelineException($"version {version} is not supported (this build reads version {FormatVersion})");
            if (!root.TryGetProperty("steps", out var steps) || steps.ValueKind != JsonValueKind.Array)
                throw new PipelineException("missing \"steps\": [...]");
            var list = new List<IPipelineStep>();
            int i = 0;
            foreach (var s in steps.EnumerateArray())
            {
                i++;
                if (s.ValueKind != JsonValueKind.Object || !s.TryGetProperty("step", out var nameEl) || nameEl.ValueKind != JsonValueKind.String)
                    throw new PipelineException($"step {i}: expected an object with a \"step\" name");
                string name = nameEl.GetString()!;
                if (!StepRegistry.TryGet(name, out var factory))
                    throw new PipelineException($"step {i}: unknown step '{name}' (known: {string.Join(", ", StepRegistry.Names)})");
                var parameters = new StepParameters(name, s);
                try
                {
                    list.Add(factory(parameters));
                    parameters.CheckAllRead();
                }
                catch (PipelineException e) { throw new PipelineException($"step {i}: {e.Message}", e); }
            }
            return new([.. list]);
        }
    }

    private static string FirstSentence(string m)
    {
        int p = m.IndexOf(" Path:", StringComparison.Ordinal);
        return p > 0 ? m[..p] : m;
    }

    /// <summary>The pipeline as JSON text that <see cref="FromJson"/> reads back to an equal pipeline.</summary>
    public string ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("version", FormatVersion);
            w.WriteStartArray("steps");
            foreach (var s in _steps)
            {
                w.WriteStartObject();
                w.WriteString("step", s.Name);
                s.WriteParameters(w);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan).Replace("\r\n", "\n") + "\n";
    }

    /// <summary>
    /// Every file <see cref="Run"/> writes for <paramref name="outputStem"/> (an output path without extension,
    /// e.g. <c>out/scans/page1</c>), in step order. A run is complete when all of them exist.
    /// </summary>
    public IReadOnlyList<string> OutputPaths(string outputStem)
    {
        var list = new List<string>();
        foreach (var s in _steps) list.AddRange(s.OutputPaths(outputStem));
        return list;
    }

    /// <summary>
    /// Runs the pipeline on one image file and writes its outputs, each atomically (temp file, then rename).
    /// </summary>
    /// <exception cref="ImageFormatException">The input is not a readable image.</exception>
    /// <exception cref="IOException">Reading the input or writing an output failed.</exception>
    /// <exception cref="PipelineException">A step failed, or the image breaks a limit in <paramref name="options"/>.</exception>
    /// <exception cref="OperationCanceledException">The cancellation token fired (checked between steps).</exception>
    public PipelineResult Run(string inputPath, string outputStem, PipelineRunOptions? options = null)
    {
        options ??= PipelineRunOptions.Default;
        var ct = options.Cancellation;
        ct.ThrowIfCancellationRequested();
        var timings = new Dictionary<string, double>(StringComparer.Ordinal);
        long t0 = Stopwatch.GetTimestamp();
        byte[]? pooled = null;
        var gray = Decode(inputPath, options.MaxPixels, ref pooled);
        timings["decode"] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;

        var context = new PipelineContext(inputPath, outputStem, gray, options);
        try
        {
            if (pooled is not null) context.ReturnWhenDone(pooled);
            foreach (var step in _steps)
            {
                ct.ThrowIfCancellationRequested();
                long s0 = Stopwatch.GetTimestamp();
                step.Run(context);
                double ms = Stopwatch.GetElapsedTime(s0).TotalMilliseconds;
                timings[step.Name] = timings.TryGetValue(step.Name, out double before) ? before + ms : ms;
            }
            return new PipelineResult(context.Threshold, ForegroundPercent(context.Mask), context.Stats is { } st ? st.Count - 1 : null,
                timings, OutputPaths(outputStem));
        }
        finally { context.ReturnBuffers(); }
    }

    /// <summary>Reads the file into a pooled buffer, checks the header size against the limit, then decodes to gray.</summary>
    /// <remarks>The gray image lives on <paramref name="pooled"/>, rented from the shared pool; the caller returns it.</remarks>
    private static Image<byte> Decode(string path, long maxPixels, ref byte[]? pooled)
    {
        using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        long length = fs.Length;
        if (length > int.MaxValue) throw new PipelineException($"'{path}' is {length} bytes, too large to decode");
        byte[] buffer = ArrayPool<byte>.Shared.Rent((int)Math.Max(1, length));
        try
        {
            int n = 0;
            while (n < length)
            {
                int r = fs.Read(buffer, n, (int)length - n);
                if (r == 0) break;
                n += r;
            }
            var data = buffer.AsSpan(0, n);
            if (ImageHeader.TryReadSize(data, out long w, out long h) && w * h > maxPixels)
                throw TooLarge(path, w, h, maxPixels);
            byte[]? rented = null;
            Image<byte> Rent(int w, int h)
            {
                if ((long)w * h > maxPixels) throw TooLarge(path, w, h, maxPixels);
                rented = ArrayPool<byte>.Shared.Rent(Math.Max(1, w * h));
                return new Image<byte>(rented, w, h);
            }
            Image<byte> gray;
            try { gray = ImageFile.DecodeGray(data, Rent); }
            catch
            {
                if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
                throw;
            }
            pooled = rented;
            if ((long)gray.Width * gray.Height > maxPixels) throw TooLarge(path, gray.Width, gray.Height, maxPixels);
            return gray;
        }
        finally { ArrayPool<byte>.Shared.Return(buffer); }
    }

    private static PipelineException TooLarge(string path, long w, long h, long max)
        => new($"'{path}' is {w}x{h} = {w * h} pixels, more than the limit of {max} pixels; raise the limit or shrink the image");

    private static double ForegroundPercent(Image<byte>? mask)
    {
        if (mask is null) return 0;
        long fg = 0;
        for (int y = 0; y < mask.Height; y++)
        {
            ReadOnlySpan<byte> row = mask.Row(y);
            fg += row.Length - System.MemoryExtensions.Count(row, (byte)0);
        }
        return 100.0 * fg / Math.Max(1L, (long)mask.Width * mask.Height);
    }
}

/// <summary>What one <see cref="Pipeline.Run"/> measured and wrote.</summary>
/// <param name="Threshold">The global threshold used, when the binarization step has one.</param>
/// <param name="ForegroundPercent">Share of foreground (nonzero) pixels in the final mask, in percent.</param>
/// <param name="ComponentCount">Number of components kept, when the pipeline counts them.</param>
/// <param name="TimingsMs">Milliseconds per step, by step name ("decode" for reading the input).</param>
/// <param name="Outputs">The files written.</param>
public sealed record PipelineResult(double? Threshold, double ForegroundPercent, int? ComponentCount,
    IReadOnlyDictionary<string, double> TimingsMs, IReadOnlyList<string> Outputs);

/// <summary>Limits and cancellation for one <see cref="Pipeline.Run"/>.</summary>
public sealed class PipelineRunOptions
{
    /// <summary>Defaults: a limit of 1 gigapixel, no cancellation.</summary>
    public static readonly PipelineRunOptions Default = new();
    /// <summary>Images with more pixels than this are refused with a <see cref="PipelineException"/>, before decoding when the header says the size.</summary>
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
