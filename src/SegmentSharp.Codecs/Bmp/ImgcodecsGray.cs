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
