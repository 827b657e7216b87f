using SegmentSharp.Imaging;

namespace SegmentSharp.Onnx;

/// <summary>A model input made from one image: the values, their shape (batch of 1) and where the image sits in them.</summary>
/// <param name="Data">Row-major values.</param>
/// <param name="Shape">[1,C,H,W] or [1,H,W,C].</param>
/// <param name="Geometry">The image's place in the tensor.</param>
public sealed record ImageTensor(float[] Data, int[] Shape, InputGeometry Geometry)
{
    /// <summary>
    /// Resizes <paramref name="image"/> (8-bit gray, BGR or BGRA; gray is replicated, alpha dropped) as
    /// <paramref name="spec"/> says and packs it into a float tensor.
    /// </summary>
    public static ImageTensor Create(ReadOnlyImageView<byte> image, ModelPreprocessing spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var g = spec.Geometry(image.Width, image.Height);
        var bgr = image.Channels == 3 ? image : Drawing.Canvas.ToBgr(image).ReadOnlyView;
        ReadOnlyImageView<byte> content = g.ContentWidth == image.Width && g.ContentHeight == image.Height
            ? bgr
            : Models.LinearResize.Resize(bgr, g.ContentWidth, g.ContentHeight).ReadOnlyView;
        int w = g.InputWidth, h = g.InputHeight;
        var data = new float[3 * w * h];
        Pack(content, g, spec, data);
        int[] shape = spec.Layout == TensorLayout.Nchw ? [1, 3, h, w] : [1, h, w, 3];
        return new ImageTensor(data, shape, g);
    }

    private static void Pack(ReadOnlyImageView<byte> content, InputGeometry g, ModelPreprocessing spec, float[] data)
    {
        // A 256-entry table per channel holds (v·Scale − Mean)/Std evaluated in float32 in NumPy's order, so the
        // values equal PaddleOCR's and torchvision's bit for bit and packing is one lookup per sample.
        var lut = new float[3 * 256];
        for (int c = 0; c < 3; c++)
            for (int v = 0; v < 256; v++) lut[c * 256 + v] = (v * spec.Scale - spec.Mean[c]) / spec.Std[c];
        int w = g.InputWidth, h = g.InputHeight, plane = w * h;
        bool nchw = spec.Layout == TensorLayout.Nchw;
        if (g.PadX != 0 || g.PadY != 0 || g.ContentWidth != w || g.ContentHeight != h)
            for (int c = 0; c < 3; c++)                                // padding is a black pixel, normalised
                for (int i = 0; i < plane; i++) data[nchw ? c * plane + i : 3 * i + c] = lut[c * 256];
        for (int y = 0; y < g.ContentHeight; y++)
        {
            ReadOnlySpan<byte> row = content.Row(y);
            int ty = y + g.PadY;
            for (int c = 0; c < 3; c++)
            {
                int src = spec.Rgb ? 2 - c : c;
                ReadOnlySpan<float> t = lut.AsSpan(c * 256, 256);
                if (nchw)
                {
                    Span<float> dst = data.AsSpan(c * plane + ty * w + g.PadX, g.ContentWidth);
                    for (int x = 0, j = src; x < dst.Length; x++, j += 3) dst[x] = t[row[j]];
                }
                else
                {
                    int o = (ty * w + g.PadX) * 3 + c;
                    for (int x = 0, j = src; x < g.ContentWidth; x++, o += 3, j += 3) data[o] = t[row[j]];
                }
            }
        }
    }
}
