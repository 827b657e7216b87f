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
            case Average: UnfilterAverageScalar(cur, prev, bpp); return;
            case Paeth: UnfilterPaethScalar(cur, prev, bpp); return;
            default: throw new ArgumentOutOfRangeException(nameof(type));
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

    /// <summary>Applies filter <paramref name="type"/> to <paramref name="cur"/> into <paramref name="dst"/> and returns the sum of |signed residual| (the usual adaptive-filter heuristic).</summary>
    public static long Filter(int type, ReadOnlySpan<byte> cur, ReadOnlySpan<byte> prev, int bpp, Span<byte> dst)
    {
        int n = cur.Length;
        switch (type)
        {
            case None:
                cur.CopyTo(dst);
                break;
            case Sub:
                for (int i = 0; i < Math.Min(bpp, n); i++) dst[i] = cur[i];
                for (int i = bpp; i < n; i++) dst[i] = (byte)(cur[i] - cur[i - bpp]);
                break;
            case Up:
            {
                int i = 0;
                if (Vector.IsHardwareAccelerated)
                    for (; i <= n - Vector<byte>.Count; i += Vector<byte>.Count)
                        (new Vector<byte>(cur[i..]) - new Vector<byte>(prev[i..])).CopyTo(dst[i..]);
                for (; i < n; i++) dst[i] = (byte)(cur[i] - prev[i]);
                break;
            }
            case Average:
                for (int i = 0; i < Math.Min(bpp, n); i++) dst[i] = (byte)(cur[i] - (prev[i] >> 1));
                for (int i = bpp; i < n; i++) dst[i] = (byte)(cur[i] - ((cur[i - bpp] + prev[i]) >> 1));
                break;
            default:
                for (int i = 0; i < Math.Min(bpp, n); i++) dst[i] = (byte)(cur[i] - prev[i]);
                for (int i = bpp; i < n; i++) dst[i] = (byte)(cur[i] - PaethPredictor(cur[i - bpp], prev[i], prev[i - bpp]));
                break;
        }
        return SumAbsSigned(dst[..n]);
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
