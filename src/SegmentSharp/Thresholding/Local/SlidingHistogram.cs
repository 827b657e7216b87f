using SegmentSharp.Imaging;

namespace SegmentSharp.Thresholding.Local;

/// <summary>
/// The band driver of the window-histogram methods: local Otsu (<see cref="WindowOtsu"/>, cumulative column
/// histograms and all 256 levels evaluated per pixel) and the shared window limit. The local median runs on the
/// median filter's engine (<see cref="Filters.MedianHistogram"/>).
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

    public static Image<byte> Otsu(ReadOnlyImageView<byte> src, int window, Image<double>? threshold,
        WindowOtsu.Path path = WindowOtsu.Path.Auto) =>
        Run(src, window, threshold, (p, y0, y1, m, t, ts) => WindowOtsu.Band(p, window / 2, y0, y1, m, t, ts, path));
}
