using System.Runtime.CompilerServices;
using SegmentSharp.Imaging;

namespace SegmentSharp.Segmentation;

/// <summary>
/// Marker-based watershed, equal pixel for pixel to OpenCV's <c>cv2.watershed(image, markers)</c>: Meyer's flooding
/// (F. Meyer, "Color image segmentation", ICIP 1992) with 256 FIFO priority queues keyed by the largest per-channel
/// difference between neighbouring pixels.
/// </summary>
/// <remarks>
/// <para>As in OpenCV, the markers are changed in place: positive values are seeds; every other pixel ends up with the
/// label of the basin that floods it, or −1 where two basins meet. OpenCV also overwrites the one-pixel frame of the
/// image with −1 and never floods it, and so do we, so the result matches <c>cv2.watershed</c> also at the border.
/// Negative markers inside the frame are treated as unknown (0).</para>
/// <para>scikit-image's <c>skimage.segmentation.watershed</c> floods a gradient image with a different tie order and
/// no boundary label, so its output differs.</para>
/// </remarks>
public static class Watershed
{
    private const int Boundary = -1, InQueue = -2, Levels = 256;

    /// <summary>Floods <paramref name="markers"/> over <paramref name="image"/>.</summary>
    /// <param name="image">8-bit image, 3 channels (BGR, as OpenCV requires) or 1 channel (an extension: the difference
    /// is the absolute gray difference).</param>
    /// <param name="markers">Single-channel int32 seeds of the same size, changed in place.</param>
    /// <example><code>
    /// var markers = ConnectedComponents.Label(sureForeground, Connectivity.Eight, out _);
    /// // … add 1 so the background seed is 1, set the unknown band to 0 …
    /// Watershed.Apply(bgr, markers);
    /// </code></example>
    public static void Apply(ReadOnlyImageView<byte> image, ImageView<int> markers)
    {
        if (image.Channels is not (1 or 3)) throw new ArgumentException($"The image must have 1 or 3 channels, not {image.Channels}.", nameof(image));
        if (markers.Channels != 1) throw new ArgumentException("The markers must have one channel.", nameof(markers));
        if (image.Width != markers.Width || image.Height != markers.Height)
            throw new ArgumentException($"The markers are {markers.Width}×{markers.Height} but the image is {image.Width}×{image.Height}.");
        int w = image.Width, h = image.Height, cn = image.Channels;

        // Work on contiguous planes so a queue entry is a single pixel index for both arrays.
        bool markersContiguous = markers.Stride == w;
        int[] labelsOwned = markersContiguous ? [] : new int[(long)w * h > Array.MaxLength ? throw new ArgumentException("Image too large.") : w * h];
        Span<int> lab = markersContiguous ? markers.Data[..(w * h)] : labelsOwned;
        if (!markersContiguous) for (int y = 0; y < h; y++) markers.Row(y).CopyTo(lab.Slice(y * w, w));
        ReadOnlySpan<byte> img;
        if (image.Stride == w * cn) img = image.Data[..(w * h * cn)];
        else
        {
            var copy = new byte[w * h * cn];
            for (int y = 0; y < h; y++) image.Row(y).CopyTo(copy.AsSpan(y * w * cn, w * cn));
            img = copy;
        }

        if (cn == 3) Flood<Bgr>(img, lab, w, h);
        else Flood<Gray>(img, lab, w, h);

        if (!markersContiguous) for (int y = 0; y < h; y++) lab.Slice(y * w, w).CopyTo(markers.Row(y));
    }

    private interface IDiff { static abstract int Diff(ReadOnlySpan<byte> img, int p, int q); }

    private readonly struct Bgr : IDiff
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Diff(ReadOnlySpan<byte> img, int p, int q)
        {
            int a = 3 * p, b = 3 * q;
            int db = Math.Abs(img[a] - img[b]), dg = Math.Abs(img[a + 1] - img[b + 1]), dr = Math.Abs(img[a + 2] - img[b + 2]);
            return Math.Max(Math.Max(db, dg), dr);
        }
    }

    private readonly struct Gray : IDiff
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Diff(ReadOnlySpan<byte> img, int p, int q) => Math.Abs(img[p] - img[q]);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Flood<TDiff>(ReadOnlySpan<byte> img, Span<int> lab, int w, int h) where TDiff : struct, IDiff
    {
        // The frame is a dummy boundary that stops the flood at the image edge without bounds checks.
        for (int x = 0; x < w; x++) { lab[x] = Boundary; lab[(h - 1) * w + x] = Boundary; }
        for (int y = 0; y < h; y++) { lab[y * w] = Boundary; lab[y * w + w - 1] = Boundary; }
        if (w < 3 || h < 3) return;

        // 256 FIFO queues threaded through one "next" array: a pixel enters a queue at most once.
        var next = new int[w * h];
        Span<int> head = stackalloc int[Levels], tail = stackalloc int[Levels];
        head.Fill(-1);
        tail.Fill(-1);

        for (int y = 1; y < h - 1; y++)
        {
            int row = y * w;
            for (int x = 1; x < w - 1; x++)
            {
                int p = row + x;
                if (lab[p] < 0) lab[p] = 0;
                if (lab[p] != 0) continue;
                // OpenCV scans in raster order: the right and lower neighbours still hold their input values here.
                int idx = Levels;
                if (lab[p - 1] > 0) idx = TDiff.Diff(img, p, p - 1);
                if (lab[p + 1] > 0) idx = Math.Min(idx, TDiff.Diff(img, p, p + 1));
                if (lab[p - w] > 0) idx = Math.Min(idx, TDiff.Diff(img, p, p - w));
                if (lab[p + w] > 0) idx = Math.Min(idx, TDiff.Diff(img, p, p + w));
                if (idx == Levels) continue;
                Push(head, tail, next, idx, p);
                lab[p] = InQueue;
            }
        }

        int active = 0;
        while (active < Levels && head[active] < 0) active++;
        if (active == Levels) return;

        while (true)
        {
            if (head[active] < 0)
            {
                int i = active + 1;
                while (i < Levels && head[i] < 0) i++;
                if (i == Levels) break;
                active = i;
            }
            int p = head[active];
            head[active] = next[p];
            if (head[active] < 0) tail[active] = -1;

            int label = 0, t;
            t = lab[p - 1];
            if (t > 0) label = t;
            t = lab[p + 1];
            if (t > 0) { if (label == 0) label = t; else if (t != label) label = Boundary; }
            t = lab[p - w];
            if (t > 0) { if (label == 0) label = t; else if (t != label) label = Boundary; }
            t = lab[p + w];
            if (t > 0) { if (label == 0) label = t; else if (t != label) label = Boundary; }
            lab[p] = label;
            if (label == Boundary) continue;

            if (lab[p - 1] == 0) active = Enqueue<TDiff>(img, lab, head, tail, next, p, p - 1, active);
            if (lab[p + 1] == 0) active = Enqueue<TDiff>(img, lab, head, tail, next, p, p + 1, active);
            if (lab[p - w] == 0) active = Enqueue<TDiff>(img, lab, head, tail, next, p, p - w, active);
            if (lab[p + w] == 0) active = Enqueue<TDiff>(img, lab, head, tail, next, p, p + w, active);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Enqueue<TDiff>(ReadOnlySpan<byte> img, Span<int> lab, Span<int> head, Span<int> tail, int[] next,
        int from, int to, int active) where TDiff : struct, IDiff
    {
        int d = TDiff.Diff(img, from, to);
        Push(head, tail, next, d, to);
        lab[to] = InQueue;
        return Math.Min(active, d);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Push(Span<int> head, Span<int> tail, int[] next, int level, int p)
    {
        next[p] = -1;
        if (tail[level] < 0) head[level] = p;
        else next[tail[level]] = p;
        tail[level] = p;
    }
}
