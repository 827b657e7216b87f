namespace SegmentSharp.Color;

/// <summary>
/// The 32-bit float conversions with OpenCV's float formulas and ranges: samples 0..1, hue in degrees 0..360 (the
/// <c>_FULL</c> codes are the same as the plain ones on floats), S, V and L of HSV/HLS in 0..1, Y'CrCb chroma
/// centred on 0.5.
/// </summary>
internal static class FloatConversion
{
    private const float FltEpsilon = 1.1920929e-7f;

    internal static void GrayForward(ReadOnlySpan<float> src, Span<float> dst, int width, int scn, int blueIdx)
    {
        float cb = blueIdx == 0 ? 0.114f : 0.299f, cr = blueIdx == 0 ? 0.299f : 0.114f;
        for (int x = 0, i = 0; x < width; x++, i += scn)
            dst[x] = src[i] * cb + src[i + 1] * 0.587f + src[i + 2] * cr;
    }

    internal static void GrayInverse(ReadOnlySpan<float> src, Span<float> dst, int width, int dcn)
    {
        for (int x = 0, o = 0; x < width; x++, o += dcn)
        {
            dst[o] = dst[o + 1] = dst[o + 2] = src[x];
            if (dcn == 4) dst[o + 3] = 1f;
        }
    }

    /// <summary>A 3×3 matrix in float, columns in source order (forward) or rows in destination order (inverse).</summary>
    internal static float[] XyzMatrix(int blueIdx, bool forward)
    {
        var c = new float[9];
        var m = forward ? ColorConstants.Rgb2Xyz : ColorConstants.Xyz2Rgb;
        for (int i = 0; i < 9; i++) c[i] = (float)m[i];
        if (blueIdx == 0)
        {
            if (forward) { (c[0], c[2]) = (c[2], c[0]); (c[3], c[5]) = (c[5], c[3]); (c[6], c[8]) = (c[8], c[6]); }
            else { (c[0], c[6]) = (c[6], c[0]); (c[1], c[7]) = (c[7], c[1]); (c[2], c[8]) = (c[8], c[2]); }
        }
        return c;
    }

    internal static void Matrix(ReadOnlySpan<float> src, Span<float> dst, int width, int scn, int dcn, float[] c)
    {
        for (int x = 0, i = 0, o = 0; x < width; x++, i += scn, o += dcn)
        {
            float a = src[i], b = src[i + 1], d = src[i + 2];
            dst[o] = a * c[0] + b * c[1] + d * c[2];
            dst[o + 1] = a * c[3] + b * c[4] + d * c[5];
            dst[o + 2] = a * c[6] + b * c[7] + d * c[8];
            if (dcn == 4) dst[o + 3] = 1f;
        }
    }

    internal static void YCrCbForward(ReadOnlySpan<float> src, Span<float> dst, int width, int scn, int blueIdx)
    {
        float c0 = blueIdx == 0 ? 0.114f : 0.299f, c2 = blueIdx == 0 ? 0.299f : 0.114f;
        for (int x = 0, i = 0, o = 0; x < width; x++, i += scn, o += 3)
        {
            float y = src[i] * c0 + src[i + 1] * 0.587f + src[i + 2] * c2;
            dst[o] = y;
            dst[o + 1] = (src[i + (blueIdx ^ 2)] - y) * 0.713f + 0.5f;
            dst[o + 2] = (src[i + blueIdx] - y) * 0.564f + 0.5f;
        }
    }

    internal static void YCrCbInverse(ReadOnlySpan<float> src, Span<float> dst, int width, int dcn, int blueIdx)
    {
        for (int x = 0, i = 0, o = 0; x < width; x++, i += 3, o += dcn)
        {
            float y = src[i], cr = src[i + 1] - 0.5f, cb = src[i + 2] - 0.5f;
            dst[o + blueIdx] = y + cb * 1.773f;
            dst[o + 1] = y + cb * -0.344f + cr * -0.714f;
            dst[o + (blueIdx ^ 2)] = y + cr * 1.403f;
            if (dcn == 4) dst[o + 3] = 1f;
        }
    }

    internal static void HsvForward(ReadOnlySpan<float> src, Span<float> dst, int width, int scn, int blueIdx)
    {
        for (int x = 0, i = 0, o = 0; x < width; x++, i += scn, o += 3)
        {
            float b = src[i + blueIdx], g = src[i + 1], r = src[i + (blueIdx ^ 2)];
            float v = Math.Max(r, Math.Max(g, b)), vmin = Math.Min(r, Math.Min(g, b));
            float diff = v - vmin;
            float s = diff / (MathF.Abs(v) + FltEpsilon);
            diff = 60f / (diff + FltEpsilon);
            float h = v == r ? (g - b) * diff : v == g ? (b - r) * diff + 120f : (r - g) * diff + 240f;
            if (h < 0) h += 360f;
            dst[o] = h; dst[o + 1] = s; dst[o + 2] = v;
        }
    }

    internal static void HsvInverse(ReadOnlySpan<float> src, Span<float> dst, int width, int dcn, int blueIdx)
    {
        const float hscale = 6f / 360f;
        for (int x = 0, i = 0, o = 0; x < width; x++, i += 3, o += dcn)
        {
            HsvConversion.ToRgbScalar(src[i], src[i + 1], src[i + 2], hscale, out float b, out float g, out float r);
            dst[o + blueIdx] = b; dst[o + 1] = g; dst[o + (blueIdx ^ 2)] = r;
            if (dcn == 4) dst[o + 3] = 1f;
        }
    }

    internal static void HlsForward(ReadOnlySpan<float> src, Span<float> dst, int width, int scn, int blueIdx)
    {
        for (int x = 0, i = 0, o = 0; x < width; x++, i += scn, o += 3)
        {
            HlsConversion.FromRgbScalar(src[i + (blueIdx ^ 2)], src[i + 1], src[i + blueIdx], 1f, out float h, out float l, out float s);
            dst[o] = h; dst[o + 1] = l; dst[o + 2] = s;
        }
    }

    internal static void HlsInverse(ReadOnlySpan<float> src, Span<float> dst, int width, int dcn, int blueIdx)
    {
        const float hscale = 6f / 360f;
        for (int x = 0, i = 0, o = 0; x < width; x++, i += 3, o += dcn)
        {
            HlsConversion.ToRgbScalar(src[i], src[i + 1], src[i + 2], hscale, out float b, out float g, out float r);
            dst[o + blueIdx] = b; dst[o + 1] = g; dst[o + (blueIdx ^ 2)] = r;
            if (dcn == 4) dst[o + 3] = 1f;
        }
    }
}
