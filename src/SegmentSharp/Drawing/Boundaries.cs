using SegmentSharp.Imaging;

namespace SegmentSharp.Drawing;

/// <summary>
/// Label boundaries, equal pixel for pixel to scikit-image 0.19's <c>skimage.segmentation.find_boundaries</c>
/// (connectivity 1, background 0) and <c>mark_boundaries</c>.
/// </summary>
/// <remarks>
/// scikit-image defines the thick boundary as <c>dilation(labels, cross) != erosion(labels, cross)</c>; its grey
/// morphology pads by reflection, which never adds a value that is not already in the window, so at the image edge
/// only the in-image neighbours count. The outer mode also keeps object pixels whose 3×3 window (8-neighbourhood)
/// holds a different object label. Three label rows are in flight at a time, so memory is O(width).
/// </remarks>
public static class Boundaries
{
    /// <summary>A 0/255 mask of the boundaries of <paramref name="labels"/>.</summary>
    /// <param name="labels">Single-channel label image; 0 is background.</param>
    /// <param name="mode">Which side of each edge is marked; see <see cref="BoundaryMode"/>.</param>
    /// <returns>A new W×H mask, 255 on boundaries.</returns>
    /// <example><code>var edges = Boundaries.Find(labels, BoundaryMode.Thick);</code></example>
    public static Image<byte> Find(ReadOnlyImageView<int> labels, BoundaryMode mode = BoundaryMode.Thick)
    {
        ImageGuard.SingleChannel(labels, nameof(labels));
        var dst = new Image<byte>(labels.Width, labels.Height);
        int w = labels.Width, h = labels.Height;
        for (int y = 0; y < h; y++)
        {
            ReadOnlySpan<int> c = labels.Row(y);
            ReadOnlySpan<int> u = labels.Row(y > 0 ? y - 1 : y);
            ReadOnlySpan<int> d = labels.Row(y < h - 1 ? y + 1 : y);
            Span<byte> o = dst.Row(y);
            for (int x = 0; x < w; x++)
            {
                int v = c[x];
                int l = x > 0 ? c[x - 1] : v, r = x < w - 1 ? c[x + 1] : v;
                // Cross neighbourhood: boundary when any 4-neighbour differs (max != min over the cross).
                bool thick = u[x] != v || d[x] != v || l != v || r != v;
                if (!thick) continue;
                bool keep = mode switch
                {
                    BoundaryMode.Thick => true,
                    BoundaryMode.Inner => v != 0,
                    _ => v == 0 || TouchesOtherObject(labels, x, y, w, h),
                };
                if (keep) o[x] = 255;
            }
        }
        return dst;
    }

    /// <summary>
    /// Draws the boundaries of <paramref name="labels"/> over <paramref name="image"/>, like scikit-image's
    /// <c>mark_boundaries(image, labels, color, mode)</c> but on 8-bit BGR.
    /// </summary>
    /// <param name="image">The picture: 1, 3 or 4 channels.</param>
    /// <param name="labels">Label image of the same size.</param>
    /// <param name="colour">Boundary colour; yellow (scikit-image's default) when null.</param>
    /// <param name="mode">Boundary mode; <see cref="BoundaryMode.Outer"/> as in scikit-image.</param>
    /// <param name="outline">When given, the boundaries are first dilated by a 3×3 square in this colour
    /// (scikit-image's <c>outline_color</c>).</param>
    /// <returns>A new BGR image.</returns>
    public static Image<byte> Mark(ReadOnlyImageView<byte> image, ReadOnlyImageView<int> labels, Rgb? colour = null,
        BoundaryMode mode = BoundaryMode.Outer, Rgb? outline = null)
    {
        if (image.Width != labels.Width || image.Height != labels.Height)
            throw new ArgumentException($"The labels are {labels.Width}×{labels.Height} but the image is {image.Width}×{image.Height}.");
        var edges = Find(labels, mode);
        var dst = Canvas.ToBgr(image);
        Rgb c = colour ?? Rgb.Yellow;
        if (outline is Rgb o)
        {
            for (int y = 0; y < dst.Height; y++)
                for (int x = 0; x < dst.Width; x++)
                    if (NearEdge(edges, x, y)) Canvas.Put(dst, x, y, o);
        }
        for (int y = 0; y < dst.Height; y++)
        {
            ReadOnlySpan<byte> e = edges.Row(y);
            for (int x = 0; x < e.Length; x++)
                if (e[x] != 0) Canvas.Put(dst, x, y, c);
        }
        return dst;
    }

    private static bool TouchesOtherObject(ReadOnlyImageView<int> labels, int x, int y, int w, int h)
    {
        // scikit-image: dilation(labels, 3×3) != erosion(labels with background set to +max, 3×3). For an object
        // pixel that is true exactly when the 3×3 window holds two different object labels.
        int max = int.MinValue, min = int.MaxValue;
        for (int yy = Math.Max(0, y - 1); yy <= Math.Min(h - 1, y + 1); yy++)
        {
            ReadOnlySpan<int> row = labels.Row(yy);
            for (int xx = Math.Max(0, x - 1); xx <= Math.Min(w - 1, x + 1); xx++)
            {
                int v = row[xx];
                if (v > max) max = v;
                int inv = v == 0 ? int.MaxValue : v;
                if (inv < min) min = inv;
            }
        }
        return max != min;
    }

    private static bool NearEdge(Image<byte> edges, int x, int y)
    {
        for (int yy = Math.Max(0, y - 1); yy <= Math.Min(edges.Height - 1, y + 1); yy++)
        {
            ReadOnlySpan<byte> row = edges.Row(yy);
            for (int xx = Math.Max(0, x - 1); xx <= Math.Min(edges.Width - 1, x + 1); xx++)
                if (row[xx] != 0) return true;
        }
        return false;
    }
}
