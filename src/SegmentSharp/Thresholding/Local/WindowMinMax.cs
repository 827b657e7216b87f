using System.Runtime.CompilerServices;

namespace SegmentSharp.Thresholding.Local;

/// <summary>
/// Streaming w×w window minimum and maximum with reflect-101 borders, one output row at a time for the rows of one band,
/// by the van Herk / Gil–Werman method in both directions: the padded rows are cut into blocks of w, and a window is the
/// suffix of one block plus the prefix of the next, so each pixel costs a constant number of comparisons whatever the
/// window. Vertically the band keeps the suffix extrema of the current block (w × width bytes each, the O(width × window)
/// working set) and a running prefix of the next block. A window that spans a whole reflection period sees every sample
/// of the axis, so it degenerates to the axis extremum.
/// </summary>
internal sealed unsafe class WindowMinMax
{
    private readonly LocalPlane _p;
    private readonly int _r, _win, _w, _h, _y0;
    private readonly byte[]? _sufMin, _sufMax;        // vertical block suffixes, _win rows
    private readonly byte[] _preMin, _preMax;          // running prefix of the next vertical block
    private readonly byte[]? _allMin, _allMax;         // column extrema when the vertical window covers a period
    private readonly int[]? _hIdx;
    private readonly byte[] _colMin, _colMax;
    private readonly byte[] _gMin, _gMax, _hMin, _hMax; // horizontal block prefix / suffix

    /// <summary>Window minimum of each pixel of the current row.</summary>
    public readonly byte[] Min;
    /// <summary>Window maximum of each pixel of the current row.</summary>
    public readonly byte[] Max;

    /// <param name="plane">The source.</param>
    /// <param name="radius">window / 2.</param>
    /// <param name="y0">First row of the band; rows must then be requested one by one in order.</param>
    /// <param name="columnMin">Per-column extrema over all rows (from <see cref="ColumnExtrema"/>) when the vertical
    /// window spans a whole period, else null.</param>
    /// <param name="columnMax">As <paramref name="columnMin"/>.</param>
    /// <param name="hIdx">As for <see cref="WindowSums"/>.</param>
    public WindowMinMax(LocalPlane plane, int radius, int y0, byte[]? columnMin, byte[]? columnMax, int[]? hIdx)
    {
        _p = plane; _r = radius; _win = 2 * radius + 1; _w = plane.Width; _h = plane.Height; _y0 = y0;
        _allMin = columnMin; _allMax = columnMax; _hIdx = hIdx;
        if (columnMin == null)
        {
            _sufMin = new byte[(long)_win * _w];
            _sufMax = new byte[(long)_win * _w];
        }
        _preMin = new byte[_w]; _preMax = new byte[_w];
        _colMin = new byte[_w]; _colMax = new byte[_w];
        int hl = hIdx?.Length ?? 0;
        _gMin = new byte[hl]; _gMax = new byte[hl]; _hMin = new byte[hl]; _hMax = new byte[hl];
        Min = new byte[_w]; Max = new byte[_w];
    }

    /// <summary>True when a vertical window of this radius sees every row of a plane this tall.</summary>
    public static bool CoversColumn(int height, int radius) => height == 1 || 2L * radius + 1 >= Reflect101.Period(height);

    /// <summary>Per-column minimum and maximum over all rows.</summary>
    public static (byte[] Min, byte[] Max) ColumnExtrema(LocalPlane p)
    {
        var mn = new byte[p.Width]; var mx = new byte[p.Width];
        Array.Fill(mn, (byte)255);
        for (int y = 0; y < p.Height; y++)
        {
            byte* s = p.Row(y);
            for (int x = 0; x < p.Width; x++) { byte v = s[x]; if (v < mn[x]) mn[x] = v; if (v > mx[x]) mx[x] = v; }
        }
        return (mn, mx);
    }

    /// <summary>Loads the extrema of row <paramref name="y"/> (must be the band's rows in order).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Row(int y)
    {
        if (_allMin != null) { _allMin.CopyTo(_colMin, 0); _allMax!.CopyTo(_colMax, 0); }
        else Vertical(y);
        Horizontal();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Vertical(int y)
    {
        int w = _w, win = _win;
        int k = y - _y0, block = k / win, o = k % win;
        long blockStart = (long)_y0 - _r + (long)block * win;   // padded row of the block's first row
        byte[] sMin = _sufMin!, sMax = _sufMax!;
        if (o == 0)
        {
            // Suffix extrema of this block, from its last row back to its first.
            for (int i = win - 1; i >= 0; i--)
            {
                byte* s = _p.Row(Reflect101.Map(blockStart + i, _h));
                int off = i * w;
                if (i == win - 1)
                {
                    for (int x = 0; x < w; x++) { sMin[off + x] = s[x]; sMax[off + x] = s[x]; }
                }
                else
                {
                    int nx = off + w;
                    for (int x = 0; x < w; x++)
                    {
                        byte v = s[x];
                        byte a = sMin[nx + x], b = sMax[nx + x];
                        sMin[off + x] = v < a ? v : a;
                        sMax[off + x] = v > b ? v : b;
                    }
                }
            }
            Array.Copy(sMin, 0, _colMin, 0, w);
            Array.Copy(sMax, 0, _colMax, 0, w);
            return;
        }
        // Window = rows o..win-1 of this block + rows 0..o-1 of the next; grow the next block's prefix by one row.
        byte* n = _p.Row(Reflect101.Map(blockStart + win + o - 1, _h));
        byte[] pMin = _preMin, pMax = _preMax, cMin = _colMin, cMax = _colMax;
        int so = o * w;
        for (int x = 0; x < w; x++)
        {
            byte v = n[x];
            byte a = o == 1 ? v : (v < pMin[x] ? v : pMin[x]);
            byte b = o == 1 ? v : (v > pMax[x] ? v : pMax[x]);
            pMin[x] = a; pMax[x] = b;
            byte sa = sMin[so + x], sb = sMax[so + x];
            cMin[x] = sa < a ? sa : a;
            cMax[x] = sb > b ? sb : b;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Horizontal()
    {
        int w = _w;
        byte[] cMin = _colMin, cMax = _colMax, mn = Min, mx = Max;
        if (_hIdx is not { } idx)
        {
            // The window covers the whole reflected row (or the row is one pixel wide).
            byte a = 255, b = 0;
            for (int x = 0; x < w; x++) { if (cMin[x] < a) a = cMin[x]; if (cMax[x] > b) b = cMax[x]; }
            Array.Fill(mn, a); Array.Fill(mx, b);
            return;
        }
        int len = idx.Length, win = _win;
        byte[] gMin = _gMin, gMax = _gMax, hMin = _hMin, hMax = _hMax;
        for (int b0 = 0; b0 < len; b0 += win)
        {
            // Block [b0, b1): prefix extrema forward, suffix extrema backward.
            int b1 = Math.Min(b0 + win, len);
            byte a = 255, b = 0;
            for (int j = b0; j < b1; j++)
            {
                int c = idx[j];
                if (cMin[c] < a) a = cMin[c];
                if (cMax[c] > b) b = cMax[c];
                gMin[j] = a; gMax[j] = b;
            }
            a = 255; b = 0;
            for (int j = b1 - 1; j >= b0; j--)
            {
                int c = idx[j];
                if (cMin[c] < a) a = cMin[c];
                if (cMax[c] > b) b = cMax[c];
                hMin[j] = a; hMax[j] = b;
            }
        }
        for (int x = 0; x < w; x++)
        {
            int e = x + win - 1;   // window = padded [x, e]; len = w + 2r so e < len
            byte a = hMin[x], b = gMin[e];
            mn[x] = a < b ? a : b;
            byte c = hMax[x], d = gMax[e];
            mx[x] = c > d ? c : d;
        }
    }
}
