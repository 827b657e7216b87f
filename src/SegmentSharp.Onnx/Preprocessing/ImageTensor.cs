using SegmentSharp.Imaging;
using SegmentSharp.Models;

namespace SegmentSharp.Onnx;

/// <summary>A model input made from one image: the values, their shape (batch of 1) and where the image sits in them.</summary>
/// <param name="Data">Row-major values.</param>
/// <param name="Shape">[1,3,H,W] or [1,H,W,3].</param>
/// <param name="Geometry">The image's place in the tensor.</param>
public sealed record ImageTensor(float[] Data, int[] Shape, ResizeGeometry Geometry)
{
    /// <summary>
    /// Resizes <paramref name="image"/> (8-bit BGR; gray and BGRA are converted to BGR) as <paramref name="spec"/> says
    /// (<see cref="LinearResize"/>, equal to <c>cv2.resize</c> INTER_LINEAR) and packs it with
    /// <see cref="TensorPacking"/>; letterbox padding is black.
    /// </summary>
    public static ImageTensor Create(ReadOnlyImageView<byte> image, ModelPreprocessing spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var g = spec.Geometry(image.Width, image.Height);
        var bgr = image.Channels == 3 ? image : Drawing.Canvas.ToBgr(image).ReadOnlyView;
        float[] data;
        if (g.ResizedWidth == image.Width && g.ResizedHeight == image.Height)
        {
            data = new float[3 * g.InputWidth * g.InputHeight];
            TensorPacking.Pack(bgr, g, spec.Normalization, data);
        }
        else data = TensorPacking.Prepare(bgr, g, spec.Normalization);
        int[] shape = spec.Layout == TensorLayout.Nchw ? [1, 3, g.InputHeight, g.InputWidth] : [1, g.InputHeight, g.InputWidth, 3];
        return new ImageTensor(data, shape, g);
    }
}
