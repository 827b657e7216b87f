using SegmentSharp.Components;
using SegmentSharp.Imaging;

namespace SegmentSharp.Segmentation;

/// <summary>Options of <see cref="FloodFill"/>, OpenCV's <c>flags</c> of <c>cv2.floodFill</c> as named values.</summary>
public sealed record FloodFillOptions
{
    /// <summary>Connectivity of the region (4, OpenCV's default).</summary>
    public Connectivity Connectivity { get; init; } = Connectivity.Four;
    /// <summary>Largest allowed amount below the reference value, per channel (<c>loDiff</c>).</summary>
    public int[] LowDiff { get; init; } = [0, 0, 0, 0];
    /// <summary>Largest allowed amount above the reference value, per channel (<c>upDiff</c>).</summary>
    public int[] HighDiff { get; init; } = [0, 0, 0, 0];
    /// <summary>Compare with the seed's value (<c>FLOODFILL_FIXED_RANGE</c>) instead of with the neighbour the fill came from.</summary>
    public bool FixedRange { get; init; }
    /// <summary>Leave the image unchanged and only mark the mask (<c>FLOODFILL_MASK_ONLY</c>).</summary>
    public bool MaskOnly { get; init; }
    /// <summary>Value written into the mask for filled pixels (<c>flags &gt;&gt; 8</c>; 1 by default as in OpenCV).</summary>
    public byte MaskValue { get; init; } = 1;
}

/// <summary>The outcome of <see cref="FloodFill.Apply"/>: the number of filled pixels and their bounding box.</summary>
public readonly record struct FloodFillResult(int Area, int Left, int Top, int Width, int Height);

/// <summary>
/// Flood fill with <c>cv2.floodFill</c>'s semantics: from a seed, grow the 4- or 8-connected region of pixels whose
/// value lies within [ref − lowDiff, ref + highDiff] on every channel, where ref is the seed's value (fixed range) or
/// the value of an already filled neighbour (floating range); paint it and/or mark it in a mask.
/// </summary>
/// <remarks>
/// The region is the closure of that growth rule, which does not depend on the order of the scan, so a breadth-first
/// fill over rows gives OpenCV's region. As in OpenCV, the optional mask is two pixels wider and taller than the
/// image (mask pixel (x+1, y+1) belongs to image pixel (x, y)); nonzero mask pixels are never filled, and filled pixels
/// get <see cref="FloodFillOptions.MaskValue"/>; the mask's one-pixel frame is set to 1, as OpenCV does. Comparisons use
/// the image as it was before the fill.
/// </remarks>
public static class FloodFill
{
    /// <summary>Fills the region of <paramref name="image"/> containing (<paramref name="seedX"/>, <paramref name="seedY"/>).</summary>
    /// <param name="image">8-bit image with 1 to 4 channels, painted in place unless <see cref="FloodFillOptions.MaskOnly"/>.</param>
    /// <param name="seedX">Seed column.</param>
    /// <param name="seedY">Seed row.</param>
    /// <param name="newValue">Paint value per channel (ignored with MaskOnly).</param>
    /// <param name="options">Connectivity, ranges and flags; defaults as OpenCV's.</param>
    /// <param name="mask">Optional (W+2)×(H+2) single-channel mask: barrier and output; an empty view means none.</param>
    /// <returns>The filled area and bounding box (OpenCV's return value and <c>rect</c>).</returns>
    public static FloodFillResult Apply(ImageView<byte> image, int seedX, int seedY, ReadOnlySpan<byte> newValue,
        FloodFillOptions? options = null, ImageView<byte> mask = default)
    {
        options ??= new FloodFillOptions();
        int w = image.Width, h = image.Height, cn = image.Channels;
        if (cn is < 1 or > 4) throw new ArgumentException("The image must have 1 to 4 channels.", nameof(image));
        if ((uint)seedX >= (uint)w || (uint)seedY >= (uint)h)
            throw new ArgumentOutOfRangeException(nameof(seedX), $"The seed ({seedX}, {seedY}) lies outside the {w}×{h} image.");
        bool hasMask = mask.Width != 0;
        if (hasMask && (mask.Width != w + 2 || mask.Height != h + 2 || mask.Channels != 1))
            throw new ArgumentException($"The mask must be single-channel and {w + 2}×{h + 2} (two pixels larger than the image).", nameof(mask));
        if (!options.MaskOnly && newValue.Length < cn) throw new ArgumentException($"Give {cn} paint values.", nameof(newValue));

        Span<int> lo = stackalloc int[4], up = stackalloc int[4];
        for (int c = 0; c < cn; c++)
        {
            lo[c] = c < options.LowDiff.Length ? options.LowDiff[c] : 0;
            up[c] = c < options.HighDiff.Length ? options.HighDiff[c] : 0;
            if (lo[c] < 0 || up[c] < 0) throw new ArgumentOutOfRangeException(nameof(options), "The differences must not be negative.");
        }

        // visited: 1 = in the region. The user's mask, when given, blocks pixels where it is nonzero.
        var state = new byte[w * h];
        if (hasMask)
            for (int y = 0; y < h; y++)
            {
                ReadOnlySpan<byte> m = mask.Row(y + 1).Slice(1, w);
                for (int x = 0; x < w; x++) if (m[x] != 0) state[y * w + x] = 2;
            }
        if (hasMask)
        {
            // OpenCV frames the mask with 1s (its scan relies on the frame as a barrier) and leaves them there.
            mask.Row(0).Fill(1);
            mask.Row(h + 1).Fill(1);
            for (int y = 1; y <= h; y++) { mask.Row(y)[0] = 1; mask.Row(y)[w + 1] = 1; }
        }
        if (state[seedY * w + seedX] != 0) return default;

        int stride = image.Stride;
        ReadOnlySpan<byte> px = image.Data;
        Span<byte> seedValue = stackalloc byte[4];
        for (int c = 0; c < cn; c++) seedValue[c] = px[seedY * stride + seedX * cn + c];

        var queue = new Queue<int>();
        queue.Enqueue(seedY * w + seedX);
        state[seedY * w + seedX] = 1;
        int area = 0, minX = seedX, maxX = seedX, minY = seedY, maxY = seedY;
        bool eight = options.Connectivity == Connectivity.Eight;
        while (queue.Count > 0)
        {
            int p = queue.Dequeue();
            int y = p / w, x = p - y * w;
            area++;
            if (x < minX) minX = x; else if (x > maxX) maxX = x;
            if (y < minY) minY = y; else if (y > maxY) maxY = y;
            int refOffset = y * stride + x * cn;
            for (int dy = -1; dy <= 1; dy++)
            {
                int ny = y + dy;
                if ((uint)ny >= (uint)h) continue;
                for (int dx = -1; dx <= 1; dx++)
                {
                    if (dx == 0 && dy == 0) continue;
                    if (!eight && dx != 0 && dy != 0) continue;
                    int nx = x + dx;
                    if ((uint)nx >= (uint)w) continue;
                    int q = ny * w + nx;
                    if (state[q] != 0) continue;
                    int off = ny * stride + nx * cn;
                    bool ok = true;
                    for (int c = 0; c < cn && ok; c++)
                    {
                        int reference = options.FixedRange ? seedValue[c] : px[refOffset + c];
                        int v = px[off + c];
                        ok = v >= reference - lo[c] && v <= reference + up[c];
                    }
                    if (!ok) continue;
                    state[q] = 1;
                    queue.Enqueue(q);
                }
            }
        }

        for (int y = minY; y <= maxY; y++)
        {
            Span<byte> row = image.Row(y);
            Span<byte> m = hasMask ? mask.Row(y + 1) : default;
            for (int x = minX; x <= maxX; x++)
            {
                if (state[y * w + x] != 1) continue;
                if (!options.MaskOnly) for (int c = 0; c < cn; c++) row[x * cn + c] = newValue[c];
                if (hasMask) m[x + 1] = options.MaskValue;
            }
        }
        return new FloodFillResult(area, minX, minY, maxX - minX + 1, maxY - minY + 1);
    }
}
