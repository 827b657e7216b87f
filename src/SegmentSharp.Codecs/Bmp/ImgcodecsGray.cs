using System.Runtime.CompilerServices;
namespace SegmentSharp.Codecs;

/// <summary>
/// The colour-to-gray rule OpenCV's own BMP, PNM and TIFF decoders apply for <c>IMREAD_GRAYSCALE</c>
/// (imgcodecs <c>icvCvt_BGR2Gray_8u_C3C1R</c>): BT.601 weights in 14-bit fixed point (4899, 9617, 1868),
/// rounded. This differs from <c>cvtColor</c>'s 15-bit weights on some inputs, so the decoders must not share
/// <see cref="SegmentSharp.Color.ColorConversion.BgrToGray(SegmentSharp.Imaging.ReadOnlyImageView{byte}, SegmentSharp.Imaging.ImageView{byte})"/>.
/// </summary>
/// <remarks>
/// Codec loops here and in the BMP/PNM/TIFF decoders are marked AggressiveOptimization: they run once per image over
/// rows too short to trigger on-stack replacement, so under tiered JIT a one-shot decode would stay in tier-0 code.
/// </remarks>
internal static class ImgcodecsGray
{
    internal const int R = 4899, G = 9617, B = 1868, Shift = 14;

    internal static byte FromBgr(int b, int g, int r) => (byte)((b * B + g * G + r * R + (1 << (Shift - 1))) >> Shift);

    /// <summary>Converts interleaved pixels with <paramref name="cn"/> channels; <paramref name="bIndex"/> is 0 for BGR(A), 2 for RGB(A).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Convert(ReadOnlySpan<byte> src, Span<byte> dst, int cn, int bIndex)
    {
        int rIndex = 2 - bIndex;
        for (int x = 0, i = 0; x < dst.Length; x++, i += cn)
            dst[x] = (byte)((src[i + bIndex] * B + src[i + 1] * G + src[i + rIndex] * R + (1 << (Shift - 1))) >> Shift);
    }
}

/// <summary>Size limits OpenCV's <c>imread</c> enforces (CV_IO_MAX_IMAGE_WIDTH/HEIGHT/PIXELS), applied before allocating.</summary>
internal static class DecodeLimits
{
    internal const int MaxSide = 1 << 20;
    internal const long MaxPixels = 1L << 30;

    internal static void Check(string format, long width, long height)
    {
        if (width <= 0 || height <= 0)
            throw new ImageFormatException($"{format} header has an invalid size {width}×{height}");
        if (width > MaxSide || height > MaxSide || width * height > MaxPixels)
            throw new ImageFormatException($"{format} image size {width}×{height} exceeds the limit of 2^20 per side and 2^30 pixels");
    }
}

/// <summary>Detection and bit packing of bilevel (0/255) single-channel images for 1-bit output.</summary>
internal static class Bilevel
{
    /// <summary>True when the image is single-channel and holds only 0 and 255.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool Is(in SegmentSharp.Imaging.ReadOnlyImageView<byte> image)
    {
        if (image.Channels != 1) return false;
        for (int y = 0; y < image.Height; y++)
        {
            var row = image.Row(y);
            // IndexOfAnyExcept is vectorized, so the check costs a fraction of the encode.
            if (row.IndexOfAnyExcept((byte)0, (byte)255) >= 0) return false;
        }
        return true;
    }

    /// <summary>Packs a 0/255 row MSB-first; a set bit stands for 255 unless <paramref name="setBitIsZero"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void PackRow(ReadOnlySpan<byte> row, Span<byte> dst, bool setBitIsZero)
    {
        int bytes = (row.Length + 7) >> 3;
        dst[..bytes].Clear();
        byte flip = setBitIsZero ? (byte)1 : (byte)0;
        for (int x = 0; x < row.Length; x++)
        {
            int bit = (row[x] >> 7) ^ flip;
            dst[x >> 3] |= (byte)(bit << (7 - (x & 7)));
        }
    }
}
