using System.Runtime.CompilerServices;

namespace SegmentSharp.Color;

/// <summary>
/// RGB ↔ Y'CrCb (ITU-R BT.601 luma, JPEG/JFIF full-range chroma: Cr = (R − Y)·0.713 + 128, Cb = (B − Y)·0.564 + 128),
/// with OpenCV's 14-bit integer coefficients on 8-bit data (<c>RGB2YCrCb_i</c> / <c>YCrCb2RGB_i</c>).
/// </summary>
internal static class YCrCbConversion
{
    private const int Shift = 14, Half = 1 << (Shift - 1), Delta = 128 << Shift;
    private const int R2Y = 4899, G2Y = 9617, B2Y = 1868, CrScale = 11682, CbScale = 9241;
    private const int Cr2R = 22987, Cr2G = -11698, Cb2G = -5636, Cb2B = 29049;

    // Full optimisation from the first call: a one-off conversion would otherwise run its whole image at tier 0.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void ForwardRow8(ReadOnlySpan<byte> src, Span<byte> dst, int width, int scn, int blueIdx)
    {
        int c0 = blueIdx == 0 ? B2Y : R2Y, c2 = blueIdx == 0 ? R2Y : B2Y;
        for (int x = 0, i = 0, o = 0; x < width; x++, i += scn, o += 3)
        {
            int y = (src[i] * c0 + src[i + 1] * G2Y + src[i + 2] * c2 + Half) >> Shift;
            dst[o] = (byte)y;
            dst[o + 1] = XyzConversion.Sat(((src[i + (blueIdx ^ 2)] - y) * CrScale + Delta + Half) >> Shift);
            dst[o + 2] = XyzConversion.Sat(((src[i + blueIdx] - y) * CbScale + Delta + Half) >> Shift);
        }
    }

    // Full optimisation from the first call: a one-off conversion would otherwise run its whole image at tier 0.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void InverseRow8(ReadOnlySpan<byte> src, Span<byte> dst, int width, int dcn, int blueIdx)
    {
        for (int x = 0, i = 0, o = 0; x < width; x++, i += 3, o += dcn)
        {
            int y = src[i], cr = src[i + 1] - 128, cb = src[i + 2] - 128;
            dst[o + blueIdx] = XyzConversion.Sat(y + ((cb * Cb2B + Half) >> Shift));
            dst[o + 1] = XyzConversion.Sat(y + ((cb * Cb2G + cr * Cr2G + Half) >> Shift));
            dst[o + (blueIdx ^ 2)] = XyzConversion.Sat(y + ((cr * Cr2R + Half) >> Shift));
            if (dcn == 4) dst[o + 3] = 255;
        }
    }
}
