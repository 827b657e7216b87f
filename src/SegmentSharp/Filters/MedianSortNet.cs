using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using SegmentSharp.Imaging;

namespace SegmentSharp.Filters;

/// <summary>
/// 3×3 and 5×5 medians by min/max networks. Per output row the k source rows (clamped, so replicated at the top and
/// bottom) are padded left/right by replication, each padded column is sorted once into k "level" rows, and every
/// output then combines the sorted columns at its k horizontal offsets. Comparators act on whole vectors of samples,
/// so interleaved channels need no special handling: the horizontal neighbour of a sample is <c>cn</c> bytes away.
/// </summary>
internal static unsafe partial class MedianSortNet
{
    private const int Slack = 64;

    public static void Run(ReadOnlyImageView<byte> src, ImageView<byte> dst, int k)
    {
        int w = src.Width, h = src.Height, cn = src.Channels, ss = src.Stride, ds = dst.Stride;
        fixed (byte* ps = src.Data)
        fixed (byte* pd = dst.Data)
        {
            nint sp = (nint)ps, dp = (nint)pd;
            Parallelism.ForBands(h, (long)w * cn * k * 2,
                (y0, y1) => Band((byte*)sp, ss, (byte*)dp, ds, w, h, cn, k, y0, y1));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Band(byte* src, int ss, byte* dst, int ds, int w, int h, int cn, int k, int y0, int y1)
    {
        int r = k / 2, rowLen = w * cn, padded = rowLen + 2 * r * cn, ls = padded + Slack;
        var ringArr = new byte[k * ls];
        var lvlArr = new byte[k * ls];
        var loaded = new int[k];
        Array.Fill(loaded, -1);
        byte** rows = stackalloc byte*[k];
        fixed (byte* ring = ringArr)
        fixed (byte* lvl = lvlArr)
        {
            for (int y = y0; y < y1; y++)
            {
                for (int d = 0; d < k; d++)
                {
                    int sy = Math.Clamp(y - r + d, 0, h - 1);
                    int slot = sy % k;
                    byte* row = ring + slot * ls;
                    if (loaded[slot] != sy)
                    {
                        PadRow(src + (long)sy * ss, row, w, cn, r);
                        loaded[slot] = sy;
                    }
                    rows[d] = row;
                }
                if (k == 3 && Vector256.IsHardwareAccelerated && rowLen >= ByteV256.Count)
                    Median3Direct<ByteV256>(rows, dst + (long)y * ds, rowLen, cn);
                else
                {
                    SortColumns(rows, lvl, ls, k, padded);
                    MedianRow(lvl, ls, dst + (long)y * ds, rowLen, cn, k);
                }
            }
        }
    }

    /// <summary>Copies one row with <paramref name="r"/> replicated pixels on each side.</summary>
    internal static void PadRow(byte* s, byte* d, int w, int cn, int r)
    {
        for (int i = 0; i < r; i++)
            for (int c = 0; c < cn; c++) d[i * cn + c] = s[c];
        Buffer.MemoryCopy(s, d + r * cn, w * cn, w * cn);
        byte* last = s + (w - 1) * cn;
        byte* tail = d + (r + w) * cn;
        for (int i = 0; i < r; i++)
            for (int c = 0; c < cn; c++) tail[i * cn + c] = last[c];
    }

    internal static void SortColumns(byte** rows, byte* lvl, int ls, int k, int n)
    {
        if (Vector256.IsHardwareAccelerated && n >= ByteV256.Count) SortColumnsVector<ByteV256>(rows, lvl, ls, k, n);
        else if (Vector128.IsHardwareAccelerated && n >= ByteV128.Count) SortColumnsVector<ByteV128>(rows, lvl, ls, k, n);
        else SortColumnsScalar(rows, lvl, ls, k, 0, n);
    }

    internal static void MedianRow(byte* lvl, int ls, byte* dst, int n, int cn, int k)
    {
        if (Vector256.IsHardwareAccelerated && n >= ByteV256.Count) MedianRowVector<ByteV256>(lvl, ls, dst, n, cn, k);
        else if (Vector128.IsHardwareAccelerated && n >= ByteV128.Count) MedianRowVector<ByteV128>(lvl, ls, dst, n, cn, k);
        else MedianRowScalar(lvl, ls, dst, 0, n, cn, k);
    }

    /// <summary>Sorts each column of k samples into the level rows; needs <c>n ≥ TV.Count</c> (the last vector overlaps).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void SortColumnsVector<TV>(byte** rows, byte* lvl, int ls, int k, int n) where TV : struct, IByteSimd<TV>
    {
        int vw = TV.Count;
        for (int i = 0; ; i += vw)
        {
            if (i > n - vw) { if (i >= n) break; i = n - vw; }
            if (k == 3)
            {
                TV a = TV.Load(rows[0] + i), b = TV.Load(rows[1] + i), c = TV.Load(rows[2] + i);
                Sort2(ref a, ref b); Sort2(ref b, ref c); Sort2(ref a, ref b);
                TV.Store(a, lvl + i); TV.Store(b, lvl + ls + i); TV.Store(c, lvl + 2 * ls + i);
            }
            else
            {
                TV a = TV.Load(rows[0] + i), b = TV.Load(rows[1] + i), c = TV.Load(rows[2] + i),
                    d = TV.Load(rows[3] + i), e = TV.Load(rows[4] + i);
                Sort5(ref a, ref b, ref c, ref d, ref e);
                TV.Store(a, lvl + i); TV.Store(b, lvl + ls + i); TV.Store(c, lvl + 2 * ls + i);
                TV.Store(d, lvl + 3 * ls + i); TV.Store(e, lvl + 4 * ls + i);
            }
        }
    }

    /// <summary>Scalar twin of <see cref="SortColumnsVector{TV}"/> over <c>[start, n)</c>.</summary>
    internal static void SortColumnsScalar(byte** rows, byte* lvl, int ls, int k, int start, int n)
    {
        Span<byte> col = stackalloc byte[5];
        for (int i = start; i < n; i++)
        {
            for (int d = 0; d < k; d++) col[d] = rows[d][i];
            col[..k].Sort();
            for (int d = 0; d < k; d++) lvl[d * ls + i] = col[d];
        }
    }

    /// <summary>Median of each window from the sorted columns; needs <c>n ≥ TV.Count</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void MedianRowVector<TV>(byte* lvl, int ls, byte* dst, int n, int cn, int k) where TV : struct, IByteSimd<TV>
    {
        int vw = TV.Count;
        byte* l0 = lvl, l1 = lvl + ls, l2 = lvl + 2 * ls, l3 = lvl + 3 * ls, l4 = lvl + 4 * ls;
        int c1 = cn, c2 = 2 * cn, c3 = 3 * cn, c4 = 4 * cn;
        for (int i = 0; ; i += vw)
        {
            if (i > n - vw) { if (i >= n) break; i = n - vw; }
            TV m;
            if (k == 3)
            {
                // With sorted columns, the 3×3 median is the median of (largest low, median of middles, smallest high).
                TV lo = TV.Max(TV.Max(TV.Load(l0 + i), TV.Load(l0 + i + c1)), TV.Load(l0 + i + c2));
                TV mid = Med3(TV.Load(l1 + i), TV.Load(l1 + i + c1), TV.Load(l1 + i + c2));
                TV hi = TV.Min(TV.Min(TV.Load(l2 + i), TV.Load(l2 + i + c1)), TV.Load(l2 + i + c2));
                m = Med3(lo, mid, hi);
            }
            else
            {
                m = Median25Sorted(
                    TV.Load(l0 + i), TV.Load(l1 + i), TV.Load(l2 + i), TV.Load(l3 + i), TV.Load(l4 + i),
                    TV.Load(l0 + i + c1), TV.Load(l1 + i + c1), TV.Load(l2 + i + c1), TV.Load(l3 + i + c1), TV.Load(l4 + i + c1),
                    TV.Load(l0 + i + c2), TV.Load(l1 + i + c2), TV.Load(l2 + i + c2), TV.Load(l3 + i + c2), TV.Load(l4 + i + c2),
                    TV.Load(l0 + i + c3), TV.Load(l1 + i + c3), TV.Load(l2 + i + c3), TV.Load(l3 + i + c3), TV.Load(l4 + i + c3),
                    TV.Load(l0 + i + c4), TV.Load(l1 + i + c4), TV.Load(l2 + i + c4), TV.Load(l3 + i + c4), TV.Load(l4 + i + c4));
            }
            TV.Store(m, dst + i);
        }
    }

    /// <summary>
    /// 3×3 median straight from the three padded rows: re-sorting each column three times in registers is cheaper
    /// than storing the sorted levels and reading them back. Needs <c>n ≥ TV.Count</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Median3Direct<TV>(byte** rows, byte* dst, int n, int cn) where TV : struct, IByteSimd<TV>
    {
        int vw = TV.Count;
        byte* r0 = rows[0], r1 = rows[1], r2 = rows[2];
        for (int i = 0; ; i += vw)
        {
            if (i > n - vw) { if (i >= n) break; i = n - vw; }
            TV a0 = TV.Load(r0 + i), b0 = TV.Load(r1 + i), c0 = TV.Load(r2 + i);
            TV a1 = TV.Load(r0 + i + cn), b1 = TV.Load(r1 + i + cn), c1 = TV.Load(r2 + i + cn);
            TV a2 = TV.Load(r0 + i + 2 * cn), b2 = TV.Load(r1 + i + 2 * cn), c2 = TV.Load(r2 + i + 2 * cn);
            Sort2(ref a0, ref b0); Sort2(ref b0, ref c0); Sort2(ref a0, ref b0);
            Sort2(ref a1, ref b1); Sort2(ref b1, ref c1); Sort2(ref a1, ref b1);
            Sort2(ref a2, ref b2); Sort2(ref b2, ref c2); Sort2(ref a2, ref b2);
            TV lo = TV.Max(TV.Max(a0, a1), a2);
            TV hi = TV.Min(TV.Min(c0, c1), c2);
            TV.Store(Med3(lo, Med3(b0, b1, b2), hi), dst + i);
        }
    }

    /// <summary>Scalar twin of <see cref="MedianRowVector{TV}"/> over <c>[start, n)</c>: gathers the window and sorts it.</summary>
    internal static void MedianRowScalar(byte* lvl, int ls, byte* dst, int start, int n, int cn, int k)
    {
        Span<byte> win = stackalloc byte[25];
        int kk = k * k;
        for (int i = start; i < n; i++)
        {
            int t = 0;
            for (int l = 0; l < k; l++)
                for (int dx = 0; dx < k; dx++) win[t++] = lvl[l * ls + i + dx * cn];
            win[..kk].Sort();
            dst[i] = win[kk / 2];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Sort2<TV>(ref TV a, ref TV b) where TV : struct, IByteSimd<TV>
    {
        TV t = TV.Min(a, b); b = TV.Max(a, b); a = t;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Med3<TV>(TV a, TV b, TV c) where TV : struct, IByteSimd<TV> =>
        TV.Max(TV.Min(a, b), TV.Min(TV.Max(a, b), c));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Sort5<TV>(ref TV a, ref TV b, ref TV c, ref TV d, ref TV e) where TV : struct, IByteSimd<TV>
    {
        // Nine comparators, the fewest that sort five inputs.
        Sort2(ref a, ref b); Sort2(ref d, ref e); Sort2(ref c, ref e); Sort2(ref c, ref d); Sort2(ref a, ref d);
        Sort2(ref a, ref c); Sort2(ref b, ref e); Sort2(ref b, ref d); Sort2(ref b, ref c);
    }
}
