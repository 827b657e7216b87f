using SegmentSharp.Imaging;

namespace SegmentSharp.Cli;

/// <summary>Per-mask statistics the report prints: the seed's foreground count and unique values.</summary>
internal sealed class MaskSummary
{
    public long Foreground { get; private init; }
    public long Total { get; private init; }
    /// <summary>Computed as the seed does (count / total * 100 in doubles) so the printed rounding matches.</summary>
    public double Percent => Total == 0 ? 0 : (double)Foreground / Total * 100;
    public int[] UniqueValues { get; private init; } = [];

    /// <summary>
    /// Counts pixels equal to <paramref name="foregroundValue"/> (the seed's <c>mask == 255</c>; with --max-value the
    /// foreground value follows it) and collects the distinct values, in one histogram pass.
    /// </summary>
    public static MaskSummary Of(Image<byte> mask, byte foregroundValue)
    {
        Span<long> histogram = stackalloc long[256];
        histogram.Clear();
        for (int y = 0; y < mask.Height; y++)
            foreach (byte v in mask.Row(y)) histogram[v]++;
        var unique = new List<int>();
        for (int v = 0; v < 256; v++) if (histogram[v] != 0) unique.Add(v);
        return new MaskSummary
        {
            Foreground = histogram[foregroundValue],
            Total = mask.PixelCount * mask.Channels,
            UniqueValues = unique.ToArray(),
        };
    }
}

/// <summary>Wall-clock milliseconds per stage, for --json.</summary>
internal sealed class ThresholdTimings
{
    public double Read { get; set; }
    public double Blur { get; set; }
    public double Threshold { get; set; }
    public double Write { get; set; }
    public double Total { get; set; }
}
