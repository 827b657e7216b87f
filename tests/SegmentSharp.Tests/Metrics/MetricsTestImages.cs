using SegmentSharp.Imaging;

namespace SegmentSharp.Tests.Metrics;

/// <summary>Builds small masks from strings so that hand-computed cases read like the pictures they are.</summary>
internal static class MetricsTestImages
{
    /// <summary>One string per row; '1' or '#' = text (255), anything else = background (0).</summary>
    public static Image<byte> Mask(params string[] rows)
    {
        var img = new Image<byte>(rows[0].Length, rows.Length);
        for (int y = 0; y < rows.Length; y++)
            for (int x = 0; x < rows[y].Length; x++)
                img.Row(y)[x] = rows[y][x] is '1' or '#' ? (byte)255 : (byte)0;
        return img;
    }

    /// <summary>A label map from rows of space-separated numbers.</summary>
    public static Image<byte> Labels(params string[] rows)
    {
        var cells = rows.Select(r => r.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(byte.Parse).ToArray()).ToArray();
        var img = new Image<byte>(cells[0].Length, cells.Length);
        for (int y = 0; y < cells.Length; y++) cells[y].CopyTo(img.Row(y));
        return img;
    }

    /// <summary>Sum of the unnormalised DRD weights 1/√(dx²+dy²) over the 5×5 window: the normaliser of the matrix.</summary>
    public static readonly double DrdNorm = 4 / Math.Sqrt(8) + 8 / Math.Sqrt(5) + 4 * 0.5 + 4 / Math.Sqrt(2) + 4 * 1.0;
}
