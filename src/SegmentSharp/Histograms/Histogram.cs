using System.Buffers;
using System.Runtime.CompilerServices;
using SegmentSharp.Imaging;
using SegmentSharp.Thresholding;

namespace SegmentSharp.Histograms;

/// <summary>
/// Intensity histograms, equal to <c>cv2.calcHist([img], [0], None, [256], [0, 256])</c> for 8-bit images
/// and to the 65536-bin histogram OpenCV's 16-bit Otsu threshold builds internally.
/// </summary>
public static partial class Histogram
{
    /// <summary>
    /// Counts each of the 256 gray levels of a single-channel 8-bit image into <paramref name="bins"/>
    /// (the first 256 entries are overwritten). Equivalent to
    /// <c>cv2.calcHist([src], [0], None, [256], [0, 256])</c> with 64-bit counts.
    /// </summary>
    /// <remarks>
    /// Each worker counts into four interleaved sub-histograms so that runs of equal pixels do not
    /// serialise on one counter's store-to-load forwarding; the per-band histograms are summed at the end.
    /// Single-threaded on a 4000×3000 image this runs in ~3.3 ms against ~4.3 ms for OpenCV's histogram loop.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="src"/> has more than one channel, or <paramref name="bins"/> has fewer than 256 entries.</exception>
    public static unsafe void Compute(ReadOnlyImageView<byte> src, Span<long> bins)
    {
        ImageGuard.SingleChannel(src, nameof(src));
        if (bins.Length < 256) throw new ArgumentException($"Need 256 bins, got {bins.Length}.", nameof(bins));
        var total = new long[256];
        var runs = SampleRuns.For(src.Width, src.Height, 1, src.Stride, src.Stride);
        fixed (byte* p0 = src.Data)
        {
            byte* p = p0;
            Parallelism.ForBands(runs.Count, runs.Length, (start, end) =>
            {
                uint* h = stackalloc uint[4 * 256];
                new Span<uint>(h, 4 * 256).Clear();
                for (int k = start; k < end; k++)
                    Count8(p + runs.SrcOffset(k), runs.RunLength(k), h);
                lock (total)
                    for (int i = 0; i < 256; i++)
                        total[i] += (long)h[i] + h[256 + i] + h[512 + i] + h[768 + i];
            }, minRowsPerBand: 4);
        }
        total.CopyTo(bins);
    }

    /// <summary>Allocating convenience overload of <see cref="Compute(ReadOnlyImageView{byte}, Span{long})"/>.</summary>
    public static long[] Compute(ReadOnlyImageView<byte> src)
    {
        var bins = new long[256];
        Compute(src, bins);
        return bins;
    }

    /// <summary>
    /// Counts each of the 65536 levels of a single-channel 16-bit image into <paramref name="bins"/>
    /// (the first 65536 entries are overwritten): the histogram OpenCV's <c>THRESH_OTSU</c> builds for
    /// <c>CV_16UC1</c>, equal to <c>cv2.calcHist([src], [0], None, [65536], [0, 65536])</c>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="src"/> has more than one channel, or <paramref name="bins"/> has fewer than 65536 entries.</exception>
    public static unsafe void Compute(ReadOnlyImageView<ushort> src, Span<long> bins)
    {
        ImageGuard.SingleChannel(src, nameof(src));
        if (bins.Length < 65536) throw new ArgumentException($"Need 65536 bins, got {bins.Length}.", nameof(bins));
        var total = new long[65536];
        var runs = SampleRuns.For(src.Width, src.Height, 1, src.Stride, src.Stride);
        fixed (ushort* p0 = src.Data)
        {
            ushort* p = p0;
            Parallelism.ForBands(runs.Count, runs.Length, (start, end) =>
            {
                // A single 256 KB table per band: splitting it like the 8-bit case would overflow L2
                // and cost more than the forwarding stalls it avoids.
                uint[] h = ArrayPool<uint>.Shared.Rent(65536);
                Array.Clear(h, 0, 65536);
                fixed (uint* ph = h)
                    for (int k = start; k < end; k++)
                        Count16(p + runs.SrcOffset(k), runs.RunLength(k), ph);
                lock (total)
                    for (int i = 0; i < 65536; i++) total[i] += h[i];
                ArrayPool<uint>.Shared.Return(h);
            }, minRowsPerBand: 4);
        }
        total.CopyTo(bins);
    }

    /// <summary>Allocating convenience overload of <see cref="Compute(ReadOnlyImageView{ushort}, Span{long})"/>.</summary>
    public static long[] Compute(ReadOnlyImageView<ushort> src)
    {
        var bins = new long[65536];
        Compute(src, bins);
        return bins;
    }

    /// <summary>Adds <paramref name="len"/> bytes into four 256-entry sub-histograms at <paramref name="h"/>.</summary>
    /// <remarks>
    /// All samples of a group are loaded before any counter is stored: with interleaved loads the JIT must
    /// assume a counter store may alias the pixels and re-read them, which measured ~1.8× slower.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static unsafe void Count8(byte* p, int len, uint* h)
    {
        uint* h1 = h + 256, h2 = h + 512, h3 = h + 768;
        byte* end = p + len;
        for (; p <= end - 8; p += 8)
        {
            uint a = p[0], b = p[1], c = p[2], d = p[3];
            h[a]++; h1[b]++; h2[c]++; h3[d]++;
            a = p[4]; b = p[5]; c = p[6]; d = p[7];
            h[a]++; h1[b]++; h2[c]++; h3[d]++;
        }
        for (; p < end; p++) h[*p]++;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Count16(ushort* p, int len, uint* h)
    {
        ushort* end = p + len;
        for (; p <= end - 4; p += 4)
        {
            uint a = p[0], b = p[1], c = p[2], d = p[3];
            h[a]++; h[b]++; h[c]++; h[d]++;
        }
        for (; p < end; p++) h[*p]++;
    }
}
