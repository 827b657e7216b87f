using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SegmentSharp.Thresholding.Local;

/// <summary>
/// Streaming w×w window sums over the selected pixels of an 8-bit plane: the count N of pixels whose mask byte is
/// non-zero, Σv and (optionally) Σv² of their values, with reflect-101 borders (numpy 'reflect', repeated), one row
/// at a time for the rows of one band. Running column sums over the window's rows (one row enters and one leaves per
/// output row) and a running sum along the reflected row make each pixel cost O(1) whatever the window; memory is
/// O(width + window). This is the masked counterpart of Shafait et al.'s integral-image sums (2008) that Su's and
/// Gatos's methods need, without their full-size integral images.
/// </summary>
internal sealed unsafe class MaskedWindowSums
{
    private readonly LocalPlane _v, _m;
    private readonly int _r, _w, _h;
    private readonly bool _squares;
    private readonly int[] _hIdx;
    private readonly int[] _colN, _colS;
    private readonly int[] _colQ;    // a column holds at most w ≤ 4095 samples: 4095·255² fits 32 bits
    private int _y = int.MinValue;

    /// <summary>Selected-pixel count of each window of the current row.</summary>
    public readonly long[] Count;
    /// <summary>Σ value over the selected pixels of each window.</summary>
    public readonly long[] Sum;
    /// <summary>Σ value² over the selected pixels of each window (when squares were asked for).</summary>
    public readonly long[] SumSq;

    public MaskedWindowSums(LocalPlane values, LocalPlane mask, int radius, bool squares)
    {
        _v = values; _m = mask; _r = radius; _w = values.Width; _h = values.Height; _squares = squares;
        _hIdx = new int[_w + 2 * radius];
        for (int j = 0; j < _hIdx.Length; j++) _hIdx[j] = Reflect101.Map(j - radius, _w);
        _colN = new int[_w]; _colS = new int[_w]; _colQ = new int[_w];
        Count = new long[_w]; Sum = new long[_w]; SumSq = new long[squares ? _w : 0];
    }

    /// <summary>Loads the sums of row <paramref name="y"/>; rows must come in increasing order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Row(int y)
    {
        if (_y == int.MinValue || y < _y || y - _y > 2 * _r + 1)
        {
            Array.Clear(_colN); Array.Clear(_colS); Array.Clear(_colQ);
            for (long p = (long)y - _r; p <= (long)y + _r; p++) AddRow(Reflect101.Map(p, _h), 1);
            _y = y;
        }
        while (_y < y)
        {
            int leave = Reflect101.Map((long)_y - _r, _h), enter = Reflect101.Map((long)_y + _r + 1, _h);
            _y++;
            if (leave == enter) continue;
            AddRow(leave, -1);
            AddRow(enter, 1);
        }
        Horizontal();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddRow(int row, int delta)
    {
        byte* v = _v.Row(row), m = _m.Row(row);
        int x = 0;
        fixed (int* n = _colN)
        fixed (int* s = _colS)
        fixed (int* q = _colQ)
        {
            if (Avx2.IsSupported)
            {
                // Branch-free: the selection becomes a 0/δ factor (masks are mostly paper with ragged text edges,
                // which a per-pixel branch keeps mispredicting).
                var vd = Vector256.Create(delta);
                for (; x <= _w - 8; x += 8)
                {
                    var sel = ~Vector256.Equals(Avx2.ConvertToVector256Int32(m + x), Vector256<int>.Zero) & vd;
                    var a = Avx2.ConvertToVector256Int32(v + x);
                    var sa = sel * a;
                    (Vector256.Load(n + x) + sel).Store(n + x);
                    (Vector256.Load(s + x) + sa).Store(s + x);
                    (Vector256.Load(q + x) + sa * a).Store(q + x);
                }
            }
            AddRowScalar(v + x, m + x, _w - x, delta, n + x, s + x, q + x);
        }
    }

    /// <summary>The scalar twin of <see cref="AddRow"/>'s vector loop.</summary>
    internal static void AddRowScalar(byte* v, byte* m, int w, int delta, int* n, int* s, int* q)
    {
        for (int x = 0; x < w; x++)
        {
            if (m[x] == 0) continue;
            int a = v[x];
            n[x] += delta;
            s[x] += delta * a;
            q[x] += delta * a * a;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Horizontal()
    {
        int[] idx = _hIdx, cn = _colN, cs = _colS;
        int[] cq = _colQ;
        long[] count = Count, sum = Sum, sq = SumSq;
        int span = 2 * _r + 1, w = _w;
        long a = 0, b = 0, c = 0;
        for (int j = 0; j < span; j++) { int k = idx[j]; a += cn[k]; b += cs[k]; c += cq[k]; }
        count[0] = a; sum[0] = b;
        if (_squares) sq[0] = c;
        for (int x = 1; x < w; x++)
        {
            int e = idx[x + span - 1], l = idx[x - 1];
            a += cn[e] - cn[l];
            b += cs[e] - cs[l];
            count[x] = a; sum[x] = b;
            if (_squares) { c += cq[e] - cq[l]; sq[x] = c; }
        }
    }
}
