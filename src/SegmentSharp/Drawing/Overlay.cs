using SegmentSharp.Imaging;

namespace SegmentSharp.Drawing;

/// <summary>
/// Blends masks and label images over a picture, so a person can check a segmentation by eye: the equivalent of
/// <c>cv2.addWeighted</c> restricted to the marked pixels, or scikit-image's <c>label2rgb(labels, image, alpha)</c>.
/// </summary>
/// <remarks>Each marked pixel becomes <c>round((1 − α)·pixel + α·colour)</c> per channel, with α quantized to 1/256
/// so the blend runs in integers; unmarked pixels keep the picture's value.</remarks>
public static class Overlay
{
    /// <summary>Tints the pixels where <paramref name="mask"/> is nonzero.</summary>
    /// <param name="image">The picture: 1, 3 or 4 channels (converted to BGR).</param>
    /// <param name="mask">Single-channel mask of the same size; nonzero = marked.</param>
    /// <param name="colour">Tint colour.</param>
    /// <param name="alpha">Weight of the colour, 0–1 (1 paints the colour solid).</param>
    /// <returns>A new BGR image.</returns>
    public static Image<byte> Mask(ReadOnlyImageView<byte> image, ReadOnlyImageView<byte> mask, Rgb colour, double alpha = 0.5)
    {
        CheckSizes(image.Width, image.Height, mask.Width, mask.Height, mask.Channels);
        int a = Alpha(alpha);
        var dst = Canvas.ToBgr(image);
        for (int y = 0; y < dst.Height; y++)
        {
            ReadOnlySpan<byte> m = mask.Row(y);
            Span<byte> d = dst.Row(y);
            for (int x = 0, j = 0; x < m.Length; x++, j += 3)
                if (m[x] != 0) Blend(d.Slice(j, 3), colour, a);
        }
        return dst;
    }

    /// <summary>Tints every labelled pixel with its label's palette colour; label 0 is left untouched.</summary>
    /// <param name="image">The picture: 1, 3 or 4 channels.</param>
    /// <param name="labels">Label image of the same size; negative labels (watershed boundaries) get
    /// <paramref name="boundary"/> solid when given, else white blended.</param>
    /// <param name="alpha">Weight of the label colours, 0–1.</param>
    /// <param name="palette">Colours; <see cref="LabelPalette.Default"/> when null.</param>
    /// <param name="boundary">Solid colour for negative labels, e.g. red for watershed lines.</param>
    /// <returns>A new BGR image.</returns>
    public static Image<byte> Labels(ReadOnlyImageView<byte> image, ReadOnlyImageView<int> labels, double alpha = 0.4,
        LabelPalette? palette = null, Rgb? boundary = null)
    {
        CheckSizes(image.Width, image.Height, labels.Width, labels.Height, labels.Channels);
        palette ??= LabelPalette.Default;
        int a = Alpha(alpha);
        var dst = Canvas.ToBgr(image);
        for (int y = 0; y < dst.Height; y++)
        {
            ReadOnlySpan<int> l = labels.Row(y);
            Span<byte> d = dst.Row(y);
            for (int x = 0, j = 0; x < l.Length; x++, j += 3)
            {
                int v = l[x];
                if (v == 0) continue;
                if (v < 0 && boundary is Rgb b) { d[j] = b.B; d[j + 1] = b.G; d[j + 2] = b.R; }
                else Blend(d.Slice(j, 3), palette[v], a);
            }
        }
        return dst;
    }

    private static void Blend(Span<byte> bgr, Rgb c, int a)
    {
        int na = 256 - a;
        bgr[0] = (byte)((bgr[0] * na + c.B * a + 128) >> 8);
        bgr[1] = (byte)((bgr[1] * na + c.G * a + 128) >> 8);
        bgr[2] = (byte)((bgr[2] * na + c.R * a + 128) >> 8);
    }

    private static int Alpha(double alpha)
    {
        if (!(alpha >= 0 && alpha <= 1)) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "Alpha must be between 0 and 1.");
        return (int)Math.Round(alpha * 256);
    }

    private static void CheckSizes(int w, int h, int mw, int mh, int mc)
    {
        if (w != mw || h != mh) throw new ArgumentException($"The overlay is {mw}×{mh} but the image is {w}×{h}.");
        if (mc != 1) throw new ArgumentException("The mask or label image must have one channel.");
    }
}
