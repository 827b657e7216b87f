using SegmentSharp.Imaging;

namespace SegmentSharp.Codecs;

/// <summary>
/// Reads and writes image files. Reading follows OpenCV's <c>cv2.imread</c> conversions pixel for pixel;
/// writing picks the format from the file extension and is atomic (a temporary file, then a rename).
/// </summary>
public static partial class ImageFile
{
    // Written as bytes: a "\x89" in a u8 string literal would be encoded as the two bytes C2 89.
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Recognises a format from the first bytes of a file.</summary>
    public static ImageFormat DetectFormat(ReadOnlySpan<byte> header)
    {
        if (header.Length >= 8 && header[..8].SequenceEqual(PngSignature)) return ImageFormat.Png;
        if (header.Length >= 3 && header[0] == 0xFF && header[1] == 0xD8 && header[2] == 0xFF) return ImageFormat.Jpeg;
        if (header.Length >= 2 && header[0] == (byte)'B' && header[1] == (byte)'M') return ImageFormat.Bmp;
        if (header.Length >= 4 && ((header[0] == 'I' && header[1] == 'I' && header[2] == 42 && header[3] == 0) ||
                                   (header[0] == 'M' && header[1] == 'M' && header[2] == 0 && header[3] == 42)))
            return ImageFormat.Tiff;
        if (header.Length >= 2 && header[0] == (byte)'P' && header[1] is >= (byte)'1' and <= (byte)'6') return ImageFormat.Pnm;
        return ImageFormat.Unknown;
    }

    /// <summary>Chooses the output format from a path's extension.</summary>
    /// <exception cref="ArgumentException">The extension is not one SegmentSharp writes.</exception>
    public static ImageFormat FormatFromExtension(string path)
    {
        string ext = Path.GetExtension(path).ToLowerInvariant();
        return ext switch
        {
            ".png" => ImageFormat.Png,
            ".tif" or ".tiff" => ImageFormat.Tiff,
            ".bmp" or ".dib" => ImageFormat.Bmp,
            ".pgm" or ".ppm" or ".pbm" or ".pnm" => ImageFormat.Pnm,
            ".jpg" or ".jpeg" or ".jpe" => ImageFormat.Jpeg,
            _ => ImageFormat.Unknown,
        };
    }

    /// <summary>
    /// Reads a file as 8-bit gray, equal to <c>cv2.imread(path, cv2.IMREAD_GRAYSCALE)</c>:
    /// colour is converted the way OpenCV's decoder for that format does it, 16-bit samples are
    /// reduced to 8 bits, alpha is ignored and palettes are expanded.
    /// </summary>
    /// <exception cref="ImageFormatException">The file is empty, truncated, corrupt or not an image.</exception>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    public static Image<byte> ReadGray(string path) => DecodeGray(File.ReadAllBytes(path));

    /// <summary>Decodes an in-memory file as 8-bit gray; see <see cref="ReadGray(string)"/>.</summary>
    public static Image<byte> DecodeGray(ReadOnlySpan<byte> data) => Decode(data, gray: true);

    /// <summary>
    /// As <see cref="DecodeGray(ReadOnlySpan{byte})"/> (cv2.imdecode with IMREAD_GRAYSCALE), with the output image
    /// supplied by <paramref name="allocate"/>(width, height) — e.g. on an <see cref="System.Buffers.ArrayPool{T}"/> buffer, so
    /// a batch does not allocate a new image per file. PNG decodes straight into it; other formats decode, then copy.
    /// The returned image is the one <paramref name="allocate"/> gave, with every pixel written.
    /// </summary>
    /// <exception cref="InvalidOperationException"><paramref name="allocate"/> returned an image of another size.</exception>
    public static Image<byte> DecodeGray(ReadOnlySpan<byte> data, Func<int, int, Image<byte>> allocate)
    {
        ArgumentNullException.ThrowIfNull(allocate);
        Image<byte>? given = null;
        Image<byte> Checked(int w, int h)
        {
            var img = allocate(w, h);
            if (img is null || img.Width != w || img.Height != h || img.Channels != 1)
                throw new AllocatorMismatchException($"the allocator must return a {w}x{h} one-channel image");
            return given = img;
        }
        var decoded = Decode(data, gray: true, (w, h, _) => Checked(w, h));
        if (ReferenceEquals(decoded, given)) return decoded;
        var dst = Checked(decoded.Width, decoded.Height);
        for (int y = 0; y < decoded.Height; y++) decoded.Row(y).CopyTo(dst.Row(y));
        return dst;
    }

    private sealed class AllocatorMismatchException(string message) : InvalidOperationException(message);

    /// <summary>
    /// Reads a file as 8-bit BGR, equal to <c>cv2.imread(path, cv2.IMREAD_COLOR)</c>.
    /// </summary>
    public static Image<byte> ReadColor(string path) => DecodeColor(File.ReadAllBytes(path));

    /// <summary>Decodes an in-memory file as 8-bit BGR; see <see cref="ReadColor(string)"/>.</summary>
    public static Image<byte> DecodeColor(ReadOnlySpan<byte> data) => Decode(data, gray: false);

    private static Image<byte> Decode(ReadOnlySpan<byte> data, bool gray, Func<int, int, int, Image<byte>>? allocate = null)
    {
        if (data.Length == 0) throw new ImageFormatException("the file is empty");
        var format = DetectFormat(data);
        try
        {
            return format switch
            {
                ImageFormat.Png => allocate is not null ? PngCodec.Decode(data, gray, allocate) : gray ? PngCodec.DecodeGray(data) : PngCodec.DecodeColor(data),
                ImageFormat.Jpeg => gray ? JpegCodec.DecodeGray(data) : JpegCodec.DecodeColor(data),
                ImageFormat.Bmp => gray ? BmpCodec.DecodeGray(data) : BmpCodec.DecodeColor(data),
                ImageFormat.Tiff => gray ? TiffCodec.DecodeGray(data) : TiffCodec.DecodeColor(data),
                ImageFormat.Pnm => gray ? PnmCodec.DecodeGray(data) : PnmCodec.DecodeColor(data),
                _ => throw new ImageFormatException("not a PNG, JPEG, BMP, TIFF or PNM image"),
            };
        }
        catch (ImageFormatException) { throw; }
        catch (Exception e) when (e is not AllocatorMismatchException && e is IndexOutOfRangeException or ArgumentException or InvalidOperationException
                                      or OverflowException or InvalidDataException or EndOfStreamException or NullReferenceException)
        {
            // Decoders validate what they read, but a hostile file must never surface as a stack trace.
            throw new ImageFormatException($"corrupt or truncated {format.ToString().ToUpperInvariant()} data", e);
        }
    }

    /// <summary>
    /// Encodes an 8-bit image (1, 3 or 4 channels, BGR order) in the given format.
    /// </summary>
    public static byte[] Encode(ReadOnlyImageView<byte> image, ImageFormat format, ImageWriteOptions? options = null)
    {
        options ??= ImageWriteOptions.Default;
        return format switch
        {
            ImageFormat.Png => PngCodec.Encode(image, options),
            ImageFormat.Bmp => BmpCodec.Encode(image, options),
            ImageFormat.Tiff => TiffCodec.Encode(image, options),
            ImageFormat.Pnm => PnmCodec.Encode(image, options),
            _ => throw new ArgumentException($"SegmentSharp does not write {format} files; use .png, .tif, .bmp, .pgm, .ppm or .pbm.", nameof(format)),
        };
    }

    /// <summary>
    /// Writes an 8-bit image in the format named by the path's extension. The file appears complete or not at
    /// all: the data goes to a temporary file in the same folder, which is then renamed over the target.
    /// For <c>.pbm</c> the image must be bilevel; for <c>.pgm</c>/<c>.ppm</c> its channel count must fit.
    /// </summary>
    /// <exception cref="ArgumentException">The extension is not one SegmentSharp writes.</exception>
    /// <exception cref="IOException">The folder is missing or not writable.</exception>
    public static void Write(string path, ReadOnlyImageView<byte> image, ImageWriteOptions? options = null)
    {
        var format = FormatFromExtension(path);
        if (format is ImageFormat.Unknown or ImageFormat.Jpeg)
            throw new ArgumentException($"cannot write '{Path.GetExtension(path)}' files; use .png, .tif, .tiff, .bmp, .pgm, .ppm or .pbm");
        options ??= ImageWriteOptions.Default;
        byte[] bytes = format == ImageFormat.Pnm ? PnmCodec.Encode(image, options, Path.GetExtension(path)) : Encode(image, format, options);
        AtomicFile.WriteAllBytes(path, bytes);
    }

    /// <summary>Writes an owned image; see <see cref="Write(string, ReadOnlyImageView{byte}, ImageWriteOptions?)"/>.</summary>
    public static void Write(string path, Image<byte> image, ImageWriteOptions? options = null)
        => Write(path, image.ReadOnlyView, options);
}
