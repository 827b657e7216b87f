using SegmentSharp.Imaging;

namespace SegmentSharp.Cli;

/// <summary>
/// The histogram tile of the global try-all sheet: the 256-bin gray histogram as dark bars on white, heights on a square-root
/// scale (so the small text mode stays visible next to the paper peak), with a vertical line at every distinct
/// global threshold (gray on the background, light over the bars), so the user sees where each method cuts the histogram.
/// </summary>
internal static class TryAllHistogram
{
    public static Image<byte> Render(Image<byte> gray, IEnumerable<int> thresholds, int width, int height)
    {
        Span<long> hist = stackalloc long[256];
        for (int y = 0; y < gray.Height; y++)
            foreach (byte v in gray.Row(y)) hist[v]++;
        long max = 1;
        foreach (long c in hist) max = Math.Max(max, c);

        var img = new Image<byte>(width, height);
        img.Data.AsSpan().Fill(255);
        int margin = Math.Max(2, width / 64);
        int plotW = width - 2 * margin, plotH = height - 2 * margin;
        int X(int level) => margin + (int)((long)level * (plotW - 1) / 255);

        for (int level = 0; level < 256; level++)
        {
            int h = (int)Math.Round(Math.Sqrt((double)hist[level] / max) * plotH);
            if (h == 0) continue;
            int x0 = X(level), x1 = Math.Max(x0 + 1, X(level + 1 > 255 ? 255 : level + 1));
            if (level == 255) x1 = x0 + 1;
            for (int y = margin + plotH - h; y < margin + plotH; y++)
                img.Row(y).Slice(x0, x1 - x0).Fill(40);
        }
        foreach (int t in thresholds.Distinct())
        {
            // pixel > t is foreground: the cut lies between levels t and t + 1.
            if (t < 0 || t >= 255) continue;
            int x = (X(t) + X(t + 1)) / 2;
            for (int y = margin; y < margin + plotH; y++) img.Row(y)[x] = img.Row(y)[x] == 255 ? (byte)150 : (byte)200;
        }
        for (int x = margin; x < margin + plotW; x++) img.Row(margin + plotH - 1)[x] = 0;
        return img;
    }
}
