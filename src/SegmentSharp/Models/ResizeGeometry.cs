using SegmentSharp.Geometry;

namespace SegmentSharp.Models;

/// <summary>
/// Where an image lands in a model's input: it is resized to <see cref="ResizedWidth"/> × <see cref="ResizedHeight"/>
/// and placed at (<see cref="PadLeft"/>, <see cref="PadTop"/>) in a <see cref="InputWidth"/> × <see cref="InputHeight"/>
/// canvas. Maps points both ways so model outputs (boxes, polygons, masks) can be put back on the image. The
/// factories cover the usual recipes: plain stretch (torchvision/segmentation models), letterbox (YOLO's
/// <c>letterbox</c>) and keep-aspect to a multiple of N (PaddleOCR's <c>DetResizeForTest</c>).
/// </summary>
/// <param name="SourceWidth">Original image width.</param>
/// <param name="SourceHeight">Original image height.</param>
/// <param name="ResizedWidth">Width the image is resized to.</param>
/// <param name="ResizedHeight">Height the image is resized to.</param>
/// <param name="InputWidth">Model input width (resized image plus padding).</param>
/// <param name="InputHeight">Model input height.</param>
/// <param name="PadLeft">Columns of padding left of the image.</param>
/// <param name="PadTop">Rows of padding above the image.</param>
public readonly record struct ResizeGeometry(int SourceWidth, int SourceHeight, int ResizedWidth, int ResizedHeight,
    int InputWidth, int InputHeight, int PadLeft, int PadTop)
{
    /// <summary>Horizontal scale, resized width over source width.</summary>
    public double ScaleX => (double)ResizedWidth / SourceWidth;

    /// <summary>Vertical scale, resized height over source height.</summary>
    public double ScaleY => (double)ResizedHeight / SourceHeight;

    /// <summary>Resize to the input size, ignoring the aspect ratio.</summary>
    public static ResizeGeometry Stretch(int sourceWidth, int sourceHeight, int inputWidth, int inputHeight)
    {
        Check(sourceWidth, sourceHeight);
        Check(inputWidth, inputHeight);
        return new(sourceWidth, sourceHeight, inputWidth, inputHeight, inputWidth, inputHeight, 0, 0);
    }

    /// <summary>
    /// Keep the aspect ratio, fit inside the input and centre with padding, as YOLO's <c>letterbox</c>:
    /// <c>r = min(W/w, H/h)</c>, resized size <c>round(w·r)</c>, <c>round(h·r)</c> (round half to even, as Python's
    /// <c>round</c>), padding split with <c>round(d/2 - 0.1)</c> before and the rest after.
    /// </summary>
    public static ResizeGeometry Letterbox(int sourceWidth, int sourceHeight, int inputWidth, int inputHeight)
    {
        Check(sourceWidth, sourceHeight);
        Check(inputWidth, inputHeight);
        double r = Math.Min((double)inputWidth / sourceWidth, (double)inputHeight / sourceHeight);
        int w = Math.Max(1, (int)Math.Round(sourceWidth * r)), h = Math.Max(1, (int)Math.Round(sourceHeight * r));
        int left = (int)Math.Round((inputWidth - w) / 2.0 - 0.1), top = (int)Math.Round((inputHeight - h) / 2.0 - 0.1);
        return new(sourceWidth, sourceHeight, w, h, inputWidth, inputHeight, left, top);
    }

    /// <summary>
    /// Keep the aspect ratio, shrink so the longer side is at most <paramref name="limitSide"/> (never enlarge), then
    /// round each side to the nearest multiple of <paramref name="multiple"/> (at least one multiple), as PaddleOCR's
    /// <c>DetResizeForTest</c> with <c>limit_type='max'</c>. No padding: the input is the resized image.
    /// </summary>
    public static ResizeGeometry KeepAspectMultiple(int sourceWidth, int sourceHeight, int limitSide = 960, int multiple = 32)
    {
        Check(sourceWidth, sourceHeight);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limitSide);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(multiple);
        double ratio = Math.Max(sourceWidth, sourceHeight) > limitSide
            ? (double)limitSide / Math.Max(sourceWidth, sourceHeight) : 1.0;
        int h = Math.Max((int)Math.Round(sourceHeight * ratio / multiple) * multiple, multiple);
        int w = Math.Max((int)Math.Round(sourceWidth * ratio / multiple) * multiple, multiple);
        return new(sourceWidth, sourceHeight, w, h, w, h, 0, 0);
    }

    /// <summary>A point in model input coordinates to source image coordinates (undo padding, then scale).</summary>
    public PointD ToSource(double x, double y) => new((x - PadLeft) / ScaleX, (y - PadTop) / ScaleY);

    /// <summary>A point in source image coordinates to model input coordinates.</summary>
    public PointD ToInput(double x, double y) => new(x * ScaleX + PadLeft, y * ScaleY + PadTop);

    private static void Check(int w, int h)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(w);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(h);
    }
}
