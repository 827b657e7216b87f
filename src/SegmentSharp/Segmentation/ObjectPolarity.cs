using SegmentSharp.Imaging;
using SegmentSharp.Thresholding;

namespace SegmentSharp.Segmentation;

/// <summary>Which side of a global threshold holds the objects.</summary>
public enum ObjectPolarity
{
    /// <summary>Objects are darker than the background (Otsu inverse; the coins of seed 004, stained nuclei on a light slide).</summary>
    Dark,
    /// <summary>Objects are brighter than the background (Otsu binary; fluorescence images).</summary>
    Bright,
    /// <summary>Objects are the smaller of the two Otsu classes: the usual case of things on a background.</summary>
    Auto,
}

/// <summary>The object mask that starts the automatic watershed recipe.</summary>
public static class ObjectMask
{
    /// <summary>
    /// Otsu's threshold of <paramref name="gray"/> (as <c>cv2.threshold(gray, 0, 255, THRESH_BINARY[_INV] | THRESH_OTSU)</c>),
    /// with the objects on the side that <paramref name="polarity"/> names. <see cref="ObjectPolarity.Auto"/> takes the
    /// side with fewer pixels, so bright nuclei on a dark fluorescence field and dark ones on a bright-field slide both
    /// come out as objects without a per-image switch; on a tie the objects are bright.
    /// </summary>
    /// <param name="gray">Single-channel 8-bit image.</param>
    /// <param name="polarity">Which side holds the objects.</param>
    /// <param name="threshold">Otsu's threshold.</param>
    /// <param name="bright">Whether the objects were taken as the bright side.</param>
    /// <returns>0/255 mask, 255 = object.</returns>
    public static Image<byte> Otsu(Image<byte> gray, ObjectPolarity polarity, out double threshold, out bool bright)
    {
        // One histogram gives both Otsu's threshold and the size of each side.
        long[] hist = Histograms.Histogram.Compute(gray.ReadOnlyView);
        int t = Threshold.Otsu(hist);
        threshold = t;
        if (polarity == ObjectPolarity.Auto)
        {
            long above = 0, total = (long)gray.Width * gray.Height;
            for (int v = t + 1; v < hist.Length; v++) above += hist[v];
            bright = 2 * above <= total;
        }
        else bright = polarity == ObjectPolarity.Bright;
        return Threshold.Apply(gray, threshold, 255, bright ? ThresholdType.Binary : ThresholdType.BinaryInv, out _);
    }
}
