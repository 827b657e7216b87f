using SegmentSharp.Imaging;

namespace SegmentSharp.Thresholding.Document;

/// <summary>What the automatic document binarizer estimated from the page.</summary>
/// <param name="StrokeWidth">Estimated text stroke width in pixels.</param>
/// <param name="TextHeight">Estimated character height in pixels.</param>
/// <param name="Window">Window size the binarizer chose.</param>
/// <param name="Contrast">Estimated text/background contrast (gray levels).</param>
public readonly record struct DocumentEstimate(double StrokeWidth, double TextHeight, int Window, double Contrast);

/// <summary>Stub: the parameter-free document binarizer (`--method auto`), being written (issue 3).</summary>
public static class DocumentBinarizer
{
    /// <summary>Binarizes a document page: text 0, background 255, with no parameters to set.</summary>
    public static Image<byte> Binarize(ReadOnlyImageView<byte> src) => Binarize(src, out _);

    /// <summary>Binarizes and reports what was estimated.</summary>
    public static Image<byte> Binarize(ReadOnlyImageView<byte> src, out DocumentEstimate estimate)
        => throw new NotImplementedException();
}
