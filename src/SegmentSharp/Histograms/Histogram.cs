using SegmentSharp.Imaging;

namespace SegmentSharp.Histograms;

/// <summary>Intensity histograms, equal to <c>cv2.calcHist([img], [0], None, [256], [0, 256])</c>.</summary>
public static partial class Histogram
{
    /// <summary>Counts each of the 256 gray levels of a single-channel 8-bit image into <paramref name="bins"/>.</summary>
    public static void Compute(ReadOnlyImageView<byte> src, Span<long> bins) => throw new NotImplementedException();

    /// <summary>Allocating convenience overload.</summary>
    public static long[] Compute(ReadOnlyImageView<byte> src)
    {
        var bins = new long[256];
        Compute(src, bins);
        return bins;
    }
}
