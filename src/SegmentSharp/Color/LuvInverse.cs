using System.Runtime.CompilerServices;
using static SegmentSharp.Color.ColorConstants;

namespace SegmentSharp.Color;

/// <summary>
/// CIE L*u*v* (D65) → sRGB or linear RGB on 8-bit data, the integer arithmetic of OpenCV 4's <c>Luv2RGBinteger</c>:
/// Y from the L table shared with Lab, u' = 9(u + L·u'n) and 1/(4(v + L·v'n)) from 256×256 tables over (L, u) and
/// (L, v), X and Z from products in 64-bit fixed point, then the 12-bit XYZ→RGB matrix and the inverse gamma table.
/// </summary>
internal static class LuvInverse
{
    private const int BaseShift = 14, Base = 1 << BaseShift, InvGammaSize = 1 << 12;
    private const int Shift = LabConversion.LabShift + BaseShift - 12;

    private static readonly int[] UpTab, VpTab;
    private static readonly long[] VplTab;
    private static readonly int[] M = BuildMatrix();

    static LuvInverse()
    {
        var (un, vn) = LuvConversion.White;
        UpTab = new int[256 * 256];
        VpTab = new int[256 * 256];
        VplTab = new long[256 * 256];
        for (int ll = 0; ll < 256; ll++)
        {
            float l = (ll * 100) / 255f;
            for (int uu = 0; uu < 256; uu++)
            {
                float u = uu * LuvConversion.URange / 255f + LuvConversion.ULow;
                float up = 9f * (u + l * un);
                UpTab[ll * 256 + uu] = Round(up * (Base / 1024));
            }
            for (int vv = 0; vv < 256; vv++)
            {
                float v = vv * LuvConversion.VRange / 255f + LuvConversion.VLow;
                float vp = 0.25f / (v + l * vn);
                vp = Math.Clamp(vp, -0.25f, 0.25f);
                int ivp = Round(vp * (float)(Base * 1024));
                VpTab[ll * 256 + vv] = ivp;
                VplTab[ll * 256 + vv] = 12L * 13 * 100 * (Base / 1024) * (ivp * ll);
            }
        }
    }

    /// <summary>XYZ→RGB rows R, G, B in 12-bit fixed point (no white-point factor, unlike Lab).</summary>
    private static int[] BuildMatrix()
    {
        var c = new int[9];
        for (int i = 0; i < 9; i++) c[i] = Round((1 << LabConversion.LabShift) * Xyz2Rgb[i]);
        return c;
    }

    // OpenCV's vector loop divides by shifting (rounding down) where its scalar tail divides (rounding towards zero);
    // the two differ only for negative intermediates, which the clamps below turn into the same result except where
    // a 32-bit product wraps, so both are kept: full 16-pixel blocks take the shifts and the rest of the row the divisions.
    // Y·X is formed in 64 bits: OpenCvSharp's build saturates bright-blue corners (all 2^24 triples checked) where a
    // 32-bit product would wrap to black.
    private const int VectorLanes = 16;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static unsafe void Row8(ReadOnlySpan<byte> src, Span<byte> dst, int width, int dcn, int blueIdx, bool srgb)
    {
        if (src.Length < width * 3 || dst.Length < width * dcn) throw new ArgumentException("Row too short.");
        int vecEnd = width / VectorLanes * VectorLanes;
        int c0 = M[0], c1 = M[1], c2 = M[2], c3 = M[3], c4 = M[4], c5 = M[5], c6 = M[6], c7 = M[7], c8 = M[8];
        const int half = 1 << (Shift - 1);
        int bi = blueIdx, ri = blueIdx ^ 2;
        fixed (int* yf = LabInverse.YF)
        fixed (int* upT = UpTab)
        fixed (int* vpT = VpTab)
        fixed (long* vplT = VplTab)
        fixed (ushort* inv = LabInverse.InvGamma)
        fixed (byte* ps = src)
        fixed (byte* pd = dst)
        {
            byte* s = ps, d = pd;
            for (int i = 0; i < width; i++, s += 3, d += dcn)
            {
                int ll = s[0];
                int y = yf[2 * ll];
                int up = upT[ll * 256 + s[1]];
                int vp = vpT[ll * 256 + s[2]];
                long xv = (long)up * vp;
                long vpl = vplT[ll * 256 + s[2]];
                long zp = vpl - xv * (255 / 3);
                int x, z;
                if (i < vecEnd)
                {
                    x = (int)Math.Min(y * (xv >> BaseShift) >> BaseShift, int.MaxValue);
                    zp >>= BaseShift;
                    long zq = zp - 5L * 255 * Base;
                    int zm = unchecked((int)((y * zq) >> BaseShift));
                    z = (zm >> 8) + (zm >> 16);
                }
                else
                {
                    x = (int)Math.Min(y * (xv / Base) / Base, int.MaxValue);
                    zp /= Base;
                    long zq = zp - 5L * 255 * Base;
                    int zm = unchecked((int)(y * zq / Base));
                    z = zm / 256 + zm / 65536;
                }
                x = Math.Clamp(x, 0, 2 * Base);
                z = Math.Clamp(z, 0, 2 * Base);
                int r = Math.Clamp((c0 * x + c1 * y + c2 * z + half) >> Shift, 0, InvGammaSize - 1);
                int g = Math.Clamp((c3 * x + c4 * y + c5 * z + half) >> Shift, 0, InvGammaSize - 1);
                int b = Math.Clamp((c6 * x + c7 * y + c8 * z + half) >> Shift, 0, InvGammaSize - 1);
                if (srgb) { r = inv[r]; g = inv[g]; b = inv[b]; }
                else { r = ((r << 8) - r) >> 12; g = ((g << 8) - g) >> 12; b = ((b << 8) - b) >> 12; }
                d[bi] = (byte)Math.Min(b, 255);
                d[1] = (byte)Math.Min(g, 255);
                d[ri] = (byte)Math.Min(r, 255);
                if (dcn == 4) d[3] = 255;
            }
        }
    }
}
