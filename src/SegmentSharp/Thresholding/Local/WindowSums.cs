using System.Runtime.CompilerServices;

namespace SegmentSharp.Thresholding.Local;

/// <summary>
/// Streaming w×w window sums Σp and Σp² of an 8-bit plane with reflect-101 borders (numpy 'reflect'), one output row at
/// a time, for the rows of one band. This plays the part of scikit-image's <c>_mean_std</c> (Shafait et al. 2008,
/// integral images) without any full-size buffer: per band it keeps running column sums over the w rows of the window
/// (updated by one entering and one leaving row per output row) and a prefix along the reflected row, so memory is
/// O(width) and each pixel costs O(1) whatever the window. Sums are exact 64-bit integers, so the mean and variance
/// derived from them equal scikit-image's float64 integral-image results bit for bit.
/// </summary>
internal sealed unsafe class WindowSums
{
    private readonly LocalPlane _p;
    private readonly int _r, _w, _h;
    private readonly long[] _col, _colSq;
    private readonly long[] _pre, _preSq;
    private readonly int[]? _hIdx;
    private int _y = int.MinValue;

    /// <summary>Σp over the window of each pixel of the current row.</summary>
    public readonly long[] Sum;
    /// <summary>Σp² over the window of each pixel of the current row.</summary>
    public readonly long[] SumSq;

    /// <param name="plane">The source.</param>
    /// <param name="radius">Half the window size, <c>window / 2</c>.</param>
    /// <param name="hIdx">Reflected column for each padded position <c>−r … W−1+r</c> (from <see cref="HorizontalIndex"/>),
    /// or null when the window spans a whole reflection period (or W = 1) and the periodic prefix is used.</param>
    public WindowSums(LocalPlane plane, int radius, int[]? hIdx)
    {
        _p = plane; _r = radius; _w = plane.Width; _h = plane.Height; _hIdx = hIdx;
        _col = new long[_w]; _colSq = new long[_w];
        int preLen = hIdx != null ? 0 : (int)Reflect101.Period(_w) + 1;
        _pre = new long[preLen]; _preSq = new long[preLen];
        Sum = new long[_w]; SumSq = new long[_w];
    }

    /// <summary>
    /// The padded-position → column table when the window is narrower than a reflection period; null otherwise
    /// (then a window holds whole periods plus a remainder and the periodic prefix is cheaper and window-independent).
    /// </summary>
    public static int[]? HorizontalIndex(int width, int radius)
    {
        if (width == 1 || 2L * radius + 1 >= Reflect101.Period(width)) return null;
        var idx = new int[width + 2 * radius];
        for (int j = 0; j < idx.Length; j++) idx[j] = Reflect101.Map(j - radius, width);
        return idx;
    }

    /// <summary>Loads the sums of row <paramref name="y"/>; rows must be requested in increasing order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Row(int y)
    {
        if (_y == int.MinValue || y < _y || y - _y > 2 * _r + 1) Init(y);
        else while (_y < y) Advance();
        Horizontal();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Init(int y)
    {
        Array.Clear(_col); Array.Clear(_colSq);
        long len = 2L * _r + 1;
        long[] cnt = Reflect101.Counts((long)y - _r, len, _h);
        for (int i = 0; i < _h; i++)
        {
            long c = cnt[i];
            if (c == 0) continue;
            byte* s = _p.Row(i);
            for (int x = 0; x < _w; x++) { long v = s[x]; _col[x] += c * v; _colSq[x] += c * v * v; }
        }
        _y = y;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Advance()
    {
        int leave = Reflect101.Map((long)_y - _r, _h), enter = Reflect101.Map((long)_y + _r + 1, _h);
        _y++;
        if (leave == enter) return;
        byte* a = _p.Row(enter), b = _p.Row(leave);
        long[] col = _col, sq = _colSq;
        int w = _w;
        for (int x = 0; x < w; x++)
        {
            int va = a[x], vb = b[x];
            col[x] += va - vb;
            sq[x] += va * va - vb * vb;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Horizontal()
    {
        long[] col = _col, sq = _colSq, pre = _pre, preSq = _preSq, sum = Sum, sumSq = SumSq;
        int w = _w;
        if (_hIdx is { } idx)
        {
            // Running sum along the reflected row: one column enters and one leaves per pixel.
            int span = 2 * _r + 1;
            long a = 0, b = 0;
            for (int j = 0; j < span; j++) { int c = idx[j]; a += col[c]; b += sq[c]; }
            sum[0] = a; sumSq[0] = b;
            for (int x = 1; x < w; x++)
            {
                int e = idx[x + span - 1], l = idx[x - 1];
                a += col[e] - col[l];
                b += sq[e] - sq[l];
                sum[x] = a; sumSq[x] = b;
            }
            return;
        }
        long n = 2L * _r + 1;
        if (w == 1) { sum[0] = n * col[0]; sumSq[0] = n * sq[0]; return; }
        // Prefix over one period of the reflected row; a window is whole periods plus a remainder.
        int p = (int)Reflect101.Period(w);
        {
            long a = 0, b = 0;
            pre[0] = 0; preSq[0] = 0;
            for (int j = 0; j < p; j++)
            {
                int c = Reflect101.Map(j, w);
                a += col[c]; b += sq[c];
                pre[j + 1] = a; preSq[j + 1] = b;
            }
        }
        for (int x = 0; x < w; x++)
        {
            long lo = (long)x - _r, hi = (long)x + _r + 1;
            sum[x] = Periodic(pre, p, hi) - Periodic(pre, p, lo);
            sumSq[x] = Periodic(preSq, p, hi) - Periodic(preSq, p, lo);
        }
    }

    // Σ over padded positions [0, a) (negative a: minus the sum over [a, 0)).
    private static long Periodic(long[] pre, int p, long a)
    {
        long q = Math.DivRem(a, p, out long rem);
        if (rem < 0) { rem += p; q--; }
        return q * pre[p] + pre[rem];
    }
}
