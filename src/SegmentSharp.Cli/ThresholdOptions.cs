using SegmentSharp.Cli.Binarization;
using SegmentSharp.Codecs;

namespace SegmentSharp.Cli;

/// <summary>Everything `segment threshold` was asked to do, after parsing and cross-flag checks.</summary>
internal sealed class ThresholdOptions
{
    public string Input { get; set; } = "";
    public string Output { get; set; } = "";
    /// <summary>Method, parameters, preprocessing and despeckling (shared with every binarizing command).</summary>
    public BinarizeOptions Binarize { get; } = new();
    public BilevelMode Bilevel { get; set; } = BilevelMode.Auto;
    public bool Json { get; set; }
    /// <summary>--save-pipeline FILE: also write this command as a pipeline file.</summary>
    public string? SavePipeline { get; set; }
}
