using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using SegmentSharp.Imaging;

namespace SegmentSharp.Thresholding.Local;

/// <summary>
/// Local median and local Otsu on streaming w×w window histograms, so that the cost per pixel does not depend on the
/// window (Perreault and Hébert 2007, "Median filtering in constant time", IEEE TIP 16(9)). Each band of rows keeps
/// a histogram per image column over the window's rows (<see cref="ColumnHistograms"/>); along a row the window gains
/// the entering column's histogram and loses the leaving one's. The median needs only the 16 coarse bins per step
/// and brings one 16-bin fine segment up to date when the median falls in it; Otsu keeps all 256 bins (16-bit lanes
/// while w ≤ 255, 32-bit beyond) plus a bitmap of the non-empty ones. Working memory: 546 bytes per column per band.
/// </summary>
internal static unsafe class SlidingHistogram
{
    /// <summary>Largest window: a column histogram bin counts at most w samples (16 bits), the window w² (32 bits).</summary>
    public const int MaxWindow = 4095;

    /// <summary>Widest window whose 256-bin histogram fits 16-bit lanes (255² &lt; 65536).</summary>
    private const int NarrowWindow = 255;

    public static void CheckWindow(int window) => LocalDriver.CheckWindow(window, MaxWindow);

    private delegate void BandBody(LocalPlane plane, int y0, int y1, byte* mask, double* surface, int surfaceStride);

    private static Image<byte> Run(ReadOnlyImageView<byte> src, int window, Image<double>? threshold, BandBody band)
    {
        ImageGuard.SingleChannel(src, nameof(src));
        CheckWindow(window);
        LocalDriver.CheckThresholdImage(src, threshold);
        var mask = new Image<byte>(src.Width, src.Height);
        fixed (byte* ps = src.Data)
        fixed (byte* pm = mask.Data)
        fixed (double* pt = threshold?.Data)
        {
            var plane = new LocalPlane(ps, src.Width, src.Height, src.Stride);
            nint mp = (nint)pm, tp = (nint)pt;
            int ts = threshold?.Stride ?? 0;
            // A band first gathers w rows into its column histograms, so bands are kept several windows tall.
            Parallelism.ForBands(src.Height, (long)src.Width * 64,
                (y0, y1) => band(plane, y0, y1, (byte*)mp, (double*)tp, ts),
                Math.Max(16, Math.Min(4 * window, 1024)));
        }
        return mask;
    }

    public static Image<byte> Median(ReadOnlyImageView<byte> src, int window, int c, Image<double>? threshold) =>
        Run(src, window, threshold, (p, y0, y1, m, t, ts) => MedianBand(p, window / 2, c, y0, y1, m, t, ts));

    public static Image<byte> Otsu(ReadOnlyImageView<byte> src, int window, Image<double>? threshold) =>
        Run(src, window, threshold, window <= NarrowWindow
            ? (p, y0, y1, m, t, ts) => OtsuBand<ushort>(p, window / 2, y0, y1, m, t, ts)
            : (p, y0, y1, m, t, ts) => OtsuBand<int>(p, window / 2, y0, y1, m, t, ts));

    // ---------------------------------------------------------------- median

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MedianBand(LocalPlane plane, int r, int c, int y0, int y1, byte* mask, double* surface, int ts)
    {
        int w = plane.Width, win = 2 * r + 1;
        var cols = new ColumnHistograms(plane, r, clip: false, y0);
        int half = win * win / 2;
        var coarseArr = new int[16];
        var segArr = new int[256];
        var lucArr = new int[16];
        fixed (ushort* fine = cols.Fine)
        fixed (ushort* coarseCol = cols.Coarse)
        fixed (int* idx = cols.Index)
        fixed (int* coarse = coarseArr)
        fixed (int* seg = segArr)
        fixed (int* luc = lucArr)
        {
            int[] firstCol = cols.FirstColumns, firstMul = cols.FirstCounts;
            for (int y = y0; y < y1; y++)
            {
                cols.MoveTo(y);
                new Span<int>(coarse, 16).Clear();
                for (int k = 0; k < firstCol.Length; k++) AddSegment(coarse, coarseCol + firstCol[k] * 16, firstMul[k]);
                new Span<int>(luc, 16).Fill(int.MinValue);
                byte* s = plane.Row(y);
                byte* mrow = mask + (long)y * w;
                double* trow = surface != null ? surface + (long)y * ts : null;
                for (int x = 0; x < w; x++)
                {
                    if (x > 0)
                    {
                        int ce = idx[x + 2 * r], cl = idx[x - 1];
                        if (ce != cl) StepSegment(coarse, coarseCol + ce * 16, coarseCol + cl * 16);
                    }
                    int below = 0, sg = 0;
                    while (sg < 15 && below + coarse[sg] <= half) below += coarse[sg++];
                    int* fs = seg + sg * 16;
                    int last = luc[sg];
                    if (last == int.MinValue || x - last >= win)
                    {
                        // Rebuild this segment from the window's columns.
                        new Span<int>(fs, 16).Clear();
                        if (x == 0)
                            for (int k = 0; k < firstCol.Length; k++) AddSegment(fs, fine + firstCol[k] * 256 + sg * 16, firstMul[k]);
                        else
                            for (int j = x; j <= x + 2 * r; j++) AddSegment(fs, fine + idx[j] * 256 + sg * 16);
                    }
                    else
                    {
                        // Replay the column swaps since the segment was last current.
                        for (int j = last + 1; j <= x; j++)
                        {
                            int ce = idx[j + 2 * r], cl = idx[j - 1];
                            if (ce != cl) StepSegment(fs, fine + ce * 256 + sg * 16, fine + cl * 256 + sg * 16);
                        }
                    }
                    luc[sg] = x;
                    int v = 0;
                    while (v < 15 && below + fs[v] <= half) below += fs[v++];
                    double t = sg * 16 + v - c;
                    mrow[x] = s[x] > t ? (byte)255 : (byte)0;
                    if (trow != null) trow[x] = t;
                }
            }
        }
    }

    /// <summary>16 int counts += 16 ushort counts.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void AddSegment(int* seg, ushort* src)
    {
        if (Vector256.IsHardwareAccelerated)
        {
            var (lo, hi) = Vector256.Widen(Vector256.Load(src));
            (Vector256.Load(seg) + lo.AsInt32()).Store(seg);
            (Vector256.Load(seg + 8) + hi.AsInt32()).Store(seg + 8);
            return;
        }
        AddSegment(seg, src, 1);
    }

    /// <summary>16 int counts += 16 ushort counts × <paramref name="m"/> (also the scalar twin of the one above).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void AddSegment(int* seg, ushort* src, int m)
    {
        for (int i = 0; i < 16; i++) seg[i] += m * src[i];
    }

    /// <summary>16 int counts += enter − leave (16-bit column counts, difference within ±4095).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void StepSegment(int* seg, ushort* enter, ushort* leave)
    {
        if (Vector256.IsHardwareAccelerated)
        {
            var d = (Vector256.Load(enter) - Vector256.Load(leave)).AsInt16();
            var (lo, hi) = Vector256.Widen(d);
            (Vector256.Load(seg) + lo).Store(seg);
            (Vector256.Load(seg + 8) + hi).Store(seg + 8);
            return;
        }
        StepSegmentScalar(seg, enter, leave);
    }

    /// <summary>Scalar twin of <see cref="StepSegment"/>.</summary>
    internal static void StepSegmentScalar(int* seg, ushort* enter, ushort* leave)
    {
        for (int i = 0; i < 16; i++) seg[i] += enter[i] - leave[i];
    }

    // ---------------------------------------------------------------- Otsu

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void OtsuBand<T>(LocalPlane plane, int r, int y0, int y1, byte* mask, double* surface, int ts)
        where T : unmanaged, IBinaryInteger<T>
    {
        int w = plane.Width;
        var cols = new ColumnHistograms(plane, r, clip: true, y0);
        var histArr = new T[256];
        var bitsArr = new ulong[4];
        fixed (ushort* fine = cols.Fine)
        fixed (int* colSum = cols.Sum)
        fixed (int* idx = cols.Index)
        fixed (T* hist = histArr)
        fixed (ulong* nz = bitsArr)
        {
            int[] firstCol = cols.FirstColumns, firstMul = cols.FirstCounts;
            for (int y = y0; y < y1; y++)
            {
                cols.MoveTo(y);
                long rowsIn = cols.RowsIn(y);
                new Span<T>(hist, 256).Clear();
                long sum = 0;
                for (int k = 0; k < firstCol.Length; k++)
                {
                    ushort* src = fine + firstCol[k] * 256;
                    int m = firstMul[k];
                    for (int i = 0; i < 256; i++) hist[i] += T.CreateTruncating(m * src[i]);
                    sum += (long)m * colSum[firstCol[k]];
                }
                Bitmap(hist, nz);
                byte* s = plane.Row(y);
                byte* mrow = mask + (long)y * w;
                double* trow = surface != null ? surface + (long)y * ts : null;
                for (int x = 0; x < w; x++)
                {
                    if (x > 0)
                    {
                        // The window of x covers padded positions x−r … x+r, i.e. Index[x … x+2r].
                        int ce = idx[x + 2 * r], cl = idx[x - 1];
                        if (ce != cl)
                        {
                            if (typeof(T) == typeof(ushort)) StepNarrow((ushort*)hist, fine + ce * 256, fine + cl * 256, nz);
                            else StepWide((int*)hist, fine + ce * 256, fine + cl * 256, nz);
                            sum += colSum[ce] - colSum[cl];
                        }
                    }
                    int t = OtsuLevel(hist, nz, sum, rowsIn * cols.ColumnsIn(x));
                    mrow[x] = s[x] > t ? (byte)255 : (byte)0;
                    if (trow != null) trow[x] = t;
                }
            }
        }
    }

    /// <summary>
    /// Otsu's level of one window histogram, in scikit-image 0.19's <c>_kernel_otsu</c> arithmetic (see
    /// <see cref="LocalThreshold.LocalOtsu"/>): integer class sizes and moments, <c>t = (n − q1)·μ1 − (μ − μ1)·q1</c>
    /// and <c>t²/(q1·(n − q1))</c> in float64, empty levels skipped, stop once the lower class holds everything, first
    /// strictly largest wins. Only the non-empty levels are visited (bitmap + trailing-zero count).
    /// </summary>
    /// <remarks>Measured (CPU time, AVX-512 box): about 3 ns per non-empty level, and a page window holds ~55 levels at
    /// w = 15 and ~200 at w = 101, so this scan dominates the cost and grows with the window's level count. Tried and
    /// dropped as no faster: an eight-lane AVX-512 evaluation of the terms, skipping the division where a level
    /// cannot win, branch-free selects, and skipping 16-level blocks by an upper bound on their terms (the bound
    /// pruned under 5% of the levels on samples/page.png). Seeding that pruning with the previous pixel's level as a
    /// floor and bounding each block's numerator by the interval t(a) + c·[n·a − Σ, n·(a+15) − Σ] was exact but slower
    /// (the 12 MP page, one thread: 3.2 s instead of 2.4 s at w = 15): even with the true optimum as the floor it skips
    /// only 7% (w 15) to 14% (w 101) of the levels, because 25–30% of a page window's levels score within 10% of the
    /// best and 55% within half of it. The criterion is that flat, so an exact search here stays linear in the levels.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int OtsuLevel<T>(T* hist, ulong* nonEmpty, long sum, long pop) where T : unmanaged, IBinaryInteger<T>
    {
        double n = pop;
        long q1 = int.CreateTruncating(hist[0]), mu1 = 0;
        double best = 0;
        int bestI = 0;
        for (int wd = 0; wd < 4; wd++)
        {
            ulong b = nonEmpty[wd];
            if (wd == 0) b &= ~1UL;
            while (b != 0)
            {
                int i = wd * 64 + BitOperations.TrailingZeroCount(b);
                b &= b - 1;
                long p = int.CreateTruncating(hist[i]);
                q1 += p;
                if (q1 == pop) return bestI;
                mu1 += i * p;
                double t = (n - q1) * mu1 - (double)((sum - mu1) * q1);
                double sigma = t * t / (q1 * (n - q1));
                if (sigma > best) { best = sigma; bestI = i; }
            }
        }
        return bestI;
    }

    /// <summary>16-bit window bins += enter − leave (exact: window counts stay below 65536), and the non-empty bitmap.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void StepNarrow(ushort* hist, ushort* enter, ushort* leave, ulong* nonEmpty)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            for (int k = 0; k < 8; k++)
            {
                var h = Vector512.Load(hist + 32 * k) + Vector512.Load(enter + 32 * k) - Vector512.Load(leave + 32 * k);
                h.Store(hist + 32 * k);
                ulong z = ~Vector512.Equals(h, Vector512<ushort>.Zero).ExtractMostSignificantBits() & 0xFFFF_FFFFUL;
                if ((k & 1) == 0) nonEmpty[k >> 1] = z;
                else nonEmpty[k >> 1] |= z << 32;
            }
            return;
        }
        if (Vector256.IsHardwareAccelerated)
        {
            for (int k = 0; k < 16; k++)
            {
                var h = Vector256.Load(hist + 16 * k) + Vector256.Load(enter + 16 * k) - Vector256.Load(leave + 16 * k);
                h.Store(hist + 16 * k);
                ulong z = ~Vector256.Equals(h, Vector256<ushort>.Zero).ExtractMostSignificantBits() & 0xFFFFUL;
                if ((k & 3) == 0) nonEmpty[k >> 2] = z;
                else nonEmpty[k >> 2] |= z << (16 * (k & 3));
            }
            return;
        }
        StepScalar(hist, enter, leave, nonEmpty);
    }

    /// <summary>32-bit window bins += enter − leave, and the non-empty bitmap (windows above 255).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void StepWide(int* hist, ushort* enter, ushort* leave, ulong* nonEmpty)
    {
        if (Vector256.IsHardwareAccelerated)
        {
            for (int k = 0; k < 16; k++)
            {
                var d = (Vector256.Load(enter + 16 * k) - Vector256.Load(leave + 16 * k)).AsInt16();
                var (lo, hi) = Vector256.Widen(d);
                var h0 = Vector256.Load(hist + 16 * k) + lo;
                var h1 = Vector256.Load(hist + 16 * k + 8) + hi;
                h0.Store(hist + 16 * k);
                h1.Store(hist + 16 * k + 8);
                ulong z = ~(Vector256.Equals(h0, Vector256<int>.Zero).ExtractMostSignificantBits()
                            | (Vector256.Equals(h1, Vector256<int>.Zero).ExtractMostSignificantBits() << 8)) & 0xFFFFUL;
                if ((k & 3) == 0) nonEmpty[k >> 2] = z;
                else nonEmpty[k >> 2] |= z << (16 * (k & 3));
            }
            return;
        }
        StepScalar(hist, enter, leave, nonEmpty);
    }

    /// <summary>Scalar twin of <see cref="StepNarrow"/> and <see cref="StepWide"/>.</summary>
    internal static void StepScalar<T>(T* hist, ushort* enter, ushort* leave, ulong* nonEmpty) where T : unmanaged, IBinaryInteger<T>
    {
        for (int i = 0; i < 256; i++) hist[i] = hist[i] + T.CreateTruncating(enter[i]) - T.CreateTruncating(leave[i]);
        Bitmap(hist, nonEmpty);
    }

    internal static void Bitmap<T>(T* hist, ulong* nonEmpty) where T : unmanaged, IBinaryInteger<T>
    {
        for (int wd = 0; wd < 4; wd++)
        {
            ulong b = 0;
            for (int i = 0; i < 64; i++) if (hist[wd * 64 + i] != T.Zero) b |= 1UL << i;
            nonEmpty[wd] = b;
        }
    }
}
