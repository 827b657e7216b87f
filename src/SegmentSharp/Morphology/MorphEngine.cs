using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using SegmentSharp.Filters;
using SegmentSharp.Imaging;

namespace SegmentSharp.Morphology;

/// <summary>
/// One erosion (min) or dilation (max) pass over an 8-bit image with any flat element, streaming row bands.
/// </summary>
/// <remarks>
/// Each source row is padded once with the border and turned into a sparse table of running extrema over 1, 2, 4, …
/// pixels (one vectorised pass per level), so the extremum over any horizontal run of length L is op of two overlapping
/// table entries. Rectangles then use a van Herk / Gil–Werman pass down the columns (three vector ops per output row
/// whatever the height; rows wider than 64 switch the horizontal pass to van Herk too); other shapes combine their
/// rows' runs directly. Memory is O(width × element height) per band.
/// </remarks>
internal static unsafe class MorphEngine
{
    private const int SparseTableMaxWidth = 64;
    private const int Slack = 64;
    private const int DirectColumnMax = 8;

    /// <summary>dst = op over the element of src; src and dst must not overlap.</summary>
    public static void Run<T>(ReadOnlyImageView<byte> src, ImageView<byte> dst, StructuringElement el, int ax, int ay,
        BorderType border, byte borderValue, bool vectorize) where T : struct, IMinMax
    {
        int w = src.Width, h = src.Height, cn = src.Channels, ss = src.Stride, ds = dst.Stride;
        int kw = el.Width, kh = el.Height;
        var job = new Job(w, h, cn, ss, ds, kw, kh, ax, ay, border, borderValue, vectorize);
        fixed (byte* ps = src.Data)
        fixed (byte* pd = dst.Data)
        {
            nint sp = (nint)ps, dp = (nint)pd;
            if (el.IsRectangle)
            {
                Parallelism.ForBands(h, (long)w * cn * 4, (y0, y1) => RectBand<T>(job, (byte*)sp, (byte*)dp, y0, y1),
                    minRowsPerBand: Math.Max(16, 2 * kh));
            }
            else
            {
                var (rowStart, runX, runLen) = Runs(el);
                Parallelism.ForBands(h, (long)w * cn * (runX.Length + 2),
                    (y0, y1) => GeneralBand<T>(job, (byte*)sp, (byte*)dp, y0, y1, rowStart, runX, runLen),
                    minRowsPerBand: Math.Max(16, 2 * kh));
            }
        }
    }

    private sealed record Job(int W, int H, int Cn, int SrcStride, int DstStride, int Kw, int Kh, int Ax, int Ay,
        BorderType Border, byte BorderValue, bool Vectorize)
    {
        public int Len => W * Cn;
        public int PadSamples => (W + Kw - 1) * Cn;
        public int Left => Ax * Cn;
        public int Right => (Kw - 1 - Ax) * Cn;
    }

    /// <summary>Horizontal runs of set cells per element row: row i owns runs [rowStart[i], rowStart[i+1]).</summary>
    internal static (int[] RowStart, int[] X, int[] Len) Runs(StructuringElement el)
    {
        var xs = new List<int>();
        var lens = new List<int>();
        var rowStart = new int[el.Height + 1];
        for (int i = 0; i < el.Height; i++)
        {
            rowStart[i] = xs.Count;
            for (int j = 0; j < el.Width;)
            {
                if (!el[j, i]) { j++; continue; }
                int s = j;
                while (j < el.Width && el[j, i]) j++;
                xs.Add(s);
                lens.Add(j - s);
            }
        }
        rowStart[el.Height] = xs.Count;
        return (rowStart, xs.ToArray(), lens.ToArray());
    }

    /// <summary>Where each left/right border sample of a padded row comes from (−1: the constant border value).</summary>
    private static int[] BorderMap(Job j)
    {
        var map = new int[j.Left + j.Right + 1];
        for (int i = 0; i < j.Left; i++)
        {
            int sx = BorderInterpolation.Map(i / j.Cn - j.Ax, j.W, j.Border);
            map[i] = sx < 0 ? -1 : sx * j.Cn + i % j.Cn;
        }
        for (int i = 0; i < j.Right; i++)
        {
            int sx = BorderInterpolation.Map(j.W + i / j.Cn, j.W, j.Border);
            map[j.Left + i] = sx < 0 ? -1 : sx * j.Cn + i % j.Cn;
        }
        return map;
    }

    /// <summary>Source row r (any integer) with its horizontal border, (W + Kw − 1)·Cn samples.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void LoadPadded(Job j, byte* src, int r, byte* pad, int[] map)
    {
        int sy = BorderInterpolation.Map(r, j.H, j.Border);
        if (sy < 0)
        {
            new Span<byte>(pad, j.PadSamples).Fill(j.BorderValue);
            return;
        }
        byte* row = src + (long)sy * j.SrcStride;
        new ReadOnlySpan<byte>(row, j.Len).CopyTo(new Span<byte>(pad + j.Left, j.Len));
        for (int i = 0; i < j.Left; i++) pad[i] = map[i] < 0 ? j.BorderValue : row[map[i]];
        byte* right = pad + j.Left + j.Len;
        for (int i = 0; i < j.Right; i++) right[i] = map[j.Left + i] < 0 ? j.BorderValue : row[map[j.Left + i]];
    }

    /// <summary>
    /// Turns level 0 (the padded row) into levels 1..top, level k holding op over 2^k pixels from each position.
    /// When <paramref name="levelStride"/> is 0 the levels overwrite each other in place (forward order reads only
    /// samples not yet written), leaving just the top level.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BuildLevels<T>(byte* lv0, int pixels, int cn, int top, int levelStride, bool vectorize) where T : struct, IMinMax
    {
        byte* prev = lv0;
        for (int k = 1; k <= top; k++)
        {
            int span = 1 << (k - 1);
            int count = (pixels - (1 << k) + 1) * cn;
            byte* cur = prev + levelStride;
            MinMaxRows.Op2<T>(prev, prev + span * cn, cur, count, vectorize);
            prev = cur;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RectBand<T>(Job j, byte* src, byte* dst, int y0, int y1) where T : struct, IMinMax
    {
        int kw = j.Kw, kh = j.Kh, len = j.Len, cn = j.Cn;
        int padLen = j.PadSamples + Slack;
        int rowLen = len + Slack;
        int[] map = BorderMap(j);
        bool vanHerkRows = kw > SparseTableMaxWidth;
        int top = BitOperations.Log2((uint)kw);
        // pad, van Herk scratch g and h, then S (kh rows), Q (kh rows) and the running prefix P.
        long total = (long)padLen * 3 + (long)rowLen * (2 * kh + 1);
        var arr = ArrayPool<byte>.Shared.Rent(checked((int)total));
        try
        {
            fixed (byte* buf = arr)
            {
                byte* pad = buf, g = pad + padLen, hh = g + padLen;
                byte* sBase = hh + padLen, qBase = sBase + (long)rowLen * kh, pBuf = qBase + (long)rowLen * kh;
                // Short rows: the kw shifted copies of the padded row, combined in one register pass.
                byte** shifted = stackalloc byte*[DirectColumnMax];
                for (int i = 0; i < Math.Min(kw, DirectColumnMax); i++) shifted[i] = pad + i * cn;

                void Horizontal(int r, byte* outRow)
                {
                    if (kw > 1 && kw <= DirectColumnMax && len > (kw - 1) * cn)
                    {
                        ShortRow<T>(j, src, r, outRow, map, pad, g);
                        return;
                    }
                    LoadPadded(j, src, r, pad, map);
                    if (kw == 1) new ReadOnlySpan<byte>(pad, len).CopyTo(new Span<byte>(outRow, len));
                    else if (kw <= DirectColumnMax) MinMaxRows.OpMany<T>(shifted, kw, outRow, len, j.Vectorize);
                    else if (vanHerkRows) MinMaxRows.VanHerk<T>(pad, outRow, j.W, cn, kw, g, hh);
                    else
                    {
                        BuildLevels<T>(pad, j.W + kw - 1, cn, top, 0, j.Vectorize);
                        MinMaxRows.Op2<T>(pad, pad + (kw - (1 << top)) * cn, outRow, len, j.Vectorize);
                    }
                }

                if (kh <= DirectColumnMax)
                {
                    // Short columns: one pass loading the kh row extrema beats van Herk's three stores per row.
                    byte** rows = stackalloc byte*[DirectColumnMax];
                    int nextRow = y0 - j.Ay;
                    for (int y = y0; y < y1; y++)
                    {
                        byte* d = dst + (long)y * j.DstStride;
                        if (kh == 1) { Horizontal(y, d); continue; }
                        for (; nextRow <= y - j.Ay + kh - 1; nextRow++) Horizontal(nextRow, sBase + (long)rowLen * Mod(nextRow, kh));
                        for (int i = 0; i < kh; i++) rows[i] = sBase + (long)rowLen * Mod(y - j.Ay + i, kh);
                        MinMaxRows.OpMany<T>(rows, kh, d, len, j.Vectorize);
                    }
                    return;
                }

                // Columns: van Herk over blocks of kh output rows. For the block starting at output row b (source rows
                // R = b − ay …), S holds suffix extrema of rows R..R+kh−1 and P the prefix of rows R+kh…; row b + i is
                // op(S[i], P[i−1]). The raw rows behind P become the next block's S.
                byte* S = sBase, Q = qBase;
                int R = y0 - j.Ay;
                for (int i = 0; i < kh; i++) Horizontal(R + i, S + (long)i * rowLen);
                for (int b = y0; ;)
                {
                    int nb = Math.Min(kh, y1 - b);
                    for (int i = kh - 2; i >= 0; i--)
                        MinMaxRows.Op2<T>(S + (long)i * rowLen, S + (long)(i + 1) * rowLen, S + (long)i * rowLen, len, j.Vectorize);
                    new ReadOnlySpan<byte>(S, len).CopyTo(new Span<byte>(dst + (long)b * j.DstStride, len));
                    byte* P = null;
                    for (int i = 1; i < nb; i++)
                    {
                        byte* q = Q + (long)(i - 1) * rowLen;
                        Horizontal(R + kh + i - 1, q);
                        if (i == 1) P = q;
                        else { MinMaxRows.Op2<T>(P, q, pBuf, len, j.Vectorize); P = pBuf; }
                        MinMaxRows.Op2<T>(S + (long)i * rowLen, P, dst + (long)(b + i) * j.DstStride, len, j.Vectorize);
                    }
                    b += kh;
                    if (b >= y1) break;
                    R += kh;
                    // nb == kh here, so Q holds raw rows R..R+kh−2; add the last and swap.
                    Horizontal(R + kh - 1, Q + (long)(kh - 1) * rowLen);
                    byte* t = S; S = Q; Q = t;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(arr);
        }
    }

    /// <summary>
    /// Extremum over kw ≤ 8 pixels of source row r straight from the source (no padded copy), the border only entering
    /// the two edge stretches, which go through small padded buffers <paramref name="left"/> and <paramref name="right"/>.
    /// Needs more than kw − 1 pixels in the row.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ShortRow<T>(Job j, byte* src, int r, byte* outRow, int[] map, byte* left, byte* right) where T : struct, IMinMax
    {
        int len = j.Len, cn = j.Cn, kw = j.Kw;
        int sy = BorderInterpolation.Map(r, j.H, j.Border);
        if (sy < 0)
        {
            new Span<byte>(outRow, len).Fill(j.BorderValue);
            return;
        }
        byte* row = src + (long)sy * j.SrcStride;
        int a = j.Left, b = len - j.Right, body = (kw - 1) * cn;
        byte** p = stackalloc byte*[DirectColumnMax];
        if (b > a)
        {
            for (int k = 0; k < kw; k++) p[k] = row + (k - j.Ax) * cn + a;
            MinMaxRows.OpMany<T>(p, kw, outRow + a, b - a, j.Vectorize);
        }
        else
        {
            // The interior is empty; let the edge stretches meet.
            b = a;
        }
        if (a > 0)
        {
            for (int i = 0; i < a; i++) left[i] = map[i] < 0 ? j.BorderValue : row[map[i]];
            new ReadOnlySpan<byte>(row, body).CopyTo(new Span<byte>(left + a, body));
            for (int k = 0; k < kw; k++) p[k] = left + k * cn;
            MinMaxRows.OpMany<T>(p, kw, outRow, Math.Min(a, len), j.Vectorize);
        }
        if (len > b)
        {
            int from = b - a;
            int n = len - from;
            new ReadOnlySpan<byte>(row + from, n).CopyTo(new Span<byte>(right, n));
            for (int i = 0; i < j.Right; i++) right[n + i] = map[j.Left + i] < 0 ? j.BorderValue : row[map[j.Left + i]];
            for (int k = 0; k < kw; k++) p[k] = right + k * cn;
            MinMaxRows.OpMany<T>(p, kw, outRow + b, len - b, j.Vectorize);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void GeneralBand<T>(Job j, byte* src, byte* dst, int y0, int y1, int[] rowStart, int[] runX, int[] runLen)
        where T : struct, IMinMax
    {
        int kh = j.Kh, len = j.Len, cn = j.Cn, pixels = j.W + j.Kw - 1;
        int maxLen = 1;
        foreach (int l in runLen) maxLen = Math.Max(maxLen, l);
        int top = BitOperations.Log2((uint)maxLen);
        int padLen = j.PadSamples + Slack;
        long slotLen = (long)padLen * (top + 1);
        int[] map = BorderMap(j);
        var arr = ArrayPool<byte>.Shared.Rent(checked((int)(slotLen * kh)));
        try
        {
            var operandArr = new nint[2 * runLen.Length];
            fixed (byte* ring = arr)
            fixed (nint* operandPtr = operandArr)
            {
                byte** operands = (byte**)operandPtr;
                int next = y0 - j.Ay;
                for (int y = y0; y < y1; y++)
                {
                    int last = y - j.Ay + kh - 1;
                    for (; next <= last; next++)
                    {
                        byte* slot = ring + slotLen * Mod(next, kh);
                        LoadPadded(j, src, next, slot, map);
                        BuildLevels<T>(slot, pixels, cn, top, padLen, j.Vectorize);
                    }
                    // Every run contributes one or two table rows; all of them are combined in one pass per output
                    // row, the running extremum staying in a register.
                    int n = 0;
                    for (int i = 0; i < kh; i++)
                    {
                        byte* slot = ring + slotLen * Mod(y - j.Ay + i, kh);
                        for (int k = rowStart[i]; k < rowStart[i + 1]; k++)
                        {
                            int l = runLen[k];
                            int lv = BitOperations.Log2((uint)l), p = 1 << lv;
                            byte* a = slot + (long)padLen * lv + runX[k] * cn;
                            operands[n++] = a;
                            if (l != p) operands[n++] = a + (l - p) * cn;
                        }
                    }
                    MinMaxRows.OpMany<T>(operands, n, dst + (long)y * j.DstStride, len, j.Vectorize);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(arr);
        }
    }

    private static int Mod(int a, int m) { int r = a % m; return r < 0 ? r + m : r; }
}
