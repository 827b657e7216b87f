using SegmentSharp.Models;

namespace SegmentSharp.Onnx;

/// <summary>How an image is brought to the model's input size.</summary>
public enum ResizeMode
{
    /// <summary>Fed at its own size (rounded to <see cref="ModelPreprocessing.Multiple"/>).</summary>
    None,
    /// <summary>Resized to exactly Width×Height, aspect ratio not kept (torchvision <c>Resize((h, w))</c>).</summary>
    Stretch,
    /// <summary>Scaled to fit inside Width×Height keeping the aspect ratio, the rest padded with zeros (centred).</summary>
    Letterbox,
    /// <summary>
    /// Keeps the aspect ratio: the longer side is shrunk to <see cref="ModelPreprocessing.Width"/> when it is longer
    /// (never enlarged), then each side is rounded to the nearest multiple of <see cref="ModelPreprocessing.Multiple"/>
    /// (PaddleOCR's <c>DetResizeForTest</c>, limit type <c>max</c>).
    /// </summary>
    KeepAspect,
}

/// <summary>
/// How a BGR 8-bit image becomes a model's float input: resize (bilinear, equal to <c>cv2.resize</c> INTER_LINEAR),
/// channel order, then per channel <c>(v·Scale − Mean[c]) / Std[c]</c>, laid out as NCHW or NHWC with a batch of 1.
/// Mean and Std are given in the order of the channels fed (RGB when <see cref="Rgb"/>, else BGR).
/// </summary>
public sealed record ModelPreprocessing
{
    /// <summary>Target width (Stretch, Letterbox) or longest-side limit (KeepAspect).</summary>
    public int Width { get; init; }
    /// <summary>Target height (Stretch, Letterbox); ignored by KeepAspect and None.</summary>
    public int Height { get; init; }
    /// <summary>Resize mode.</summary>
    public ResizeMode Resize { get; init; } = ResizeMode.Stretch;
    /// <summary>KeepAspect and None round each side to a multiple of this (32 for DBNet); 1 = no rounding.</summary>
    public int Multiple { get; init; } = 1;
    /// <summary>Feed R, G, B (true) or B, G, R as decoded (false).</summary>
    public bool Rgb { get; init; } = true;
    /// <summary>Factor applied to the 0–255 sample before mean and std (1/255 for ImageNet statistics).</summary>
    public float Scale { get; init; } = 1f / 255f;
    /// <summary>Per-channel mean subtracted after scaling.</summary>
    public float[] Mean { get; init; } = [0f, 0f, 0f];
    /// <summary>Per-channel divisor applied after the mean.</summary>
    public float[] Std { get; init; } = [1f, 1f, 1f];
    /// <summary>Axis order.</summary>
    public TensorLayout Layout { get; init; } = TensorLayout.Nchw;

    /// <summary>ImageNet mean (R, G, B).</summary>
    public static readonly float[] ImageNetMean = [0.485f, 0.456f, 0.406f];
    /// <summary>ImageNet standard deviation (R, G, B).</summary>
    public static readonly float[] ImageNetStd = [0.229f, 0.224f, 0.225f];

    /// <summary>torchvision classification/segmentation weights: RGB, /255, ImageNet statistics, NCHW.</summary>
    public static ModelPreprocessing TorchVision(ResizeMode resize, int width, int height) => new()
    {
        Resize = resize, Width = width, Height = height, Mean = ImageNetMean, Std = ImageNetStd,
    };

    /// <summary>
    /// PaddleOCR's text detector (<c>DetResizeForTest</c> with limit side 960, type max, multiple 32, then
    /// <c>NormalizeImage</c>): PaddleOCR feeds the image as OpenCV decoded it, B, G, R, and applies the ImageNet
    /// mean and std listed in R, G, B order to those channels as they come; this does the same.
    /// </summary>
    public static ModelPreprocessing PaddleOcrDetection(int limitSide = 960) => new()
    {
        Resize = ResizeMode.KeepAspect, Width = limitSide, Multiple = 32, Rgb = false, Mean = ImageNetMean, Std = ImageNetStd,
    };

    /// <summary>Where a <paramref name="width"/>×<paramref name="height"/> image lands in the input tensor.</summary>
    public ResizeGeometry Geometry(int width, int height)
    {
        int m = Math.Max(1, Multiple);
        return Resize switch
        {
            ResizeMode.Stretch => ResizeGeometry.Stretch(width, height, Need(Width, "Stretch"), Need(Height, "Stretch")),
            ResizeMode.Letterbox => ResizeGeometry.Letterbox(width, height, Need(Width, "Letterbox"), Need(Height, "Letterbox")),
            ResizeMode.KeepAspect => ResizeGeometry.KeepAspectMultiple(width, height, Need(Width, "KeepAspect"), m),
            // The image's own size, rounded to the multiple as KeepAspect rounds it (no limit).
            _ => ResizeGeometry.KeepAspectMultiple(width, height, Math.Max(width, height), m),
        };
    }

    /// <summary>The normalisation part, in the core library's terms.</summary>
    public TensorNormalization Normalization => new(Rgb ? ChannelOrder.Rgb : ChannelOrder.Bgr, Layout, Scale, Mean, Std);

    /// <summary>
    /// This spec for <paramref name="model"/>: a model whose image input has a fixed height and width gets exactly that
    /// size (stretched, or letterboxed when this spec letterboxes); a model with dynamic sizes keeps this spec.
    /// </summary>
    /// <exception cref="OnnxModelException">The model has no single image input.</exception>
    public ModelPreprocessing FitTo(OnnxModel model)
    {
        var input = model.ImageInput;
        if (input.Rank != 4) return this;
        bool nhwc = Layout == TensorLayout.Nhwc;
        long h = nhwc ? input.Dimensions[1] : input.Dimensions[2], w = nhwc ? input.Dimensions[2] : input.Dimensions[3];
        if (h > 0 && w > 0)
            return this with { Width = (int)w, Height = (int)h, Resize = Resize is ResizeMode.Letterbox ? ResizeMode.Letterbox : ResizeMode.Stretch };
        return this;
    }

    private static int Need(int v, string mode)
        => v > 0 ? v : throw new InvalidOperationException($"ModelPreprocessing: {mode} needs a positive Width and Height.");
}
