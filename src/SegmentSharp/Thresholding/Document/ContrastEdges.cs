using SegmentSharp.Filters;
using SegmentSharp.Imaging;
using SegmentSharp.Morphology;

namespace SegmentSharp.Thresholding.Document;

/// <summary>
/// The adaptive contrast map of Su, Lu and Tan (2013), "Robust document image binarization technique for degraded
/// document images", IEEE TIP 22(4): in each 3×3 neighbourhood, a mix of the local contrast
/// <c>(max − min)/(max + min + ε)</c>, which is insensitive to the illumination level, and the local gradient
/// <c>(max − min)/255</c>, which is insensitive to dark stains; the mix weight α = (σ/128)^γ (γ = 1) grows with the
/// global standard deviation σ, so that pages with a strongly varying background lean on the gradient.
/// </summary>
internal static class ContrastEdges
{
    /// <summary>Writes the adaptive contrast of <paramref name="img"/> (w×h, tight) scaled to 0…255.</summary>
    /// <remarks>The 3×3 minimum and maximum come from the library's erosion and dilation (edge pixels replicated); the
    /// contrast depends only on the pair (max, min), so it is read from a 64k-entry table.</remarks>
    public static void Compute(byte[] img, int w, int h, double alpha, byte[] contrast, byte[] scratch)
    {
        var src = new ReadOnlyImageView<byte>(img, w, h);
        var box = StructuringElement.Rectangle(3, 3);
        Morphology.Morphology.Erode(src, new ImageView<byte>(scratch, w, h), box, border: BorderType.Replicate);
        Morphology.Morphology.Dilate(src, new ImageView<byte>(contrast, w, h), box, border: BorderType.Replicate);
        var lut = new byte[256 * 256];
        double beta = 1 - alpha;
        for (int mx = 0; mx < 256; mx++)
            for (int mn = 0; mn <= mx; mn++)
            {
                double d = mx - mn;
                double v = alpha * d / (mx + mn + 1e-3) + beta * d / 255.0;
                lut[mx * 256 + mn] = (byte)Math.Min(255, (int)(v * 255 + 0.5));
            }
        Parallelism.ForBands(h, w, (y0, y1) =>
        {
            for (int i = y0 * w, end = y1 * w; i < end; i++) contrast[i] = lut[contrast[i] * 256 + scratch[i]];
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
