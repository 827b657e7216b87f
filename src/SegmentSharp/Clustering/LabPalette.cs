using SegmentSharp.Color;
using SegmentSharp.Imaging;

namespace SegmentSharp.Clustering;

/// <summary>
/// 8-bit Lab cluster centres back to BGR for painting, through <see cref="ColorConversion"/> (equal to
/// <c>cv2.cvtColor(centres, COLOR_Lab2BGR)</c>, as seed 004 converts its centres).
/// </summary>
internal static class LabPalette
{
    public static byte[] ToBgr(byte[] lab)
    {
        int n = lab.Length / 3;
        if (n == 0) return [];
        var src = new Image<byte>(n, 1, 3);
        lab.AsSpan(0, 3 * n).CopyTo(src.View.Row(0));
        var dst = ColorConversion.Convert(src, ColorCode.Lab2BGR);
        return dst.ReadOnlyView.Row(0).ToArray();
    }
}
