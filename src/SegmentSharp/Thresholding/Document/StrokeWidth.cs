namespace SegmentSharp.Thresholding.Document;

/// <summary>
/// Stroke width from stroke edges, after Su, Lu and Tan (2013, Algorithm 1): along each row (and column), an edge run
/// where the intensity falls (paper → ink) followed by one where it rises (ink → paper) spans one stroke; the most
/// frequent distance between their starts is the stroke width.
/// </summary>
internal static class StrokeWidth
{
    public const int MaxWidth = 255;

    /// <summary>Histogram of the stroke widths crossed along rows and columns; returns how many strokes were measured.</summary>
    public static long Histogram(byte[] img, byte[] edge, int w, int h, long[] hist)
    {
        long count = 0;
        for (int y = 0; y < h; y++) count += Scan(img, edge, y * w, 1, w, hist);
        for (int x = 0; x < w; x++) count += Scan(img, edge, x, w, h, hist);
        return count;
    }

    private static long Scan(byte[] img, byte[] edge, int start, int step, int len, long[] hist)
    {
        long count = 0;
        int fallStart = -1;
        int i = 0;
        while (i < len)
        {
            if (edge[start + i * step] == 0) { i++; continue; }
            int s = i;
            while (i < len && edge[start + i * step] != 0) i++;
            int e = i - 1;
            // The run's direction: compare the pixels just outside it (or its own ends at the border).
            int before = img[start + Math.Max(s - 1, 0) * step];
            int after = img[start + Math.Min(e + 1, len - 1) * step];
            if (after < before) fallStart = s;
            else if (after > before && fallStart >= 0)
            {
                int d = s - fallStart;
                if (d > 0 && d <= MaxWidth) { hist[d]++; count++; }
                fallStart = -1;
            }
        }
        return count;
    }

    /// <summary>The most frequent width, or <paramref name="fallback"/> when nothing was measured.</summary>
    public static int Mode(ReadOnlySpan<long> hist, int fallback)
    {
        int best = -1; long bestCount = 0;
        for (int i = 1; i < hist.Length; i++) if (hist[i] > bestCount) { bestCount = hist[i]; best = i; }
        return best < 0 ? fallback : best;
    }
}
