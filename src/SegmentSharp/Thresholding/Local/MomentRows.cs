using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SegmentSharp.Thresholding.Local;

/// <summary>
/// The fast twin of <see cref="WindowSums"/> for windows whose sums fit 32 bits (<see cref="MaxWindow"/>) and are
/// narrower than one horizontal reflection period. Per band it keeps the running column sums Σp and Σp² of the w rows
/// of the window in a row padded by reflection, and for each output row their prefix sums, so that the window sums of
/// pixel x are <c>Prefix[x + w] − Prefix[x]</c>. Everything is 32-bit and wraps modulo 2³²: a prefix overflows, but a
/// difference of two prefixes is a window sum below 2³² and so comes out exact. Memory is O(width) per band and the
/// cost per pixel does not depend on the window.
/// </summary>
internal sealed unsafe class MomentRows
{
    /// <summary>Largest window whose Σp² (w² · 255² at most) fits an unsigned 32-bit integer.</summary>
    public const int MaxWindow = 257;

    private readonly LocalPlane _p;
    private readonly int _r, _win, _w, _h;
    private readonly bool _squares;
    private readonly int[] _colS;    // padded: column x of the image is entry r + x
    private readonly uint[] _colQ;
    private int _y = int.MinValue;

    /// <summary>Prefix sums of the padded column sums: entry j holds the sum of padded entries [0, j).</summary>
    public readonly int[] PrefixS;
    /// <summary>As <see cref="PrefixS"/> for Σp² (empty when squares are not needed).</summary>
    public readonly uint[] PrefixQ;

    /// <summary>True when the fast path can serve this window on an image of this width.</summary>
    public static bool Supports(int width, int window) =>
        window <= MaxWindow && width > 1 && window < Reflect101.Period(width);

    public MomentRows(LocalPlane plane, int radius, bool squares)
    {
        _p = plane; _r = radius; _win = 2 * radius + 1; _w = plane.Width; _h = plane.Height; _squares = squares;
        int len = _w + 2 * radius;
        _colS = new int[len];
        _colQ = squares ? new uint[len] : [];
        PrefixS = new int[len + 1];
        PrefixQ = squares ? new uint[len + 1] : [];
    }

    /// <summary>Loads the prefix sums of row <paramref name="y"/>; rows must come in increasing order.</summary>
    public void Row(int y)
    {
        if (_y == int.MinValue || y < _y || y - _y > _win) Init(y);
        else while (_y < y) Advance();
        Reflect(_colS);
        if (_squares)
        {
            Reflect(_colQ);
            MomentScan.PrefixPair(_colS, PrefixS, MemoryMarshalInts(_colQ), MemoryMarshalInts(PrefixQ));
        }
        else MomentScan.Prefix(_colS, PrefixS);
    }

    private static Span<int> MemoryMarshalInts(uint[] a) => System.Runtime.InteropServices.MemoryMarshal.Cast<uint, int>(a.AsSpan());

    private void Init(int y)
    {
        Array.Clear(_colS);
        if (_squares) Array.Clear(_colQ);
        long[] cnt = Reflect101.Counts((long)y - _r, _win, _h);
        byte[] zeros = new byte[_w];
        for (int i = 0; i < _h; i++)
        {
            uint c = (uint)cnt[i];
            if (c == 0) continue;
            byte* s = _p.Row(i);
            if (c == 1)
            {
                // A row that enters once is an update against an all-zero leaving row (the vector loop).
                fixed (byte* z = zeros)
                    MomentScan.Update(s, z, _w, _colS.AsSpan(_r, _w), _squares ? MemoryMarshalInts(_colQ).Slice(_r, _w) : default);
                continue;
            }
            for (int x = 0; x < _w; x++)
            {
                uint v = s[x];
                _colS[_r + x] += (int)(c * v);
                if (_squares) _colQ[_r + x] += c * v * v;
            }
        }
        _y = y;
    }

    private void Advance()
    {
        int leave = Reflect101.Map((long)_y - _r, _h), enter = Reflect101.Map((long)_y + _r + 1, _h);
        _y++;
        if (leave == enter) return;
        MomentScan.Update(_p.Row(enter), _p.Row(leave), _w, _colS.AsSpan(_r, _w),
            _squares ? MemoryMarshalInts(_colQ).Slice(_r, _w) : default);
    }

    // numpy 'reflect' margins: padded entry r − j mirrors r + j, entry r + W − 1 + j mirrors r + W − 1 − j.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Reflect<T>(T[] a)
    {
        int r = _r, last = r + _w - 1;
        for (int j = 1; j <= r; j++) { a[r - j] = a[r + j]; a[last + j] = a[last - j]; }
    }
}

/// <summary>The vectorized loops of <see cref="MomentRows"/>, each with its scalar twin.</summary>
internal static unsafe class MomentScan
{
    /// <summary>col += a − b and, when <paramref name="colQ"/> is not empty, colQ += a² − b² (wrapping).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Update(byte* a, byte* b, int w, Span<int> colS, Span<int> colQ)
    {
        int x = 0;
        bool sq = !colQ.IsEmpty;
        fixed (int* ps = colS)
        fixed (int* pq = colQ)
        {
            if (Vector512.IsHardwareAccelerated && Avx512F.IsSupported)
            {
                for (; x <= w - 16; x += 16)
                {
                    var va = Avx512F.ConvertToVector512Int32(Sse2.LoadVector128(a + x));
                    var vb = Avx512F.ConvertToVector512Int32(Sse2.LoadVector128(b + x));
                    var d = va - vb;
                    (Vector512.Load(ps + x) + d).Store(ps + x);
                    if (sq) (Vector512.Load(pq + x) + Avx512F.MultiplyLow(d, va + vb)).Store(pq + x);
                }
            }
            else if (Avx2.IsSupported)
            {
                for (; x <= w - 8; x += 8)
                {
                    var va = Avx2.ConvertToVector256Int32(a + x);
                    var vb = Avx2.ConvertToVector256Int32(b + x);
                    var d = va - vb;
                    Avx.Store(ps + x, Avx.LoadVector256(ps + x) + d);
                    if (sq) Avx.Store(pq + x, Avx.LoadVector256(pq + x) + Avx2.MultiplyLow(d, va + vb));
                }
            }
        }
        UpdateScalar(a + x, b + x, w - x, colS[x..], colQ.IsEmpty ? colQ : colQ[x..]);
    }

    public static void UpdateScalar(byte* a, byte* b, int w, Span<int> colS, Span<int> colQ)
    {
        for (int x = 0; x < w; x++)
        {
            int va = a[x], vb = b[x];
            colS[x] += va - vb;
            if (!colQ.IsEmpty) colQ[x] = unchecked(colQ[x] + (va - vb) * (va + vb));
        }
    }

    /// <summary>pre[0] = 0, pre[j + 1] = pre[j] + src[j] (wrapping); <c>pre.Length == src.Length + 1</c>.</summary>
    public static void Prefix(ReadOnlySpan<int> src, Span<int> pre) => PrefixPair(src, pre, default, default);

    /// <summary>
    /// <see cref="Prefix"/> of one or two rows at once (the second pair may be empty). Each vector is scanned in
    /// registers on its own; the running carry then costs one add per vector, so the rows' chains do not wait on
    /// cross-lane shuffles, and two independent rows keep the core busy.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PrefixPair(ReadOnlySpan<int> src, Span<int> pre, ReadOnlySpan<int> src2, Span<int> pre2)
    {
        int len = src.Length, j = 0;
        bool two = !src2.IsEmpty;
        pre[0] = 0;
        if (two) pre2[0] = 0;
        int carry = 0, carry2 = 0;
        fixed (int* s = src)
        fixed (int* p = pre)
        fixed (int* s2 = src2)
        fixed (int* p2 = pre2)
        {
            if (Vector512.IsHardwareAccelerated && Avx512F.IsSupported && len >= 16)
            {
                var c1 = Vector512<int>.Zero; var c2 = Vector512<int>.Zero;
                var last = Vector512.Create(15);
                for (; j <= len - 16; j += 16)
                {
                    var v = Scan(Vector512.Load(s + j));
                    (v + c1).Store(p + j + 1);
                    c1 += Avx512F.PermuteVar16x32(v, last);
                    if (two)
                    {
                        var u = Scan(Vector512.Load(s2 + j));
                        (u + c2).Store(p2 + j + 1);
                        c2 += Avx512F.PermuteVar16x32(u, last);
                    }
                }
                carry = c1.ToScalar(); carry2 = c2.ToScalar();
            }
            else if (Avx2.IsSupported && len >= 8)
            {
                var c1 = Vector256<int>.Zero; var c2 = Vector256<int>.Zero;
                var last = Vector256.Create(7);
                for (; j <= len - 8; j += 8)
                {
                    var v = Scan(Avx.LoadVector256(s + j));
                    Avx.Store(p + j + 1, v + c1);
                    c1 += Avx2.PermuteVar8x32(v, last);
                    if (two)
                    {
                        var u = Scan(Avx.LoadVector256(s2 + j));
                        Avx.Store(p2 + j + 1, u + c2);
                        c2 += Avx2.PermuteVar8x32(u, last);
                    }
                }
                carry = c1.ToScalar(); carry2 = c2.ToScalar();
            }
        }
        for (int i = j; i < len; i++) { carry = unchecked(carry + src[i]); pre[i + 1] = carry; }
        if (two)
            for (int i = j; i < len; i++) { carry2 = unchecked(carry2 + src2[i]); pre2[i + 1] = carry2; }
    }

    // Inclusive prefix sum within one vector: add the vector shifted up by 1, 2, 4, 8 lanes.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<int> Scan(Vector512<int> v)
    {
        var z = Vector512<int>.Zero;
        v += Avx512F.AlignRight32(v, z, 15);
        v += Avx512F.AlignRight32(v, z, 14);
        v += Avx512F.AlignRight32(v, z, 12);
        return v + Avx512F.AlignRight32(v, z, 8);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> Scan(Vector256<int> v)
    {
        // In-lane prefix over the two 128-bit halves, then the low half's total carried into the high half.
        v += Avx2.ShiftLeftLogical128BitLane(v, 4);
        v += Avx2.ShiftLeftLogical128BitLane(v, 8);
        var t = Avx2.Shuffle(v, 0xFF);
        return v + Avx2.Permute2x128(t, t, 0x08);
    }

    /// <summary>The scalar twin of <see cref="Prefix"/>.</summary>
    public static void PrefixScalar(ReadOnlySpan<int> src, Span<int> pre)
    {
        int carry = 0;
        pre[0] = 0;
        for (int j = 0; j < src.Length; j++) { carry = unchecked(carry + src[j]); pre[j + 1] = carry; }
    }
}
