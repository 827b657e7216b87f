using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using SegmentSharp.Imaging;

namespace SegmentSharp.Thresholding.Local;

/// <summary>Su, Lu and Tan (2010): the high-contrast pixels of each window vote on the pixel's class.</summary>
internal static unsafe class SuBinarization
{
    /// <summary>Window used when the mask gives no stroke estimate (a flat or nearly flat page).</summary>
    public const int FallbackWindow = 15;

    public static Image<byte> Run(ReadOnlyImageView<byte> src, int window, int minHighContrast, Image<double>? threshold)
    {
        ImageGuard.SingleChannel(src, nameof(src));
        if (window != 0) SlidingHistogram.CheckWindow(window);
        if (minHighContrast < 0)
            throw new ArgumentOutOfRangeException(nameof(minHighContrast), minHighContrast, "Nmin must be 0 (automatic) or positive.");
        LocalDriver.CheckThresholdImage(src, threshold);
        int w = src.Width, h = src.Height;
        var result = new Image<byte>(w, h);
        fixed (byte* ps = src.Data)
        {
            var plane = new LocalPlane(ps, w, h, src.Stride);
            var hc = ContrastImage.HighContrastMask(plane);
            if (window == 0) window = AutoWindow(ContrastImage.EstimateStrokeWidth(hc));
            if (minHighContrast == 0) minHighContrast = window;
            fixed (byte* ph = hc.Data)
            fixed (byte* pr = result.Data)
            fixed (double* pt = threshold?.Data)
            {
                var mask = new LocalPlane(ph, w, h, w);
                nint rp = (nint)pr, tp = (nint)pt;
                int ts = threshold?.Stride ?? 0, r = window / 2, nmin = minHighContrast;
                Parallelism.ForBands(h, (long)w * 8,
                    (y0, y1) => Band(plane, mask, r, nmin, y0, y1, (byte*)rp, (double*)tp, ts),
                    Math.Max(16, Math.Min(4 * window, 1024)));
            }
        }
        return result;
    }

    /// <summary>Twice the stroke scale plus one (Su et al. 2013 found a window of about twice the stroke edge width
    /// best), at least 3; <see cref="FallbackWindow"/> without an estimate.</summary>
    public static int AutoWindow(int strokeWidth) =>
        strokeWidth <= 0 ? FallbackWindow : Math.Min(SlidingHistogram.MaxWindow, Math.Max(3, 2 * strokeWidth + 1));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Band(LocalPlane src, LocalPlane mask, int r, int nmin, int y0, int y1, byte* dst, double* surface, int ts)
    {
        int w = src.Width;
        var sums = new MaskedWindowSums(src, mask, r, squares: true);
        for (int y = y0; y < y1; y++)
        {
            sums.Row(y);
            byte* s = src.Row(y), d = dst + (long)y * w;
            double* t = surface != null ? surface + (long)y * ts : null;
            long[] cnt = sums.Count, sum = sums.Sum, sq = sums.SumSq;
            if (t == null)
            {
                fixed (long* pc = cnt)
                fixed (long* pv = sum)
                fixed (long* pq = sq)
                    DecideRow(s, pc, pv, pq, nmin, w, d);
                continue;
            }
            for (int x = 0; x < w; x++)
            {
                double th = Threshold(cnt[x], sum[x], sq[x], nmin);
                d[x] = s[x] > th ? (byte)255 : (byte)0;
                t[x] = th;
            }
        }
    }

    /// <summary>
    /// One mask row from the window sums. Most windows of a page hold fewer than Nmin high-contrast pixels (paper far
    /// from any stroke), whose pixels are paper whatever their level; four such windows at a time are settled by one
    /// vector comparison of the counts, the rest by <see cref="Threshold"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void DecideRow(byte* s, long* cnt, long* sum, long* sq, int nmin, int w, byte* d)
    {
        int x = 0;
        if (Avx2.IsSupported)
        {
            var below = Vector256.Create((long)nmin);
            for (; x <= w - 4; x += 4)
            {
                var n = Avx.LoadVector256(cnt + x);
                var few = Avx2.CompareGreaterThan(below, n);
                if (few == Vector256<long>.AllBitsSet)
                    *(uint*)(d + x) = uint.MaxValue;
                else if (Avx512DQ.VL.IsSupported)
                {
                    // Threshold's operations lane by lane (correctly rounded, no fused multiply-add): the same T.
                    var nd = Avx512DQ.VL.ConvertToVector256Double(n);
                    var mean = Avx512DQ.VL.ConvertToVector256Double(Avx.LoadVector256(sum + x)) / nd;
                    var variance = Avx512DQ.VL.ConvertToVector256Double(Avx.LoadVector256(sq + x)) / nd - mean * mean;
                    var zero = Vector256<double>.Zero;
                    var sd = Vector256.ConditionalSelect(Vector256.GreaterThan(variance, zero), Vector256.Sqrt(variance), zero);
                    var t = Vector256.ConditionalSelect(few.AsDouble() | Vector256.Equals(n, Vector256<long>.Zero).AsDouble(),
                        Vector256.Create(-1.0), mean + sd / 2);
                    var p = Avx.ConvertToVector256Double(Sse41.ConvertToVector128Int32(s + x));
                    var gt = Vector256.GreaterThan(p, t).AsInt64();
                    *(uint*)(d + x) = Avx512F.VL.ConvertToVector128Byte(gt).AsUInt32().ToScalar();
                }
                else DecideRowScalar(s + x, cnt + x, sum + x, sq + x, nmin, 4, d + x);
            }
        }
        DecideRowScalar(s + x, cnt + x, sum + x, sq + x, nmin, w - x, d + x);
    }

    /// <summary>The scalar twin of <see cref="DecideRow"/>.</summary>
    internal static void DecideRowScalar(byte* s, long* cnt, long* sum, long* sq, int nmin, int w, byte* d)
    {
        for (int x = 0; x < w; x++) d[x] = s[x] > Threshold(cnt[x], sum[x], sq[x], nmin) ? (byte)255 : (byte)0;
    }

    /// <summary>E_mean + E_std/2 of the window's high-contrast pixels (population deviation), or −1 (nothing is text)
    /// when the window holds fewer than Nmin of them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Threshold(long n, long sum, long sumSq, int nmin)
    {
        if (n < nmin || n == 0) return -1;
        double mean = (double)sum / n;
        double variance = (double)sumSq / n - mean * mean;
        return mean + (variance > 0 ? Math.Sqrt(variance) : 0) / 2;
    }
}
