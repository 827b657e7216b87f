using System.Runtime.CompilerServices;

namespace SegmentSharp.Color;

/// <summary>
/// RGB ↔ HSV (Smith 1978, "Color gamut transform pairs"), with OpenCV's 8-bit arithmetic (<c>RGB2HSV_b</c>): saturation
/// and hue divide through 12-bit reciprocal tables and round half up; hue is degrees/2 (range 180) or degrees·256/360
/// (range 256, the <c>_FULL</c> codes).
/// </summary>
internal static class HsvConversion
{
    internal const int HsvShift = 12;

    /// <summary>Reciprocals 255·2^12 / v, 180·2^12 / (6 d) and 256·2^12 / (6 d), rounded half to even as OpenCV's <c>saturate_cast&lt;int&gt;</c>.</summary>
    internal static readonly int[] SDiv = BuildDiv(255, 1);
    internal static readonly int[] HDiv180 = BuildDiv(180, 6);
    internal static readonly int[] HDiv256 = BuildDiv(256, 6);

    private static int[] BuildDiv(int scale, int den)
    {
        var t = new int[256];
        for (int i = 1; i < 256; i++) t[i] = ColorConstants.Round((scale << HsvShift) / (den * (double)i));
        return t;
    }

    /// <summary>8-bit HSV of one row. <paramref name="blueIdx"/> is 0 for BGR input, 2 for RGB.</summary>
    // Full optimisation from the first call: a one-off conversion would otherwise run its whole image at tier 0.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static unsafe void ForwardRow8(ReadOnlySpan<byte> src, Span<byte> dst, int width, int scn, int blueIdx, int hueRange)
    {
        if (src.Length < width * scn || dst.Length < width * 3) throw new ArgumentException("Row too short.");
        const int half = 1 << (HsvShift - 1);
        int bi = blueIdx, ri = blueIdx ^ 2;
        // Masks instead of branches (as OpenCV's own kernel): which channel holds the maximum is data-dependent, so
        // branches mispredict on natural images. Ties resolve red first, then green, like the branchy definition.
        fixed (int* hdiv = hueRange == 180 ? HDiv180 : HDiv256)
        fixed (int* sdiv = SDiv)
        fixed (byte* ps = src)
        fixed (byte* pd = dst)
        {
            byte* s = ps, d = pd;
            for (int x = 0; x < width; x++, s += scn, d += 3)
            {
                int b = s[bi], g = s[1], r = s[ri];
                int v = Math.Max(b, Math.Max(g, r));
                int vmin = Math.Min(b, Math.Min(g, r));
                int diff = v - vmin;
                int vr = -(v == r ? 1 : 0), vg = -(v == g ? 1 : 0);
                int h = (vr & (g - b)) + (~vr & ((vg & (b - r + 2 * diff)) + (~vg & (r - g + 4 * diff))));
                h = (h * hdiv[diff] + half) >> HsvShift;
                h += (h >> 31) & hueRange;
                d[0] = (byte)h;
                d[1] = (byte)((diff * sdiv[v] + half) >> HsvShift);
                d[2] = (byte)v;
            }
        }
    }

    /// <summary>
    /// 8-bit HSV to BGR/RGB as OpenCV's <c>HSV2RGB_b</c>: S and V scaled by 1/255, the hexcone in float, times 255;
    /// OpenCV truncates in its 32-pixel vector groups and rounds the leftover pixels, and so do we. The full-range code
    /// (hue scale 6/255) goes through Intel IPP in OpenCV's x86-64 builds, which rounds every pixel.
    /// </summary>
    // Full optimisation from the first call: a one-off conversion would otherwise run its whole image at tier 0.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void InverseRow8(ReadOnlySpan<byte> src, Span<byte> dst, int width, int dcn, int blueIdx, int hueRange)
    {
        float hscale = 6f / (hueRange == 180 ? 180 : 255);
        const float inv255 = 1f / 255f;
        for (int x = 0, i = 0, o = 0; x < width; x++, i += 3, o += dcn)
        {
            float h = src[i], s = src[i + 1] * inv255, v = src[i + 2] * inv255;
            float b, g, r;
            bool vector = hueRange == 180 && HueVector.InVector(x, width, 4 * HueVector.Lanes);
            if (vector) ToRgbVector(h, s, v, hscale, out b, out g, out r);
            else ToRgbScalar(h, s, v, hscale, out b, out g, out r);
            if (vector)
            {
                dst[o + blueIdx] = HueVector.TruncSat(b * 255f);
                dst[o + 1] = HueVector.TruncSat(g * 255f);
                dst[o + (blueIdx ^ 2)] = HueVector.TruncSat(r * 255f);
            }
            else
            {
                dst[o + blueIdx] = HueVector.RoundSat(b * 255f);
                dst[o + 1] = HueVector.RoundSat(g * 255f);
                dst[o + (blueIdx ^ 2)] = HueVector.RoundSat(r * 255f);
            }
            if (dcn == 4) dst[o + 3] = 255;
        }
    }

    /// <summary>OpenCV's scalar hexcone (<c>HSV2RGB_native</c>): fmod into [0, 6), floor for the sector.</summary>
    internal static void ToRgbScalar(float h, float s, float v, float hscale, out float b, out float g, out float r)
    {
        if (s == 0) { b = g = r = v; return; }
        h *= hscale;
        h %= 6f;
        int sector = (int)MathF.Floor(h);
        h -= sector;
        if ((uint)sector >= 6u) { sector = 0; h = 0f; }
        float t0 = v, t1 = v * (1f - s), t2 = v * MathF.FusedMultiplyAdd(-s, h, 1f), t3 = v * MathF.FusedMultiplyAdd(-s, 1f - h, 1f);
        Pick(sector, t0, t1, t2, t3, out b, out g, out r);
    }

    /// <summary>OpenCV's vector hexcone (<c>HSV2RGB_simd</c>): truncation for the sector, the sector reduced mod 6 with a 1/6 multiply.</summary>
    internal static void ToRgbVector(float h, float s, float v, float hscale, out float b, out float g, out float r)
    {
        h *= hscale;
        float pre = MathF.Truncate(h);
        h -= pre;
        float t0 = v, t1 = v * (1f - s), t2 = v * MathF.FusedMultiplyAdd(-s, h, 1f), t3 = v * MathF.FusedMultiplyAdd(-s, 1f - h, 1f);
        float sector = pre - MathF.Truncate(pre * (1f / 6f)) * 6f;
        b = sector < 2 ? t1 : sector == 2 ? t3 : sector == 3 || sector == 4 ? t0 : sector > 4 ? t2 : 0f;
        g = sector < 1 ? t3 : sector == 1 || sector == 2 ? t0 : sector == 3 ? t2 : sector > 3 ? t1 : 0f;
        r = sector < 1 ? t0 : sector == 1 ? t2 : sector == 2 || sector == 3 ? t1 : sector == 4 ? t3 : sector > 4 ? t0 : 0f;
    }

    private static void Pick(int sector, float t0, float t1, float t2, float t3, out float b, out float g, out float r)
    {
        // (b, g, r) take tab entries {1,3,0}, {1,0,2}, {3,0,1}, {0,2,1}, {0,1,3}, {2,1,0} per sector.
        switch (sector)
        {
            case 0: b = t1; g = t3; r = t0; break;
            case 1: b = t1; g = t0; r = t2; break;
            case 2: b = t3; g = t0; r = t1; break;
            case 3: b = t0; g = t2; r = t1; break;
            case 4: b = t0; g = t1; r = t3; break;
            default: b = t2; g = t1; r = t0; break;
        }
    }
}
