using System.Runtime.CompilerServices;

namespace SegmentSharp.Color;

/// <summary>
/// Linear RGB ↔ CIE XYZ (D65, IEC 61966-2-1 primaries, no gamma), with OpenCV's 12-bit integer matrices on 8-bit data
/// (<c>RGB2XYZ_i</c> / <c>XYZ2RGB_i</c>).
/// </summary>
internal static class XyzConversion
{
    private const int Shift = 12, Half = 1 << (Shift - 1);

    /// <summary>The forward matrix with its columns in source order (blue first for BGR).</summary>
    internal static int[] ForwardMatrix(int blueIdx)
    {
        var c = (int[])ColorConstants.Rgb2XyzInt.Clone();
        if (blueIdx == 0) { (c[0], c[2]) = (c[2], c[0]); (c[3], c[5]) = (c[5], c[3]); (c[6], c[8]) = (c[8], c[6]); }
        return c;
    }

    /// <summary>The inverse matrix with its rows in destination order (blue first for BGR).</summary>
    internal static int[] InverseMatrix(int blueIdx)
    {
        var c = (int[])ColorConstants.Xyz2RgbInt.Clone();
        if (blueIdx == 0) { (c[0], c[6]) = (c[6], c[0]); (c[1], c[7]) = (c[7], c[1]); (c[2], c[8]) = (c[8], c[2]); }
        return c;
    }

    // Full optimisation from the first call: a one-off conversion would otherwise run its whole image at tier 0.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void ForwardRow8(ReadOnlySpan<byte> src, Span<byte> dst, int width, int scn, int[] c)
    {
        for (int x = 0, i = 0, o = 0; x < width; x++, i += scn, o += 3)
        {
            int s0 = src[i], s1 = src[i + 1], s2 = src[i + 2];
            dst[o] = Sat((s0 * c[0] + s1 * c[1] + s2 * c[2] + Half) >> Shift);
            dst[o + 1] = Sat((s0 * c[3] + s1 * c[4] + s2 * c[5] + Half) >> Shift);
            dst[o + 2] = Sat((s0 * c[6] + s1 * c[7] + s2 * c[8] + Half) >> Shift);
        }
    }

    // Full optimisation from the first call: a one-off conversion would otherwise run its whole image at tier 0.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void InverseRow8(ReadOnlySpan<byte> src, Span<byte> dst, int width, int dcn, int[] c)
    {
        for (int x = 0, i = 0, o = 0; x < width; x++, i += 3, o += dcn)
        {
            int s0 = src[i], s1 = src[i + 1], s2 = src[i + 2];
            dst[o] = Sat((s0 * c[0] + s1 * c[1] + s2 * c[2] + Half) >> Shift);
            dst[o + 1] = Sat((s0 * c[3] + s1 * c[4] + s2 * c[5] + Half) >> Shift);
            dst[o + 2] = Sat((s0 * c[6] + s1 * c[7] + s2 * c[8] + Half) >> Shift);
            if (dcn == 4) dst[o + 3] = 255;
        }
    }

    internal static byte Sat(int v) => (byte)Math.Clamp(v, 0, 255);
}
