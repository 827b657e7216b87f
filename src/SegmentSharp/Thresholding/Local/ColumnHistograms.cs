using System.Runtime.CompilerServices;

namespace SegmentSharp.Thresholding.Local;

/// <summary>
/// The per-band state of the sliding window histograms (Perreault and Hébert 2007): for every image column, the
/// 256-bin and 16-bin (level / 16) histograms and the level sum of the w rows of the current window, updated by one
/// entering and one leaving row per output row. Column <c>W</c> is all zero: positions a clipped window does not
/// count map to it. Memory is 546 bytes per column.
/// </summary>
internal sealed unsafe class ColumnHistograms
{
    private readonly LocalPlane _p;
    private readonly int _r;
    private readonly bool _clip;
    private int _y;

    /// <summary>256 bins per column.</summary>
    public readonly ushort[] Fine;
    /// <summary>16 bins per column.</summary>
    public readonly ushort[] Coarse;
    /// <summary>Σ level per column.</summary>
    public readonly int[] Sum;
    /// <summary>Column of each padded position −r … W−1+r (W where clipped away).</summary>
    public readonly int[] Index;
    /// <summary>Distinct columns of the first pixel's window and how often each occurs there.</summary>
    public readonly int[] FirstColumns, FirstCounts;

    public ColumnHistograms(LocalPlane plane, int radius, bool clip, int y0)
    {
        _p = plane; _r = radius; _clip = clip;
        int w = plane.Width, win = 2 * radius + 1;
        Fine = new ushort[(w + 1) * 256];
        Coarse = new ushort[(w + 1) * 16];
        Sum = new int[w + 1];
        Index = new int[w + 2 * radius];
        for (int j = 0; j < Index.Length; j++)
        {
            int c = Map(j - radius, w);
            Index[j] = c < 0 ? w : c;
        }
        var count = new int[w + 1];
        for (int j = 0; j < win; j++) count[Index[j]]++;
        int n = 0;
        for (int c = 0; c < w; c++) if (count[c] != 0) n++;
        FirstColumns = new int[n]; FirstCounts = new int[n];
        for (int c = 0, k = 0; c < w; c++) if (count[c] != 0) { FirstColumns[k] = c; FirstCounts[k++] = count[c]; }
        for (long p = (long)y0 - radius; p <= (long)y0 + radius; p++)
        {
            int row = Map(p, plane.Height);
            if (row >= 0) AddRow(row, 1);
        }
        _y = y0;
    }

    /// <summary>Source index of a padded position, or −1 when clipped away.</summary>
    private int Map(long p, int n) => _clip ? (p < 0 || p >= n ? -1 : (int)p) : Reflect101.Map(p, n);

    /// <summary>Moves the window down to row <paramref name="y"/> (one row at a time).</summary>
    public void MoveTo(int y)
    {
        while (_y < y)
        {
            int leave = Map((long)_y - _r, _p.Height), enter = Map((long)_y + _r + 1, _p.Height);
            _y++;
            if (leave == enter) continue;
            if (leave >= 0) AddRow(leave, -1);
            if (enter >= 0) AddRow(enter, 1);
        }
    }

    /// <summary>Rows of the image a window centred on row <paramref name="y"/> counts (w unless clipped).</summary>
    public long RowsIn(int y) => _clip ? Math.Min(_p.Height - 1, (long)y + _r) - Math.Max(0, (long)y - _r) + 1 : 2L * _r + 1;

    /// <summary>Columns a window centred on column <paramref name="x"/> counts.</summary>
    public long ColumnsIn(int x) => _clip ? Math.Min(_p.Width - 1, (long)x + _r) - Math.Max(0, (long)x - _r) + 1 : 2L * _r + 1;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddRow(int row, int delta)
    {
        byte* s = _p.Row(row);
        ushort d = (ushort)delta;
        fixed (ushort* fine = Fine)
        fixed (ushort* coarse = Coarse)
        fixed (int* sum = Sum)
        {
            for (int x = 0; x < _p.Width; x++)
            {
                int v = s[x];
                fine[x * 256 + v] += d;
                coarse[x * 16 + (v >> 4)] += d;
                sum[x] += delta * v;
            }
        }
    }
}
