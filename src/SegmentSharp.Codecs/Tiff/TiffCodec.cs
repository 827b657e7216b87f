using SegmentSharp.Imaging;

namespace SegmentSharp.Codecs;

internal static class TiffCodec
{
    internal static Image<byte> DecodeGray(ReadOnlySpan<byte> data) => throw new NotImplementedException();
    internal static Image<byte> DecodeColor(ReadOnlySpan<byte> data) => throw new NotImplementedException();
    internal static byte[] Encode(ReadOnlyImageView<byte> image, ImageWriteOptions options) => throw new NotImplementedException();
}
