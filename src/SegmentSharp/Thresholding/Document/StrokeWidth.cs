namespace SegmentSharp.Thresholding.Document;

/// <summary>
/// Stroke width from stroke edges, after Su, Lu and Tan (2013, Algorithm 1): along each row (and column), an edge run
/// where the intensity falls (paper → ink) followed by one where it rises (ink → paper) spans one stroke; the most
/// frequent distance between their starts is the stroke width.
/// </summary>
internal static class StrokeWidth
{
    public const int MaxWidth = 255;

    /// <summary>Histogram of the stroke widths crossed along rows and columns.</summary>
    /// <remarks>Columns are scanned row by row with one state per column, so the image is read in memory order.</remarks>
    public static void Histogram(byte[] img, byte[] edge, int w, int h, long[] hist)
    {
        for (int y = 0; y < h; y++) ScanRow(img, edge, y * w, w, hist);

        var runStart = new int[w];   // start row of the open edge run, or −1
        var fallStart = new int[w];  // start row of the last falling run not yet paired, or −1
        Array.Fill(runStart, -1);
        Array.Fill(fallStart, -1);
        for (int y = 0; y <= h; y++)
        {
            int r = y * w;
            for (int x = 0; x < w; x++)
            {
                bool on = y < h && edge[r + x] != 0;
                int s = runStart[x];
                if (on) { if (s < 0) runStart[x] = y; continue; }
                if (s < 0) continue;
                runStart[x] = -1;
                int before = img[Math.Max(s - 1, 0) * w + x];
                int after = img[Math.Min(y, h - 1) * w + x];
                Classify(s, before, after, ref fallStart[x], hist);
            }
        }
    }

    private static void ScanRow(byte[] img, byte[] edge, int start, int len, long[] hist)
    {
        int fallStart = -1;
        int i = 0;
        while (i < len)
        {
            if (edge[start + i] == 0) { i++; continue; }
            int s = i;
            while (i < len && edge[start + i] != 0) i++;
            // The run's direction: compare the pixels just outside it (or its own ends at the border).
            int before = img[start + Math.Max(s - 1, 0)];
            int after = img[start + Math.Min(i, len - 1)];
            Classify(s, before, after, ref fallStart, hist);
        }
    }

    private static void Classify(int s, int before, int after, ref int fallStart, long[] hist)
    {
        if (after < before) fallStart = s;
        else if (after > before && fallStart >= 0)
        {
            int d = s - fallStart;
            if (d > 0 && d <= MaxWidth) hist[d]++;
            fallStart = -1;
        }
    }

    /// <summary>The most frequent width, or <paramref name="fallback"/> when nothing was measured.</summary>
    public static int Mode(ReadOnlySpan<long> hist, int fallback)
    {
        int best = -1; long bestCount = 0;
        for (int i = 1; i < hist.Length; i++) if (hist[i] > bestCount) { bestCount = hist[i]; best = i; }
        return best < 0 ? fallback : best;
    }
}
