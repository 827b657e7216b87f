using SegmentSharp.Imaging;

namespace SegmentSharp.Models;

/// <summary>
/// Pastes a Mask R-CNN mask (an M×M grid of probabilities predicted for a detection box) into the image, as
/// torchvision's <c>paste_masks_in_image</c> (He et al., "Mask R-CNN", ICCV 2017): the mask gets a zero border of
/// <c>padding</c> cells and the box is enlarged about its centre by <c>(M + 2·padding)/M</c> to match; the box
/// corners are truncated to integers, the padded mask is bilinearly resized (<c>F.interpolate(mode="bilinear",
/// align_corners=False)</c>) to the box's <c>x1 − x0 + 1</c> × <c>y1 − y0 + 1</c> pixels and copied in, clipped to the
/// image. Arithmetic is in single precision in PyTorch's order.
/// </summary>
public static class MaskPaste
{
    /// <summary>The pasted probabilities, zero outside the box (torchvision's output before thresholding).</summary>
    /// <param name="mask">M·M probabilities, row-major.</param>
    /// <param name="size">M.</param>
    /// <param name="x0">Box left, image pixels.</param>
    /// <param name="y0">Box top.</param>
    /// <param name="x1">Box right.</param>
    /// <param name="y1">Box bottom.</param>
    /// <param name="imageWidth">Image width.</param>
    /// <param name="imageHeight">Image height.</param>
    /// <param name="padding">Zero cells added around the mask (torchvision: 1).</param>
    public static Image<float> PasteProbabilities(ReadOnlySpan<float> mask, int size, float x0, float y0, float x1, float y1,
        int imageWidth, int imageHeight, int padding = 1)
    {
        var image = new Image<float>(imageWidth, imageHeight);
        PasteInto(mask, size, x0, y0, x1, y1, padding, image.View);
        return image;
    }

    /// <summary>
    /// The pasted mask as 0/<paramref name="foreground"/>, foreground where the pasted probability exceeds
    /// <paramref name="threshold"/> (torchvision's Mask R-CNN users write <c>masks &gt; 0.5</c>).
    /// </summary>
    public static Image<byte> Paste(ReadOnlySpan<float> mask, int size, float x0, float y0, float x1, float y1,
        int imageWidth, int imageHeight, float threshold = 0.5f, int padding = 1, byte foreground = 255)
    {
        var probs = PasteProbabilities(mask, size, x0, y0, x1, y1, imageWidth, imageHeight, padding);
        var binary = new Image<byte>(imageWidth, imageHeight);
        for (int i = 0; i < probs.Data.Length; i++) binary.Data[i] = probs.Data[i] > threshold ? foreground : (byte)0;
        return binary;
    }

    /// <summary>
    /// The integer box torchvision pastes into for a detection box: enlarged by <c>(M + 2·padding)/M</c> about its centre
    /// in float32 and truncated toward zero (<c>expand_boxes(...).to(torch.int64)</c>).
    /// </summary>
    public static (long X0, long Y0, long X1, long Y1) ExpandedBox(float x0, float y0, float x1, float y1, int size, int padding = 1)
    {
        float scale = (float)((double)(size + 2 * padding) / size);
        float wHalf = (x1 - x0) * 0.5f * scale, hHalf = (y1 - y0) * 0.5f * scale;
        float xc = (x1 + x0) * 0.5f, yc = (y1 + y0) * 0.5f;
        return ((long)(xc - wHalf), (long)(yc - hHalf), (long)(xc + wHalf), (long)(yc + hHalf));
    }

    private static void PasteInto(ReadOnlySpan<float> mask, int size, float x0, float y0, float x1, float y1, int padding,
        ImageView<float> image)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        ArgumentOutOfRangeException.ThrowIfNegative(padding);
        if (mask.Length < size * size) throw new ArgumentException("The mask holds fewer than size² values.", nameof(mask));
        int p = size + 2 * padding;
        var (bx0, by0, bx1, by1) = ExpandedBox(x0, y0, x1, y1, size, padding);
        int w = (int)Math.Max(bx1 - bx0 + 1, 1), h = (int)Math.Max(by1 - by0 + 1, 1);

        long cx0 = Math.Max(bx0, 0), cx1 = Math.Min(bx1 + 1, image.Width);
        long cy0 = Math.Max(by0, 0), cy1 = Math.Min(by1 + 1, image.Height);
        if (cx0 >= cx1 || cy0 >= cy1) return;

        var (xi, xOff, xl0, xl1) = Taps(p, w);
        var (yi, yOff, yl0, yl1) = Taps(p, h);
        for (long iy = cy0; iy < cy1; iy++)
        {
            int oy = (int)(iy - by0);
            int r0 = yi[oy], r1 = yi[oy] + yOff[oy];
            var row = image.Row((int)iy);
            for (long ix = cx0; ix < cx1; ix++)
            {
                int ox = (int)(ix - bx0);
                int c0 = xi[ox], c1 = xi[ox] + xOff[ox];
                float top = xl0[ox] * Padded(mask, size, padding, r0, c0) + xl1[ox] * Padded(mask, size, padding, r0, c1);
                float bottom = xl0[ox] * Padded(mask, size, padding, r1, c0) + xl1[ox] * Padded(mask, size, padding, r1, c1);
                row[(int)ix] = yl0[oy] * top + yl1[oy] * bottom;
            }
        }
    }

    private static float Padded(ReadOnlySpan<float> mask, int size, int padding, int r, int c)
    {
        r -= padding; c -= padding;
        return (uint)r < (uint)size && (uint)c < (uint)size ? mask[r * size + c] : 0f;
    }

    /// <summary>PyTorch's <c>compute_indices_weights_linear</c> for <c>align_corners=False</c>, in float32.</summary>
    private static (int[] Index, int[] Offset, float[] L0, float[] L1) Taps(int inSize, int outSize)
    {
        float scale = (float)inSize / outSize;
        var index = new int[outSize];
        var offset = new int[outSize];
        var l0 = new float[outSize];
        var l1 = new float[outSize];
        for (int i = 0; i < outSize; i++)
        {
            float src = scale * (i + 0.5f) - 0.5f;
            if (src < 0) src = 0;
            int k = (int)src;
            index[i] = k;
            offset[i] = k < inSize - 1 ? 1 : 0;
            float lambda = Math.Clamp(src - k, 0f, 1f);
            l1[i] = lambda;
            l0[i] = 1f - lambda;
        }
        return (index, offset, l0, l1);
    }
}
