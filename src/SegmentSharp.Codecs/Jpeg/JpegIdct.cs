using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

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
    internal static void Transform(ReadOnlySpan<short> coef, ReadOnlySpan<short> quant, Span<byte> dst, int stride)
    {
        if (Sse2.IsSupported) TransformVector(coef, quant, dst, stride);
        else TransformScalar(coef, quant, dst, stride);
    }

    /// <summary>The scalar reference of <see cref="Transform"/> (also the path on CPUs without SSE2).</summary>
    [SkipLocalsInit]
    internal static void TransformScalar(ReadOnlySpan<short> coef, ReadOnlySpan<short> quant, Span<byte> dst, int stride)
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

    /// <summary>
    /// <see cref="TransformScalar"/> on eight columns (pass 1) and then eight rows (pass 2) at once: 16-bit lanes
    /// between passes, 32-bit lanes for the products, an 8×8 transpose after each pass.
    /// </summary>
    [SkipLocalsInit]
    internal static void TransformVector(ReadOnlySpan<short> coef, ReadOnlySpan<short> quant, Span<byte> dst, int stride)
    {
        if (coef.Length < 64 || quant.Length < 64) throw new ArgumentException("an 8×8 block needs 64 values");
        if (dst.Length < 7 * stride + 8) throw new ArgumentException("the destination is too small for an 8×8 block");
        ref short c = ref MemoryMarshal.GetReference(coef);
        ref short q = ref MemoryMarshal.GetReference(quant);
        Span<Vector128<short>> v = stackalloc Vector128<short>[8];
        Vector128<short> ac = Vector128<short>.Zero;
        for (int r = 0; r < 8; r++)
        {
            var raw = Vector128.LoadUnsafe(ref c, (nuint)(r * 8));
            if (r > 0) ac |= raw;
            v[r] = raw * Vector128.LoadUnsafe(ref q, (nuint)(r * 8));
        }
        if (ac == Vector128<short>.Zero)
        {
            var dc = v[0] << Pass1Bits;
            if ((Vector128.LoadUnsafe(ref c) & Vector128.Create(0, -1, -1, -1, -1, -1, -1, -1)) == Vector128<short>.Zero)
            {
                // Only the DC coefficient: both passes reduce to one rounded shift, and the block is flat.
                int flat = (((int)dc.GetElement(0) << ConstBits) + (1 << (ConstBits + Pass1Bits + 2))) >> (ConstBits + Pass1Bits + 3);
                ulong fill = 0x0101010101010101UL * (byte)(Math.Clamp(flat, -128, 127) + 128);
                ref byte d0 = ref MemoryMarshal.GetReference(dst);
                for (int y = 0; y < 8; y++) Unsafe.WriteUnaligned(ref Unsafe.Add(ref d0, y * stride), fill);
                return;
            }
            for (int r = 0; r < 8; r++) v[r] = dc;
        }
        else Pass(v, ConstBits - Pass1Bits, short.MinValue, short.MaxValue);
        Transpose(v);
        Pass(v, ConstBits + Pass1Bits + 3, -128, 127);
        Transpose(v);
        var bias = Vector128.Create((byte)0x80);
        ref byte d = ref MemoryMarshal.GetReference(dst);
        for (int y = 0; y < 8; y += 2)
        {
            var packed = Vector128.Narrow(v[y], v[y + 1]).AsByte() ^ bias;
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref d, y * stride), packed.AsUInt64().GetElement(0));
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref d, (y + 1) * stride), packed.AsUInt64().GetElement(1));
        }
    }

    /// <summary>One 8-point pass over eight lanes, outputs descaled by <paramref name="shift"/> and clamped.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Pass(Span<Vector128<short>> v, int shift, int min, int max)
    {
        // The 16-bit sums of the SIMD reference.
        var s04 = v[0] + v[4];
        var d04 = v[0] - v[4];
        var z3s = v[7] + v[3];
        var z4s = v[5] + v[1];
        Span<Vector128<int>> lo = stackalloc Vector128<int>[8];
        Span<Vector128<int>> hi = stackalloc Vector128<int>[8];
        var vmin = Vector128.Create(min);
        var vmax = Vector128.Create(max);
        var round = Vector128.Create(1 << (shift - 1));
        for (int half = 0; half < 2; half++)
        {
            Span<Vector128<int>> o = half == 0 ? lo : hi;
            var i1 = Widen(v[1], half); var i2 = Widen(v[2], half); var i3 = Widen(v[3], half);
            var i5 = Widen(v[5], half); var i6 = Widen(v[6], half); var i7 = Widen(v[7], half);
            var e3 = i2 * (F0_541196100 + F0_765366865) + i6 * F0_541196100;
            var e2 = i2 * F0_541196100 + i6 * (F0_541196100 - F1_847759065);
            var e0 = Widen(s04, half) << ConstBits;
            var e1 = Widen(d04, half) << ConstBits;
            var t10 = e0 + e3; var t13 = e0 - e3; var t11 = e1 + e2; var t12 = e1 - e2;
            var z3 = Widen(z3s, half); var z4 = Widen(z4s, half);
            var zz3 = z3 * (F1_175875602 - F1_961570560) + z4 * F1_175875602;
            var zz4 = z3 * F1_175875602 + z4 * (F1_175875602 - F0_390180644);
            var p0 = i7 * (F0_298631336 - F0_899976223) + i1 * -F0_899976223 + zz3;
            var p1 = i5 * (F2_053119869 - F2_562915447) + i3 * -F2_562915447 + zz4;
            var p2 = i5 * -F2_562915447 + i3 * (F3_072711026 - F2_562915447) + zz3;
            var p3 = i7 * -F0_899976223 + i1 * (F1_501321110 - F0_899976223) + zz4;
            o[0] = Descale(t10 + p3, round, shift, vmin, vmax);
            o[7] = Descale(t10 - p3, round, shift, vmin, vmax);
            o[1] = Descale(t11 + p2, round, shift, vmin, vmax);
            o[6] = Descale(t11 - p2, round, shift, vmin, vmax);
            o[2] = Descale(t12 + p1, round, shift, vmin, vmax);
            o[5] = Descale(t12 - p1, round, shift, vmin, vmax);
            o[3] = Descale(t13 + p0, round, shift, vmin, vmax);
            o[4] = Descale(t13 - p0, round, shift, vmin, vmax);
        }
        for (int k = 0; k < 8; k++) v[k] = Vector128.Narrow(lo[k], hi[k]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<int> Widen(Vector128<short> x, int half) => half == 0 ? Vector128.WidenLower(x) : Vector128.WidenUpper(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<int> Descale(Vector128<int> x, Vector128<int> round, int shift, Vector128<int> min, Vector128<int> max)
        => Vector128.Min(Vector128.Max((x + round) >> shift, min), max);

    /// <summary>8×8 transpose of 16-bit lanes by three rounds of interleaves.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose(Span<Vector128<short>> a)
    {
        var t0 = Sse2.UnpackLow(a[0], a[1]); var t1 = Sse2.UnpackHigh(a[0], a[1]);
        var t2 = Sse2.UnpackLow(a[2], a[3]); var t3 = Sse2.UnpackHigh(a[2], a[3]);
        var t4 = Sse2.UnpackLow(a[4], a[5]); var t5 = Sse2.UnpackHigh(a[4], a[5]);
        var t6 = Sse2.UnpackLow(a[6], a[7]); var t7 = Sse2.UnpackHigh(a[6], a[7]);
        var u0 = Sse2.UnpackLow(t0.AsInt32(), t2.AsInt32()); var u1 = Sse2.UnpackHigh(t0.AsInt32(), t2.AsInt32());
        var u2 = Sse2.UnpackLow(t1.AsInt32(), t3.AsInt32()); var u3 = Sse2.UnpackHigh(t1.AsInt32(), t3.AsInt32());
        var u4 = Sse2.UnpackLow(t4.AsInt32(), t6.AsInt32()); var u5 = Sse2.UnpackHigh(t4.AsInt32(), t6.AsInt32());
        var u6 = Sse2.UnpackLow(t5.AsInt32(), t7.AsInt32()); var u7 = Sse2.UnpackHigh(t5.AsInt32(), t7.AsInt32());
        a[0] = Sse2.UnpackLow(u0.AsInt64(), u4.AsInt64()).AsInt16(); a[1] = Sse2.UnpackHigh(u0.AsInt64(), u4.AsInt64()).AsInt16();
        a[2] = Sse2.UnpackLow(u1.AsInt64(), u5.AsInt64()).AsInt16(); a[3] = Sse2.UnpackHigh(u1.AsInt64(), u5.AsInt64()).AsInt16();
        a[4] = Sse2.UnpackLow(u2.AsInt64(), u6.AsInt64()).AsInt16(); a[5] = Sse2.UnpackHigh(u2.AsInt64(), u6.AsInt64()).AsInt16();
        a[6] = Sse2.UnpackLow(u3.AsInt64(), u7.AsInt64()).AsInt16(); a[7] = Sse2.UnpackHigh(u3.AsInt64(), u7.AsInt64()).AsInt16();
    }
}
