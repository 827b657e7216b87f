using System.Runtime.CompilerServices;

namespace SegmentSharp.Color;

/// <summary>RGB ↔ gray: BT.601 luma in OpenCV's 15-bit fixed point, and gray replicated to every colour channel.</summary>
internal static class GrayConversion
{
    private const int Half = 1 << (ColorConversion.Shift - 1);

    // Full optimisation from the first call: a one-off conversion would otherwise run its whole image at tier 0.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void ForwardRow8(ReadOnlySpan<byte> src, Span<byte> dst, int width, int scn, int blueIdx)
    {
        int cb = blueIdx == 0 ? ColorConversion.B2Y : ColorConversion.R2Y;
        int cr = blueIdx == 0 ? ColorConversion.R2Y : ColorConversion.B2Y;
        const int cg = ColorConversion.G2Y;
        for (int x = 0, i = 0; x < width; x++, i += scn)
            dst[x] = (byte)((src[i] * cb + src[i + 1] * cg + src[i + 2] * cr + Half) >> ColorConversion.Shift);
    }

    // Full optimisation from the first call: a one-off conversion would otherwise run its whole image at tier 0.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void InverseRow8(ReadOnlySpan<byte> src, Span<byte> dst, int width, int dcn)
    {
        for (int x = 0, o = 0; x < width; x++, o += dcn)
        {
            byte v = src[x];
            dst[o] = v; dst[o + 1] = v; dst[o + 2] = v;
            if (dcn == 4) dst[o + 3] = 255;
        }
    }
}
