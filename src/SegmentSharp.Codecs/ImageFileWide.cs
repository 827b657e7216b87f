using SegmentSharp.Imaging;

namespace SegmentSharp.Codecs;

public static partial class ImageFile
{
    /// <summary>
    /// Writes a label image (connected components, watershed, k-means) without truncating labels: <c>.png</c> stores
    /// 8-bit samples when every label is 0–255 and 16-bit samples up to 65535; <c>.tif</c>/<c>.tiff</c> stores 32-bit
    /// signed integers (negative labels such as watershed's −1 included). The write is atomic.
    /// </summary>
    /// <param name="path">Target file; the extension chooses the format.</param>
    /// <param name="labels">Single-channel labels.</param>
    /// <exception cref="ArgumentException">The labels do not fit the chosen format (the message names the format to
    /// use instead), or the extension is not .png/.tif/.tiff.</exception>
    public static void WriteLabels(string path, ReadOnlyImageView<int> labels)
    {
        if (labels.Channels != 1) throw new ArgumentException("A label image has one channel.", nameof(labels));
        var format = FormatFromExtension(path);
        byte[] bytes;
        if (format == ImageFormat.Tiff) bytes = TiffWideEncoder.Encode(labels);
        else if (format == ImageFormat.Png)
        {
            int min = int.MaxValue, max = int.MinValue;
            for (int y = 0; y < labels.Height; y++)
                foreach (int v in labels.Row(y)) { if (v < min) min = v; if (v > max) max = v; }
            if (min < 0)
                throw new ArgumentException($"labels include negative values ({min}), which PNG cannot store; write a .tif instead");
            if (max > ushort.MaxValue)
                throw new ArgumentException($"labels go up to {max}, more than a 16-bit PNG holds (65535); write a .tif instead");
            if (max <= byte.MaxValue)
            {
                var narrow = new Image<byte>(labels.Width, labels.Height);
                for (int y = 0; y < labels.Height; y++)
                {
                    ReadOnlySpan<int> s = labels.Row(y);
                    Span<byte> d = narrow.Row(y);
                    for (int x = 0; x < s.Length; x++) d[x] = (byte)s[x];
                }
                // Label values are data, not pixels: never pack a two-label image into 1 bit.
                bytes = PngEncoder.Encode(narrow, ImageWriteOptions.Default with { Bilevel = BilevelMode.Never });
            }
            else
            {
                var wide = new Image<ushort>(labels.Width, labels.Height);
                for (int y = 0; y < labels.Height; y++)
                {
                    ReadOnlySpan<int> s = labels.Row(y);
                    Span<ushort> d = wide.Row(y);
                    for (int x = 0; x < s.Length; x++) d[x] = (ushort)s[x];
                }
                bytes = Png16Encoder.Encode(wide);
            }
        }
        else throw new ArgumentException($"cannot write labels as '{Path.GetExtension(path)}'; use .png (up to 65535 labels) or .tif");
        AtomicFile.WriteAllBytes(path, bytes);
    }

    /// <summary>
    /// Writes a 32-bit float image (distance transforms, probability maps) as a single-channel IEEE-float TIFF,
    /// the format <c>cv2.imwrite</c> uses for CV_32F. The write is atomic.
    /// </summary>
    /// <param name="path">Target file ending in .tif or .tiff.</param>
    /// <param name="image">Single-channel float image.</param>
    /// <exception cref="ArgumentException">The extension is not .tif/.tiff.</exception>
    public static void WriteFloat(string path, ReadOnlyImageView<float> image)
    {
        if (FormatFromExtension(path) != ImageFormat.Tiff)
            throw new ArgumentException($"cannot write 32-bit float samples as '{Path.GetExtension(path)}'; use .tif");
        AtomicFile.WriteAllBytes(path, TiffWideEncoder.Encode(image));
    }

    /// <summary>Writes a 16-bit single-channel image as a 16-bit PNG or TIFF (atomic).</summary>
    /// <param name="path">Target file ending in .png, .tif or .tiff.</param>
    /// <param name="image">Single-channel 16-bit image.</param>
    public static void Write16(string path, ReadOnlyImageView<ushort> image)
    {
        if (image.Channels != 1) throw new ArgumentException("16-bit output takes one channel.", nameof(image));
        byte[] bytes = FormatFromExtension(path) switch
        {
            ImageFormat.Png => Png16Encoder.Encode(image),
            ImageFormat.Tiff => TiffWideEncoder.Encode(image),
            _ => throw new ArgumentException($"cannot write 16-bit samples as '{Path.GetExtension(path)}'; use .png or .tif"),
        };
        AtomicFile.WriteAllBytes(path, bytes);
    }
}
