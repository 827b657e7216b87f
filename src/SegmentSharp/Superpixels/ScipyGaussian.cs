namespace SegmentSharp.Superpixels;

/// <summary>
/// <c>scipy.ndimage.gaussian_filter</c> on a float64 plane (truncate 4, mode 'reflect', i.e. edge samples repeated:
/// d c b a | a b c d), the smoothing scikit-image's <c>gaussian</c> applies before its superpixel methods. Rows are
/// filtered along axis 0 first, then axis 1, each tap pair added outermost first as scipy's symmetric correlation does.
/// </summary>
internal static class ScipyGaussian
{
    public static double[] Kernel(double sigma)
    {
        int radius = (int)(4.0 * sigma + 0.5);
        var w = new double[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) { w[i + radius] = Math.Exp(-0.5 / (sigma * sigma) * i * i); sum += w[i + radius]; }
        for (int i = 0; i < w.Length; i++) w[i] /= sum;
        return w;
    }

    /// <summary>Filters <paramref name="plane"/> (height × width, row-major) in place.</summary>
    public static void Filter(double[] plane, int width, int height, double sigma)
    {
        if (sigma < 1e-15) return;
        var w = Kernel(sigma);
        int r = w.Length / 2;
        var line = new double[Math.Max(width, height) + 2 * r];
        var outLine = new double[Math.Max(width, height)];
        for (int x = 0; x < width; x++)
        {
            for (int y = 0; y < height; y++) line[r + y] = plane[y * width + x];
            Correlate(line, height, r, w, outLine);
            for (int y = 0; y < height; y++) plane[y * width + x] = outLine[y];
        }
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++) line[r + x] = plane[y * width + x];
            Correlate(line, width, r, w, outLine);
            for (int x = 0; x < width; x++) plane[y * width + x] = outLine[x];
        }
    }

    private static void Correlate(double[] line, int n, int r, double[] w, double[] output)
    {
        for (int i = 1; i <= r; i++)
        {
            line[r - i] = line[r + Reflect(-i, n)];
            line[r + n - 1 + i] = line[r + Reflect(n - 1 + i, n)];
        }
        for (int i = 0; i < n; i++)
        {
            int c = r + i;
            double acc = line[c] * w[r];
            for (int j = -r; j < 0; j++) acc += (line[c + j] + line[c - j]) * w[r + j];
            output[i] = acc;
        }
    }

    private static int Reflect(int i, int n)
    {
        if (n == 1) return 0;
        int period = 2 * n;
        i %= period;
        if (i < 0) i += period;
        return i < n ? i : period - 1 - i;
    }
}
