using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using SegmentSharp.Imaging;

namespace SegmentSharp.Thresholding.Local;

/// <summary>
/// Local median and local Otsu on streaming w×w window histograms, so that the cost per pixel does not depend on the
/// window (Perreault and Hébert 2007, "Median filtering in constant time", IEEE TIP 16(9)). Each band of rows keeps
/// a histogram per image column over the window's rows (<see cref="ColumnHistograms"/>); along a row the window gains
/// the entering column's histogram and loses the leaving one's. The median needs only the 16 coarse bins per step
/// and brings one 16-bin fine segment up to date when the median falls in it (546 bytes per column per band).
/// Local Otsu keeps cumulative column histograms instead and evaluates all 256 levels per pixel
/// (<see cref="WindowOtsu"/>).
/// </summary>
internal static unsafe class SlidingHistogram
{
    /// <summary>Largest window: a column histogram bin counts at most w samples (16 bits), the window w² (32 bits).</summary>
    public const int MaxWindow = 4095;

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

    public static Image<byte> Otsu(ReadOnlyImageView<byte> src, int window, Image<double>? threshold,
        WindowOtsu.Path path = WindowOtsu.Path.Auto) =>
        Run(src, window, threshold, (p, y0, y1, m, t, ts) => WindowOtsu.Band(p, window / 2, y0, y1, m, t, ts, path));

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
}
