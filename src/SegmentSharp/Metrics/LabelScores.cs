namespace SegmentSharp.Metrics;

/// <summary>
/// Agreement of a predicted label map with its ground truth.
/// </summary>
/// <param name="ClassCount">Number of classes (labels 0 … ClassCount − 1).</param>
/// <param name="Confusion">Row-major ClassCount×ClassCount pixel counts: row = ground-truth label, column = predicted label.</param>
/// <param name="IoU">Per-class intersection over union; NaN for a class absent from both maps.</param>
/// <param name="MeanIoU">Mean of the defined (non-NaN) per-class IoUs; NaN when none is defined.</param>
/// <param name="PixelAccuracy">Correct pixels / counted pixels, 0…1; NaN when every pixel was ignored.</param>
/// <param name="CountedPixels">Pixels counted (those whose ground truth is not the ignore index).</param>
public sealed record LabelScores(int ClassCount, long[] Confusion, double[] IoU, double MeanIoU, double PixelAccuracy, long CountedPixels);
