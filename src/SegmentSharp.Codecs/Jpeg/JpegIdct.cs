using System.Runtime.CompilerServices;

namespace SegmentSharp.Codecs;

/// <summary>
/// The accurate integer inverse DCT of the Independent JPEG Group's libjpeg ("ISLOW", the default
/// <c>JDCT_ISLOW</c> that OpenCV's decoder uses): the Loeffler–Ligtenberg–Moschytz factorisation with 13-bit
/// fixed-point constants, two passes (columns keep 2 extra fraction bits, rows drop them with rounding) and
/// libjpeg's wrap-around range limiting. Reproducing its rounding exactly is what makes decoded pixels equal to
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
    /// Output clamp indexed by (value &amp; 1023): libjpeg masks the descaled result to 10 bits, so values far out
    /// of range (only possible in corrupt data) wrap instead of saturating; this table keeps that behaviour.
    /// </summary>
    internal static readonly byte[] RangeLimit = BuildRangeLimit();

    private static byte[] BuildRangeLimit()
    {
        var t = new byte[1024];
        for (int i = 0; i < 1024; i++)
        {
            int v = i < 512 ? i : i - 1024; // signed 10-bit value before the +128 level shift
            t[i] = (byte)Math.Clamp(v + 128, 0, 255);
        }
        return t;
    }

    /// <summary>
    /// Dequantises and inverse-transforms one 8×8 block (natural order) into <paramref name="dst"/> rows of
    /// <paramref name="stride"/> bytes.
    /// </summary>
    [SkipLocalsInit]
    internal static void Transform(ReadOnlySpan<short> coef, ReadOnlySpan<short> quant, Span<byte> dst, int stride)
    {
        Span<int> ws = stackalloc int[64];
        if (coef.Length < 64 || quant.Length < 64) throw new ArgumentException("an 8×8 block needs 64 values");

        // Pass 1: columns.
        for (int x = 0; x < 8; x++)
        {
            if (coef[8 + x] == 0 && coef[16 + x] == 0 && coef[24 + x] == 0 && coef[32 + x] == 0 &&
                coef[40 + x] == 0 && coef[48 + x] == 0 && coef[56 + x] == 0)
            {
                // A DC-only column: the full computation reduces to this exactly (the rounding bias is below 2^11).
                int dc = (coef[x] * quant[x]) << Pass1Bits;
                for (int y = 0; y < 8; y++) ws[y * 8 + x] = dc;
                continue;
            }
            Butterfly(coef[x] * quant[x], coef[8 + x] * quant[8 + x], coef[16 + x] * quant[16 + x],
                      coef[24 + x] * quant[24 + x], coef[32 + x] * quant[32 + x], coef[40 + x] * quant[40 + x],
                      coef[48 + x] * quant[48 + x], coef[56 + x] * quant[56 + x],
                      out int o0, out int o1, out int o2, out int o3, out int o4, out int o5, out int o6, out int o7);
            const int s1 = ConstBits - Pass1Bits, r1 = 1 << (s1 - 1);
            ws[x] = (o0 + r1) >> s1;
            ws[8 + x] = (o1 + r1) >> s1;
            ws[16 + x] = (o2 + r1) >> s1;
            ws[24 + x] = (o3 + r1) >> s1;
            ws[32 + x] = (o4 + r1) >> s1;
            ws[40 + x] = (o5 + r1) >> s1;
            ws[48 + x] = (o6 + r1) >> s1;
            ws[56 + x] = (o7 + r1) >> s1;
        }

        // Pass 2: rows, descaling by the pass-1 bits and the 3 bits of the 8-point normalisation.
        byte[] limit = RangeLimit;
        for (int y = 0; y < 8; y++)
        {
            Span<int> w = ws.Slice(y * 8, 8);
            Span<byte> o = dst.Slice(y * stride, 8);
            if (w[1] == 0 && w[2] == 0 && w[3] == 0 && w[4] == 0 && w[5] == 0 && w[6] == 0 && w[7] == 0)
            {
                byte v = limit[((w[0] + (1 << (Pass1Bits + 2))) >> (Pass1Bits + 3)) & 1023];
                o.Fill(v);
                continue;
            }
            Butterfly(w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7],
                      out int o0, out int o1, out int o2, out int o3, out int o4, out int o5, out int o6, out int o7);
            const int s2 = ConstBits + Pass1Bits + 3, r2 = 1 << (s2 - 1);
            o[0] = limit[((o0 + r2) >> s2) & 1023];
            o[1] = limit[((o1 + r2) >> s2) & 1023];
            o[2] = limit[((o2 + r2) >> s2) & 1023];
            o[3] = limit[((o3 + r2) >> s2) & 1023];
            o[4] = limit[((o4 + r2) >> s2) & 1023];
            o[5] = limit[((o5 + r2) >> s2) & 1023];
            o[6] = limit[((o6 + r2) >> s2) & 1023];
            o[7] = limit[((o7 + r2) >> s2) & 1023];
        }
    }

    /// <summary>The 8-point transform, results still scaled by 2^13 (before descaling).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Butterfly(int i0, int i1, int i2, int i3, int i4, int i5, int i6, int i7,
        out int o0, out int o1, out int o2, out int o3, out int o4, out int o5, out int o6, out int o7)
    {
        // Even part: inputs 0, 2, 4, 6.
        int z1 = (i2 + i6) * F0_541196100;
        int e2 = z1 - i6 * F1_847759065;
        int e3 = z1 + i2 * F0_765366865;
        int e0 = (i0 + i4) << ConstBits;
        int e1 = (i0 - i4) << ConstBits;
        int t10 = e0 + e3, t13 = e0 - e3, t11 = e1 + e2, t12 = e1 - e2;

        // Odd part: inputs 7, 5, 3, 1.
        int a = i7 + i1, b = i5 + i3, c = i7 + i3, d = i5 + i1;
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
