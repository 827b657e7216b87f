using System.Buffers;
using System.Text;
using System.Text.Json;
using SegmentSharp.Codecs;
using SegmentSharp.Pipelines.Outputs;

namespace SegmentSharp.Pipelines.Steps;

/// <summary>Base of the steps that write one file named after the output stem, atomically (temp file, then rename).</summary>
public abstract class OutputStep(string suffix) : IPipelineStep
{
    /// <summary>What follows the stem: ".png", ".overlay.png", ".contours.json", ".csv", ...</summary>
    public string Suffix { get; } = suffix;

    /// <inheritdoc/>
    public abstract string Name { get; }

    /// <inheritdoc/>
    public IEnumerable<string> OutputPaths(string outputStem) => [outputStem + Suffix];

    /// <inheritdoc/>
    public void Run(PipelineContext c)
    {
        string path = c.OutputStem + Suffix;
        string? parent = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(parent)) Directory.CreateDirectory(parent);
        Write(c, path);
    }

    /// <summary>Writes the file atomically.</summary>
    protected abstract void Write(PipelineContext c, string path);

    /// <inheritdoc/>
    public abstract void WriteParameters(Utf8JsonWriter writer);

    /// <summary>UTF-8 text without a byte-order mark, written atomically.</summary>
    protected static void WriteText(string path, string text) => AtomicFile.WriteAllBytes(path, Utf8.GetBytes(text));

    private static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>Builders kept larger than this many characters are dropped rather than held by an idle thread.</summary>
    private const int MaxCachedChars = 8 << 20;

    [ThreadStatic] private static StringBuilder? t_builder;

    /// <summary>
    /// Builds text with <paramref name="build"/> into this thread's reused builder and writes it as UTF-8 (no BOM)
    /// through a pooled byte buffer, so a batch does not allocate the text anew for every image.
    /// </summary>
    protected static void WriteText(string path, Action<StringBuilder> build)
    {
        var sb = t_builder ?? new StringBuilder();
        t_builder = null; // a nested call on this thread gets its own builder
        try
        {
            sb.Clear();
            build(sb);
            byte[] bytes = ArrayPool<byte>.Shared.Rent(Utf8.GetMaxByteCount(sb.Length));
            try
            {
                var encoder = Utf8.GetEncoder();
                int n = 0;
                foreach (var chunk in sb.GetChunks())
                {
                    encoder.Convert(chunk.Span, bytes.AsSpan(n), flush: false, out _, out int used, out _);
                    n += used;
                }
                encoder.Convert([], bytes.AsSpan(n), flush: true, out _, out int last, out _);
                AtomicFile.WriteAllBytes(path, bytes.AsSpan(0, n + last));
            }
            finally { ArrayPool<byte>.Shared.Return(bytes); }
        }
        finally
        {
            if (sb.Capacity <= MaxCachedChars) t_builder = sb;
        }
    }
}

/// <summary><c>write-mask</c>: the mask as <c>STEM.png</c> (or .tif, .bmp, .pgm, .pnm, .pbm); bilevel "auto" stores a 0/255 mask as 1 bit per pixel.</summary>
public sealed class WriteMaskStep(string format = "png", bool bilevel = true) : OutputStep("." + format)
{
    /// <summary>Accepted formats (file extensions without the dot).</summary>
    public static readonly string[] Formats = ["png", "tif", "tiff", "bmp", "pgm", "pnm", "pbm"];
    /// <summary>Extension without the dot.</summary>
    public string Format { get; } = format;
    /// <summary>Whether a two-level mask is stored as 1 bit per pixel (--bilevel auto).</summary>
    public bool Bilevel { get; } = bilevel;
    /// <inheritdoc/>
    public override string Name => "write-mask";
    /// <inheritdoc/>
    protected override void Write(PipelineContext c, string path)
        => ImageFile.Write(path, c.RequireMask(Name), new ImageWriteOptions { Bilevel = Bilevel ? BilevelMode.Auto : BilevelMode.Never });
    /// <inheritdoc/>
    public override void WriteParameters(Utf8JsonWriter w)
    {
        w.WriteString("format", Format);
        w.WriteString("bilevel", Bilevel ? "auto" : "never");
    }
    internal static WriteMaskStep FromJson(StepParameters p)
        => new(p.OptionalString("format", Formats) ?? "png", (p.OptionalString("bilevel", ["auto", "never"]) ?? "auto") == "auto");
}

/// <summary><c>write-labels</c>: the component labels as <c>STEM.labels.png</c> (8/16-bit) or <c>.tif</c> (32-bit).</summary>
public sealed class WriteLabelsStep(string format = "png") : OutputStep(".labels." + format)
{
    /// <summary>Accepted formats.</summary>
    public static readonly string[] Formats = ["png", "tif", "tiff"];
    /// <summary>Extension without the dot.</summary>
    public string Format { get; } = format;
    /// <inheritdoc/>
    public override string Name => "write-labels";
    /// <inheritdoc/>
    protected override void Write(PipelineContext c, string path)
        => ImageFile.WriteLabels(path, c.Labels ?? throw new PipelineException("step 'write-labels' needs a 'components' step before it"));
    /// <inheritdoc/>
    public override void WriteParameters(Utf8JsonWriter w) => w.WriteString("format", Format);
    internal static WriteLabelsStep FromJson(StepParameters p) => new(p.OptionalString("format", Formats) ?? "png");
}

/// <summary>
/// <c>write-overlay</c>: the colour input with the result drawn on it, as <c>STEM.overlay.png</c>. Style "components":
/// each component tinted in its own colour with its inner boundary (as `segment components --overlay`); style
/// "contours": outer borders green, holes red, <c>thickness</c> pixels wide (as `segment contours --overlay`).
/// </summary>
public sealed class WriteOverlayStep(string style = "components", int thickness = 1, string format = "png") : OutputStep(".overlay." + format)
{
    /// <summary>Accepted styles.</summary>
    public static readonly string[] Styles = ["components", "contours"];
    /// <summary>Accepted formats.</summary>
    public static readonly string[] Formats = ["png", "tif", "tiff", "bmp"];
    /// <summary>"components" or "contours".</summary>
    public string Style { get; } = Array.IndexOf(Styles, style) >= 0 ? style : throw new PipelineException($"step 'write-overlay': parameter 'style' '{style}' is not one of components, contours");
    /// <summary>Line width of the contours style.</summary>
    public int Thickness { get; } = thickness;
    /// <summary>Extension without the dot.</summary>
    public string Format { get; } = format;
    /// <inheritdoc/>
    public override string Name => "write-overlay";
    /// <inheritdoc/>
    protected override void Write(PipelineContext c, string path)
    {
        if (Style == "components")
        {
            var labels = c.Labels ?? throw new PipelineException("step 'write-overlay' (style components) needs a 'components' step before it");
            ImageFile.Write(path, Overlays.Components(c.Color, labels));
        }
        else
        {
            var set = c.Contours ?? throw new PipelineException("step 'write-overlay' (style contours) needs a 'contours' step before it");
            var picture = ImageFile.ReadColor(c.InputPath);
            Overlays.Contours(picture, set, Thickness);
            ImageFile.Write(path, picture);
        }
    }
    /// <inheritdoc/>
    public override void WriteParameters(Utf8JsonWriter w)
    {
        w.WriteString("style", Style);
        if (Style == "contours") w.WriteNumber("thickness", Thickness);
        w.WriteString("format", Format);
    }
    internal static WriteOverlayStep FromJson(StepParameters p)
    {
        string style = p.OptionalString("style", Styles) ?? "components";
        int t = p.OptionalInt("thickness", 1, 100) ?? 1;
        if (style == "components" && p.Has("thickness")) throw p.Error("thickness", "applies to style 'contours' only");
        return new WriteOverlayStep(style, t, p.OptionalString("format", Formats) ?? "png");
    }
}

/// <summary>
/// <c>write-contours</c>: the contours as <c>STEM.contours.json</c> (the `segment contours --out x.json` document),
/// <c>.geojson</c> or <c>.svg</c>.
/// </summary>
public sealed class WriteContoursStep(string format = "json") : OutputStep(".contours." + format)
{
    /// <summary>Accepted formats.</summary>
    public static readonly string[] Formats = ["json", "geojson", "svg"];
    /// <summary>Extension without the dot.</summary>
    public string Format { get; } = format;
    /// <inheritdoc/>
    public override string Name => "write-contours";
    /// <inheritdoc/>
    protected override void Write(PipelineContext c, string path)
    {
        var set = c.Contours ?? throw new PipelineException("step 'write-contours' needs a 'contours' step before it");
        var mask = c.RequireMask(Name);
        if (Format == "geojson") WriteText(path, ContourWriters.ToGeoJson(set));
        else if (Format == "svg") WriteText(path, ContourWriters.ToSvg(set, mask.Width, mask.Height));
        else WriteText(path, sb => ContourWriters.AppendJson(sb, set, c.InputPath, mask.Width, mask.Height, c.ContoursBy!.Mode, c.ContoursBy.Approx));
    }
    /// <inheritdoc/>
    public override void WriteParameters(Utf8JsonWriter w) => w.WriteString("format", Format);
    internal static WriteContoursStep FromJson(StepParameters p) => new(p.OptionalString("format", Formats) ?? "json");
}

/// <summary>
/// <c>write-stats</c>: one row per component (OpenCV's stats and centroids, then scikit-image region properties with
/// intensities from the decoded gray image) as <c>STEM.csv</c> or <c>STEM.stats.json</c>. With <c>columns: "opencv"</c>
/// only OpenCV's columns (<c>cv2.connectedComponentsWithStats</c>: label, box, area, centroid) are written.
/// </summary>
public sealed class WriteStatsStep(string format = "csv", string columns = "all") : OutputStep(format == "json" ? ".stats.json" : "." + format)
{
    /// <summary>Accepted formats.</summary>
    public static readonly string[] Formats = ["csv", "json"];
    /// <summary>Accepted column sets: every column, or OpenCV's stats and centroids only.</summary>
    public static readonly string[] ColumnSets = ["all", "opencv"];
    /// <summary>"csv" or "json".</summary>
    public string Format { get; } = format;
    /// <summary>"all" or "opencv".</summary>
    public string Columns { get; } = columns;
    /// <inheritdoc/>
    public override string Name => "write-stats";
    /// <inheritdoc/>
    protected override void Write(PipelineContext c, string path)
    {
        if (c.Labels is null || c.Stats is null) throw new PipelineException("step 'write-stats' needs a 'components' step before it");
        var table = ComponentTable.Build(c.Labels, c.Stats, c.Intensity, regionProperties: Columns == "all");
        if (Format == "json") WriteText(path, table.ToJson());
        else WriteText(path, sb => table.AppendCsv(sb));
    }
    /// <inheritdoc/>
    public override void WriteParameters(Utf8JsonWriter w)
    {
        w.WriteString("format", Format);
        if (Columns != "all") w.WriteString("columns", Columns);
    }
    internal static WriteStatsStep FromJson(StepParameters p) =>
        new(p.OptionalString("format", Formats) ?? "csv", p.OptionalString("columns", ColumnSets) ?? "all");
}
