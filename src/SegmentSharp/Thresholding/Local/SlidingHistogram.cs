using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using SegmentSharp.Imaging;

namespace SegmentSharp.Thresholding.Local;

/// <summary>What a histogram-based local method does with each pixel's window histogram.</summary>
internal unsafe interface IHistogramKernel
{
    /// <summary>True when <see cref="Threshold"/> reads the non-empty-bin bitmap (costs a compare per 8 bins and pixel).</summary>
    static abstract bool WantsBitmap { get; }

    /// <summary>True when <see cref="Threshold"/> reads the 16 coarse (16-level) bins.</summary>
    static abstract bool WantsCoarse { get; }

    /// <summary>The threshold T of one pixel from its window: <paramref name="hist"/> has 256 bins,
    /// <paramref name="coarse"/> 16 (level / 16), <paramref name="nonEmpty"/> 4 words with bit i set when bin i is
    /// non-zero, <paramref name="sum"/> is Σ level over the window and <paramref name="pop"/> the sample count.</summary>
    double Threshold(int* hist, int* coarse, ulong* nonEmpty, long sum, long pop);
}

/// <summary>
/// Streaming w×w window histograms of an 8-bit plane, one output row at a time, so that the cost per pixel does not
/// depend on the window (Perreault and Hébert 2007, "Median filtering in constant time", IEEE TIP 16(9)): each band of
/// rows keeps a 256-bin histogram per image column over the rows of the current window (two bin updates per column
/// and row), and along a row the window histogram gains the entering column's histogram and loses the leaving one's
/// (16 vector adds). Working memory is one column histogram per column, 512 bytes × width per band, never a
/// full-size image. Two border conventions: reflect-101 (numpy 'reflect', repeated; every window holds w² samples, as
/// the other local methods) or clipped (samples outside the image are not counted, as scikit-image's rank filters).
/// </summary>
internal static unsafe class SlidingHistogram
{
    /// <summary>Largest window: a column histogram bin counts at most w samples, which must fit in 16 bits, and the
    /// window total w² in 32 bits.</summary>
    public const int MaxWindow = 4095;

    public static void CheckWindow(int window)
    {
        if (window < 3 || (window & 1) == 0 || window > MaxWindow)
            throw new ArgumentException($"Window must be an odd number from 3 to {MaxWindow}, got {window}.", nameof(window));
    }

    /// <summary>Runs <paramref name="kernel"/> over the plane and writes <c>pixel &gt; T ? 255 : 0</c> and/or T.</summary>
    public static Image<byte> Apply<TKernel>(ReadOnlyImageView<byte> src, int window, bool clip, TKernel kernel, Image<double>? threshold)
        where TKernel : struct, IHistogramKernel
    {
        ImageGuard.SingleChannel(src, nameof(src));
        CheckWindow(window);
        if (threshold != null && (threshold.Width != src.Width || threshold.Height != src.Height || threshold.Channels != 1))
            throw new ArgumentException(
                $"The threshold image is {threshold.Width}×{threshold.Height}×{threshold.Channels}; it must be {src.Width}×{src.Height}×1.",
                nameof(threshold));
        var mask = new Image<byte>(src.Width, src.Height);
        fixed (byte* ps = src.Data)
        fixed (byte* pm = mask.Data)
        fixed (double* pt = threshold?.Data)
        {
            var plane = new LocalPlane(ps, src.Width, src.Height, src.Stride);
            nint mp = (nint)pm, tp = (nint)pt;
            int ms = mask.Stride, ts = threshold?.Stride ?? 0;
            // A band first gathers w rows into its column histograms, so bands are kept several windows tall.
            Parallelism.ForBands(src.Height, (long)src.Width * 64,
                (y0, y1) => Band(plane, window / 2, clip, kernel, y0, y1, (byte*)mp, ms, (double*)tp, ts),
                Math.Max(16, Math.Min(4 * window, 1024)));
        }
        return mask;
    }

    /// <summary>Source row of a padded position, or −1 when clipped away.</summary>
    private static int MapPos(long p, int n, bool clip) => clip ? (p < 0 || p >= n ? -1 : (int)p) : Reflect101.Map(p, n);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Band<TKernel>(LocalPlane plane, int r, bool clip, TKernel kernel, int y0, int y1,
        byte* mask, int maskStride, double* surface, int surfaceStride) where TKernel : struct, IHistogramKernel
    {
        int w = plane.Width, h = plane.Height, win = 2 * r + 1;
        // Column w is an all-zero histogram that clipped positions map to.
        var colArr = new ushort[(w + 1) * 256];
        var coarseArr = new ushort[(w + 1) * 16];
        var colSumArr = new int[w + 1];
        var hIdx = new int[w + 2 * r];
        for (int j = 0; j < hIdx.Length; j++)
        {
            int c = MapPos(j - r, w, clip);
            hIdx[j] = c < 0 ? w : c;
        }
        // Multiplicity of each column in the window of x = 0 (the same for every row).
        var firstCount = new int[w + 1];
        for (int j = 0; j < win; j++) firstCount[hIdx[j]]++;
        int nFirst = 0;
        for (int c = 0; c < w; c++) if (firstCount[c] != 0) nFirst++;
        var firstCol = new int[nFirst];
        var firstMul = new int[nFirst];
        for (int c = 0, k = 0; c < w; c++) if (firstCount[c] != 0) { firstCol[k] = c; firstMul[k++] = firstCount[c]; }

        var histArr = new int[256 + 16];
        var bits = new ulong[4];
        fixed (ushort* col = colArr)
        fixed (ushort* coarseCol = coarseArr)
        fixed (int* colSum = colSumArr)
        fixed (int* hi = hIdx)
        fixed (int* hist = histArr)
        fixed (ulong* nz = bits)
        {
            int* coarse = hist + 256;
            for (long p = (long)y0 - r; p <= (long)y0 + r; p++)
            {
                int row = MapPos(p, h, clip);
                if (row >= 0) AddRow(plane.Row(row), w, col, coarseCol, colSum, 1);
            }
            for (int y = y0; y < y1; y++)
            {
                if (y > y0)
                {
                    int leave = MapPos((long)y - r - 1, h, clip), enter = MapPos((long)y + r, h, clip);
                    if (leave >= 0) AddRow(plane.Row(leave), w, col, coarseCol, colSum, -1);
                    if (enter >= 0) AddRow(plane.Row(enter), w, col, coarseCol, colSum, 1);
                }
                long rowsIn = clip ? Math.Min(h - 1, (long)y + r) - Math.Max(0, (long)y - r) + 1 : win;

                new Span<int>(hist, 256 + 16).Clear();
                long sum = 0;
                for (int k = 0; k < firstCol.Length; k++)
                {
                    int c = firstCol[k], m = firstMul[k];
                    ushort* src = col + c * 256;
                    for (int i = 0; i < 256; i++) hist[i] += m * src[i];
                    if (TKernel.WantsCoarse)
                        for (int i = 0; i < 16; i++) coarse[i] += m * coarseCol[c * 16 + i];
                    sum += (long)m * colSum[c];
                }
                if (TKernel.WantsBitmap) Bitmap(hist, nz);

                byte* s = plane.Row(y);
                byte* mrow = mask != null ? mask + (long)y * maskStride : null;
                double* trow = surface != null ? surface + (long)y * surfaceStride : null;
                for (int x = 0; x < w; x++)
                {
                    if (x > 0)
                    {
                        // Window of x covers padded positions x−r … x+r, i.e. hIdx[x … x+2r].
                        int ce = hi[x + 2 * r], cl = hi[x - 1];
                        if (ce != cl)
                        {
                            if (TKernel.WantsBitmap) Step(hist, col + ce * 256, col + cl * 256, nz);
                            else Step(hist, col + ce * 256, col + cl * 256, null);
                            if (TKernel.WantsCoarse) StepCoarse(coarse, coarseCol + ce * 16, coarseCol + cl * 16);
                            sum += colSum[ce] - colSum[cl];
                        }
                    }
                    long pop = clip ? rowsIn * (Math.Min(w - 1, (long)x + r) - Math.Max(0, (long)x - r) + 1) : (long)win * win;
                    double t = kernel.Threshold(hist, coarse, nz, sum, pop);
                    if (mrow != null) mrow[x] = s[x] > t ? (byte)255 : (byte)0;
                    if (trow != null) trow[x] = t;
                }
            }
        }
    }

    private static void AddRow(byte* row, int w, ushort* col, ushort* coarse, int* colSum, int delta)
    {
        ushort d = (ushort)delta;
        for (int x = 0; x < w; x++)
        {
            int v = row[x];
            col[x * 256 + v] += d;
            coarse[x * 16 + (v >> 4)] += d;
            colSum[x] += delta * v;
        }
    }

    /// <summary>
    /// hist += enter − leave over 256 bins; when <paramref name="nonEmpty"/> is given, also rebuilds the bitmap of
    /// non-empty bins. Column bins are at most <see cref="MaxWindow"/>, so their difference fits a signed 16-bit lane.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Step(int* hist, ushort* enter, ushort* leave, ulong* nonEmpty)
    {
        if (!Vector256.IsHardwareAccelerated) { StepScalar(hist, enter, leave, nonEmpty); return; }
        ulong b0 = 0, b1 = 0, b2 = 0, b3 = 0;
        for (int k = 0; k < 16; k++)
        {
            var d = (Vector256.Load(enter + 16 * k) - Vector256.Load(leave + 16 * k)).AsInt16();
            var (lo, hi) = Vector256.Widen(d);
            var h0 = Vector256.Load(hist + 16 * k) + lo;
            var h1 = Vector256.Load(hist + 16 * k + 8) + hi;
            h0.Store(hist + 16 * k);
            h1.Store(hist + 16 * k + 8);
            if (nonEmpty != null)
            {
                uint z = Vector256.Equals(h0, Vector256<int>.Zero).ExtractMostSignificantBits()
                         | (Vector256.Equals(h1, Vector256<int>.Zero).ExtractMostSignificantBits() << 8);
                ulong word = (~z & 0xFFFFu);
                int shift = (k & 3) * 16;
                switch (k >> 2)
                {
                    case 0: b0 |= word << shift; break;
                    case 1: b1 |= word << shift; break;
                    case 2: b2 |= word << shift; break;
                    default: b3 |= word << shift; break;
                }
            }
        }
        if (nonEmpty != null) { nonEmpty[0] = b0; nonEmpty[1] = b1; nonEmpty[2] = b2; nonEmpty[3] = b3; }
    }

    /// <summary>Scalar twin of <see cref="Step"/>.</summary>
    internal static void StepScalar(int* hist, ushort* enter, ushort* leave, ulong* nonEmpty)
    {
        for (int i = 0; i < 256; i++) hist[i] += enter[i] - leave[i];
        if (nonEmpty != null) Bitmap(hist, nonEmpty);
    }

    internal static void Bitmap(int* hist, ulong* nonEmpty)
    {
        for (int wd = 0; wd < 4; wd++)
        {
            ulong b = 0;
            for (int i = 0; i < 64; i++) if (hist[wd * 64 + i] != 0) b |= 1UL << i;
            nonEmpty[wd] = b;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StepCoarse(int* coarse, ushort* enter, ushort* leave)
    {
        if (Vector256.IsHardwareAccelerated)
        {
            var d = (Vector256.Load(enter) - Vector256.Load(leave)).AsInt16();
            var (lo, hi) = Vector256.Widen(d);
            (Vector256.Load(coarse) + lo).Store(coarse);
            (Vector256.Load(coarse + 8) + hi).Store(coarse + 8);
            return;
        }
        for (int i = 0; i < 16; i++) coarse[i] += enter[i] - leave[i];
    }

    /// <summary>Index of the lowest set bit at or after <paramref name="from"/>, or 256.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int NextBin(ulong* nonEmpty, int from)
    {
        while (from < 256)
        {
            ulong b = nonEmpty[from >> 6] >> (from & 63);
            if (b != 0) return from + BitOperations.TrailingZeroCount(b);
            from = (from | 63) + 1;
        }
        return 256;
    }
}
