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
    /// <summary>Pixel count of every value 0..255 (label counts for a multi-otsu label image).</summary>
    public long[] Counts { get; private init; } = new long[256];

    /// <summary>
    /// Counts pixels equal to <paramref name="foregroundValue"/> (the seed's <c>mask == 255</c>; with --max-value the
    /// foreground value follows it) and collects the distinct values, in one histogram pass.
    /// </summary>
    public static MaskSummary Of(Image<byte> mask, byte foregroundValue)
    {
        var histogram = new long[256];
        for (int y = 0; y < mask.Height; y++)
            foreach (byte v in mask.Row(y)) histogram[v]++;
        var unique = new List<int>();
        for (int v = 0; v < 256; v++) if (histogram[v] != 0) unique.Add(v);
        return new MaskSummary
        {
            Foreground = histogram[foregroundValue],
            Total = mask.PixelCount * mask.Channels,
            UniqueValues = unique.ToArray(),
            Counts = histogram,
        };
    }
}

/// <summary>Wall-clock milliseconds per stage, for --json.</summary>
internal sealed class ThresholdTimings
{
    public double Read { get; set; }
    public double Blur { get; set; }
    /// <summary>All preprocessing steps together (blur included).</summary>
    public double Preprocess { get; set; }
    /// <summary>Steps after the threshold (despeckle).</summary>
    public double Postprocess { get; set; }
    public double Threshold { get; set; }
    public double Write { get; set; }
    public double Total { get; set; }
}
