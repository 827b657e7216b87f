using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SegmentSharp.Thresholding.Local;

/// <summary>
/// a + p·e^(c·m) in vector lanes for |c·m| ≤ <see cref="Limit"/>, to a relative error below <see cref="RelativeError"/>,
/// by the table-driven scheme of Tang (1989), "Table-driven implementation of the exponential function in IEEE
/// floating-point arithmetic", ACM TOMS 15(2): with N table entries, u = c·m·N/ln 2 is split into the nearest integer
/// j and f = u − j in [−½, ½], so that e^(c·m) = 2^⌊j/N⌋ · 2^((j mod N)/N) · e^(f·ln 2/N). The middle factor comes
/// from the table, the power of two is added straight into its exponent bits, and the last factor is a Taylor
/// polynomial with p folded into its coefficients. The 8-lane AVX-512 form has N = 16 (one <c>vpermt2pd</c> over two
/// registers) and degree 2; the 4-lane AVX2 form, which has no variable cross-lane permute, has N = 2 (one in-lane
/// <c>vpermilpd</c>) and degree 4. Either is about half the vector instructions of a full-precision exponential,
/// which is what Phansalkar's mask kernel needs: it decides with a margin widened by this error bound and recomputes
/// the lanes that close to T with <see cref="Math.Exp"/>, so the coarser exponential never changes a decision.
/// </summary>
internal static class ExpKernel
{
    /// <summary>The largest |c·m| the kernel accepts (2^⌊j/N⌋ stays a normal double).</summary>
    public const double Limit = 700;

    /// <summary>
    /// The relative error the callers' margins assume, over twice the analytic bound of either form: the Taylor
    /// remainder |y|³/6·e^|y| ≤ 1.73e-6 for |y| ≤ ln 2/32 (degree 2) and |y|⁵/120·e^|y| ≤ 1.55e-6 for |y| ≤ ln 2/4
    /// (degree 4), plus a few roundings of 1.1e-16 and the coefficient's rounding (≤ 700·3·1.1e-16 in the argument).
    /// A dense sweep of the whole range tests it (it measures 1.72e-6).
    /// </summary>
    public const double RelativeError = 4e-6;

    private const double Shifter = 6755399441055744.0;        // 1.5·2^52: adding it leaves round(u) in the low bits
    private const double Steps16 = 23.083120654223414;        // 16 / ln 2
    private const double Steps2 = 2.8853900817779268;         // 2 / ln 2
    private const double L16 = 0.04332169878499658;           // ln 2 / 16
    private const double L2 = 0.34657359027997264;            // ln 2 / 2

    /// <summary>
    /// Bits of 2^(i/16) (correctly rounded) minus i·2^48, so that adding j·2^48 (whose low bits select i = j mod 16)
    /// gives the bits of 2^(i/16)·2^⌊j/16⌋.
    /// </summary>
    private static ReadOnlySpan<ulong> Table16 =>
    [
        0x3FF0000000000000, 0x3FEFB5586CF9890F, 0x3FEF72B83C7D517B, 0x3FEF387A6E756238,
        0x3FEF06FE0A31B715, 0x3FEEDEA64C123422, 0x3FEEBFDAD5362A27, 0x3FEEAB07DD485429,
        0x3FEEA09E667F3BCD, 0x3FEEA11473EB0187, 0x3FEEACE5422AA0DB, 0x3FEEC49182A3F090,
        0x3FEEE89F995AD3AD, 0x3FEF199BDD85529C, 0x3FEF5818DCFBA487, 0x3FEFA4AFA2A490DA,
    ];

    /// <summary>The same for N = 2: 2^0 and 2^(1/2) minus 2^51 (entry 8 of the 16-entry table is 2^(8/16)).</summary>
    private const ulong Half0 = 0x3FF0000000000000, Half1 = 0x3FEEA09E667F3BCD;

    /// <summary>The constants of one a + p·e^(c·m) for both forms: c·N/ln 2, p times each Taylor coefficient, and a.</summary>
    internal readonly struct Constants(double c, double p, double a)
    {
        public readonly double Coefficient16 = c * Steps16, A1 = p * L16, A2 = p * (L16 * L16 / 2),
            Coefficient2 = c * Steps2, B1 = p * L2, B2 = p * (L2 * L2 / 2), B3 = p * (L2 * L2 * L2 / 6), B4 = p * (L2 * L2 * L2 * L2 / 24),
            P = p, Addend = a;
    }

    /// <summary>The 2^(i/16) of the table, for tests.</summary>
    internal static double TableValue(int i) => BitConverter.UInt64BitsToDouble(Table16[i] + ((ulong)i << 48));

    /// <summary>a + p·e^(c·m) for the c, p and a of <paramref name="k"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Exp(Vector256<double> m, in Constants k)
    {
        var coefficient = Vector256.Create(k.Coefficient2);
        var t = Vector256.FusedMultiplyAdd(m, coefficient, Vector256.Create(Shifter));
        var f = Vector256.FusedMultiplyAdd(m, coefficient, Vector256.Create(Shifter) - t);
        var bits = t.AsUInt64();
        // vpermilpd picks within each 128-bit half by bit 1 of the control: j's lowest bit, shifted there.
        var entry = Avx.PermuteVar(Vector256.Create(Half0, Half1, Half0, Half1).AsDouble(), Vector256.ShiftLeft(bits, 1).AsInt64()).AsUInt64();
        var scale = (entry + Vector256.ShiftLeft(bits, 51)).AsDouble();
        var poly = Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(
            f, Vector256.Create(k.B4), Vector256.Create(k.B3)), f, Vector256.Create(k.B2)), f, Vector256.Create(k.B1)), f, Vector256.Create(k.P));
        return Vector256.FusedMultiplyAdd(poly, scale, Vector256.Create(k.Addend));
    }

    /// <inheritdoc cref="Exp(Vector256{double}, in Constants)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Exp(Vector512<double> m, in Constants k)
    {
        var coefficient = Vector512.Create(k.Coefficient16);
        var t = Vector512.FusedMultiplyAdd(m, coefficient, Vector512.Create(Shifter));
        // f = c·m·16/ln 2 − j with a single rounding (t − shifter is j exactly).
        var f = Vector512.FusedMultiplyAdd(m, coefficient, Vector512.Create(Shifter) - t);
        var bits = t.AsUInt64();
        // vpermt2pd reads the low 4 bits of each index lane: j mod 16.
        var entry = Avx512F.PermuteVar8x64x2(
            Vector512.Create(0x3FF0000000000000UL, 0x3FEFB5586CF9890FUL, 0x3FEF72B83C7D517BUL, 0x3FEF387A6E756238UL,
                0x3FEF06FE0A31B715UL, 0x3FEEDEA64C123422UL, 0x3FEEBFDAD5362A27UL, 0x3FEEAB07DD485429UL).AsDouble(), bits.AsInt64(),
            Vector512.Create(0x3FEEA09E667F3BCDUL, 0x3FEEA11473EB0187UL, 0x3FEEACE5422AA0DBUL, 0x3FEEC49182A3F090UL,
                0x3FEEE89F995AD3ADUL, 0x3FEF199BDD85529CUL, 0x3FEF5818DCFBA487UL, 0x3FEFA4AFA2A490DAUL).AsDouble()).AsUInt64();
        var scale = (entry + Vector512.ShiftLeft(bits, 48)).AsDouble();
        var poly = Vector512.FusedMultiplyAdd(Vector512.FusedMultiplyAdd(f, Vector512.Create(k.A2), Vector512.Create(k.A1)), f, Vector512.Create(k.P));
        return Vector512.FusedMultiplyAdd(poly, scale, Vector512.Create(k.Addend));
    }

    /// <summary>The largest |c·m| <see cref="ExpFloat"/> accepts (2^⌊j/16⌋ then keeps the float32 table entries normal).</summary>
    public const double FloatLimit = 80;

    /// <summary>
    /// e^(c·m) in float32 lanes for |c·m| ≤ <see cref="FloatLimit"/>, by the same table scheme with N = 16 (one
    /// <c>vpermps</c> over the 16 float32 entries) and a degree-3 Taylor polynomial. With <paramref name="cSteps"/> the
    /// float32 rounding of c·16/ln 2 and m within 3u of the intended mean (u = 2⁻²⁴), the result is within
    /// <see cref="FloatRelativeError"/> of the real e^(c·m): the argument u·16/ln 2 carries at most 5u·|t| (so 5u·|c·m| in the
    /// result), and the table (u/2), the remainder (|y|⁴/24 ≤ 0.2u) and five roundings add under 6u.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> ExpFloat(Vector512<float> m, Vector512<float> cSteps)
    {
        var t = m * cSteps;
        // Adding 1.5·2²³ rounds t to the nearest integer j (ties to even, as MathF.Round) and leaves j in the low bits.
        var shifted = t + Vector512.Create(FloatShifter);
        var j = shifted - Vector512.Create(FloatShifter);
        var y = (t - j) * Vector512.Create((float)L16);
        var ji = shifted.AsInt32() - Vector512.Create(FloatShifterBits);
        // vpermps reads the low 4 bits of each index lane (j mod 16); j >> 4 (floor) goes into the exponent.
        var entry = Avx512F.PermuteVar16x32(Vector512.Create(TableF), ji);
        var scale = (entry.AsInt32() + Vector512.ShiftLeft(Vector512.ShiftRightArithmetic(ji, 4), 23)).AsSingle();
        var poly = Vector512.FusedMultiplyAdd(Vector512.FusedMultiplyAdd(Vector512.FusedMultiplyAdd(
            y, Vector512.Create(1f / 6), Vector512.Create(0.5f)), y, Vector512<float>.One), y, Vector512<float>.One);
        return poly * scale;
    }

    /// <summary>The scalar twin of <see cref="ExpFloat"/>: the same float32 operations, lane by lane.</summary>
    public static float ExpFloatScalar(float m, float cSteps)
    {
        float t = m * cSteps;
        float j = MathF.Round(t);
        float y = (t - j) * (float)L16;
        int ji = (int)j;
        float entry = TableF[ji & 15];
        float scale = BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(entry) + ((ji >> 4) << 23));
        float poly = MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(y, 1f / 6, 0.5f), y, 1f), y, 1f);
        return poly * scale;
    }

    /// <summary>The relative error bound of <see cref="ExpFloat"/> for |c·m| ≤ <paramref name="maxArgument"/>.</summary>
    public static double FloatRelativeError(double maxArgument) => (8 + 6 * maxArgument) / (1 << 24);

    private const float FloatShifter = 12582912f;          // 1.5·2²³
    private const int FloatShifterBits = 0x4B400000;

    /// <summary>Entry <paramref name="i"/> of the float32 table, for tests.</summary>
    internal static float TableFloatValue(int i) => TableF[i];

    /// <summary>2^(i/16) rounded to float32.</summary>
    private static ReadOnlySpan<float> TableF =>
    [
        1.0f, 1.0442737f, 1.0905077f, 1.1387886f, 1.1892071f, 1.2418578f, 1.2968396f, 1.3542556f,
        1.4142135f, 1.4768262f, 1.5422108f, 1.6104903f, 1.6817929f, 1.7562522f, 1.8340081f, 1.9152066f,
    ];
}
