namespace SegmentSharp.Coco;

/// <summary>
/// A COCO bounding box <c>[x, y, width, height]</c> in pixels, as in the <c>bbox</c> field of COCO annotations and
/// the result of <c>pycocotools.mask.toBbox</c>.
/// </summary>
/// <param name="X">Left edge.</param>
/// <param name="Y">Top edge.</param>
/// <param name="Width">Width.</param>
/// <param name="Height">Height.</param>
public readonly record struct CocoBox(double X, double Y, double Width, double Height);
