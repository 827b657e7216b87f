namespace SegmentSharp.Cli.Batch;

/// <summary>Outcome of one image in a batch: one manifest row.</summary>
internal sealed record BatchRow(
    string Input,
    string Status,
    double? Threshold,
    double? ForegroundPercent,
    int? Components,
    double? TimeMs,
    IReadOnlyList<KeyValuePair<string, double>> TimingsMs,
    string? Error)
{
    public const string Ok = "ok", Skipped = "skipped", Failed = "failed";

    /// <summary>True when the row carries the measurements of a finished run (ok, or skipped with the earlier values).</summary>
    public bool HasResult => Status is Ok or Skipped && ForegroundPercent is not null;

    public static BatchRow Failure(string input, string error, double? timeMs = null)
        => new(input, Failed, null, null, null, timeMs, [], error);
}
