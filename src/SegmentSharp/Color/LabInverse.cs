using System.Runtime.CompilerServices;
using static SegmentSharp.Color.ColorConstants;

namespace SegmentSharp.Color;

/// <summary>
/// CIE L*a*b* (D65) → sRGB on 8-bit data, the integer arithmetic of OpenCV 4's <c>Lab2RGBinteger</c>: L indexes a table
/// of Y and f(Y) in 14-bit fixed point, a and b are divided by 500 and 200 with multiply-shift approximations, f⁻¹ is a
/// table over the fixed-point f values, and the 4096-entry inverse gamma table gives the 8-bit sample.
/// </summary>
internal static class LabInverse
{
    private const int BaseShift = 14, Base = 1 << BaseShift, InvGammaShift = 12, InvGammaSize = 1 << InvGammaShift;
    private const int Shift = LabConversion.LabShift + (BaseShift - InvGammaShift);
    private const int MinAb = -8145;

    /// <summary>Y and f(Y) for each 8-bit L, interleaved (<c>LabToYF_b</c>).</summary>
    internal static readonly int[] YF = BuildYF();

    /// <summary>f⁻¹ over fixed-point f values from <see cref="MinAb"/> (<c>abToXZ_b</c>).</summary>
    private static readonly int[] AbToXZ = BuildAbToXZ();

    /// <summary>sRGB encoding of i / 4096, times 255 and rounded (<c>sRGBInvGammaTab_b</c>).</summary>
    internal static readonly ushort[] InvGamma = BuildInvGamma();

    private static readonly int[]?[] Matrices = new int[2][];

    private static int[] BuildYF()
    {
        var t = new int[512];
        for (int i = 0; i < 256; i++)
        {
            int y, ify;
            if (i <= 20)
            {
                // The linear toe: y = L / 903.3 and f = 7.787 y + 16/116, with 903.3 = (29/3)^3 written as integers.
                y = Round((float)(i * Base * 20 * 9) / (float)(17 * 29 * 29 * 29));
                ify = Round((float)Base * (16f / 116f + (float)(i * 5) / (float)(3 * 17 * 29)));
            }
            else
            {
                float fy = (float)(i * 100 * Base) / (float)(255 * 116) + (float)(16 * Base) / 116f;
                ify = Round(fy);
                y = Round(fy * fy * fy / (float)(Base * Base));
            }
            t[2 * i] = y;
            t[2 * i + 1] = ify;
        }
        return t;
    }

    private static int[] BuildAbToXZ()
    {
        var t = new int[Base * 9 / 4];
        for (int i = MinAb; i < Base * 9 / 4 + MinAb; i++)
        {
            // Below 6/29 (3390 in fixed point) f is linear; above it is cubed. C's truncating division throughout.
            int v = i <= 3390
                ? i * 108 / 841 - Base * 16 / 116 * 108 / 841
                : i * i / Base * i / Base;
            t[i - MinAb] = v;
        }
        return t;
    }

    private static ushort[] BuildInvGamma()
    {
        var t = new ushort[InvGammaSize];
        float step = 1f / InvGammaSize;
        for (int i = 0; i < t.Length; i++) t[i] = (ushort)Round(255f * ApplyInvGamma(step * i));
        return t;
    }

    /// <summary>XYZ→RGB rows R, G, B, each column pre-multiplied by the white point, in 12-bit fixed point.</summary>
    private static int[] Matrix()
    {
        var c = new int[9];
        const double lshift = 1 << LabConversion.LabShift;
        for (int row = 0; row < 3; row++)
            for (int col = 0; col < 3; col++)
                c[row * 3 + col] = Round(lshift * Xyz2Rgb[row * 3 + col] * D65[col]);
        return c;
    }

    // Full optimisation from the first call: a one-off conversion would otherwise run its whole image at tier 0.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static unsafe void Row8(ReadOnlySpan<byte> src, Span<byte> dst, int width, int dcn, int blueIdx, bool srgb)
    {
        if (src.Length < width * 3 || dst.Length < width * dcn) throw new ArgumentException("Row too short.");
        var m = Matrices[0] ??= Matrix();
        int c0 = m[0], c1 = m[1], c2 = m[2], c3 = m[3], c4 = m[4], c5 = m[5], c6 = m[6], c7 = m[7], c8 = m[8];
        int maxIdx = AbToXZ.Length - 1;
        const int half = 1 << (Shift - 1);
        int bi = blueIdx, ri = blueIdx ^ 2;
        fixed (int* yf = YF)
        fixed (int* xz = AbToXZ)
        fixed (ushort* inv = InvGamma)
        fixed (byte* ps = src)
        fixed (byte* pd = dst)
        {
            byte* s = ps, d = pd;
            for (int x = 0; x < width; x++, s += 3, d += dcn)
            {
                int l = s[0], a = s[1], b = s[2];
                int y = yf[2 * l], ify = yf[2 * l + 1];
                int adiv = ((5 * a * 53687 + (1 << 7)) >> 13) - 128 * Base / 500;
                int bdiv = ((b * 41943 + (1 << 4)) >> 9) - 128 * Base / 200 + 1;
                // OpenCV reads one entry before its table for L = 0 with b = 255; the first entry stands in for it.
                int fx = xz[Math.Clamp(ify + adiv - MinAb, 0, maxIdx)];
                int fz = xz[Math.Clamp(ify - bdiv - MinAb, 0, maxIdx)];
                int r = Math.Clamp((c0 * fx + c1 * y + c2 * fz + half) >> Shift, 0, InvGammaSize - 1);
                int g = Math.Clamp((c3 * fx + c4 * y + c5 * fz + half) >> Shift, 0, InvGammaSize - 1);
                int bl = Math.Clamp((c6 * fx + c7 * y + c8 * fz + half) >> Shift, 0, InvGammaSize - 1);
                if (srgb) { r = inv[r]; g = inv[g]; bl = inv[bl]; }
                else { r = ((r << 8) - r) >> InvGammaShift; g = ((g << 8) - g) >> InvGammaShift; bl = ((bl << 8) - bl) >> InvGammaShift; }
                d[bi] = (byte)Math.Min(bl, 255);
                d[1] = (byte)Math.Min(g, 255);
                d[ri] = (byte)Math.Min(r, 255);
                if (dcn == 4) d[3] = 255;
            }
        }
    }
}
