using System.Runtime.CompilerServices;

namespace SegmentSharp.Codecs;

/// <summary>
/// The accurate integer inverse DCT of the Independent JPEG Group's libjpeg ("ISLOW", the default
/// <c>JDCT_ISLOW</c> that OpenCV's decoder uses): the Loeffler–Ligtenberg–Moschytz factorisation with 13-bit
/// fixed-point constants and two passes (columns keep 2 extra fraction bits, rows drop them with rounding). Reproducing its rounding exactly is what makes decoded pixels equal to
/// OpenCV's bit for bit.
/// </summary>
internal static class JpegIdct
{
    private const int ConstBits = 13;
    private const int Pass1Bits = 2;

    // round(c * 2^13) for the rotation constants of the factorisation.
    private const int F0_298631336 = 2446;
    private const int F0_390180644 = 3196;
    private const int F0_541196100 = 4433;
    private const int F0_765366865 = 6270;
    private const int F0_899976223 = 7373;
    private const int F1_175875602 = 9633;
    private const int F1_501321110 = 12299;
    private const int F1_847759065 = 15137;
    private const int F1_961570560 = 16069;
    private const int F2_053119869 = 16819;
    private const int F2_562915447 = 20995;
    private const int F3_072711026 = 25172;

    /// <summary>
    /// Dequantises and inverse-transforms one 8×8 block (natural order) into <paramref name="dst"/> rows of
    /// <paramref name="stride"/> bytes.
    /// </summary>
    /// <remarks>
    /// The arithmetic follows libjpeg-turbo's x86 SIMD build of this transform (what OpenCV ships), which keeps
    /// samples in 16-bit lanes: dequantised coefficients and the sums feeding a single multiply wrap to 16 bits,
    /// each pass saturates its outputs to 16 bits, and the final value saturates to 0..255. For any valid JPEG this
    /// equals the 32-bit C reference (jidctint.c); the lane semantics only decide what corrupt data turns into.
    /// A block whose rows 1..7 are all zero takes the DC-only shortcut (shift with 16-bit wrap), as the SIMD code does.
    /// </remarks>
    [SkipLocalsInit]
    internal static void Transform(ReadOnlySpan<short> coef, ReadOnlySpan<short> quant, Span<byte> dst, int stride)
    {
        if (coef.Length < 64 || quant.Length < 64) throw new ArgumentException("an 8×8 block needs 64 values");
        Span<short> ws = stackalloc short[64];

        bool acZero = true;
        for (int i = 8; i < 64; i++) if (coef[i] != 0) { acZero = false; break; }
        if (acZero)
        {
            for (int x = 0; x < 8; x++)
            {
                short dc = unchecked((short)((short)(coef[x] * quant[x]) << Pass1Bits));
                for (int y = 0; y < 8; y++) ws[y * 8 + x] = dc;
            }
        }
        else
        {
            for (int x = 0; x < 8; x++)
            {
                Butterfly(Dq(coef, quant, x), Dq(coef, quant, 8 + x), Dq(coef, quant, 16 + x), Dq(coef, quant, 24 + x),
                          Dq(coef, quant, 32 + x), Dq(coef, quant, 40 + x), Dq(coef, quant, 48 + x), Dq(coef, quant, 56 + x),
                          out int o0, out int o1, out int o2, out int o3, out int o4, out int o5, out int o6, out int o7);
                const int s1 = ConstBits - Pass1Bits, r1 = 1 << (s1 - 1);
                ws[x] = Sat16((o0 + r1) >> s1);
                ws[8 + x] = Sat16((o1 + r1) >> s1);
                ws[16 + x] = Sat16((o2 + r1) >> s1);
                ws[24 + x] = Sat16((o3 + r1) >> s1);
                ws[32 + x] = Sat16((o4 + r1) >> s1);
                ws[40 + x] = Sat16((o5 + r1) >> s1);
                ws[48 + x] = Sat16((o6 + r1) >> s1);
                ws[56 + x] = Sat16((o7 + r1) >> s1);
            }
        }

        // Pass 2: rows, descaling by the pass-1 bits and the 3 bits of the 8-point normalisation.
        for (int y = 0; y < 8; y++)
        {
            ReadOnlySpan<short> w = ws.Slice(y * 8, 8);
            Span<byte> o = dst.Slice(y * stride, 8);
            Butterfly(w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7],
                      out int o0, out int o1, out int o2, out int o3, out int o4, out int o5, out int o6, out int o7);
            const int s2 = ConstBits + Pass1Bits + 3, r2 = 1 << (s2 - 1);
            o[0] = Sample((o0 + r2) >> s2);
            o[1] = Sample((o1 + r2) >> s2);
            o[2] = Sample((o2 + r2) >> s2);
            o[3] = Sample((o3 + r2) >> s2);
            o[4] = Sample((o4 + r2) >> s2);
            o[5] = Sample((o5 + r2) >> s2);
            o[6] = Sample((o6 + r2) >> s2);
            o[7] = Sample((o7 + r2) >> s2);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static short Dq(ReadOnlySpan<short> coef, ReadOnlySpan<short> quant, int i) => unchecked((short)(coef[i] * quant[i]));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static short Sat16(int v) => (short)Math.Clamp(v, short.MinValue, short.MaxValue);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static byte Sample(int v) => (byte)(Math.Clamp(v, -128, 127) + 128);

    /// <summary>The 8-point transform, results still scaled by 2^13 (before descaling). The three sums that the SIMD
    /// code forms in 16-bit lanes (in0±in4, in7+in3, in5+in1) wrap like them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Butterfly(int i0, int i1, int i2, int i3, int i4, int i5, int i6, int i7,
        out int o0, out int o1, out int o2, out int o3, out int o4, out int o5, out int o6, out int o7)
    {
        // Even part: inputs 0, 2, 4, 6.
        int z1 = (i2 + i6) * F0_541196100;
        int e2 = z1 - i6 * F1_847759065;
        int e3 = z1 + i2 * F0_765366865;
        int e0 = (short)(i0 + i4) << ConstBits;
        int e1 = (short)(i0 - i4) << ConstBits;
        int t10 = e0 + e3, t13 = e0 - e3, t11 = e1 + e2, t12 = e1 - e2;

        // Odd part: inputs 7, 5, 3, 1.
        int a = i7 + i1, b = i5 + i3, c = (short)(i7 + i3), d = (short)(i5 + i1);
        int z5 = (c + d) * F1_175875602;
        int p0 = i7 * F0_298631336, p1 = i5 * F2_053119869, p2 = i3 * F3_072711026, p3 = i1 * F1_501321110;
        a *= -F0_899976223;
        b *= -F2_562915447;
        c = c * -F1_961570560 + z5;
        d = d * -F0_390180644 + z5;
        p0 += a + c;
        p1 += b + d;
        p2 += b + c;
        p3 += a + d;

        o0 = t10 + p3; o7 = t10 - p3;
        o1 = t11 + p2; o6 = t11 - p2;
        o2 = t12 + p1; o5 = t12 - p1;
        o3 = t13 + p0; o4 = t13 - p0;
    }
}
