using SegmentSharp.Imaging;

namespace SegmentSharp.Thresholding.Local;

// Stubs: the signatures the CLI wires; the bodies are being written (issue 3, local methods).
public static partial class LocalThreshold
{
    /// <summary>Local median: <c>T = median(window) − c</c> (ImageJ Auto Local Threshold "Median").</summary>
    public static Image<byte> Median(ReadOnlyImageView<byte> src, int window = 15, int c = 0, Image<double>? threshold = null)
        => throw new NotImplementedException();

    /// <summary>Local Otsu: Otsu's threshold of each pixel's window histogram (scikit-image <c>filters.rank.otsu</c>).</summary>
    public static Image<byte> LocalOtsu(ReadOnlyImageView<byte> src, int window = 15, Image<double>? threshold = null)
        => throw new NotImplementedException();

    /// <summary>Su, Lu and Tan (2010): contrast image, Otsu high-contrast pixels, local count/mean rule.</summary>
    public static Image<byte> Su(ReadOnlyImageView<byte> src, int window = 0, int minHighContrast = 0)
        => throw new NotImplementedException();

    /// <summary>Gatos, Pratikakis and Perantonis (2006): Wiener filter, Sauvola seed, background surface, adaptive rule.</summary>
    public static Image<byte> Gatos(ReadOnlyImageView<byte> src, int window = 0, double q = 0.6, double p1 = 0.5, double p2 = 0.8)
        => throw new NotImplementedException();
}
