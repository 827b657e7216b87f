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
    // When the window is narrower than a reflection period: the column sums laid out with reflected margins and their
    // prefix sums, so that the window sums are vector differences of prefixes (null otherwise).
    private readonly int[]? _padN, _padS, _padQ, _preN, _preS;
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
        if (_w > 1 && 2 * radius + 1 < Reflect101.Period(_w))
        {
            int len = _w + 2 * radius;
            _padN = new int[len]; _padS = new int[len]; _padQ = squares ? new int[len] : null;
            _preN = new int[len + 1]; _preS = new int[len + 1];
        }
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

    private void AddRow(int row, int delta)
    {
        fixed (int* n = _colN)
        fixed (int* s = _colS)
        fixed (int* q = _colQ)
            AddMasked(_v.Row(row), _m.Row(row), _w, delta, n, s, q);
    }

    /// <summary>
    /// Column sums of the selected pixels of one row: where mask[x] ≠ 0, n[x] += δ, s[x] += δ·v[x] and
    /// q[x] += δ·v[x]² (δ = ±1). Shared with the document binarizer's edge vote.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void AddMasked(byte* v, byte* m, int w, int delta, int* n, int* s, int* q)
    {
        int x = 0;
        if (Avx2.IsSupported)
        {
            // Branch-free: the selection becomes a 0/δ factor (masks are mostly paper with ragged text edges,
            // which a per-pixel branch keeps mispredicting).
            var vd = Vector256.Create(delta);
            for (; x <= w - 8; x += 8)
            {
                var sel = ~Vector256.Equals(Avx2.ConvertToVector256Int32(m + x), Vector256<int>.Zero) & vd;
                var a = Avx2.ConvertToVector256Int32(v + x);
                var sa = sel * a;
                (Vector256.Load(n + x) + sel).Store(n + x);
                (Vector256.Load(s + x) + sa).Store(s + x);
                (Vector256.Load(q + x) + sa * a).Store(q + x);
            }
        }
        AddRowScalar(v + x, m + x, w - x, delta, n + x, s + x, q + x);
    }

    /// <summary>The scalar twin of <see cref="AddMasked"/>'s vector loop.</summary>
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
        if (_padN != null)
        {
            HorizontalPrefix();
            return;
        }
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

    /// <summary>
    /// <see cref="Horizontal"/> through prefix sums of the reflected row: 32-bit wrapping prefixes whose differences
    /// are exact, since a window's count (≤ w²) and sum (≤ 4095²·255 &lt; 2³²) fit 32 unsigned bits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void HorizontalPrefix()
    {
        int r = _r, w = _w, span = 2 * r + 1;
        Pad(_colN, _padN!);
        Pad(_colS, _padS!);
        MomentScan.PrefixPair(_padN, _preN, _padS, _preS);
        fixed (int* pn = _preN)
        fixed (int* ps = _preS)
        fixed (long* c = Count)
        fixed (long* s = Sum)
            WindowDifferences(pn, ps, span, w, c, s);
        if (!_squares) return;
        // Σv² of a window may pass 2³², so it keeps a 64-bit running sum.
        int[] q = _padQ!;
        Pad(_colQ, q);
        long[] sq = SumSq;
        long acc = 0;
        for (int j = 0; j < span; j++) acc += q[j];
        sq[0] = acc;
        for (int x = 1; x < w; x++)
        {
            acc += q[x + span - 1] - q[x - 1];
            sq[x] = acc;
        }
    }

    private void Pad(int[] col, int[] pad)
    {
        int r = _r, w = _w, last = r + w - 1;
        col.AsSpan().CopyTo(pad.AsSpan(r, w));
        for (int j = 1; j <= r; j++) { pad[r - j] = col[j]; pad[last + j] = col[w - 1 - j]; }
    }

    /// <summary>count[x] = preN[x + span] − preN[x] and sum[x] = preS[x + span] − preS[x] (unsigned) for x in [0, w).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void WindowDifferences(int* preN, int* preS, int span, int w, long* count, long* sum)
    {
        int x = 0;
        if (Avx2.IsSupported)
            for (; x <= w - 4; x += 4)
            {
                var n = Sse2.Subtract(Sse2.LoadVector128(preN + x + span), Sse2.LoadVector128(preN + x));
                var s = Sse2.Subtract(Sse2.LoadVector128(preS + x + span), Sse2.LoadVector128(preS + x)).AsUInt32();
                Avx.Store(count + x, Avx2.ConvertToVector256Int64(n));
                Avx.Store(sum + x, Avx2.ConvertToVector256Int64(s));
            }
        WindowDifferencesScalar(preN + x, preS + x, span, w - x, count + x, sum + x);
    }

    /// <summary>The scalar twin of <see cref="WindowDifferences"/>.</summary>
    internal static void WindowDifferencesScalar(int* preN, int* preS, int span, int w, long* count, long* sum)
    {
        for (int x = 0; x < w; x++)
        {
            count[x] = preN[x + span] - preN[x];
            sum[x] = (uint)(preS[x + span] - preS[x]);
        }
    }
}
