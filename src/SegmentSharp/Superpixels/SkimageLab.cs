namespace SegmentSharp.Superpixels;

/// <summary>
/// scikit-image 0.19's float <c>rgb2lab</c> (sRGB, D65, 2° observer) on channels in [0, 1]: the sRGB
/// curve, the <c>xyz_from_rgb</c> matrix summed left to right (as numpy's matmul rounds it), division by the white point
/// and the CIE cube-root / linear segment with scikit-image's 0.008856 and 7.787 constants. Unlike OpenCV's 8-bit Lab
/// nothing is quantised, so SLIC distances stay those of scikit-image.
/// </summary>
internal static class SkimageLab
{
    private const double WhiteX = 0.95047, WhiteY = 1.0, WhiteZ = 1.08883;

    /// <summary>Lab of a pixel whose channels have already been through <see cref="Linear"/>.</summary>
    public static void FromLinearRgb(double r, double g, double b, out double l, out double a, out double bb)
    {
        double x = r * 0.412453 + g * 0.35758 + b * 0.180423;
        double y = r * 0.212671 + g * 0.71516 + b * 0.072169;
        double z = r * 0.019334 + g * 0.119193 + b * 0.950227;
        x = F(x / WhiteX); y = F(y / WhiteY); z = F(z / WhiteZ);
        l = 116.0 * y - 16.0;
        a = 500.0 * (x - y);
        bb = 200.0 * (y - z);
    }

    /// <summary>The sRGB curve, kept apart so callers can tabulate it over the 256 values an 8-bit channel can take.</summary>
    public static double Linear(double v) => v > 0.04045 ? Math.Pow((v + 0.055) / 1.055, 2.4) : v / 12.92;

    private static double F(double t) => t > 0.008856 ? Math.Cbrt(t) : 7.787 * t + 16.0 / 116.0;
}
