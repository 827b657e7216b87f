using SegmentSharp.Imaging;

namespace SegmentSharp.Drawing;

/// <summary>Paints label images (from connected components, watershed, k-means, superpixels) as colour pictures.</summary>
public static class LabelColoring
{
    /// <summary>
    /// A BGR picture of <paramref name="labels"/>, each label in its palette colour: the equivalent of scikit-image's
    /// <c>skimage.color.label2rgb(labels, bg_label=0)</c> without an image underneath.
    /// </summary>
    /// <param name="labels">Single-channel label image; 0 is background, negative values (watershed's −1) are white.</param>
    /// <param name="palette">Colours; <see cref="LabelPalette.Default"/> when null.</param>
    /// <returns>A new W×H×3 BGR image.</returns>
    public static Image<byte> Colorize(ReadOnlyImageView<int> labels, LabelPalette? palette = null)
    {
        ImageGuard.SingleChannel(labels, nameof(labels));
        palette ??= LabelPalette.Default;
        var dst = new Image<byte>(labels.Width, labels.Height, 3);
        for (int y = 0; y < labels.Height; y++)
        {
            ReadOnlySpan<int> l = labels.Row(y);
            Span<byte> d = dst.Row(y);
            int last = int.MinValue;
            Rgb c = default;
            for (int x = 0, j = 0; x < l.Length; x++, j += 3)
            {
                // Runs of one label are the common case; skip the palette lookup for them.
                if (l[x] != last) { last = l[x]; c = palette[last]; }
                d[j] = c.B; d[j + 1] = c.G; d[j + 2] = c.R;
            }
        }
        return dst;
    }
}
