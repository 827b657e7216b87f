using System.Runtime.CompilerServices;
using static SegmentSharp.Color.ColorConstants;

namespace SegmentSharp.Color;

/// <summary>
/// sRGB ↔ CIE L*a*b* (D65), the arithmetic of OpenCV 4's bit-exact <c>RGB2Lab_b</c>: a 256-entry gamma table scaled by
/// 2040 (3 fractional bits), a 12-bit fixed-point RGB→XYZ matrix pre-divided by the white point, and a 3072-entry
/// f(t) = t^(1/3) table in 15-bit fixed point.
/// </summary>
internal static class LabConversion
{
    internal const int LabShift = 12, GammaShift = 3, LabShift2 = LabShift + GammaShift;
    internal const int CbrtTabSize = 256 * 3 / 2 * (1 << GammaShift);

    // OpenCV's integer L scale: 116 * 255 / 100 rounded, and the -16 offset at 15 fractional bits.
    private const int LScaleInt = (116 * 255 + 50) / 100;
    private const int LShiftInt = -((16 * 255 * (1 << LabShift2) + 50) / 100);

    /// <summary>sRGB decoding of an 8-bit value, times 255 · 2^3 and rounded (<c>sRGBGammaTab_b</c>).</summary>
    internal static readonly ushort[] SrgbGamma8 = BuildGamma8();

    /// <summary>f(t) in 15-bit fixed point for t = i / 2040 (<c>LabCbrtTab_b</c>).</summary>
    internal static readonly ushort[] CbrtTab8 = BuildCbrt8();

    /// <summary>L* (0..255 scale, saturated) straight from the XYZ table index of Y: L depends on fY only.</summary>
    private static readonly byte[] LFromY8 = BuildLFromY();

    private static readonly ForwardTables?[] Forward = new ForwardTables?[4];

    private static ushort[] BuildGamma8()
    {
        var t = new ushort[256];
        float scale = 255 * (1 << GammaShift);
        for (int i = 0; i < 256; i++) t[i] = (ushort)Round(scale * ApplyGamma(i / 255f));
        return t;
    }

    private static ushort[] BuildCbrt8()
    {
        var t = new ushort[CbrtTabSize];
        float step = 1f / (255f * (1 << GammaShift));
        float one = 1 << LabShift2;
        for (int i = 0; i < t.Length; i++) t[i] = (ushort)Round(one * LabF(step * i));
        return t;
    }

    private static byte[] BuildLFromY()
    {
        var t = new byte[CbrtTabSize];
        for (int i = 0; i < t.Length; i++)
            t[i] = Sat((LScaleInt * CbrtTab8[i] + LShiftInt + (1 << (LabShift2 - 1))) >> LabShift2);
        return t;
    }

    /// <summary>
    /// Per-source-channel products gamma(v) · C for X, Y and Z, so a pixel needs three additions per component.
    /// The rounding constant of the descale is folded into the first channel's table.
    /// </summary>
    internal sealed class ForwardTables
    {
        public readonly int[] T = new int[9 * 256];

        public ForwardTables(int blueIdx, bool srgb)
        {
            var c = MatrixFor(blueIdx);
            for (int k = 0; k < 3; k++)
                for (int pos = 0; pos < 3; pos++)
                    for (int v = 0; v < 256; v++)
                    {
                        int g = srgb ? SrgbGamma8[v] : v << GammaShift;
                        T[(k * 3 + pos) * 256 + v] = g * c[k * 3 + pos] + (pos == 0 ? 1 << (LabShift - 1) : 0);
                    }
        }
    }

    /// <summary>
    /// OpenCV's 12-bit RGB→XYZ/white matrix with its columns in source order (<c>coeffs</c> of <c>RGB2Lab_b</c>):
    /// entry [k*3 + pos] multiplies the sample at position pos of a pixel for component k (X, Y, Z).
    /// </summary>
    internal static int[] MatrixFor(int blueIdx)
    {
        var c = new int[9];
        const double lshift = 1 << LabShift;
        for (int i = 0; i < 3; i++)
        {
            c[i * 3 + (blueIdx ^ 2)] = Round(lshift * Rgb2Xyz[i * 3] / D65[i]);
            c[i * 3 + 1] = Round(lshift * Rgb2Xyz[i * 3 + 1] / D65[i]);
            c[i * 3 + blueIdx] = Round(lshift * Rgb2Xyz[i * 3 + 2] / D65[i]);
        }
        return c;
    }

    internal static ForwardTables TablesFor(int blueIdx, bool srgb)
    {
        int slot = (blueIdx == 0 ? 0 : 1) + (srgb ? 0 : 2);
        return Forward[slot] ??= new ForwardTables(blueIdx, srgb);
    }

    /// <summary>Converts one row of <paramref name="width"/> pixels of <paramref name="scn"/> channels to 8-bit Lab.</summary>
    // Full optimisation from the first call: a one-off conversion would otherwise run its whole image at tier 0.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static unsafe void ForwardRow8(ReadOnlySpan<byte> src, Span<byte> dst, int width, int scn, ForwardTables tables)
    {
        if (src.Length < width * scn || dst.Length < width * 3) throw new ArgumentException("Row too short.");
        const int abBias = (128 << LabShift2) + (1 << (LabShift2 - 1));
        // Pointers: the table indices are bounded by construction (bytes into 256-entry tables, XYZ sums below
        // 3072 · 2^12), so the bounds checks of a span loop buy nothing here and cost a third of the time.
        fixed (int* t = tables.T)
        fixed (ushort* cbrt = CbrtTab8)
        fixed (byte* lTab = LFromY8)
        fixed (byte* ps = src)
        fixed (byte* pd = dst)
        {
            byte* s = ps, d = pd;
            int* tx = t, ty = t + 768, tz = t + 1536;
            for (int x = 0; x < width; x++, s += scn, d += 3)
            {
                int s0 = s[0], s1 = s[1] + 256, s2 = s[2] + 512;
                int fX = cbrt[(tx[s0] + tx[s1] + tx[s2]) >> LabShift];
                int yIdx = (ty[s0] + ty[s1] + ty[s2]) >> LabShift;
                int fY = cbrt[yIdx];
                int fZ = cbrt[(tz[s0] + tz[s1] + tz[s2]) >> LabShift];
                d[0] = lTab[yIdx];
                d[1] = Sat((500 * (fX - fY) + abBias) >> LabShift2);
                d[2] = Sat((200 * (fY - fZ) + abBias) >> LabShift2);
            }
        }
    }

    internal static byte Sat(int v) => (uint)v <= 255 ? (byte)v : v < 0 ? (byte)0 : (byte)255;
}
