using System.Text.Json;
using SegmentSharp.Components;
using SegmentSharp.Imaging;

namespace SegmentSharp.Pipelines.Steps;

/// <summary>
/// <c>components</c>: labels the mask's connected components as cv2.connectedComponentsWithStats does (same numbering),
/// then keeps those whose area and bounding-box aspect ratio (width / height) lie in the given ranges, renumbered 1..N.
/// </summary>
public sealed class ComponentsStep(int connectivity = 8, int minArea = 0, int maxArea = int.MaxValue, double? minAspect = null,
    double? maxAspect = null) : IPipelineStep
{
    /// <summary>4 or 8.</summary>
    public int Connectivity { get; } = connectivity is 4 or 8 ? connectivity : throw new PipelineException("step 'components': connectivity must be 4 or 8");
    /// <summary>Smallest area kept, in pixels.</summary>
    public int MinArea { get; } = minArea;
    /// <summary>Largest area kept, in pixels.</summary>
    public int MaxArea { get; } = maxArea;
    /// <summary>Smallest width/height kept; null = no limit.</summary>
    public double? MinAspect { get; } = minAspect;
    /// <summary>Largest width/height kept; null = no limit.</summary>
    public double? MaxAspect { get; } = maxAspect;

    /// <inheritdoc/>
    public string Name => "components";

    /// <inheritdoc/>
    public void Run(PipelineContext c)
    {
        c.Labels = Label(c.RequireMask(Name), Connectivity == 4 ? Components.Connectivity.Four : Components.Connectivity.Eight,
            MinArea, MaxArea, MinAspect, MaxAspect, out var stats, out _);
        c.Stats = stats;
    }

    /// <summary>Labelling and filtering, shared with `segment components`; <paramref name="found"/> counts before filtering.</summary>
    internal static Image<int> Label(ReadOnlyImageView<byte> mask, Connectivity connectivity, int minArea, int maxArea, double? minAspect,
        double? maxAspect, out ComponentStats stats, out int found)
    {
        var labels = ConnectedComponents.LabelWithStats(mask, connectivity, out stats);
        found = stats.Count - 1;
        if (minArea > 0 || maxArea < int.MaxValue) stats = ComponentFilter.ByArea(labels, stats, minArea, maxArea);
        if (minAspect is not null || maxAspect is not null)
            stats = ComponentFilter.ByAspectRatio(labels, stats, minAspect ?? 0, maxAspect ?? double.MaxValue);
        return labels;
    }

    /// <inheritdoc/>
    public IEnumerable<string> OutputPaths(string outputStem) => [];

    /// <inheritdoc/>
    public void WriteParameters(Utf8JsonWriter w)
    {
        w.WriteNumber("connectivity", Connectivity);
        if (MinArea > 0) w.WriteNumber("min_area", MinArea);
        if (MaxArea < int.MaxValue) w.WriteNumber("max_area", MaxArea);
        if (MinAspect is double a) w.WriteNumber("min_aspect", a);
        if (MaxAspect is double b) w.WriteNumber("max_aspect", b);
    }

    internal static ComponentsStep FromJson(StepParameters p)
    {
        int conn = p.OptionalInt("connectivity", 4, 8) ?? 8;
        if (conn is not (4 or 8)) throw p.Error("connectivity", $"must be 4 or 8, got {conn}");
        int min = p.OptionalInt("min_area", 0, int.MaxValue) ?? 0, max = p.OptionalInt("max_area", 0, int.MaxValue) ?? int.MaxValue;
        if (min > max) throw p.Error("min_area", $"{min} is larger than max_area {max}");
        double? lo = p.OptionalDouble("min_aspect", 0, 1e9), hi = p.OptionalDouble("max_aspect", 0, 1e9);
        if (lo > hi) throw p.Error("min_aspect", "is larger than max_aspect");
        return new ComponentsStep(conn, min, max, lo, hi);
    }
}
