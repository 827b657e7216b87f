using System.Runtime.CompilerServices;
using SegmentSharp.Imaging;

namespace SegmentSharp.Thresholding.Local;

/// <summary>Runs a rule over row bands: window statistics per row → threshold row → mask row and/or surface row.</summary>
internal static unsafe class LocalDriver
{
    public const int MaxWindow = 1 << 20;

    /// <summary>Rejects a window that is not odd and in [3, <paramref name="max"/>].</summary>
    public static void CheckWindow(int window, int max = MaxWindow)
    {
        if (window < 3 || (window & 1) == 0 || window > max)
            throw new ArgumentException($"Window must be an odd number from 3 to {max}, got {window}.", nameof(window));
    }

    /// <summary>Rejects an optional threshold-surface image whose size differs from the source's.</summary>
    public static void CheckThresholdImage(ReadOnlyImageView<byte> src, Image<double>? threshold)
    {
        if (threshold != null && (threshold.Width != src.Width || threshold.Height != src.Height || threshold.Channels != 1))
            throw new ArgumentException(
                $"The threshold image is {threshold.Width}×{threshold.Height}×{threshold.Channels}; it must be {src.Width}×{src.Height}×1.",
                nameof(threshold));
    }

    public static Image<byte> Apply<TRule>(ReadOnlyImageView<byte> src, int window, TRule rule, Image<double>? threshold)
        where TRule : struct, ILocalRule
    {
        ImageGuard.SingleChannel(src, nameof(src));
        CheckWindow(window);
        CheckThresholdImage(src, threshold);
        var mask = new Image<byte>(src.Width, src.Height);
        fixed (byte* ps = src.Data)
        fixed (byte* pm = mask.Data)
        fixed (double* pt = threshold?.Data)
            Run(new LocalPlane(ps, src.Width, src.Height, src.Stride), window, rule,
                pm, mask.Stride, pt, threshold?.Stride ?? 0);
        return mask;
    }

    /// <summary>
    /// <see cref="Apply{TRule}"/> for the mean/deviation rules: when only the mask is wanted and the window fits
    /// <see cref="MomentRows"/>, the fused kernel decides each pixel without materialising m, s or T (same mask).
    /// </summary>
    public static Image<byte> ApplyMoments<TRule>(ReadOnlyImageView<byte> src, int window, TRule rule, Image<double>? threshold)
        where TRule : struct, IMomentRule
    {
        if (threshold != null) return Apply(src, window, rule, threshold);
        ImageGuard.SingleChannel(src, nameof(src));
        var mask = NewMask(src.Width, src.Height);
        MomentsInto(src, mask, window, rule);
        return mask;
    }

    /// <summary>
    /// The mask of a mean/deviation rule written into <paramref name="dst"/> (same size, one channel), every pixel
    /// overwritten: the fused kernel where <see cref="MomentRows"/> serves the window, the general engine otherwise.
    /// </summary>
    public static void MomentsInto<TRule>(ReadOnlyImageView<byte> src, ImageView<byte> dst, int window, TRule rule)
        where TRule : struct, IMomentRule =>
        WithPlanes(src, dst, window, (plane, pm, stride) => MomentPlanes(plane, window, rule, pm, stride));

    private static void MomentPlanes<TRule>(LocalPlane plane, int window, TRule rule, byte* mask, int stride)
        where TRule : struct, IMomentRule
    {
        if (MomentRows.Supports(plane.Width, window)) RunMoments(plane, window, rule, mask, stride);
        else Run(plane, window, rule, mask, stride, null, 0);
    }

    /// <summary>The general engine (any rule, any window) into <paramref name="dst"/>.</summary>
    public static void GeneralInto<TRule>(ReadOnlyImageView<byte> src, ImageView<byte> dst, int window, TRule rule)
        where TRule : struct, ILocalRule =>
        WithPlanes(src, dst, window, (plane, pm, stride) => Run(plane, window, rule, pm, stride, null, 0));

    private delegate void PlaneBody(LocalPlane plane, byte* mask, int maskStride);

    /// <summary>Checks the arguments of a <c>dst</c> overload and runs <paramref name="body"/> on the source plane
    /// (a copy when it shares memory with the mask) and the mask.</summary>
    private static void WithPlanes(ReadOnlyImageView<byte> src, ImageView<byte> dst, int window, PlaneBody body)
    {
        CheckInto(src, dst, window);
        var copy = SourceApartFrom(src, dst);
        var s = copy != null ? copy.ReadOnlyView : src;
        fixed (byte* ps = s.Data)
        fixed (byte* pm = dst.Data)
            body(new LocalPlane(ps, s.Width, s.Height, s.Stride), pm, dst.Stride);
    }

    /// <summary>Rejects a multi-channel source, a destination of another size, or a bad window.</summary>
    public static void CheckInto(ReadOnlyImageView<byte> src, ImageView<byte> dst, int window, int maxWindow = MaxWindow)
    {
        ImageGuard.SingleChannel(src, nameof(src));
        ImageGuard.SameSize(src, dst, nameof(dst));
        CheckWindow(window, maxWindow);
    }

    /// <summary>
    /// A private copy of <paramref name="src"/> when it shares memory with <paramref name="dst"/>: the kernels read
    /// source rows a window ahead of the mask row they write.
    /// </summary>
    public static Image<byte>? SourceApartFrom(ReadOnlyImageView<byte> src, ImageView<byte> dst)
    {
        if (!src.Data.Overlaps(dst.Data)) return null;
        var img = new Image<byte>(src.Width, src.Height);
        for (int y = 0; y < src.Height; y++) src.Row(y).CopyTo(img.Data.AsSpan(y * img.Stride, src.Width));
        return img;
    }

    private static void RunMoments<TRule>(LocalPlane plane, int window, TRule rule, byte* mask, int maskStride)
        where TRule : struct, IMomentRule
    {
        int r = window / 2, w = plane.Width;
        double n = (double)window * window;
        nint mp = (nint)mask;
        Parallelism.ForBands(plane.Height, (long)w * 4, (y0, y1) =>
        {
            var rows = new MomentRows(plane, r, rule.NeedsVariance);
            fixed (int* preS = rows.PrefixS)
            fixed (uint* preQ = rows.PrefixQ)
            {
                for (int y = y0; y < y1; y++)
                {
                    rows.Row(y);
                    MomentKernel.Row(rule, preS, rule.NeedsVariance ? preQ : null, window, plane.Row(y), w, n,
                        (byte*)mp + (long)y * maskStride);
                }
            }
        }, Math.Max(16, Math.Min(4 * window, 1024)));
    }

    /// <summary>
    /// <see cref="Apply{TRule}"/> for the window min/max rules: when only the mask is wanted and the window is narrower
    /// than a reflection period, <see cref="RangeRows"/> and the fused <see cref="RangeKernel"/> make it (same mask).
    /// </summary>
    public static Image<byte> ApplyRange<TRule>(ReadOnlyImageView<byte> src, int window, TRule rule, Image<double>? threshold)
        where TRule : struct, IRangeRule
    {
        if (threshold != null) return Apply(src, window, rule, threshold);
        ImageGuard.SingleChannel(src, nameof(src));
        var mask = NewMask(src.Width, src.Height);
        RangeInto(src, mask, window, rule);
        return mask;
    }

    /// <summary>The mask of a window min/max rule written into <paramref name="dst"/>; see <see cref="MomentsInto{TRule}"/>.</summary>
    public static void RangeInto<TRule>(ReadOnlyImageView<byte> src, ImageView<byte> dst, int window, TRule rule)
        where TRule : struct, IRangeRule =>
        WithPlanes(src, dst, window, (plane, pm, stride) => RangePlanes(plane, window, rule, pm, stride));

    private static void RangePlanes<TRule>(LocalPlane plane, int window, TRule rule, byte* mask, int stride)
        where TRule : struct, IRangeRule
    {
        if (!RangeRows.Supports(plane.Width, window))
        {
            Run(plane, window, rule, mask, stride, null, 0);
            return;
        }
        int r = window / 2, w = plane.Width;
        byte[]? colMin = null, colMax = null;
        if (WindowMinMax.CoversColumn(plane.Height, r)) (colMin, colMax) = WindowMinMax.ColumnExtrema(plane);
        nint mp = (nint)mask;
        Parallelism.ForBands(plane.Height, (long)w * 4, (y0, y1) =>
        {
            var rows = new RangeRows(plane, r, y0, colMin, colMax);
            fixed (byte* a = rows.RunMin)
            fixed (byte* b = rows.RunMax)
            {
                for (int y = y0; y < y1; y++)
                {
                    rows.Row(y);
                    RangeKernel.Row(rule, a, b, window - rows.Run, plane.Row(y), w, (byte*)mp + (long)y * stride);
                }
            }
        }, Math.Max(16, Math.Min(4 * window, 1024)));
    }

    /// <summary>
    /// The largest local population standard deviation over the plane (Wolf's S_max), √V_max / N from the exact
    /// V = N·Σp² − (Σp)² of every window (within an ulp of the largest float64 √(Σp²/N − m²)).
    /// </summary>
    public static double MaxStd(LocalPlane plane, int window)
    {
        double n = (double)window * window;
        if (!MomentRows.Supports(plane.Width, window))
        {
            var box = new StrongBox<Int128>(0);
            Run(plane, window, new MaxVRule(box), null, 0, null, 0);
            return Math.Sqrt((double)box.Value) / n;
        }
        int r = window / 2, w = plane.Width;
        double best = 0;
        object gate = new();
        Parallelism.ForBands(plane.Height, (long)w * 4, (y0, y1) =>
        {
            var rows = new MomentRows(plane, r, true);
            double local = 0;
            fixed (int* preS = rows.PrefixS)
            fixed (uint* preQ = rows.PrefixQ)
            {
                for (int y = y0; y < y1; y++)
                {
                    rows.Row(y);
                    local = Math.Max(local, MomentKernel.MaxV(preS, preQ, window, w, n));
                }
            }
            lock (gate) best = Math.Max(best, local);
        }, Math.Max(16, Math.Min(4 * window, 1024)));
        return Math.Sqrt(best) / n;
    }

    /// <summary>
    /// A mask the fused kernels overwrite entirely, so it skips the zeroing (for a page, clearing 12 MB costs about as
    /// much as binarizing it).
    /// </summary>
    private static Image<byte> NewMask(int width, int height) =>
        new(GC.AllocateUninitializedArray<byte>(checked(width * height)), width, height);

    /// <summary>Runs the rule; <paramref name="mask"/> and <paramref name="surface"/> may each be null.</summary>
    public static void Run<TRule>(LocalPlane plane, int window, TRule rule, byte* mask, int maskStride,
        double* surface, int surfaceStride) where TRule : struct, ILocalRule
    {
        int r = window / 2, w = plane.Width;
        int[]? hIdx = WindowSums.HorizontalIndex(w, r);
        byte[]? colMin = null, colMax = null;
        if (rule.UsesMinMax && WindowMinMax.CoversColumn(plane.Height, r))
            (colMin, colMax) = WindowMinMax.ColumnExtrema(plane);
        nint mp = (nint)mask, sp = (nint)surface;
        double n = (double)window * window;
        // Each band pays one window-high start-up, so bands are kept several windows tall.
        Parallelism.ForBands(plane.Height, (long)w * 4,
            (y0, y1) => Band(plane, r, n, rule, hIdx, colMin, colMax, y0, y1, mp, maskStride, sp, surfaceStride),
            // Each band pays one window-high start-up, so bands are kept several windows tall.
            Math.Max(16, Math.Min(4 * window, 1024)));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Band<TRule>(LocalPlane plane, int r, double n, TRule rule, int[]? hIdx, byte[]? colMin, byte[]? colMax,
        int y0, int y1, nint mp, int maskStride, nint sp, int surfaceStride) where TRule : struct, ILocalRule
    {
        int w = plane.Width;
        var sums = rule.UsesSums ? new WindowSums(plane, r, hIdx) : null;
        var mm = rule.UsesMinMax ? new WindowMinMax(plane, r, y0, colMin, colMax, hIdx) : null;
        var t = new double[w];
        var mean = sums != null ? new double[w] : null;
        var std = sums != null ? new double[w] : null;
        for (int y = y0; y < y1; y++)
        {
            if (sums != null)
            {
                sums.Row(y);
                MeanStdKernel.Row(sums.Sum, sums.SumSq, n, mean, std);
            }
            mm?.Row(y);
            var src = new ReadOnlySpan<byte>(plane.Row(y), w);
            rule.Row(new LocalRow
            {
                Src = src, N = n,
                Sum = sums?.Sum, SumSq = sums?.SumSq,
                Min = mm?.Min, Max = mm?.Max, Mean = mean, Std = std,
            }, t);
            if (mp != 0) Binarize(src, t, new Span<byte>((byte*)mp + (long)y * maskStride, w));
            if (sp != 0) t.AsSpan().CopyTo(new Span<double>((double*)sp + (long)y * surfaceStride, w));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Binarize(ReadOnlySpan<byte> src, ReadOnlySpan<double> t, Span<byte> dst)
    {
        for (int x = 0; x < dst.Length; x++) dst[x] = src[x] > t[x] ? (byte)255 : (byte)0;
    }
}
