using static SegmentSharp.Color.ColorConstants;

namespace SegmentSharp.Color;

/// <summary>
/// CIE L*a*b* (D65) in single precision as OpenCV 4 computes it (<c>RGB2Lab_f</c>, <c>Lab2RGBfloat</c>): sRGB input
/// is interpolated trilinearly on a 33³ grid of L*a*b* values in 14-bit fixed point (OpenCV's
/// <c>enableRGB2LabInterpolation</c>, on in every build); linear input takes the formula with f(t) from the cubic
/// spline (vector blocks) or the rational cube root (scalar tail). The inverse is OpenCV's float formula with the
/// spline sRGB encoding.
/// </summary>
internal static class LabFloat
{
    private const int LutDim = 33, LabBase = 1 << 14, Block = 8;
    private static readonly short[] Grid = BuildGrid();

    /// <summary>RGB→XYZ rows divided by the white point, in float, columns in source order.</summary>
    internal static float[] ForwardMatrix(int blueIdx)
    {
        var c = new float[9];
        double[] scale = [1.0 / D65[0], 1.0, 1.0 / D65[2]];
        for (int i = 0; i < 3; i++)
        {
            c[i * 3 + (blueIdx ^ 2)] = (float)(scale[i] * Rgb2Xyz[i * 3]);
            c[i * 3 + 1] = (float)(scale[i] * Rgb2Xyz[i * 3 + 1]);
            c[i * 3 + blueIdx] = (float)(scale[i] * Rgb2Xyz[i * 3 + 2]);
        }
        return c;
    }

    /// <summary>XYZ→RGB with each column times the white point, in float, rows in destination order.</summary>
    internal static float[] InverseMatrix(int blueIdx)
    {
        var c = new float[9];
        for (int row = 0; row < 3; row++)
        {
            int pos = row == 0 ? blueIdx ^ 2 : row == 1 ? 1 : blueIdx;
            for (int col = 0; col < 3; col++) c[pos * 3 + col] = (float)(Xyz2Rgb[row * 3 + col] * D65[col]);
        }
        return c;
    }

    private static short[] BuildGrid()
    {
        var s = ForwardMatrix(0); // blue first, as the grid's first axis
        var g = new short[LutDim * LutDim * LutDim * 3];
        var lin = new float[LutDim];
        for (int i = 0; i < LutDim; i++) lin[i] = ApplyGamma(i / 32f);
        float f9033 = 24389f / 27f;
        for (int p = 0; p < LutDim; p++)
            for (int q = 0; q < LutDim; q++)
                for (int r = 0; r < LutDim; r++)
                {
                    float b = lin[p], gr = lin[q], rd = lin[r];
                    float x = b * s[0] + gr * s[1] + rd * s[2];
                    float y = b * s[3] + gr * s[4] + rd * s[5];
                    float z = b * s[6] + gr * s[7] + rd * s[8];
                    float fx = x > LThresh ? Cbrt(x) : MathF.FusedMultiplyAdd(x, LScale, LBias);
                    float fy = y > LThresh ? Cbrt(y) : MathF.FusedMultiplyAdd(y, LScale, LBias);
                    float fz = z > LThresh ? Cbrt(z) : MathF.FusedMultiplyAdd(z, LScale, LBias);
                    float l = y > LThresh ? 116f * fy - 16f : f9033 * y;
                    float a = 500f * (fx - fy), bb = 200f * (fy - fz);
                    int idx = (p + q * LutDim + r * LutDim * LutDim) * 3;
                    g[idx] = (short)Round(LabBase * l / 100f);
                    g[idx + 1] = (short)Round(LabBase * (a + 128f) / 256f);
                    g[idx + 2] = (short)Round(LabBase * (bb + 128f) / 256f);
                }
        return g;
    }

    internal static void Forward(ReadOnlySpan<float> src, Span<float> dst, int n, int scn, int blueIdx, float[] c, bool srgb)
    {
        if (srgb) { ForwardInterpolated(src, dst, n, scn, blueIdx); return; }
        float c0 = c[0], c1 = c[1], c2 = c[2], c3 = c[3], c4 = c[4], c5 = c[5], c6 = c[6], c7 = c[7], c8 = c[8];
        int vecEnd = n / Block * Block;
        const float bias = 16f / 116f;
        for (int i = 0, s = 0, o = 0; i < n; i++, s += scn, o += 3)
        {
            float r = Math.Clamp(src[s], 0f, 1f), g = Math.Clamp(src[s + 1], 0f, 1f), b = Math.Clamp(src[s + 2], 0f, 1f);
            float fx, fy, fz, y;
            if (i < vecEnd)
            {
                float x = r * c0 + (g * c1 + b * c2);
                y = r * c3 + (g * c4 + b * c5);
                float z = r * c6 + (g * c7 + b * c8);
                fx = SplineTables.Eval(x * SplineTables.CbrtScale, SplineTables.Cbrt);
                fy = SplineTables.Eval(y * SplineTables.CbrtScale, SplineTables.Cbrt);
                fz = SplineTables.Eval(z * SplineTables.CbrtScale, SplineTables.Cbrt);
            }
            else
            {
                float x = r * c0 + g * c1 + b * c2;
                y = r * c3 + g * c4 + b * c5;
                float z = r * c6 + g * c7 + b * c8;
                fx = x > 0.008856f ? CubeRoot(x) : 7.787f * x + bias;
                fy = y > 0.008856f ? CubeRoot(y) : 7.787f * y + bias;
                fz = z > 0.008856f ? CubeRoot(z) : 7.787f * z + bias;
            }
            dst[o] = y > 0.008856f ? 116f * fy - 16f : 903.3f * y;
            dst[o + 1] = 500f * (fx - fy);
            dst[o + 2] = 200f * (fy - fz);
        }
    }

    private static void ForwardInterpolated(ReadOnlySpan<float> src, Span<float> dst, int n, int scn, int blueIdx)
    {
        const int dq = LutDim * 3, dr = LutDim * LutDim * 3;
        var lut = Grid;
        for (int i = 0, s = 0, o = 0; i < n; i++, s += scn, o += 3)
        {
            int cx = RoundSaturate(Math.Clamp(src[s + blueIdx], 0f, 1f) * LabBase);
            int cy = RoundSaturate(Math.Clamp(src[s + 1], 0f, 1f) * LabBase);
            int cz = RoundSaturate(Math.Clamp(src[s + (blueIdx ^ 2)], 0f, 1f) * LabBase);
            int tx = cx >> 9, ty = cy >> 9, tz = cz >> 9;
            int fx = (cx >> 5) & 15, fy = (cy >> 5) & 15, fz = (cz >> 5) & 15;
            // The top corner (sample exactly 1) has no cell above it: OpenCV repeats the last vertex.
            int px = Math.Min(tx + 1, LutDim - 1) - tx, py = Math.Min(ty + 1, LutDim - 1) - ty, pz = Math.Min(tz + 1, LutDim - 1) - tz;
            int o0 = tx * 3 + ty * dq + tz * dr, sx = px * 3, sy = py * dq, sz = pz * dr;
            int w000 = (16 - fx) * (16 - fy) * (16 - fz), w001 = (16 - fx) * (16 - fy) * fz;
            int w010 = (16 - fx) * fy * (16 - fz), w011 = (16 - fx) * fy * fz;
            int w100 = fx * (16 - fy) * (16 - fz), w101 = fx * (16 - fy) * fz;
            int w110 = fx * fy * (16 - fz), w111 = fx * fy * fz;
            int v0 = 0, v1 = 0, v2 = 0;
            for (int k = 0; k < 3; k++)
            {
                int b0 = o0 + k;
                int sum = lut[b0] * w000 + lut[b0 + sz] * w001 + lut[b0 + sy] * w010 + lut[b0 + sy + sz] * w011
                    + lut[b0 + sx] * w100 + lut[b0 + sx + sz] * w101 + lut[b0 + sx + sy] * w110 + lut[b0 + sx + sy + sz] * w111;
                int val = (sum + (1 << 11)) >> 12;
                if (k == 0) v0 = val; else if (k == 1) v1 = val; else v2 = val;
            }
            dst[o] = v0 * (1f / LabBase) * 100f;
            dst[o + 1] = v1 * (1f / LabBase) * 256f - 128f;
            dst[o + 2] = v2 * (1f / LabBase) * 256f - 128f;
        }
    }

    internal static void Inverse(ReadOnlySpan<float> src, Span<float> dst, int n, int dcn, float[] c, bool srgb)
    {
        float c0 = c[0], c1 = c[1], c2 = c[2], c3 = c[3], c4 = c[4], c5 = c[5], c6 = c[6], c7 = c[7], c8 = c[8];
        int vecEnd = n / Block * Block;
        const float fThresh = 6f / 29f, b16 = 16f / 116f;
        for (int i = 0, s = 0, o = 0; i < n; i++, s += 3, o += dcn)
        {
            float li = src[s], ai = src[s + 1], bi = src[s + 2];
            bool vec = i < vecEnd;
            float y, fy;
            if (vec)
            {
                float ylo = li * (1f / 903.3f), fylo = 7.787f * ylo + b16;
                float fyhi = (li + 16f) * (1f / 116f);
                bool lo = li <= 8f;
                y = lo ? ylo : fyhi * fyhi * fyhi;
                fy = lo ? fylo : fyhi;
            }
            else if (li <= 8f) { y = li / 903.3f; fy = 7.787f * y + b16; }
            else { fy = (li + 16f) / 116f; y = fy * fy * fy; }
            float fxv = vec ? ai * (1f / 500f) + fy : ai / 500f + fy;
            float fzv = vec ? bi * (-1f / 200f) + fy : fy - bi / 200f;
            float x = fxv <= fThresh ? (vec ? (fxv - b16) * (1f / 7.787f) : (fxv - b16) / 7.787f) : fxv * fxv * fxv;
            float z = fzv <= fThresh ? (vec ? (fzv - b16) * (1f / 7.787f) : (fzv - b16) / 7.787f) : fzv * fzv * fzv;
            float r = vec ? c0 * x + (c1 * y + c2 * z) : c0 * x + c1 * y + c2 * z;
            float g = vec ? c3 * x + (c4 * y + c5 * z) : c3 * x + c4 * y + c5 * z;
            float b = vec ? c6 * x + (c7 * y + c8 * z) : c6 * x + c7 * y + c8 * z;
            SplineTables.StoreRgb(dst, o, r, g, b, srgb, dcn);
        }
    }
}
