using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SegmentSharp.Thresholding.Local;

/// <summary>
/// The vectorized twin of <see cref="WindowMinMax"/> for windows narrower than one horizontal reflection period.
/// Vertically it is the same van Herk / Gil–Werman scheme (block suffixes of w rows, the O(width × window) working set,
/// plus a running prefix), done 32 columns at a time. Horizontally a row of column extrema, padded by reflection, is
/// reduced by doubling (runs of 1, 2, 4 … 2^K ≤ w), and a window is two overlapping runs of 2^K; every step is a
/// whole-row vector min/max, so the sequential per-block scans of van Herk disappear. That costs ⌊log₂ w⌋ cheap
/// passes (one per doubling), the only window-dependent term.
/// </summary>
internal sealed unsafe class RangeRows
{
    private readonly LocalPlane _p;
    private readonly int _r, _win, _w, _h, _y0, _len;
    private readonly byte[]? _sufMin, _sufMax;        // vertical block suffixes, _win rows
    private readonly byte[] _preMin, _preMax;          // running prefix of the next vertical block
    private readonly byte[]? _allMin, _allMax;         // column extrema when the vertical window covers a period

    /// <summary>After <see cref="Row"/>: entry j holds the extrema of padded positions [j, j + <see cref="Run"/>).</summary>
    public readonly byte[] RunMin, RunMax;
    /// <summary>The run length 2^K ≤ w of <see cref="RunMin"/>; a window at x is runs x and x + w − Run.</summary>
    public readonly int Run;

    /// <summary>True when this window fits (horizontally narrower than one reflection period).</summary>
    public static bool Supports(int width, int window) => width > 1 && window < Reflect101.Period(width);

    public RangeRows(LocalPlane plane, int radius, int y0, byte[]? columnMin, byte[]? columnMax)
    {
        _p = plane; _r = radius; _win = 2 * radius + 1; _w = plane.Width; _h = plane.Height; _y0 = y0;
        _len = _w + 2 * radius;
        _allMin = columnMin; _allMax = columnMax;
        if (columnMin == null)
        {
            _sufMin = new byte[(long)_win * _w];
            _sufMax = new byte[(long)_win * _w];
        }
        _preMin = new byte[_w]; _preMax = new byte[_w];
        // Room for one vector past the end so the doubling loops need no scalar tail.
        RunMin = new byte[_len + 64]; RunMax = new byte[_len + 64];
        Run = 1;
        while (Run * 2 <= _win) Run *= 2;
    }

    /// <summary>Loads row <paramref name="y"/> (the band's rows, one by one in order).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Row(int y)
    {
        var cMin = RunMin.AsSpan(_r, _w);
        var cMax = RunMax.AsSpan(_r, _w);
        if (_allMin != null) { _allMin.CopyTo(cMin); _allMax!.CopyTo(cMax); }
        else Vertical(y, cMin, cMax);
        int r = _r, last = r + _w - 1;
        for (int j = 1; j <= r; j++)
        {
            RunMin[r - j] = RunMin[r + j]; RunMax[r - j] = RunMax[r + j];
            RunMin[last + j] = RunMin[last - j]; RunMax[last + j] = RunMax[last - j];
        }
        for (int s = 1; s < Run; s *= 2) RangeScan.Double(RunMin, RunMax, _len - s, s);
    }

    private void Vertical(int y, Span<byte> cMin, Span<byte> cMax)
    {
        int w = _w, win = _win;
        int k = y - _y0, block = k / win, o = k % win;
        long blockStart = (long)_y0 - _r + (long)block * win;   // padded row of the block's first row
        byte[] sMin = _sufMin!, sMax = _sufMax!;
        if (o == 0)
        {
            // Suffix extrema of this block, from its last row back to its first.
            byte* lastRow = _p.Row(Reflect101.Map(blockStart + win - 1, _h));
            new ReadOnlySpan<byte>(lastRow, w).CopyTo(sMin.AsSpan((win - 1) * w, w));
            new ReadOnlySpan<byte>(lastRow, w).CopyTo(sMax.AsSpan((win - 1) * w, w));
            fixed (byte* pMin = sMin)
            fixed (byte* pMax = sMax)
            {
                for (int i = win - 2; i >= 0; i--)
                {
                    byte* s = _p.Row(Reflect101.Map(blockStart + i, _h));
                    RangeScan.Fold(s, pMin + (i + 1) * w, pMax + (i + 1) * w, pMin + i * w, pMax + i * w, w);
                }
            }
            sMin.AsSpan(0, w).CopyTo(cMin);
            sMax.AsSpan(0, w).CopyTo(cMax);
            return;
        }
        // Window = rows o..win-1 of this block + rows 0..o-1 of the next; grow the next block's prefix by one row.
        byte* n = _p.Row(Reflect101.Map(blockStart + win + o - 1, _h));
        fixed (byte* pMin = _preMin)
        fixed (byte* pMax = _preMax)
        fixed (byte* qMin = sMin)
        fixed (byte* qMax = sMax)
        fixed (byte* oMin = cMin)
        fixed (byte* oMax = cMax)
        {
            if (o == 1)
            {
                new ReadOnlySpan<byte>(n, w).CopyTo(_preMin);
                new ReadOnlySpan<byte>(n, w).CopyTo(_preMax);
            }
            else RangeScan.Fold(n, pMin, pMax, pMin, pMax, w);
            RangeScan.Fold2(qMin + o * w, qMax + o * w, pMin, pMax, oMin, oMax, w);
        }
    }
}

/// <summary>Whole-row byte min/max loops of <see cref="RangeRows"/>, each with its scalar twin.</summary>
internal static unsafe class RangeScan
{
    /// <summary>dMin = min(s, aMin), dMax = max(s, aMax) elementwise (d may alias a).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Fold(byte* s, byte* aMin, byte* aMax, byte* dMin, byte* dMax, int w)
    {
        int x = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; x <= w - 64; x += 64)
            {
                var v = Vector512.Load(s + x);
                Vector512.Min(v, Vector512.Load(aMin + x)).Store(dMin + x);
                Vector512.Max(v, Vector512.Load(aMax + x)).Store(dMax + x);
            }
        }
        if (Vector256.IsHardwareAccelerated)
        {
            for (; x <= w - 32; x += 32)
            {
                var v = Vector256.Load(s + x);
                Vector256.Min(v, Vector256.Load(aMin + x)).Store(dMin + x);
                Vector256.Max(v, Vector256.Load(aMax + x)).Store(dMax + x);
            }
        }
        for (; x < w; x++)
        {
            byte v = s[x], a = aMin[x], b = aMax[x];
            dMin[x] = v < a ? v : a;
            dMax[x] = v > b ? v : b;
        }
    }

    /// <summary>dMin = min(aMin, bMin), dMax = max(aMax, bMax) elementwise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Fold2(byte* aMin, byte* aMax, byte* bMin, byte* bMax, byte* dMin, byte* dMax, int w)
    {
        int x = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; x <= w - 64; x += 64)
            {
                Vector512.Min(Vector512.Load(aMin + x), Vector512.Load(bMin + x)).Store(dMin + x);
                Vector512.Max(Vector512.Load(aMax + x), Vector512.Load(bMax + x)).Store(dMax + x);
            }
        }
        if (Vector256.IsHardwareAccelerated)
        {
            for (; x <= w - 32; x += 32)
            {
                Vector256.Min(Vector256.Load(aMin + x), Vector256.Load(bMin + x)).Store(dMin + x);
                Vector256.Max(Vector256.Load(aMax + x), Vector256.Load(bMax + x)).Store(dMax + x);
            }
        }
        for (; x < w; x++)
        {
            byte a = aMin[x], b = bMin[x], c = aMax[x], d = bMax[x];
            dMin[x] = a < b ? a : b;
            dMax[x] = c > d ? c : d;
        }
    }

    /// <summary>
    /// One doubling step in place: mn[j] = min(mn[j], mn[j + s]), mx likewise, for j in [0, count). Ascending order
    /// reads mn[j + s] before it is overwritten. The arrays must hold 64 bytes past <c>count + s</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Double(byte[] mn, byte[] mx, int count, int s)
    {
        int j = 0;
        fixed (byte* a = mn)
        fixed (byte* b = mx)
        {
            if (Vector512.IsHardwareAccelerated)
            {
                // A window's extrema cost ⌊log₂ w⌋ of these passes, the one term that grows with the window: the
                // widest vectors keep it small next to the rest.
                for (; j < count - 63; j += 64)
                {
                    var x0 = Vector512.Load(a + j); var x1 = Vector512.Load(a + j + s);
                    var y0 = Vector512.Load(b + j); var y1 = Vector512.Load(b + j + s);
                    Vector512.Min(x0, x1).Store(a + j);
                    Vector512.Max(y0, y1).Store(b + j);
                }
            }
            if (Vector256.IsHardwareAccelerated)
            {
                for (; j < count - 31; j += 32)
                {
                    // Both loads precede the store: for s < 32 the second overlaps the block being written.
                    var x0 = Vector256.Load(a + j); var x1 = Vector256.Load(a + j + s);
                    var y0 = Vector256.Load(b + j); var y1 = Vector256.Load(b + j + s);
                    Vector256.Min(x0, x1).Store(a + j);
                    Vector256.Max(y0, y1).Store(b + j);
                }
            }
        }
        DoubleScalar(mn, mx, j, count, s);
    }

    /// <summary>The scalar twin of <see cref="Double"/> over [from, count).</summary>
    public static void DoubleScalar(byte[] mn, byte[] mx, int from, int count, int s)
    {
        for (int j = from; j < count; j++)
        {
            byte a = mn[j], b = mn[j + s];
            mn[j] = a < b ? a : b;
            byte c = mx[j], d = mx[j + s];
            mx[j] = c > d ? c : d;
        }
    }
}
