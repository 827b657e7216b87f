namespace SegmentSharp.Tests.Thresholding;

/// <summary>
/// Direct references for the histogram-based local methods: each pixel's window histogram is counted sample by sample
/// (reflect-101 for the median, clipped for local Otsu), then the median is found by sorting and Otsu by scanning
/// every level.
/// </summary>
internal static class LocalHistogramNaive
{
    public static int[] Median(byte[] data, int w, int h, int stride, int window, int c)
    {
        int r = window / 2;
        var t = new int[w * h];
        var hist = new int[256];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                Array.Clear(hist);
                for (int dy = -r; dy <= r; dy++)
                {
                    int row = LocalNaive.Reflect(y + dy, h) * stride;
                    for (int dx = -r; dx <= r; dx++) hist[data[row + LocalNaive.Reflect(x + dx, w)]]++;
                }
                // The sample of rank ⌊n/2⌋ in sorted order.
                int v = 0, seen = hist[0];
                while (seen <= window * window / 2) seen += hist[++v];
                t[y * w + x] = v - c;
            }
        return t;
    }

    /// <summary>Otsu per window, samples outside the image not counted, with scikit-image 0.19's float expression.</summary>
    public static int[] Otsu(byte[] data, int w, int h, int stride, int window)
    {
        var t = new int[w * h];
        var hist = new long[256];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
                t[y * w + x] = OtsuAt(data, w, h, stride, window, x, y, hist);
        return t;
    }

    /// <summary>Otsu of the (clipped) window around one pixel; <paramref name="hist"/> is 256 bins of scratch.</summary>
    public static int OtsuAt(byte[] data, int w, int h, int stride, int window, int x, int y, long[] hist)
    {
        int r = window / 2;
        Array.Clear(hist);
        long pop = 0, mu = 0;
        for (int yy = Math.Max(0, y - r); yy <= Math.Min(h - 1, y + r); yy++)
            for (int xx = Math.Max(0, x - r); xx <= Math.Min(w - 1, x + r); xx++)
            {
                byte v = data[yy * stride + xx];
                hist[v]++; pop++; mu += v;
            }
        return OtsuOf(hist, pop, mu);
    }

    /// <summary>Fractions of Sauvola's (window 31) text pixels that are 0 in <paramref name="mask"/>, and of its paper
    /// pixels that are 255: a sanity check that a method finds the text of a real page.</summary>
    public static (double Text, double Paper) AgreementWithSauvola(SegmentSharp.Imaging.Image<byte> page, SegmentSharp.Imaging.Image<byte> mask)
    {
        var sv = SegmentSharp.Thresholding.Local.LocalThreshold.Sauvola(page, 31);
        int text = 0, textAgree = 0, bg = 0, bgAgree = 0;
        for (int i = 0; i < page.Data.Length; i++)
            if (sv.Data[i] == 0) { text++; if (mask.Data[i] == 0) textAgree++; }
            else { bg++; if (mask.Data[i] == 255) bgAgree++; }
        return ((double)textAgree / text, (double)bgAgree / bg);
    }

    public static int OtsuOf(long[] hist, long pop, long mu)
    {
        double n = pop, best = 0;
        int bestI = 0;
        long q1 = hist[0], mu1 = 0;
        for (int i = 1; i < 256; i++)
        {
            if (hist[i] == 0) continue;
            q1 += hist[i];
            if (q1 == pop) break;
            mu1 += i * hist[i];
            double tt = (n - q1) * mu1 - (double)((mu - mu1) * q1);
            double s = tt * tt / (q1 * (n - q1));
            if (s > best) { best = s; bestI = i; }
        }
        return bestI;
    }
}
