using SegmentSharp.Imaging;

namespace SegmentSharp.Thresholding.Document;

/// <summary>
/// The adaptive contrast map of Su, Lu and Tan (2013), "Robust document image binarization technique for degraded
/// document images", IEEE TIP 22(4): in each 3×3 neighbourhood, a mix of the local contrast
/// <c>(max − min)/(max + min + ε)</c>, which is insensitive to the illumination level, and the local gradient
/// <c>(max − min)/255</c>, which is insensitive to dark stains; the mix weight α = (σ/128)^γ grows with the global
/// standard deviation σ, so that pages with a strongly varying background lean on the gradient.
/// </summary>
internal static class ContrastEdges
{
    /// <summary>Writes the adaptive contrast of <paramref name="img"/> (w×h, tight) scaled to 0…255.</summary>
    public static void Compute(byte[] img, int w, int h, double alpha, byte[] contrast)
    {
        double beta = 1 - alpha;
        // Precomputed per (max, min) would be 64k entries; a per-row loop with a division is cheap enough.
        Parallelism.ForBands(h, w * 9L, (y0, y1) =>
        {
            for (int y = y0; y < y1; y++)
            {
                int ya = Math.Max(y - 1, 0), yb = Math.Min(y + 1, h - 1);
                int ra = ya * w, rm = y * w, rb = yb * w;
                for (int x = 0; x < w; x++)
                {
                    int xa = Math.Max(x - 1, 0), xb = Math.Min(x + 1, w - 1);
                    int mn = 255, mx = 0;
                    for (int xx = xa; xx <= xb; xx++)
                    {
                        int a = img[ra + xx], b = img[rm + xx], c = img[rb + xx];
                        int lo = Math.Min(a, Math.Min(b, c)), hi = Math.Max(a, Math.Max(b, c));
                        if (lo < mn) mn = lo;
                        if (hi > mx) mx = hi;
                    }
                    double d = mx - mn;
                    double v = alpha * d / (mx + mn + 1e-3) + beta * d / 255.0;
                    contrast[rm + x] = (byte)Math.Min(255, (int)(v * 255 + 0.5));
                }
            }
        });
    }

    /// <summary>Global standard deviation of the image, for the contrast mix weight.</summary>
    public static double StdDev(ReadOnlySpan<long> hist)
    {
        double n = 0, s = 0, s2 = 0;
        for (int i = 0; i < hist.Length; i++) { n += hist[i]; s += i * (double)hist[i]; s2 += (double)i * i * hist[i]; }
        if (n == 0) return 0;
        double m = s / n;
        return Math.Sqrt(Math.Max(0, s2 / n - m * m));
    }
}
