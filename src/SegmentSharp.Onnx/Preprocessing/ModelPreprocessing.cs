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

/// <summary>Order of the tensor's axes.</summary>
public enum TensorLayout
{
    /// <summary>Batch, channels, rows, columns (PyTorch, Paddle).</summary>
    Nchw,
    /// <summary>Batch, rows, columns, channels (TensorFlow).</summary>
    Nhwc,
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
    /// <summary>
    /// KeepAspect only: <see cref="Width"/> limits the longer side, shrinking larger images (false, PaddleOCR's
    /// limit type <c>max</c>), or is the least shorter side, enlarging smaller images (true, limit type <c>min</c>).
    /// </summary>
    public bool LimitShorterSide { get; init; }

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

    /// <summary>
    /// Where the image lands in the input tensor for a <paramref name="width"/>×<paramref name="height"/> source.
    /// </summary>
    public InputGeometry Geometry(int width, int height)
    {
        if (width <= 0 || height <= 0) throw new ArgumentOutOfRangeException(nameof(width), "The image is empty.");
        int m = Math.Max(1, Multiple);
        switch (Resize)
        {
            case ResizeMode.Stretch:
                Check(Width > 0 && Height > 0, "Stretch needs Width and Height");
                return new(width, height, Width, Height, Width, Height, 0, 0);
            case ResizeMode.Letterbox:
            {
                Check(Width > 0 && Height > 0, "Letterbox needs Width and Height");
                double r = Math.Min((double)Width / width, (double)Height / height);
                int cw = Math.Clamp((int)Math.Round(width * r), 1, Width), ch = Math.Clamp((int)Math.Round(height * r), 1, Height);
                return new(width, height, Width, Height, cw, ch, (Width - cw) / 2, (Height - ch) / 2);
            }
            case ResizeMode.KeepAspect:
            {
                Check(Width > 0, "KeepAspect needs Width (the longest-side limit)");
                double r = LimitShorterSide
                    ? (Math.Min(width, height) < Width ? (double)Width / Math.Min(width, height) : 1.0)
                    : (Math.Max(width, height) > Width ? (double)Width / Math.Max(width, height) : 1.0);
                int rw = (int)(width * r), rh = (int)(height * r);
                rw = Math.Max((int)Math.Round(rw / (double)m, MidpointRounding.ToEven) * m, m);
                rh = Math.Max((int)Math.Round(rh / (double)m, MidpointRounding.ToEven) * m, m);
                return new(width, height, rw, rh, rw, rh, 0, 0);
            }
            default:
            {
                int rw = Math.Max((int)Math.Round(width / (double)m, MidpointRounding.ToEven) * m, m);
                int rh = Math.Max((int)Math.Round(height / (double)m, MidpointRounding.ToEven) * m, m);
                return new(width, height, rw, rh, rw, rh, 0, 0);
            }
        }
    }

    private static void Check(bool ok, string what)
    {
        if (!ok) throw new InvalidOperationException($"ModelPreprocessing: {what}.");
    }
}

/// <summary>
/// Where a source image sits in the model input: the tensor is <see cref="InputWidth"/>×<see cref="InputHeight"/>, the
/// resized image covers <see cref="ContentWidth"/>×<see cref="ContentHeight"/> from (<see cref="PadX"/>,
/// <see cref="PadY"/>), the rest is padding. Maps model coordinates back to source pixels.
/// </summary>
public readonly record struct InputGeometry(int SourceWidth, int SourceHeight, int InputWidth, int InputHeight,
    int ContentWidth, int ContentHeight, int PadX, int PadY)
{
    /// <summary>Source pixels per model pixel, horizontally.</summary>
    public double ScaleX => (double)SourceWidth / ContentWidth;
    /// <summary>Source pixels per model pixel, vertically.</summary>
    public double ScaleY => (double)SourceHeight / ContentHeight;
    /// <summary>A model x coordinate in source pixels.</summary>
    public double ToSourceX(double x) => (x - PadX) * ScaleX;
    /// <summary>A model y coordinate in source pixels.</summary>
    public double ToSourceY(double y) => (y - PadY) * ScaleY;
}
