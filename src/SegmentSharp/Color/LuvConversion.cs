using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using static SegmentSharp.Color.ColorConstants;

namespace SegmentSharp.Color;

/// <summary>
/// sRGB → CIE L*u*v* (D65) on 8-bit data, OpenCV 4's <c>RGB2Luvinterpolate</c>: L*u*v* is computed in single precision on
/// a 33³ grid over the companded cube (14-bit fixed point, u* scaled from [-134, 220] and v* from [-140, 122]) and each
/// pixel is interpolated trilinearly from its cell with 4-bit weights. The linear-RGB codes go through the float formula
/// instead, as OpenCV does, because the grid is too coarse without the gamma curve.
/// </summary>
internal static class LuvConversion
{
    private const int LutDim = 33, LabBase = 1 << 14;
    internal const float FltEpsilon = 1.1920929e-7f;

    /// <summary>uLow, uRange, vLow, vRange of OpenCV's 8-bit L*u*v* encoding.</summary>
    internal const float ULow = -134f, URange = 354f, VLow = -140f, VRange = 262f;

    /// <summary>(u'n, v'n) of the D65 white times 13, as OpenCV rounds them: the denominator in double, the rest in float.</summary>
    internal static readonly (float Un, float Vn) White = BuildWhite();

    /// <summary>L, u, v at each grid vertex, index (blue + 33·green + 33²·red)·3.</summary>
    private static readonly short[] Grid = BuildGrid();

    /// <summary>
    /// The grid regrouped per 8-bit cell as OpenCV packs it: for each of the 32³ cells the eight corners' L, then u,
    /// then v (corner index 4·dBlue + 2·dGreen + dRed), so one pixel reads 48 contiguous bytes.
    /// </summary>
    private static readonly short[] Cells = BuildCells();

    /// <summary>The eight corner weights for each (blue, green, red) fraction in eighths.</summary>
    private static readonly short[] Weights = BuildWeights();

    private static short[] BuildCells()
    {
        const int dq = LutDim * 3, dr = LutDim * LutDim * 3;
        var c = new short[32 * 32 * 32 * 24];
        for (int tz = 0; tz < 32; tz++)
            for (int ty = 0; ty < 32; ty++)
                for (int tx = 0; tx < 32; tx++)
                {
                    int cell = ((tz * 32 + ty) * 32 + tx) * 24, o = tx * 3 + ty * dq + tz * dr;
                    for (int k = 0; k < 8; k++)
                    {
                        int v = o + ((k >> 2) & 1) * 3 + ((k >> 1) & 1) * dq + (k & 1) * dr;
                        for (int ch = 0; ch < 3; ch++) c[cell + ch * 8 + k] = Grid[v + ch];
                    }
                }
        return c;
    }

    private static short[] BuildWeights()
    {
        var w = new short[512 * 8];
        for (int i = 0; i < 512; i++)
        {
            int fx = (i & 7) << 1, fy = ((i >> 3) & 7) << 1, fz = ((i >> 6) & 7) << 1;
            for (int k = 0; k < 8; k++)
                w[i * 8 + k] = (short)(((k & 4) != 0 ? fx : 16 - fx) * ((k & 2) != 0 ? fy : 16 - fy) * ((k & 1) != 0 ? fz : 16 - fz));
        }
        return w;
    }

    /// <summary>
    /// <see cref="ForwardRow8"/> with the eight-corner products summed by SSE2 multiply-add (OpenCV's own vector
    /// route): exact integer sums, so it agrees with the scalar code bit for bit.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static unsafe void ForwardRow8Sse(ReadOnlySpan<byte> src, Span<byte> dst, int width, int scn, int blueIdx)
    {
        if (src.Length < width * scn || dst.Length < width * 3) throw new ArgumentException("Row too short.");
        var round = Vector128.Create(1 << 11);
        fixed (short* cells = Cells)
        fixed (short* weights = Weights)
        fixed (byte* ps = src)
        fixed (byte* pd = dst)
        {
            byte* s = ps, d = pd;
            for (int x = 0; x < width; x++, s += scn, d += 3)
            {
                int cb = s[blueIdx], cg = s[1], cr = s[blueIdx ^ 2];
                short* cell = cells + ((((cr >> 3) * 32 + (cg >> 3)) * 32 + (cb >> 3)) * 24);
                var w = Sse2.LoadVector128(weights + (((cr & 7) << 6) | ((cg & 7) << 3) | (cb & 7)) * 8);
                var l = Sse2.MultiplyAddAdjacent(Sse2.LoadVector128(cell), w);
                var u = Sse2.MultiplyAddAdjacent(Sse2.LoadVector128(cell + 8), w);
                var v = Sse2.MultiplyAddAdjacent(Sse2.LoadVector128(cell + 16), w);
                var sums = Ssse3.HorizontalAdd(Ssse3.HorizontalAdd(l, u), Ssse3.HorizontalAdd(v, v));
                sums = Sse2.ShiftRightArithmetic(Sse2.Add(sums, round), 18);
                d[0] = LabConversion.Sat(sums.GetElement(0));
                d[1] = LabConversion.Sat(sums.GetElement(1));
                d[2] = LabConversion.Sat(sums.GetElement(2));
            }
        }
    }

    private static (float, float) BuildWhite()
    {
        float d = (float)(D65[0] + D65[1] * 15.0 + D65[2] * 3.0);
        d = 1f / Math.Max(d, FltEpsilon);
        return (d * 52f * (float)D65[0], d * 117f * (float)D65[1]);
    }

    private static short[] BuildGrid()
    {
        var (un, vn) = White;
        // Columns in blue, green, red order: the grid's first axis is the blue sample.
        float c0 = (float)Rgb2Xyz[2], c1 = (float)Rgb2Xyz[1], c2 = (float)Rgb2Xyz[0];
        float c3 = (float)Rgb2Xyz[5], c4 = (float)Rgb2Xyz[4], c5 = (float)Rgb2Xyz[3];
        float c6 = (float)Rgb2Xyz[8], c7 = (float)Rgb2Xyz[7], c8 = (float)Rgb2Xyz[6];
        var g = new short[LutDim * LutDim * LutDim * 3];
        var lin = new float[LutDim];
        for (int i = 0; i < LutDim; i++) lin[i] = ApplyGamma(i / 32f);
        for (int p = 0; p < LutDim; p++)
            for (int q = 0; q < LutDim; q++)
                for (int r = 0; r < LutDim; r++)
                {
                    float b = lin[p], gr = lin[q], rd = lin[r];
                    float x = b * c0 + gr * c1 + rd * c2;
                    float y = b * c3 + gr * c4 + rd * c5;
                    float z = b * c6 + gr * c7 + rd * c8;
                    float l = y < LThresh ? MathF.FusedMultiplyAdd(y, LScale, LBias) : Cbrt(y);
                    l = l * 116f - 16f;
                    float d = 52f / Math.Max(x + 15f * y + 3f * z, FltEpsilon);
                    float u = l * (x * d - un);
                    float v = l * (2.25f * y * d - vn);
                    int idx = (p + q * LutDim + r * LutDim * LutDim) * 3;
                    g[idx] = (short)Round(LabBase * l / 100f);
                    g[idx + 1] = (short)Round(LabBase * (u - ULow) / URange);
                    g[idx + 2] = (short)Round(LabBase * (v - VLow) / VRange);
                }
        return g;
    }

    /// <summary>Converts one row of sRGB (blue at <paramref name="blueIdx"/>) to 8-bit L*u*v*.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static unsafe void ForwardRow8(ReadOnlySpan<byte> src, Span<byte> dst, int width, int scn, int blueIdx)
    {
        if (src.Length < width * scn || dst.Length < width * 3) throw new ArgumentException("Row too short.");
        const int dq = LutDim * 3, dr = LutDim * LutDim * 3;
        fixed (short* lut = Grid)
        fixed (byte* ps = src)
        fixed (byte* pd = dst)
        {
            byte* s = ps, d = pd;
            for (int x = 0; x < width; x++, s += scn, d += 3)
            {
                int cb = s[blueIdx], cg = s[1], cr = s[blueIdx ^ 2];
                // The sample's top five bits pick the cell, the next three (doubled) are the 4-bit weight.
                int fx = (cb & 7) << 1, fy = (cg & 7) << 1, fz = (cr & 7) << 1;
                short* o = lut + (cb >> 3) * 3 + (cg >> 3) * dq + (cr >> 3) * dr;
                int w000 = (16 - fx) * (16 - fy) * (16 - fz), w001 = (16 - fx) * (16 - fy) * fz;
                int w010 = (16 - fx) * fy * (16 - fz), w011 = (16 - fx) * fy * fz;
                int w100 = fx * (16 - fy) * (16 - fz), w101 = fx * (16 - fy) * fz;
                int w110 = fx * fy * (16 - fz), w111 = fx * fy * fz;
                d[0] = Corner(o, w000, w001, w010, w011, w100, w101, w110, w111);
                d[1] = Corner(o + 1, w000, w001, w010, w011, w100, w101, w110, w111);
                d[2] = Corner(o + 2, w000, w001, w010, w011, w100, w101, w110, w111);
            }
        }
    }

    /// <summary>One channel of the eight cell corners, weighted, descaled by 2^12 and by 64 to the 8-bit range.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe byte Corner(short* c, int w000, int w001, int w010, int w011, int w100, int w101, int w110, int w111)
    {
        const int dq = LutDim * 3, dr = LutDim * LutDim * 3;
        int sum = c[0] * w000 + c[dr] * w001 + c[dq] * w010 + c[dq + dr] * w011
            + c[3] * w100 + c[3 + dr] * w101 + c[3 + dq] * w110 + c[3 + dq + dr] * w111;
        // OpenCV divides by 64 towards zero; a negative sum saturates to 0 either way, so a shift does the same.
        return LabConversion.Sat(((sum + (1 << 11)) >> 12) >> 6);
    }
}
