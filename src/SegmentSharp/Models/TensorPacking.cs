using SegmentSharp.Imaging;

namespace SegmentSharp.Models;

/// <summary>
/// How pixels become model input values: <c>v = (pixel · Scale − Mean[c]) / Std[c]</c>, the normalisation of
/// torchvision's <c>ToTensor</c> + <c>Normalize</c> (Scale 1/255, ImageNet mean and std) and of
/// <c>cv2.dnn.blobFromImage</c> (Scale, mean, <c>swapRB</c>).
/// </summary>
/// <param name="Order">Channel order of the tensor.</param>
/// <param name="Layout">Axis order of the tensor.</param>
/// <param name="Scale">Factor applied to each 8-bit sample first.</param>
/// <param name="Mean">Per-channel mean in tensor channel order, subtracted after scaling; null for none.</param>
/// <param name="Std">Per-channel standard deviation in tensor channel order; null for 1.</param>
public sealed record TensorNormalization(ChannelOrder Order, TensorLayout Layout, float Scale, float[]? Mean, float[]? Std)
{
    /// <summary>ImageNet statistics on RGB in [0, 1], NCHW: torchvision's classification and segmentation models.</summary>
    public static TensorNormalization ImageNet { get; } =
        new(ChannelOrder.Rgb, TensorLayout.Nchw, 1f / 255f, [0.485f, 0.456f, 0.406f], [0.229f, 0.224f, 0.225f]);

    /// <summary>Plain RGB in [0, 1], NCHW (YOLO-style detectors and segmenters).</summary>
    public static TensorNormalization UnitRgb { get; } = new(ChannelOrder.Rgb, TensorLayout.Nchw, 1f / 255f, null, null);
}

/// <summary>
/// Packs an 8-bit BGR (or gray) image, already resized per a <see cref="ResizeGeometry"/>, into a float tensor buffer
/// with padding, channel reordering and normalisation in one pass; the counterpart of
/// <c>cv2.dnn.blobFromImage</c> / torchvision's <c>ToTensor</c> + <c>Normalize</c> after a resize.
/// </summary>
public static class TensorPacking
{
    /// <summary>
    /// Writes <paramref name="resized"/> into <paramref name="tensor"/> (size <c>C · InputHeight · InputWidth</c>) at the
    /// padding offset of <paramref name="geometry"/>; padding samples get <paramref name="padValue"/> (in 8-bit units,
    /// normalised like pixels; YOLO pads with 114).
    /// </summary>
    /// <exception cref="ArgumentException">Sizes disagree or the buffer is too small.</exception>
    public static void Pack(ReadOnlyImageView<byte> resized, ResizeGeometry geometry, TensorNormalization norm, Span<float> tensor, byte padValue = 0)
    {
        ArgumentNullException.ThrowIfNull(norm);
        if (resized.Width != geometry.ResizedWidth || resized.Height != geometry.ResizedHeight)
            throw new ArgumentException("The resized image does not have the geometry's resized size.", nameof(resized));
        int cn = resized.Channels;
        if (cn is not (1 or 3 or 4)) throw new ArgumentException("Expected a gray, BGR or BGRA image.", nameof(resized));
        int outC = cn == 1 ? 1 : 3;
        int iw = geometry.InputWidth, ih = geometry.InputHeight, plane = iw * ih;
        if (tensor.Length < outC * plane) throw new ArgumentException($"The tensor needs {outC * plane} floats.", nameof(tensor));

        // One table per channel, computed in the documented order so values equal (p·scale − mean)/std exactly.
        Span<float> lut = stackalloc float[outC * 256];
        Span<int> src = stackalloc int[outC];
        for (int c = 0; c < outC; c++)
        {
            float std = norm.Std is null ? 1f : norm.Std[c];
            float mean = norm.Mean is null ? 0f : norm.Mean[c];
            for (int v = 0; v < 256; v++) lut[c * 256 + v] = (v * norm.Scale - mean) / std;
            // Images are BGR; an RGB tensor takes its first channel from index 2.
            src[c] = outC == 1 ? 0 : norm.Order == ChannelOrder.Rgb ? 2 - c : c;
        }
        bool nchw = norm.Layout == TensorLayout.Nchw;
        for (int c = 0; c < outC; c++)
        {
            float pad = lut[c * 256 + padValue];
            for (int y = 0; y < ih; y++)
                for (int x = 0; x < iw; x++)
                    tensor[nchw ? c * plane + y * iw + x : (y * iw + x) * outC + c] = pad;
        }
        for (int y = 0; y < resized.Height; y++)
        {
            var row = resized.Row(y);
            int ty = y + geometry.PadTop;
            if ((uint)ty >= (uint)ih) continue;
            for (int x = 0; x < resized.Width; x++)
            {
                int tx = x + geometry.PadLeft;
                if ((uint)tx >= (uint)iw) continue;
                for (int c = 0; c < outC; c++)
                {
                    float v = lut[c * 256 + row[x * cn + src[c]]];
                    tensor[nchw ? c * plane + ty * iw + tx : (ty * iw + tx) * outC + c] = v;
                }
            }
        }
    }

    /// <summary>
    /// Resizes <paramref name="image"/> bilinearly (<see cref="LinearResize"/>, = <c>cv2.INTER_LINEAR</c>) per
    /// <paramref name="geometry"/> and packs it into a new tensor buffer.
    /// </summary>
    public static float[] Prepare(ReadOnlyImageView<byte> image, ResizeGeometry geometry, TensorNormalization norm, byte padValue = 0)
    {
        ArgumentNullException.ThrowIfNull(norm);
        Image<byte> resized = LinearResize.Resize(image, geometry.ResizedWidth, geometry.ResizedHeight);
        var tensor = new float[(image.Channels == 1 ? 1 : 3) * geometry.InputWidth * geometry.InputHeight];
        Pack(resized.ReadOnlyView, geometry, norm, tensor, padValue);
        return tensor;
    }
}
