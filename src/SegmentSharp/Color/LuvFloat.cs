using static SegmentSharp.Color.ColorConstants;

namespace SegmentSharp.Color;

/// <summary>
/// CIE L*u*v* (D65) in single precision, OpenCV 4's <c>RGB2Luvfloat</c> / <c>Luv2RGBfloat</c>: samples clamped to
/// [0, 1], sRGB decoding and encoding and f(Y) by the cubic splines of <see cref="SplineTables"/>, L* 0..100. Also
/// the 8-bit linear-RGB → L*u*v* codes, which OpenCV runs through this float path and scales back to bytes.
/// </summary>
internal static class LuvFloat
{
    // OpenCV's vector loop (8 pixels a step) groups the sums differently from its scalar tail, so each pixel is
    // computed the way its position in the row decides; without FMA hardware in OpenCV's baseline build both are
    // plain multiplies and adds.
    private const int Block = 8;

    /// <summary>sRGB→XYZ rows in float with the columns in source order.</summary>
    internal static float[] ForwardMatrix(int blueIdx)
    {
        var c = new float[9];
        for (int i = 0; i < 9; i++) c[i] = (float)Rgb2Xyz[i];
        if (blueIdx == 0)
            for (int i = 0; i < 3; i++) (c[i * 3], c[i * 3 + 2]) = (c[i * 3 + 2], c[i * 3]);
        return c;
    }

    /// <summary>XYZ→RGB rows in float in destination order.</summary>
    internal static float[] InverseMatrix(int blueIdx)
    {
        var c = new float[9];
        for (int row = 0; row < 3; row++)
        {
            int pos = row == 0 ? blueIdx ^ 2 : row == 1 ? 1 : blueIdx;
            for (int col = 0; col < 3; col++) c[pos * 3 + col] = (float)Xyz2Rgb[row * 3 + col];
        }
        return c;
    }

    internal static void Forward(ReadOnlySpan<float> src, Span<float> dst, int n, int scn, float[] c, bool srgb)
    {
        var (un, vn) = LuvConversion.White;
        float c0 = c[0], c1 = c[1], c2 = c[2], c3 = c[3], c4 = c[4], c5 = c[5], c6 = c[6], c7 = c[7], c8 = c[8];
        int vecEnd = n / Block * Block;
        for (int i = 0, s = 0, o = 0; i < n; i++, s += scn, o += 3)
        {
            float r = Math.Clamp(src[s], 0f, 1f), g = Math.Clamp(src[s + 1], 0f, 1f), b = Math.Clamp(src[s + 2], 0f, 1f);
            if (srgb)
            {
                r = SplineTables.Eval(r * SplineTables.GammaScale, SplineTables.Gamma);
                g = SplineTables.Eval(g * SplineTables.GammaScale, SplineTables.Gamma);
                b = SplineTables.Eval(b * SplineTables.GammaScale, SplineTables.Gamma);
            }
            bool vec = i < vecEnd;
            float x = vec ? r * c0 + (g * c1 + b * c2) : r * c0 + g * c1 + b * c2;
            float y = vec ? r * c3 + (g * c4 + b * c5) : r * c3 + g * c4 + b * c5;
            float z = vec ? r * c6 + (g * c7 + b * c8) : r * c6 + g * c7 + b * c8;
            float l = SplineTables.Eval(y * SplineTables.CbrtScale, SplineTables.Cbrt);
            l = 116f * l - 16f;
            float d = vec ? y * 15f + (z * 3f + x) : x + 15f * y + 3f * z;
            d = 52f / Math.Max(d, LuvConversion.FltEpsilon);
            dst[o] = l;
            dst[o + 1] = l * (x * d - un);
            dst[o + 2] = l * (2.25f * y * d - vn);
        }
    }

    internal static void Inverse(ReadOnlySpan<float> src, Span<float> dst, int n, int dcn, float[] c, bool srgb)
    {
        var (un, vn) = LuvConversion.White;
        float c0 = c[0], c1 = c[1], c2 = c[2], c3 = c[3], c4 = c[4], c5 = c[5], c6 = c[6], c7 = c[7], c8 = c[8];
        int vecEnd = n / Block * Block;
        for (int i = 0, s = 0, o = 0; i < n; i++, s += 3, o += dcn)
        {
            float l = src[s], u = src[s + 1], v = src[s + 2];
            bool vec = i < vecEnd;
            float y;
            if (l >= 8) { y = (l + 16f) * (1f / 116f); y = y * y * y; }
            else y = l * (vec ? 1f / 903.296296f : 1f / 903.3f);
            float up = 3f * (u + l * un);
            float vp = Math.Clamp(0.25f / (v + l * vn), -0.25f, 0.25f);
            float r, g, b;
            if (vec)
            {
                float x = 3f * up * vp;
                float z = (l * 156f - up) * vp - 5f;
                r = (z * c2 + (x * c0 + c1)) * y;
                g = (z * c5 + (x * c3 + c4)) * y;
                b = (z * c8 + (x * c6 + c7)) * y;
            }
            else
            {
                float x = y * 3f * up * vp;
                float z = y * ((156f * l - up) * vp - 5f);
                r = x * c0 + y * c1 + z * c2;
                g = x * c3 + y * c4 + z * c5;
                b = x * c6 + y * c7 + z * c8;
            }
            SplineTables.StoreRgb(dst, o, r, g, b, srgb, dcn);
        }
    }

    /// <summary>8-bit linear RGB → L*u*v* as OpenCV's <c>RGB2Luv_b</c> does it: through floats in chunks of 256 pixels.</summary>
    internal static void LinearRow8(ReadOnlySpan<byte> src, Span<byte> dst, int width, int scn, float[] c)
    {
        const int chunk = 256;
        Span<float> buf = stackalloc float[chunk * 3];
        const float inv255 = 1f / 255f, fl = 255f / 100f, fu = 255f / 354f, su = 134f * 255f / 354f, fv = 255f / 262f, sv = 140f * 255f / 262f;
        for (int i = 0; i < width; i += chunk)
        {
            int dn = Math.Min(width - i, chunk);
            for (int j = 0; j < dn; j++)
            {
                int s = (i + j) * scn;
                buf[j * 3] = src[s] * inv255; buf[j * 3 + 1] = src[s + 1] * inv255; buf[j * 3 + 2] = src[s + 2] * inv255;
            }
            Forward(buf, buf, dn, 3, c, srgb: false);
            for (int j = 0, o = i * 3; j < dn * 3; j += 3, o += 3)
            {
                dst[o] = SatRound(buf[j] * fl);
                dst[o + 1] = SatRound(buf[j + 1] * fu + su);
                dst[o + 2] = SatRound(buf[j + 2] * fv + sv);
            }
        }
    }

    private static byte SatRound(float v) => (byte)Math.Clamp(RoundSaturate(v), 0, 255);
}
