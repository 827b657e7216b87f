using System.Collections.Concurrent;
using System.Text.Json;
using SegmentSharp.Imaging;
using SegmentSharp.Pipelines;

namespace SegmentSharp.Onnx.Pipelines;

/// <summary>
/// <c>model-mask</c>: a pipeline step that makes the mask with an ONNX model instead of a threshold, so components,
/// contours and every output step work on a model's result in <c>segment batch</c>. <c>kind: "semantic"</c> runs
/// <see cref="SemanticSegmenter"/> and keeps the pixels of <c>class</c> (or every class but 0); <c>kind: "saliency"</c>
/// runs <see cref="SaliencyCutout"/> (U²-Net/ISNet) and keeps its mask.
/// </summary>
/// <remarks>
/// The model file is loaded once per path and process, and that one ONNX Runtime session serves every image and
/// thread of a batch (<see cref="OnnxModel.Run"/> is thread-safe). Register the step with <see cref="Register"/>.
/// </remarks>
public sealed class ModelMaskStep : IPipelineStep
{
    private static readonly ConcurrentDictionary<string, Lazy<OnnxModel>> Sessions = new(StringComparer.Ordinal);

    /// <summary>Accepted kinds.</summary>
    public static readonly string[] Kinds = ["semantic", "saliency"];

    /// <summary>Creates the step.</summary>
    /// <param name="model">Path of the .onnx file.</param>
    /// <param name="kind">"semantic" or "saliency".</param>
    /// <param name="size">Model input size when the model does not fix it (520 semantic, 320 saliency).</param>
    /// <param name="objectClass">Semantic class that becomes the mask; null = every class but 0.</param>
    public ModelMaskStep(string model, string kind = "semantic", int? size = null, int? objectClass = null)
    {
        if (Array.IndexOf(Kinds, kind) < 0) throw new ArgumentOutOfRangeException(nameof(kind), kind, "Expected semantic or saliency.");
        Model = model;
        Kind = kind;
        Size = size;
        Class = objectClass;
    }

    /// <summary>Path of the model file, as given.</summary>
    public string Model { get; }
    /// <summary>"semantic" or "saliency".</summary>
    public string Kind { get; }
    /// <summary>Input size, when given.</summary>
    public int? Size { get; }
    /// <summary>The class kept by a semantic model, when given.</summary>
    public int? Class { get; }

    /// <inheritdoc/>
    public string Name => "model-mask";

    /// <summary>Makes <c>model-mask</c> known to pipeline files, the fluent API's <c>Step</c> and <c>segment batch</c>.</summary>
    public static void Register() => StepRegistry.Register("model-mask", p => new ModelMaskStep(
        p.String("model"),
        p.OptionalString("kind", Kinds) ?? "semantic",
        p.OptionalInt("size", 16, 8192),
        p.OptionalInt("class", 0, 65535)));

    /// <inheritdoc/>
    public void Run(PipelineContext context)
    {
        var model = Session(Model);
        Image<byte> mask;
        try
        {
            if (Kind == "saliency")
            {
                var spec = ModelPreprocessing.TorchVision(ResizeMode.Stretch, Size ?? 320, Size ?? 320).FitTo(model);
                mask = new SaliencyCutout(model, spec).Cut(context.Color.ReadOnlyView).Mask;
            }
            else
            {
                var spec = ModelPreprocessing.TorchVision(ResizeMode.KeepAspect, Size ?? 520, Size ?? 520).FitTo(model);
                var labels = new SemanticSegmenter(model, spec).Segment(context.Color.ReadOnlyView).Labels;
                mask = new Image<byte>(labels.Width, labels.Height);
                for (int i = 0; i < labels.Data.Length; i++)
                {
                    int c = labels.Data[i];
                    mask.Data[i] = (Class is int k ? c == k : c != 0) ? (byte)255 : (byte)0;
                }
            }
        }
        catch (OnnxModelException e) { throw new PipelineException($"step 'model-mask': {e.Message}", e); }
        context.Mask = mask;
        context.Threshold = null;
    }

    /// <inheritdoc/>
    public IEnumerable<string> OutputPaths(string outputStem) => [];

    /// <inheritdoc/>
    public void WriteParameters(Utf8JsonWriter writer)
    {
        writer.WriteString("model", Model);
        writer.WriteString("kind", Kind);
        if (Size is int s) writer.WriteNumber("size", s);
        if (Class is int c) writer.WriteNumber("class", c);
    }

    private static OnnxModel Session(string path)
    {
        string key = System.IO.Path.GetFullPath(path);
        var lazy = Sessions.GetOrAdd(key, k => new Lazy<OnnxModel>(() => OnnxModel.Load(k), LazyThreadSafetyMode.ExecutionAndPublication));
        try { return lazy.Value; }
        catch (OnnxModelException e)
        {
            // A file that failed to load is not cached, so fixing it and rerunning works in a long-lived process.
            Sessions.TryRemove(key, out _);
            throw new PipelineException($"step 'model-mask': {e.Message}", e);
        }
    }
}
