using SegmentSharp.Imaging;

namespace SegmentSharp.Codecs;

internal static class PnmCodec
{
    internal static Image<byte> DecodeGray(ReadOnlySpan<byte> data) => throw new NotImplementedException();
    internal static Image<byte> DecodeColor(ReadOnlySpan<byte> data) => throw new NotImplementedException();
    internal static byte[] Encode(ReadOnlyImageView<byte> image, ImageWriteOptions options, string extension = ".pnm") => throw new NotImplementedException();
}
