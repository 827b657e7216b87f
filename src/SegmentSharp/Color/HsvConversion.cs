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
    internal static void ForwardRow8(ReadOnlySpan<byte> src, Span<byte> dst, int width, int scn, int blueIdx, int hueRange)
    {
        var hdiv = hueRange == 180 ? HDiv180 : HDiv256;
        var sdiv = SDiv;
        const int half = 1 << (HsvShift - 1);
        for (int x = 0, i = 0, o = 0; x < width; x++, i += scn, o += 3)
        {
            int b = src[i + blueIdx], g = src[i + 1], r = src[i + (blueIdx ^ 2)];
            int v = Math.Max(b, Math.Max(g, r));
            int vmin = Math.Min(b, Math.Min(g, r));
            int diff = v - vmin;
            int s = (diff * sdiv[v] + half) >> HsvShift;
            // The sector test order matters when two channels tie for the maximum: red wins, then green.
            int h = v == r ? g - b : v == g ? b - r + 2 * diff : r - g + 4 * diff;
            h = (h * hdiv[diff] + half) >> HsvShift;
            if (h < 0) h += hueRange;
            dst[o] = (byte)Math.Clamp(h, 0, 255);
            dst[o + 1] = (byte)s;
            dst[o + 2] = (byte)v;
        }
    }
}
