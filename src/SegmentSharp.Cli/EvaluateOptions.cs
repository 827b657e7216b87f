using SegmentSharp.Metrics;

namespace SegmentSharp.Cli;

/// <summary>How `segment evaluate` prints its results on stdout.</summary>
internal enum EvaluateFormat { Table, Csv, Json }

/// <summary>Everything `segment evaluate` was asked to do, after parsing.</summary>
internal sealed class EvaluateOptions
{
    public string Pred { get; set; } = "";
    public string Gt { get; set; } = "";
    /// <summary>Suffix of a prediction file's stem that is not part of its pairing key (e.g. "_out").</summary>
    public string PredSuffix { get; set; } = "";
    /// <summary>Suffix of a ground-truth file's stem that is not part of its pairing key (e.g. "_gt", "_target").</summary>
    public string GtSuffix { get; set; } = "";
    /// <summary>Which gray value is text in the predictions (0 = dark text, SegmentSharp's and DIBCO's convention).</summary>
    public TextPolarity PredText { get; set; } = TextPolarity.Dark;
    public TextPolarity GtText { get; set; } = TextPolarity.Dark;
    /// <summary>Label-map mode instead of binary text/background.</summary>
    public bool Labels { get; set; }
    /// <summary>COCO mode: PRED and GT are COCO JSON files (results and ground truth).</summary>
    public bool Coco { get; set; }
    /// <summary>Number of classes in label mode; 0 = from the data.</summary>
    public int Classes { get; set; }
    /// <summary>Ground-truth label excluded in label mode; −1 = none.</summary>
    public int IgnoreIndex { get; set; } = -1;
    /// <summary>Official DIBCO weight files: a file, a folder, or a pattern with {name}.</summary>
    public string? PWeights { get; set; }
    public string? RWeights { get; set; }
    /// <summary>Skip the pseudo-F measures when no weight files are given (our own weights cost a distance transform per image).</summary>
    public bool NoPseudo { get; set; }
    public EvaluateFormat Format { get; set; } = EvaluateFormat.Table;
    public string? CsvPath { get; set; }
    public string? JsonPath { get; set; }
}
