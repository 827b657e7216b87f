using System.Runtime.CompilerServices;

namespace SegmentSharp.Color;

/// <summary>
/// RGB ↔ HLS (Joblove &amp; Greenberg 1978, "Color spaces for computer graphics") as OpenCV computes it for 8-bit images:
/// samples scaled to [0, 1] by 1/255, the float conversion (OpenCV's vector formula for whole 8-pixel groups of each
/// 256-pixel block, its scalar formula for the rest), then rounded; hue in degrees/2 (range 180) or degrees·256/360.
/// </summary>
internal static class HlsConversion
{
    private const float Inv255 = 1f / 255f;
    private const float FltEpsilon = 1.1920929e-7f; // C's FLT_EPSILON, not .NET's float.Epsilon

    // Full optimisation from the first call: a one-off conversion would otherwise run its whole image at tier 0.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void ForwardRow8(ReadOnlySpan<byte> src, Span<byte> dst, int width, int scn, int blueIdx, int hueRange)
    {
        float hscale = hueRange / 360f;
        for (int x = 0, i = 0, o = 0; x < width; x++, i += scn, o += 3)
        {
            float b = src[i + blueIdx] * Inv255, g = src[i + 1] * Inv255, r = src[i + (blueIdx ^ 2)] * Inv255;
            float h, l, s;
            if (HueVector.InBlockVector(x, width)) FromRgbVector(r, g, b, hscale, out h, out l, out s);
            else FromRgbScalar(r, g, b, hscale, out h, out l, out s);
            dst[o] = HueVector.RoundSat(h);
            dst[o + 1] = HueVector.RoundSat(l * 255f);
            dst[o + 2] = HueVector.RoundSat(s * 255f);
        }
    }

    // Full optimisation from the first call: a one-off conversion would otherwise run its whole image at tier 0.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void InverseRow8(ReadOnlySpan<byte> src, Span<byte> dst, int width, int dcn, int blueIdx, int hueRange)
    {
        float hscale = 6f / (hueRange == 180 ? 180 : 255);
        for (int x = 0, i = 0, o = 0; x < width; x++, i += 3, o += dcn)
        {
            float h = src[i], l = src[i + 1] * Inv255, s = src[i + 2] * Inv255;
            float b, g, r;
            if (hueRange == 180 && HueVector.InBlockVector(x, width)) ToRgbVector(h, l, s, hscale, out b, out g, out r);
            else ToRgbScalar(h, l, s, hscale, out b, out g, out r);
            dst[o + blueIdx] = HueVector.RoundSat(b * 255f);
            dst[o + 1] = HueVector.RoundSat(g * 255f);
            dst[o + (blueIdx ^ 2)] = HueVector.RoundSat(r * 255f);
            if (dcn == 4) dst[o + 3] = 255;
        }
    }

    /// <summary>OpenCV's scalar RGB→HLS (<c>RGB2HLS_f</c> tail loop); hue in degrees times <paramref name="hscale"/>.</summary>
    internal static void FromRgbScalar(float r, float g, float b, float hscale, out float h, out float l, out float s)
    {
        float vmax = Math.Max(r, Math.Max(g, b)), vmin = Math.Min(r, Math.Min(g, b));
        float diff = vmax - vmin;
        l = (vmax + vmin) * 0.5f;
        h = 0f; s = 0f;
        if (diff > FltEpsilon)
        {
            s = l < 0.5f ? diff / (vmax + vmin) : diff / (2 - vmax - vmin);
            diff = 60f / diff;
            if (vmax == r) h = (g - b) * diff;
            else if (vmax == g) h = MathF.FusedMultiplyAdd(b - r, diff, 120f);
            else h = MathF.FusedMultiplyAdd(r - g, diff, 240f);
            if (h < 0f) h += 360f;
        }
        h *= hscale;
    }

    /// <summary>OpenCV's vector RGB→HLS (<c>RGB2HLS_f::process</c>): one fused multiply-add for the hue.</summary>
    internal static void FromRgbVector(float r, float g, float b, float hscale, out float h, out float l, out float s)
    {
        float vmax = Math.Max(Math.Max(r, g), b), vmin = Math.Min(Math.Min(r, g), b);
        float diff = vmax - vmin, msum = vmax + vmin;
        l = msum * 0.5f;
        s = diff / (l < 0.5f ? msum : 2f - msum);
        float hh = vmax == r ? g - b : vmax == g ? b - r : r - g;
        float part = vmax == r ? (g < b ? 360f : 0f) : vmax == g ? 120f : 240f;
        h = MathF.FusedMultiplyAdd(hh, 60f / diff, part) * hscale;
        if (!(diff > FltEpsilon)) { h = 0f; s = 0f; }
    }

    /// <summary>OpenCV's scalar HLS→RGB (<c>HLS2RGB_f</c> tail loop).</summary>
    internal static void ToRgbScalar(float h, float l, float s, float hscale, out float b, out float g, out float r)
    {
        if (s == 0) { b = g = r = l; return; }
        float p2 = l <= 0.5f ? l * (1 + s) : MathF.FusedMultiplyAdd(-l, s, l + s);
        float p1 = 2 * l - p2;
        h *= hscale;
        while (h < 0) h += 6;
        while (h >= 6) h -= 6;
        int sector = (int)MathF.Floor(h);
        h -= sector;
        float t0 = p2, t1 = p1, t2 = MathF.FusedMultiplyAdd(p2 - p1, 1 - h, p1), t3 = MathF.FusedMultiplyAdd(p2 - p1, h, p1);
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

    /// <summary>OpenCV's vector HLS→RGB (<c>HLS2RGB_f::process</c>).</summary>
    internal static void ToRgbVector(float h, float l, float s, float hscale, out float b, out float g, out float r)
    {
        float ls = l * s;
        float e0 = l <= 0.5f ? ls : s - ls;
        float raw = h * hscale;
        float pre = MathF.Truncate(raw);
        float hs = raw - pre;
        float sector = pre - 6f * MathF.Truncate(raw * (1f / 6f));
        float e1 = hs + hs;
        float t0 = l + e0, t1 = l - e0, t2 = MathF.FusedMultiplyAdd(-e0, e1, l + e0), t3 = MathF.FusedMultiplyAdd(e0, e1, l - e0);
        b = sector < 2 ? t1 : sector <= 2 ? t3 : sector <= 4 ? t0 : t2;
        g = sector < 1 ? t3 : sector <= 2 ? t0 : sector < 4 ? t2 : t1;
        r = sector < 1 ? t0 : sector < 2 ? t2 : sector < 4 ? t1 : sector <= 4 ? t3 : t0;
    }
}
