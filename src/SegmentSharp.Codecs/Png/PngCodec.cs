using SegmentSharp.Imaging;

namespace SegmentSharp.Codecs;

/// <summary>
/// PNG reading and writing in managed code (zlib via <see cref="System.IO.Compression.ZLibStream"/>).
/// Decoding reproduces <c>cv2.imread</c> (OpenCV 4.13 with its bundled libpng) pixel for pixel;
/// see <see cref="PngDecoder"/>, <see cref="PngRowConverter"/> and <see cref="PngGrayConversion"/>.
/// </summary>
internal static class PngCodec
{
    /// <summary>Equal to <c>cv2.imread(path, cv2.IMREAD_GRAYSCALE)</c> on a PNG.</summary>
    internal static Image<byte> DecodeGray(ReadOnlySpan<byte> data) => PngDecoder.Decode(data, gray: true);

    internal static Image<byte> Decode(ReadOnlySpan<byte> data, bool gray, Func<int, int, int, Image<byte>> allocate) =>
        PngDecoder.Decode(data, gray, allocate);

    /// <summary>Equal to <c>cv2.imread(path, cv2.IMREAD_COLOR)</c> on a PNG (BGR).</summary>
    internal static Image<byte> DecodeColor(ReadOnlySpan<byte> data) => PngDecoder.Decode(data, gray: false);

    /// <summary>Encodes 1-, 3- or 4-channel 8-bit images; see <see cref="PngEncoder"/>.</summary>
    internal static byte[] Encode(ReadOnlyImageView<byte> image, ImageWriteOptions options) => PngEncoder.Encode(image, options);
}
