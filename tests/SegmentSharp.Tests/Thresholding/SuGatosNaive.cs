using SegmentSharp.Imaging;

namespace SegmentSharp.Tests.Thresholding;

/// <summary>
/// Straightforward references for Su (2010) and Gatos (2006): every neighbourhood and window is gathered pixel by pixel
/// through the reflect-101 mapping of <see cref="LocalNaive.Reflect"/>, with no streaming.
/// </summary>
internal static class SuGatosNaive
{
    public static byte[] HighContrast(byte[] data, int w, int h, int stride)
    {
        var c = new byte[w * h];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                int mn = 255, mx = 0;
                for (int dy = -1; dy <= 1; dy++)
                    for (int dx = -1; dx <= 1; dx++)
                    {
                        int v = data[LocalNaive.Reflect(y + dy, h) * stride + LocalNaive.Reflect(x + dx, w)];
                        mn = Math.Min(mn, v); mx = Math.Max(mx, v);
                    }
                c[y * w + x] = mx + mn == 0 ? (byte)0 : (byte)Math.Round(255.0 * (mx - mn) / (mx + mn), MidpointRounding.AwayFromZero);
            }
        var hist = new long[256];
        foreach (var v in c) hist[v]++;
        int t = SegmentSharp.Thresholding.Threshold.Otsu(hist);
        for (int i = 0; i < c.Length; i++) c[i] = c[i] > t ? (byte)255 : (byte)0;
        return c;
    }

    public static (byte[] Mask, double[] T) Su(byte[] data, int w, int h, int stride, int window, int nmin)
    {
        var hc = HighContrast(data, w, h, stride);
        int r = window / 2;
        var mask = new byte[w * h];
        var t = new double[w * h];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                long n = 0, s = 0, q = 0;
                for (int dy = -r; dy <= r; dy++)
                    for (int dx = -r; dx <= r; dx++)
                    {
                        int yy = LocalNaive.Reflect(y + dy, h), xx = LocalNaive.Reflect(x + dx, w);
                        if (hc[yy * w + xx] == 0) continue;
                        int v = data[yy * stride + xx];
                        n++; s += v; q += v * v;
                    }
                double th = -1;
                if (n >= nmin && n > 0)
                {
                    double mean = (double)s / n, variance = (double)q / n - mean * mean;
                    th = mean + (variance > 0 ? Math.Sqrt(variance) : 0) / 2;
                }
                t[y * w + x] = th;
                mask[y * w + x] = data[y * stride + x] <= th ? (byte)0 : (byte)255;
            }
        return (mask, t);
    }

    public static byte[] Wiener(byte[] data, int w, int h, int stride)
    {
        var mean = new double[w * h];
        var variance = new double[w * h];
        long total81 = 0;
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                long s = 0, q = 0;
                for (int dy = -1; dy <= 1; dy++)
                    for (int dx = -1; dx <= 1; dx++)
                    {
                        int v = data[LocalNaive.Reflect(y + dy, h) * stride + LocalNaive.Reflect(x + dx, w)];
                        s += v; q += v * v;
                    }
                mean[y * w + x] = s / 9.0;
                variance[y * w + x] = (9 * q - s * s) / 81.0;
                total81 += 9 * q - s * s;
            }
        double noise = total81 / (81.0 * w * h);
        var o = new byte[w * h];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                int i = y * w + x;
                double v = variance[i];
                double gain = Math.Max(v, noise) == 0 ? 0 : Math.Max(v - noise, 0) / Math.Max(v, noise);
                double f = mean[i] + gain * (data[y * stride + x] - mean[i]);
                o[i] = (byte)Math.Clamp(Math.Floor(f + 0.5), 0, 255);
            }
        return o;
    }

    public static byte[] Gatos(byte[] data, int w, int h, int stride, int window, double q, double p1, double p2)
    {
        var f = Wiener(data, w, h, stride);
        var seed = SegmentSharp.Thresholding.Local.LocalThreshold.Sauvola(new Image<byte>(f, w, h), window, 0.2).Data;
        long paperN = 0, paperS = 0;
        for (int i = 0; i < w * h; i++) if (seed[i] != 0) { paperN++; paperS += f[i]; }
        if (paperN == 0) return seed;
        double b = (double)paperS / paperN;
        int r = window / 2;
        var bg = new double[w * h];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                int i = y * w + x;
                if (seed[i] != 0) { bg[i] = f[i]; continue; }
                long n = 0, s = 0;
                for (int dy = -r; dy <= r; dy++)
                    for (int dx = -r; dx <= r; dx++)
                    {
                        int j = LocalNaive.Reflect(y + dy, h) * w + LocalNaive.Reflect(x + dx, w);
                        if (seed[j] != 0) { n++; s += f[j]; }
                    }
                bg[i] = n > 0 ? (double)s / n : b;
            }
        // δ summed row by row, left to right, as the library does.
        double dist = 0;
        long text = 0;
        for (int y = 0; y < h; y++)
        {
            double acc = 0;
            for (int x = 0; x < w; x++) if (seed[y * w + x] == 0) { acc += bg[y * w + x] - f[y * w + x]; text++; }
            dist += acc;
        }
        double delta = text > 0 ? dist / text : 0;
        var o = new byte[w * h];
        for (int i = 0; i < w * h; i++)
        {
            double d = q * delta * ((1 - p2) / (1 + Math.Exp(-4 * bg[i] / (b * (1 - p1)) + 2 * (1 + p1) / (1 - p1))) + p2);
            o[i] = bg[i] - f[i] > d ? (byte)0 : (byte)255;
        }
        return o;
    }
}
