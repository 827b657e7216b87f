using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SegmentSharp.Codecs;

/// <summary>
/// PNG scanline filters (PNG specification, ISO/IEC 15948 §9: None, Sub, Up, Average, Paeth), in both
/// directions. Reconstruction is what decoding time is spent on after inflate, so Up uses full-width
/// vectors and Sub uses an in-register prefix sum for 1-, 3- and 4-byte pixels (the same idea as libpng's
/// SSE2 filters). Every vector routine has a scalar twin that the tests compare it with.
/// </summary>
internal static class PngFilters
{
    public const int None = 0, Sub = 1, Up = 2, Average = 3, Paeth = 4;

    /// <summary>Undoes filter <paramref name="type"/> on <paramref name="cur"/> in place; <paramref name="prev"/> is the reconstructed previous row (zeros for the first).</summary>
    public static void Unfilter(int type, Span<byte> cur, ReadOnlySpan<byte> prev, int bpp)
    {
        switch (type)
        {
            case None: return;
            case Sub: UnfilterSub(cur, bpp); return;
            case Up: UnfilterUp(cur, prev); return;
            case Average:
                if (bpp is 3 or 4 && Vector128.IsHardwareAccelerated && cur.Length >= 2 * bpp + 4) UnfilterAveragePixels(cur, prev, bpp);
                else if (bpp == 1 && cur.Length > 0) UnfilterAverage1(cur, prev);
                else UnfilterAverageScalar(cur, prev, bpp);
                return;
            case Paeth:
                if (bpp is 3 or 4 && Vector128.IsHardwareAccelerated && cur.Length >= 2 * bpp + 4) UnfilterPaethPixels(cur, prev, bpp);
                else if (bpp == 1 && cur.Length > 0) UnfilterPaeth1(cur, prev);
                else UnfilterPaethScalar(cur, prev, bpp);
                return;
            default: throw new ArgumentOutOfRangeException(nameof(type));
        }
    }

    // Average and Paeth depend on the pixel just reconstructed, so they cannot run across a row in parallel;
    // instead one pixel's 3 or 4 bytes are handled together in 16-bit lanes, branch-free (as libpng's SSE2 code does).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<short> Load4(ref byte r, int i)
        => Vector128.WidenLower(Vector128.CreateScalar(Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref r, i))).AsByte()).AsInt16();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(ref byte r, int i, Vector128<short> v, int bpp)
    {
        uint packed = Vector128.Narrow(v.AsUInt16(), v.AsUInt16()).AsUInt32().ToScalar();
        if (bpp == 4) Unsafe.WriteUnaligned(ref Unsafe.Add(ref r, i), packed);
        else
        {
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref r, i), (ushort)packed);
            Unsafe.Add(ref r, i + 2) = (byte)(packed >> 16);
        }
    }

    private static void UnfilterPaethPixels(Span<byte> cur, ReadOnlySpan<byte> prev, int bpp)
    {
        ref byte cr = ref MemoryMarshal.GetReference(cur);
        ref byte pr = ref MemoryMarshal.GetReference(prev);
        int n = cur.Length;
        for (int k = 0; k < bpp; k++) cur[k] += prev[k];
        var mask = Vector128.Create((short)0xFF);
        Vector128<short> a = Load4(ref cr, 0), c = Load4(ref pr, 0);
        int i = bpp;
        // Each step reads four bytes, so with 3-byte pixels the last pixel is left to the scalar loop.
        for (; i + 4 <= n; i += bpp)
        {
            var b = Load4(ref pr, i);
            var x = Load4(ref cr, i);
            var dbc = b - c; var dac = a - c;
            var pa = Vector128.Abs(dbc); var pb = Vector128.Abs(dac); var pc = Vector128.Abs(dbc + dac);
            var useA = Vector128.LessThanOrEqual(pa, pb) & Vector128.LessThanOrEqual(pa, pc);
            var useB = Vector128.LessThanOrEqual(pb, pc);
            var pred = Vector128.ConditionalSelect(useA, a, Vector128.ConditionalSelect(useB, b, c));
            a = (x + pred) & mask;
            Store(ref cr, i, a, bpp);
            c = b;
        }
        for (; i < n; i++) cur[i] += PaethPredictor(cur[i - bpp], prev[i], prev[i - bpp]);
    }

    private static void UnfilterAveragePixels(Span<byte> cur, ReadOnlySpan<byte> prev, int bpp)
    {
        ref byte cr = ref MemoryMarshal.GetReference(cur);
        ref byte pr = ref MemoryMarshal.GetReference(prev);
        int n = cur.Length;
        for (int k = 0; k < bpp; k++) cur[k] += (byte)(prev[k] >> 1);
        var mask = Vector128.Create((short)0xFF);
        Vector128<short> a = Load4(ref cr, 0);
        int i = bpp;
        for (; i + 4 <= n; i += bpp)
        {
            var b = Load4(ref pr, i);
            var x = Load4(ref cr, i);
            a = (x + Vector128.ShiftRightLogical(a + b, 1)) & mask;
            Store(ref cr, i, a, bpp);
        }
        for (; i < n; i++) cur[i] += (byte)((cur[i - bpp] + prev[i]) >> 1);
    }

    // One-byte pixels (8-bit gray, packed sub-byte rows) are serial byte by byte; what helps is keeping the
    // left and upper-left bytes in registers, no bounds checks, and a branch-free Paeth choice, because the
    // predictor's pick is data-dependent and mispredicts on natural images.
    private static void UnfilterPaeth1(Span<byte> cur, ReadOnlySpan<byte> prev)
    {
        ref byte cr = ref MemoryMarshal.GetReference(cur);
        ref byte pr = ref MemoryMarshal.GetReference(prev);
        int n = cur.Length;
        int a = (byte)(cr + pr), c = pr;
        cr = (byte)a;
        for (int i = 1; i < n; i++)
        {
            int b = Unsafe.Add(ref pr, i);
            int dbc = b - c, dac = a - c, dsum = dbc + dac;
            int pa = (dbc ^ (dbc >> 31)) - (dbc >> 31);
            int pb = (dac ^ (dac >> 31)) - (dac >> 31);
            int pc = (dsum ^ (dsum >> 31)) - (dsum >> 31);
            int notA = ((pb - pa) | (pc - pa)) >> 31;
            int notB = (pc - pb) >> 31;
            int bc = (b & ~notB) | (c & notB);
            int p = (a & ~notA) | (bc & notA);
            ref byte x = ref Unsafe.Add(ref cr, i);
            a = (byte)(x + p);
            x = (byte)a;
            c = b;
        }
    }

    private static void UnfilterAverage1(Span<byte> cur, ReadOnlySpan<byte> prev)
    {
        ref byte cr = ref MemoryMarshal.GetReference(cur);
        ref byte pr = ref MemoryMarshal.GetReference(prev);
        int n = cur.Length;
        int a = (byte)(cr + (pr >> 1));
        cr = (byte)a;
        for (int i = 1; i < n; i++)
        {
            ref byte x = ref Unsafe.Add(ref cr, i);
            a = (byte)(x + ((a + Unsafe.Add(ref pr, i)) >> 1));
            x = (byte)a;
        }
    }

    /// <summary>The reference implementation of every filter, one byte at a time.</summary>
    public static void UnfilterScalar(int type, Span<byte> cur, ReadOnlySpan<byte> prev, int bpp)
    {
        switch (type)
        {
            case None: return;
            case Sub: UnfilterSubScalar(cur, bpp); return;
            case Up: UnfilterUpScalar(cur, prev); return;
            case Average: UnfilterAverageScalar(cur, prev, bpp); return;
            case Paeth: UnfilterPaethScalar(cur, prev, bpp); return;
            default: throw new ArgumentOutOfRangeException(nameof(type));
        }
    }

    public static void UnfilterUp(Span<byte> cur, ReadOnlySpan<byte> prev)
    {
        int n = cur.Length, i = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<byte>.Count)
        {
            ref byte c = ref MemoryMarshal.GetReference(cur);
            ref byte p = ref MemoryMarshal.GetReference(prev);
            for (; i <= n - Vector<byte>.Count; i += Vector<byte>.Count)
            {
                var v = Vector.LoadUnsafe(ref c, (nuint)i) + Vector.LoadUnsafe(ref p, (nuint)i);
                v.StoreUnsafe(ref c, (nuint)i);
            }
        }
        for (; i < n; i++) cur[i] += prev[i];
    }

    public static void UnfilterUpScalar(Span<byte> cur, ReadOnlySpan<byte> prev)
    {
        for (int i = 0; i < cur.Length; i++) cur[i] += prev[i];
    }

    public static void UnfilterSub(Span<byte> cur, int bpp)
    {
        if (Ssse3.IsSupported && cur.Length >= 16 + bpp)
        {
            if (bpp == 4) { UnfilterSub4(cur); return; }
            if (bpp == 3) { UnfilterSub3(cur); return; }
            if (bpp == 1) { UnfilterSub1(cur); return; }
        }
        UnfilterSubScalar(cur, bpp);
    }

    public static void UnfilterSubScalar(Span<byte> cur, int bpp)
    {
        for (int i = bpp; i < cur.Length; i++) cur[i] += cur[i - bpp];
    }

    // Prefix sums inside one register: after adding copies shifted by 1, 2, 4… pixels each pixel holds the
    // sum of all pixels before it in the register; the last reconstructed pixel of the previous block,
    // broadcast, supplies the rest.
    private static void UnfilterSub4(Span<byte> cur)
    {
        ref byte c = ref MemoryMarshal.GetReference(cur);
        int n = cur.Length, i = 0;
        var carry = Vector128<byte>.Zero;
        for (; i + 16 <= n; i += 16)
        {
            var v = Vector128.LoadUnsafe(ref c, (nuint)i);
            v = Sse2.Add(v, Sse2.ShiftLeftLogical128BitLane(v, 4));
            v = Sse2.Add(v, Sse2.ShiftLeftLogical128BitLane(v, 8));
            v = Sse2.Add(v, carry);
            v.StoreUnsafe(ref c, (nuint)i);
            carry = Sse2.Shuffle(v.AsInt32(), 0xFF).AsByte();
        }
        for (i = Math.Max(i, 4); i < n; i++) cur[i] += cur[i - 4];
    }

    private static void UnfilterSub3(Span<byte> cur)
    {
        ref byte c = ref MemoryMarshal.GetReference(cur);
        int n = cur.Length, i = 0;
        var carry = Vector128<byte>.Zero;
        var last = Vector128.Create((byte)9, 10, 11, 9, 10, 11, 9, 10, 11, 9, 10, 11, 0x80, 0x80, 0x80, 0x80);
        for (; i + 16 <= n; i += 12)
        {
            var v = Vector128.LoadUnsafe(ref c, (nuint)i);
            v = Sse2.Add(v, Sse2.ShiftLeftLogical128BitLane(v, 3));
            v = Sse2.Add(v, Sse2.ShiftLeftLogical128BitLane(v, 6));
            v = Sse2.Add(v, carry);
            // Only the first four pixels are complete; bytes 12..15 still hold input for the next block.
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref c, i), v.AsUInt64().GetElement(0));
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref c, i + 8), v.AsUInt32().GetElement(2));
            carry = Ssse3.Shuffle(v, last);
        }
        for (i = Math.Max(i, 3); i < n; i++) cur[i] += cur[i - 3];
    }

    private static void UnfilterSub1(Span<byte> cur)
    {
        ref byte c = ref MemoryMarshal.GetReference(cur);
        int n = cur.Length, i = 0;
        var carry = Vector128<byte>.Zero;
        var last = Vector128.Create((byte)15);
        for (; i + 16 <= n; i += 16)
        {
            var v = Vector128.LoadUnsafe(ref c, (nuint)i);
            v = Sse2.Add(v, Sse2.ShiftLeftLogical128BitLane(v, 1));
            v = Sse2.Add(v, Sse2.ShiftLeftLogical128BitLane(v, 2));
            v = Sse2.Add(v, Sse2.ShiftLeftLogical128BitLane(v, 4));
            v = Sse2.Add(v, Sse2.ShiftLeftLogical128BitLane(v, 8));
            v = Sse2.Add(v, carry);
            v.StoreUnsafe(ref c, (nuint)i);
            carry = Ssse3.Shuffle(v, last);
        }
        for (i = Math.Max(i, 1); i < n; i++) cur[i] += cur[i - 1];
    }

    public static void UnfilterAverageScalar(Span<byte> cur, ReadOnlySpan<byte> prev, int bpp)
    {
        int n = cur.Length, first = Math.Min(bpp, n);
        for (int i = 0; i < first; i++) cur[i] += (byte)(prev[i] >> 1);
        for (int i = bpp; i < n; i++) cur[i] += (byte)((cur[i - bpp] + prev[i]) >> 1);
    }

    public static void UnfilterPaethScalar(Span<byte> cur, ReadOnlySpan<byte> prev, int bpp)
    {
        int n = cur.Length, first = Math.Min(bpp, n);
        for (int i = 0; i < first; i++) cur[i] += prev[i];
        for (int i = bpp; i < n; i++) cur[i] += PaethPredictor(cur[i - bpp], prev[i], prev[i - bpp]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte PaethPredictor(int a, int b, int c)
    {
        // p = a + b - c; the distances to a, b, c are |b - c|, |a - c| and |a + b - 2c|.
        int pa = Math.Abs(b - c), pb = Math.Abs(a - c), pc = Math.Abs(a + b - 2 * c);
        return (byte)(pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
    }

    /// <summary>
    /// Applies filter <paramref name="type"/> to <paramref name="cur"/> into <paramref name="dst"/> and returns the
    /// sum of |signed residual| (the usual adaptive-filter heuristic). Encoding has no serial dependency — every
    /// predictor input is already known — so all five filters run at full vector width.
    /// </summary>
    public static long Filter(int type, ReadOnlySpan<byte> cur, ReadOnlySpan<byte> prev, int bpp, Span<byte> dst)
    {
        int n = cur.Length, w = Vector<byte>.Count;
        if (!Vector.IsHardwareAccelerated || n < bpp + w || type == None) return FilterScalar(type, cur, prev, bpp, dst);
        FilterScalarRange(type, cur, prev, bpp, dst, 0, bpp);
        int i = bpp;
        for (; i <= n - w; i += w)
        {
            var x = new Vector<byte>(cur[i..]);
            Vector<byte> pred;
            switch (type)
            {
                case Sub: pred = new Vector<byte>(cur[(i - bpp)..]); break;
                case Up: pred = new Vector<byte>(prev[i..]); break;
                case Average:
                {
                    var a = new Vector<byte>(cur[(i - bpp)..]);
                    var b = new Vector<byte>(prev[i..]);
                    pred = (a & b) + Vector.ShiftRightLogical(a ^ b, 1); // floor((a + b) / 2) without overflow
                    break;
                }
                default:
                {
                    var a = new Vector<byte>(cur[(i - bpp)..]);
                    var b = new Vector<byte>(prev[i..]);
                    var c = new Vector<byte>(prev[(i - bpp)..]);
                    Vector.Widen(a, out var a0, out var a1);
                    Vector.Widen(b, out var b0, out var b1);
                    Vector.Widen(c, out var c0, out var c1);
                    pred = Vector.Narrow(PaethVector(a0, b0, c0), PaethVector(a1, b1, c1));
                    break;
                }
            }
            (x - pred).CopyTo(dst[i..]);
        }
        FilterScalarRange(type, cur, prev, bpp, dst, i, n);
        return SumAbsSigned(dst[..n]);
    }

    private static Vector<ushort> PaethVector(Vector<ushort> a, Vector<ushort> b, Vector<ushort> c)
    {
        var sa = Vector.AsVectorInt16(a); var sb = Vector.AsVectorInt16(b); var sc = Vector.AsVectorInt16(c);
        var dbc = sb - sc; var dac = sa - sc;
        var pa = Vector.Abs(dbc); var pb = Vector.Abs(dac); var pc = Vector.Abs(dbc + dac);
        var useA = Vector.LessThanOrEqual(pa, pb) & Vector.LessThanOrEqual(pa, pc);
        var useB = Vector.LessThanOrEqual(pb, pc);
        return Vector.AsVectorUInt16(Vector.ConditionalSelect(useA, sa, Vector.ConditionalSelect(useB, sb, sc)));
    }

    /// <summary>The scalar twin of <see cref="Filter"/>.</summary>
    public static long FilterScalar(int type, ReadOnlySpan<byte> cur, ReadOnlySpan<byte> prev, int bpp, Span<byte> dst)
    {
        FilterScalarRange(type, cur, prev, bpp, dst, 0, cur.Length);
        return SumAbsSigned(dst[..cur.Length]);
    }

    private static void FilterScalarRange(int type, ReadOnlySpan<byte> cur, ReadOnlySpan<byte> prev, int bpp, Span<byte> dst, int from, int to)
    {
        switch (type)
        {
            case None:
                cur[from..to].CopyTo(dst[from..]);
                break;
            case Sub:
                for (int i = from; i < to; i++) dst[i] = (byte)(cur[i] - (i >= bpp ? cur[i - bpp] : 0));
                break;
            case Up:
                for (int i = from; i < to; i++) dst[i] = (byte)(cur[i] - prev[i]);
                break;
            case Average:
                for (int i = from; i < to; i++) dst[i] = (byte)(cur[i] - (((i >= bpp ? cur[i - bpp] : 0) + prev[i]) >> 1));
                break;
            default:
                for (int i = from; i < to; i++)
                    dst[i] = (byte)(cur[i] - (i >= bpp ? PaethPredictor(cur[i - bpp], prev[i], prev[i - bpp]) : prev[i]));
                break;
        }
    }

    /// <summary>Σ|(sbyte)x|, the minimum-sum-of-absolute-differences heuristic from the PNG specification §12.8.</summary>
    public static long SumAbsSigned(ReadOnlySpan<byte> d)
    {
        long sum = 0;
        int i = 0;
        if (Vector.IsHardwareAccelerated && d.Length >= Vector<byte>.Count)
        {
            var acc = Vector<uint>.Zero;
            for (; i <= d.Length - Vector<byte>.Count; i += Vector<byte>.Count)
            {
                var a = Vector.Abs(Vector.AsVectorSByte(new Vector<byte>(d[i..])));
                Vector.Widen(Vector.AsVectorByte(a), out Vector<ushort> lo, out Vector<ushort> hi);
                Vector.Widen(lo + hi, out Vector<uint> l2, out Vector<uint> h2);
                acc += l2 + h2;
            }
            sum = Vector.Sum(acc);
        }
        for (; i < d.Length; i++) sum += Math.Abs((int)(sbyte)d[i]);
        return sum;
    }
}
