using System.Text.Json;
using SegmentSharp.Contours;
using SegmentSharp.Pipelines.Outputs;

namespace SegmentSharp.Pipelines.Steps;

/// <summary>
/// <c>contours</c>: traces the mask's borders with Suzuki-Abe border following as cv2.findContours does (mode, chain
/// approximation), optionally simplifies them with Douglas-Peucker (cv2.approxPolyDP, <c>approx: "poly:EPS"</c>) and
/// drops contours whose area (cv2.contourArea) is below <c>min_area</c>.
/// </summary>
public sealed class ContoursStep : IPipelineStep
{
    /// <summary>Retrieval modes, by their JSON names (cv2.RETR_EXTERNAL, LIST, CCOMP, TREE).</summary>
    public static readonly string[] Modes = ["external", "list", "ccomp", "tree"];
    /// <summary>Chain approximations (cv2.CHAIN_APPROX_NONE, SIMPLE, TC89_L1, TC89_KCOS); "poly:EPS" is also accepted.</summary>
    public static readonly string[] Approximations = ["none", "simple", "tc89-l1", "tc89-kcos"];

    private readonly ContourMode _mode;
    private readonly ContourApproximation _approx;
    private readonly double? _epsilon;

    /// <summary>A contours step; <paramref name="approx"/> is one of <see cref="Approximations"/> or "poly:EPS".</summary>
    /// <exception cref="PipelineException">A parameter is invalid.</exception>
    public ContoursStep(string mode = "tree", string approx = "simple", double minArea = 0)
    {
        int m = Array.IndexOf(Modes, mode);
        if (m < 0) throw new PipelineException($"step 'contours': parameter 'mode' '{mode}' is not one of {string.Join(", ", Modes)}");
        _mode = (ContourMode)m;
        if (approx.StartsWith("poly:", StringComparison.Ordinal))
        {
            if (!double.TryParse(approx[5..], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture,
                    out double eps) || !(eps >= 0 && eps <= 1e6))
                throw new PipelineException($"step 'contours': parameter 'approx' '{approx}' needs an epsilon from 0 to 1000000");
            _epsilon = eps;
            _approx = ContourApproximation.None;
        }
        else
        {
            int a = Array.IndexOf(Approximations, approx);
            if (a < 0) throw new PipelineException($"step 'contours': parameter 'approx' '{approx}' is not one of {string.Join(", ", Approximations)}, poly:EPS");
            _approx = (ContourApproximation)(a + 1);
        }
        if (!(minArea >= 0)) throw new PipelineException("step 'contours': parameter 'min_area' must be >= 0");
        Mode = mode;
        Approx = approx;
        MinArea = minArea;
    }

    /// <summary>Retrieval mode name.</summary>
    public string Mode { get; }
    /// <summary>Approximation name.</summary>
    public string Approx { get; }
    /// <summary>Smallest contour area kept.</summary>
    public double MinArea { get; }

    /// <inheritdoc/>
    public string Name => "contours";

    /// <inheritdoc/>
    public void Run(PipelineContext c)
    {
        c.Contours = ContourSet.Trace(c.RequireMask(Name), _mode, _approx, _epsilon, MinArea, out _);
        c.ContoursBy = this;
    }

    /// <inheritdoc/>
    public IEnumerable<string> OutputPaths(string outputStem) => [];

    /// <inheritdoc/>
    public void WriteParameters(Utf8JsonWriter w)
    {
        w.WriteString("mode", Mode);
        w.WriteString("approx", Approx);
        if (MinArea > 0) w.WriteNumber("min_area", MinArea);
    }

    internal static ContoursStep FromJson(StepParameters p)
        => new(p.OptionalString("mode", Modes) ?? "tree", p.OptionalString("approx") ?? "simple", p.OptionalDouble("min_area", 0, 1e18) ?? 0);
}
