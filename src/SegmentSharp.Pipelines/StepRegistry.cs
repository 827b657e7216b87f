using System.Collections.Concurrent;
using SegmentSharp.Pipelines.Steps;

namespace SegmentSharp.Pipelines;

/// <summary>
/// Maps a pipeline file's <c>"step"</c> names to factories. The built-in steps are registered at start-up; a new step
/// (an ONNX model, say) registers itself once and every pipeline file, the runner and the batch command can use it.
/// </summary>
public static class StepRegistry
{
    private static readonly ConcurrentDictionary<string, Func<StepParameters, IPipelineStep>> Factories = new(StringComparer.Ordinal);

    static StepRegistry()
    {
        Register("invert-input", _ => new InvertInputStep());
        Register("deskew", _ => new DeskewStep());
        Register("median", p => new MedianStep(p.Int("size", 1, SegmentSharp.Filters.MedianBlur.MaxKernelSize, odd: true)));
        Register("clahe", ClaheStep.FromJson);
        Register("normalize-background", p => new NormalizeBackgroundStep(p.OptionalInt("window", 0, 99999) ?? 0));
        Register("stretch", p => new StretchStep(p.OptionalDouble("low", 0, 100) ?? 2, p.OptionalDouble("high", 0, 100) ?? 98));
        Register("blur", p => new BlurStep(p.Int("size", 1, 9999, odd: true)));
        Register("binarize", BinarizeStep.FromJson);
        foreach (var name in MorphologyStep.Names) Register(name, p => MorphologyStep.FromJson(name, p));
        Register("components", ComponentsStep.FromJson);
        Register("contours", ContoursStep.FromJson);
        Register("write-mask", WriteMaskStep.FromJson);
        Register("write-labels", WriteLabelsStep.FromJson);
        Register("write-overlay", WriteOverlayStep.FromJson);
        Register("write-contours", WriteContoursStep.FromJson);
        Register("write-stats", WriteStatsStep.FromJson);
    }

    /// <summary>
    /// Registers (or replaces) the factory for <paramref name="name"/>. The factory reads its parameters through
    /// <see cref="StepParameters"/>, which rejects unknown members once the factory returns.
    /// </summary>
    public static void Register(string name, Func<StepParameters, IPipelineStep> factory)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(factory);
        Factories[name] = factory;
    }

    /// <summary>Every registered step name, sorted.</summary>
    public static IReadOnlyList<string> Names => [.. Factories.Keys.Order(StringComparer.Ordinal)];

    internal static bool TryGet(string name, out Func<StepParameters, IPipelineStep> factory)
        => Factories.TryGetValue(name, out factory!);
}
