using SegmentSharp.Imaging;

namespace SegmentSharp.Drawing;

/// <summary>Turns any 8-bit image into a BGR canvas that overlays and drawings can colour.</summary>
public static class Canvas
{
    /// <summary>
    /// A 3-channel BGR copy of <paramref name="src"/>: gray is replicated into B, G and R (like
    /// <c>cv2.cvtColor(gray, cv2.COLOR_GRAY2BGR)</c>), BGR is copied and BGRA loses its alpha.
    /// </summary>
    /// <param name="src">1, 3 or 4 channels.</param>
    /// <returns>A new W×H×3 image.</returns>
    public static Image<byte> ToBgr(ReadOnlyImageView<byte> src)
    {
        if (src.Channels is not (1 or 3 or 4))
            throw new ArgumentException($"Expected 1, 3 or 4 channels, got {src.Channels}.", nameof(src));
        var dst = new Image<byte>(src.Width, src.Height, 3);
        for (int y = 0; y < src.Height; y++)
        {
            ReadOnlySpan<byte> s = src.Row(y);
            Span<byte> d = dst.Row(y);
            switch (src.Channels)
            {
                case 3:
                    s.CopyTo(d);
                    break;
                case 1:
                    for (int x = 0, j = 0; x < s.Length; x++, j += 3) d[j] = d[j + 1] = d[j + 2] = s[x];
                    break;
                default:
                    for (int x = 0, i = 0, j = 0; x < src.Width; x++, i += 4, j += 3)
                    {
                        d[j] = s[i]; d[j + 1] = s[i + 1]; d[j + 2] = s[i + 2];
                    }
                    break;
            }
        }
        return dst;
    }

    /// <summary>Writes <paramref name="colour"/> into pixel (x, y) of a 1-, 3- or 4-channel image; outside pixels are ignored.</summary>
    internal static void Put(ImageView<byte> img, int x, int y, Rgb colour)
    {
        if ((uint)x >= (uint)img.Width || (uint)y >= (uint)img.Height) return;
        Span<byte> row = img.Row(y);
        switch (img.Channels)
        {
            case 1: row[x] = colour.Gray; break;
            case 3: { int i = x * 3; row[i] = colour.B; row[i + 1] = colour.G; row[i + 2] = colour.R; break; }
            default:
                {
                    int i = x * img.Channels;
                    row[i] = colour.B; row[i + 1] = colour.G; row[i + 2] = colour.R;
                    if (img.Channels >= 4) row[i + 3] = 255;
                    break;
                }
        }
    }

    /// <summary>Fills columns [x0, x1] of row y (clipped) with <paramref name="colour"/>.</summary>
    internal static void HorizontalSpan(ImageView<byte> img, int y, int x0, int x1, Rgb colour)
    {
        if ((uint)y >= (uint)img.Height) return;
        if (x0 < 0) x0 = 0;
        if (x1 >= img.Width) x1 = img.Width - 1;
        if (x0 > x1) return;
        Span<byte> row = img.Row(y);
        int ch = img.Channels;
        if (ch == 1) { row.Slice(x0, x1 - x0 + 1).Fill(colour.Gray); return; }
        for (int x = x0, i = x0 * ch; x <= x1; x++, i += ch)
        {
            row[i] = colour.B; row[i + 1] = colour.G; row[i + 2] = colour.R;
            if (ch >= 4) row[i + 3] = 255;
        }
    }
}
