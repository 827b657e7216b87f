using SegmentSharp.Imaging;

namespace SegmentSharp.Components;

/// <summary>Statistics of an existing label image (from watershed, k-means, a file), in the form of OpenCV's stats.</summary>
public static class LabelStatistics
{
    /// <summary>
    /// Bounding box, area and centroid of every label 0..<paramref name="count"/>−1 of <paramref name="labels"/>, as
    /// <c>cv2.connectedComponentsWithStats</c> reports them for its own labels (centroid = mean x and mean y in double).
    /// Values outside 0..count−1 (such as watershed's −1 boundaries) are not counted anywhere.
    /// </summary>
    /// <param name="labels">Single-channel label image.</param>
    /// <param name="count">Number of labels including the background label 0.</param>
    /// <returns>Stats indexed by label; a label without pixels gets the values OpenCV 4.13 gives an empty label (see <see cref="ComponentInfo"/>).</returns>
    public static ComponentStats Compute(ReadOnlyImageView<int> labels, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var minX = new int[count]; var minY = new int[count]; var maxX = new int[count]; var maxY = new int[count];
        var area = new long[count]; var sumX = new long[count]; var sumY = new long[count];
        Array.Fill(minX, int.MaxValue); Array.Fill(minY, int.MaxValue); Array.Fill(maxX, -1); Array.Fill(maxY, -1);
        for (int y = 0; y < labels.Height; y++)
        {
            ReadOnlySpan<int> row = labels.Row(y);
            for (int x = 0; x < row.Length; x++)
            {
                int l = row[x];
                if ((uint)l >= (uint)count) continue;
                area[l]++; sumX[l] += x; sumY[l] += y;
                if (x < minX[l]) minX[l] = x;
                if (x > maxX[l]) maxX[l] = x;
                if (y < minY[l]) minY[l] = y;
                if (y > maxY[l]) maxY[l] = y;
            }
        }
        var info = new ComponentInfo[count];
        for (int l = 0; l < count; l++)
            info[l] = area[l] == 0 ? new ComponentInfo(-1, int.MaxValue, 0, 0, 0, double.NaN, double.NaN)
                : new ComponentInfo(minX[l], minY[l], maxX[l] - minX[l] + 1, maxY[l] - minY[l] + 1, (int)area[l],
                    (double)sumX[l] / area[l], (double)sumY[l] / area[l]);
        return new ComponentStats(info);
    }
}
