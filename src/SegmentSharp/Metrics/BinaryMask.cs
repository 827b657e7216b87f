using SegmentSharp.Imaging;

namespace SegmentSharp.Metrics;

/// <summary>
/// Converts 8-bit images into the text masks the metrics take (255 = text, 0 = background).
/// Equivalent to NumPy's <c>np.where(img &lt; 128, 255, 0)</c> for <see cref="TextPolarity.Dark"/>; gray values are split at
/// 128 so that a lossy-compressed 0/255 image still reads as the mask it was meant to be.
/// </summary>
public static class BinaryMask
{
    /// <summary>
    /// Returns a new single-channel mask with 255 where <paramref name="image"/> holds text under <paramref name="polarity"/>
    /// and 0 elsewhere.
    /// </summary>
    /// <exception cref="ArgumentException">The image has more than one channel.</exception>
    public static Image<byte> ToTextMask(ReadOnlyImageView<byte> image, TextPolarity polarity)
    {
        ImageGuard.SingleChannel(image, nameof(image));
        var mask = new Image<byte>(image.Width, image.Height);
        bool dark = polarity == TextPolarity.Dark;
        for (int y = 0; y < image.Height; y++)
        {
            var src = image.Row(y);
            var dst = mask.Row(y);
            for (int x = 0; x < src.Length; x++)
                dst[x] = (src[x] < 128) == dark ? (byte)255 : (byte)0;
        }
        return mask;
    }

    /// <summary>Shorthand for <see cref="ToTextMask"/> with <see cref="TextPolarity.Dark"/> (DIBCO ground truth: text = 0).</summary>
    public static Image<byte> FromTextIsZero(ReadOnlyImageView<byte> image) => ToTextMask(image, TextPolarity.Dark);
}
