namespace SegmentSharp.Color;

/// <summary>
/// The constants OpenCV's colour code builds its tables from, as exact doubles: OpenCV stores them as raw IEEE bit
/// patterns (or integer ratios) so every build gets the same tables, and so do we.
/// </summary>
internal static class ColorConstants
{
    // sRGB primaries to XYZ (D65), rows X, Y, Z; columns R, G, B: 0.412453 0.357580 0.180423 / 0.212671 0.715160 0.072169 / 0.019334 0.119193 0.950227.
    public static readonly double[] Rgb2Xyz =
    [
        Bits(0x3fda65a14488c60d), Bits(0x3fd6e297396d0918), Bits(0x3fc71819d2391d58),
        Bits(0x3fcb38cda6e75ff6), Bits(0x3fe6e297396d0918), Bits(0x3fb279aae6c8f755),
        Bits(0x3f93cc4ac6cdaf4b), Bits(0x3fbe836eb4e98138), Bits(0x3fee68427418d691),
    ];

    // XYZ to sRGB primaries, rows R, G, B: 3.240479 -1.53715 -0.498535 / -0.969256 1.875991 0.041556 / 0.055648 -0.204043 1.057311.
    public static readonly double[] Xyz2Rgb =
    [
        Bits(0x4009ec804102ff8f), Bits(unchecked((long)0xbff8982a9930be0e)), Bits(unchecked((long)0xbfdfe7ff583a53b9)),
        Bits(unchecked((long)0xbfef042528ae74f3)), Bits(0x3ffe040f23897204), Bits(0x3fa546d3f9e7b80b),
        Bits(0x3fac7de5082cf52c), Bits(unchecked((long)0xbfca1e14bdfd2631)), Bits(0x3ff0eabef06b3786),
    ];

    // D65 white point (0.950456, 1, 1.088754).
    public static readonly double[] D65 = [Bits(0x3fee6a22b3892ee8), 1.0, Bits(0x3ff16b8950763a19)];

    // The 8-bit XYZ paths' 12-bit matrices (OpenCV's sRGB2XYZ_D65_i / XYZ2sRGB_D65_i).
    public static readonly int[] Rgb2XyzInt = [1689, 1465, 739, 871, 2929, 296, 79, 488, 3892];
    public static readonly int[] Xyz2RgbInt = [13273, -6296, -2042, -3970, 7684, 170, 228, -836, 4331];

    // sRGB transfer function pieces as integer ratios: 0.04045, 0.0031308, 12.92, 2.4, 0.055.
    public const double GammaThreshold = 809.0 / 20000.0;
    public const double GammaInvThreshold = 7827.0 / 2500000.0;
    public const double GammaLowScale = 323.0 / 25.0;
    public const double GammaPower = 12.0 / 5.0;
    public const double GammaXShift = 11.0 / 200.0;

    // CIE f(t) pieces in single precision: (6/29)^3, (29/3)^3/(29*4) and 16/116.
    public static readonly float LThresh = 216f / 24389f;
    public static readonly float LScale = 841f / 108f;
    public static readonly float LBias = 16f / 116f;

    /// <summary>sRGB decoding (companded to linear), computed in double and rounded to float like OpenCV's table builder.</summary>
    public static float ApplyGamma(float x)
    {
        double xd = x;
        return (float)(xd <= GammaThreshold ? xd / GammaLowScale : Math.Pow((xd + GammaXShift) / (1.0 + GammaXShift), GammaPower));
    }

    /// <summary>sRGB encoding (linear to companded), as <see cref="ApplyGamma"/>.</summary>
    public static float ApplyInvGamma(float x)
    {
        double xd = x;
        return (float)(xd <= GammaInvThreshold ? xd * GammaLowScale : Math.Pow(xd, 1.0 / GammaPower) * (1.0 + GammaXShift) - GammaXShift);
    }

    /// <summary>CIE's f(t): the cube root above (6/29)^3, the linear toe below, in float with a fused multiply-add.</summary>
    public static float LabF(float x) => x < LThresh ? MathF.FusedMultiplyAdd(x, LScale, LBias) : Cbrt(x);

    // Turkowski's quartic rational approximation of the cube root on [1/8, 1), the one OpenCV's softfloat library uses.
    private static readonly double[] CbrtNum = [Bits(0x4046a09e6653ba70), Bits(0x406808f46c6116e0), Bits(0x405dca97439cae14), Bits(0x402add70d2827500), Bits(0x3fc4f15f83f55d2d)];
    private static readonly double[] CbrtDen = [Bits(0x402d9e20660edb21), Bits(0x4062ff15c0285815), Bits(0x406510d06a8112ce), Bits(0x4040fecbc9e2c375), 1.0];

    /// <summary>
    /// OpenCV's <c>cbrt(softfloat)</c>: the mantissa scaled into [1/8, 1) by a multiple-of-3 exponent, a rational
    /// approximation in double, and the result's mantissa truncated (not rounded) to 23 bits. It differs from a
    /// correctly rounded cube root by one ulp now and then, which moves some table entries, so the tables use it.
    /// </summary>
    public static float Cbrt(float x)
    {
        uint bits = BitConverter.SingleToUInt32Bits(x);
        if ((bits & 0x7fffffff) == 0 || !float.IsFinite(x)) return x;
        uint sign = bits >> 31;
        int ex = (int)((bits >> 23) & 0xff) - 127;
        int shx = ex % 3;
        if (shx >= 0) shx -= 3;
        ex = (ex - shx) / 3 - 1;
        double fr = BitConverter.UInt64BitsToDouble(((ulong)(shx + 1023) << 52) | ((ulong)(bits & 0x7fffff) << 29));
        double num = (((CbrtNum[0] * fr + CbrtNum[1]) * fr + CbrtNum[2]) * fr + CbrtNum[3]) * fr + CbrtNum[4];
        double den = (((CbrtDen[0] * fr + CbrtDen[1]) * fr + CbrtDen[2]) * fr + CbrtDen[3]) * fr + CbrtDen[4];
        fr = num / den;
        uint mant = (uint)((BitConverter.DoubleToUInt64Bits(fr) & 0xFFFFFFFFFFFFFUL) >> 29);
        return BitConverter.UInt32BitsToSingle((sign << 31) + ((uint)(ex + 127) << 23) + mant);
    }

    /// <summary>
    /// OpenCV's <c>cv::cubeRoot(float)</c>: the same rational approximation as <see cref="Cbrt"/>, but rounded to float
    /// before the exponent is put back (the scalar tail of OpenCV's float Lab conversion uses it).
    /// </summary>
    public static float CubeRoot(float x)
    {
        uint bits = BitConverter.SingleToUInt32Bits(x);
        if ((bits & 0x7fffffff) == 0 || !float.IsFinite(x)) return x;
        int ex = (int)((bits >> 23) & 0xff) - 127;
        int shx = ex % 3;
        if (shx >= 0) shx -= 3;
        ex = (ex - shx) / 3;
        double fr = BitConverter.UInt32BitsToSingle((bits & 0x7fffff) | ((uint)(shx + 127) << 23));
        double num = (((CbrtNum[0] * fr + CbrtNum[1]) * fr + CbrtNum[2]) * fr + CbrtNum[3]) * fr + CbrtNum[4];
        double den = (((CbrtDen[0] * fr + CbrtDen[1]) * fr + CbrtDen[2]) * fr + CbrtDen[3]) * fr + CbrtDen[4];
        float r = MathF.ScaleB((float)(num / den), ex);
        return (bits >> 31) != 0 ? -r : r;
    }

    /// <summary>Round half to even, OpenCV's <c>cvRound</c>.</summary>
    public static int Round(double v) => (int)Math.Round(v, MidpointRounding.ToEven);

    /// <summary>OpenCV's <c>saturate_cast&lt;int&gt;(double)</c>: round half to even, clamped to the int range (NaN gives int.MinValue as on x86-64).</summary>
    public static int RoundSaturate(double v)
    {
        if (double.IsNaN(v)) return int.MinValue;
        double r = Math.Round(v, MidpointRounding.ToEven);
        return r >= int.MaxValue ? int.MaxValue : r <= int.MinValue ? int.MinValue : (int)r;
    }

    private static double Bits(long raw) => BitConverter.Int64BitsToDouble(raw);
}
