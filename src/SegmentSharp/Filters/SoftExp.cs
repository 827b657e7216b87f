namespace SegmentSharp.Filters;

/// <summary>
/// The exponential OpenCV's <c>softdouble exp</c> computes (a 2^(i/64) table times a degree-5 polynomial,
/// evaluated in plain IEEE double steps). It is not correctly rounded, so Gaussian kernels built with
/// <see cref="Math.Exp"/> can differ from OpenCV's in the last bits; this reproduces OpenCV's value.
/// </summary>
internal static class SoftExp
{
    private const int TabScale = 6;
    private const int TabMask = (1 << TabScale) - 1;

    // 0.00967... : the polynomial is scaled by 1/A0 and the product rescaled by A0 (OpenCV's EXPPOLY_32F_A0).
    private static readonly double PolyA0 = BitConverter.Int64BitsToDouble(0x3f83ce0f3e46f431);
    private static readonly double MaxVal = 3000.0 * (1 << TabScale);
    private static readonly double PreScale = BitConverter.Int64BitsToDouble(0x3ff71547652b82fe) * (1 << TabScale); // log2(e)·64
    private static readonly double PostScale = 1.0 / (1 << TabScale);

    // Taylor coefficients of 2^x: (ln 2)^k / k!, each divided by PolyA0.
    private static readonly double C5 = 1.0 / PolyA0;
    private static readonly double C4 = BitConverter.Int64BitsToDouble(0x3fe62e42fefa39f1) / PolyA0;
    private static readonly double C3 = BitConverter.Int64BitsToDouble(0x3fcebfbdff82a45a) / PolyA0;
    private static readonly double C2 = BitConverter.Int64BitsToDouble(0x3fac6b08d81fec75) / PolyA0;
    private static readonly double C1 = BitConverter.Int64BitsToDouble(0x3f83b2a72b4f3cd3) / PolyA0;
    private static readonly double C0 = BitConverter.Int64BitsToDouble(0x3f55e7aa1566c2a4) / PolyA0;

    /// <summary>2^(i/64), correctly rounded, i = 0..63.</summary>
    private static readonly ulong[] Table =
    [
        0x3ff0000000000000UL,
        0x3ff02c9a3e778061UL,
        0x3ff059b0d3158574UL,
        0x3ff0874518759bc8UL,
        0x3ff0b5586cf9890fUL,
        0x3ff0e3ec32d3d1a2UL,
        0x3ff11301d0125b51UL,
        0x3ff1429aaea92de0UL,
        0x3ff172b83c7d517bUL,
        0x3ff1a35beb6fcb75UL,
        0x3ff1d4873168b9aaUL,
        0x3ff2063b88628cd6UL,
        0x3ff2387a6e756238UL,
        0x3ff26b4565e27cddUL,
        0x3ff29e9df51fdee1UL,
        0x3ff2d285a6e4030bUL,
        0x3ff306fe0a31b715UL,
        0x3ff33c08b26416ffUL,
        0x3ff371a7373aa9cbUL,
        0x3ff3a7db34e59ff7UL,
        0x3ff3dea64c123422UL,
        0x3ff4160a21f72e2aUL,
        0x3ff44e086061892dUL,
        0x3ff486a2b5c13cd0UL,
        0x3ff4bfdad5362a27UL,
        0x3ff4f9b2769d2ca7UL,
        0x3ff5342b569d4f82UL,
        0x3ff56f4736b527daUL,
        0x3ff5ab07dd485429UL,
        0x3ff5e76f15ad2148UL,
        0x3ff6247eb03a5585UL,
        0x3ff6623882552225UL,
        0x3ff6a09e667f3bcdUL,
        0x3ff6dfb23c651a2fUL,
        0x3ff71f75e8ec5f74UL,
        0x3ff75feb564267c9UL,
        0x3ff7a11473eb0187UL,
        0x3ff7e2f336cf4e62UL,
        0x3ff82589994cce13UL,
        0x3ff868d99b4492edUL,
        0x3ff8ace5422aa0dbUL,
        0x3ff8f1ae99157736UL,
        0x3ff93737b0cdc5e5UL,
        0x3ff97d829fde4e50UL,
        0x3ff9c49182a3f090UL,
        0x3ffa0c667b5de565UL,
        0x3ffa5503b23e255dUL,
        0x3ffa9e6b5579fdbfUL,
        0x3ffae89f995ad3adUL,
        0x3ffb33a2b84f15fbUL,
        0x3ffb7f76f2fb5e47UL,
        0x3ffbcc1e904bc1d2UL,
        0x3ffc199bdd85529cUL,
        0x3ffc67f12e57d14bUL,
        0x3ffcb720dcef9069UL,
        0x3ffd072d4a07897cUL,
        0x3ffd5818dcfba487UL,
        0x3ffda9e603db3285UL,
        0x3ffdfc97337b9b5fUL,
        0x3ffe502ee78b3ff6UL,
        0x3ffea4afa2a490daUL,
        0x3ffefa1bee615a27UL,
        0x3fff50765b6e4540UL,
        0x3fffa7c1819e90d8UL
    ];

    public static double Exp(double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        if (double.IsInfinity(x)) return x > 0 ? x : 0.0;
        int biasedExp = (int)((BitConverter.DoubleToInt64Bits(x) >> 52) & 0x7FF);
        double x0 = biasedExp > 1023 + 10 ? (x < 0 ? -MaxVal : MaxVal) : x * PreScale;
        int val0 = (int)Math.Round(x0, MidpointRounding.ToEven);
        int t = (val0 >> TabScale) + 1023;
        t = t < 0 ? 0 : (t > 2047 ? 2047 : t);
        double buf = BitConverter.Int64BitsToDouble((long)t << 52);
        x0 = (x0 - Math.Round(x0, MidpointRounding.ToEven)) * PostScale;
        double poly = ((((C0 * x0 + C1) * x0 + C2) * x0 + C3) * x0 + C4) * x0 + C5;
        return buf * PolyA0 * BitConverter.Int64BitsToDouble((long)Table[val0 & TabMask]) * poly;
    }
}
