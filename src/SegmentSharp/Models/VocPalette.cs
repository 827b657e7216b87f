using SegmentSharp.Drawing;
using SegmentSharp.Imaging;

namespace SegmentSharp.Models;

/// <summary>
/// The PASCAL VOC colour map for label PNGs (Everingham et al., "The PASCAL Visual Object Classes Challenge", IJCV
/// 2010; the <c>labelcolormap</c> of the VOC devkit, also used by torchvision and DeepLab): the bits of the label
/// are spread over the colour, bit 0 to red, 1 to green, 2 to blue, starting at each channel's top bit. Label 0 is
/// black, 1 is (128, 0, 0), 255 (VOC's "void") is (224, 224, 192).
/// </summary>
public static class VocPalette
{
    private static readonly Rgb[] Colours = Build();

    /// <summary>The colour of one label.</summary>
    public static Rgb Colour(byte label) => Colours[label];

    /// <summary>All 256 colours, in label order (the palette of a VOC-style indexed PNG).</summary>
    public static ReadOnlySpan<Rgb> All => Colours;

    /// <summary>Colours an 8-bit label map into a BGR image (OpenCV channel order).</summary>
    public static Image<byte> Colorize(ReadOnlyImageView<byte> labels)
    {
        ImageGuard.SingleChannel(labels, nameof(labels));
        var bgr = new Image<byte>(labels.Width, labels.Height, 3);
        for (int y = 0; y < labels.Height; y++)
        {
            var s = labels.Row(y);
            var d = bgr.Row(y);
            for (int x = 0; x < s.Length; x++)
            {
                Rgb c = Colours[s[x]];
                d[3 * x] = c.B; d[3 * x + 1] = c.G; d[3 * x + 2] = c.R;
            }
        }
        return bgr;
    }

    private static Rgb[] Build()
    {
        var colours = new Rgb[256];
        for (int i = 0; i < 256; i++)
        {
            int r = 0, g = 0, b = 0, c = i;
            for (int j = 7; j >= 0; j--)
            {
                r |= (c & 1) << j;
                g |= ((c >> 1) & 1) << j;
                b |= ((c >> 2) & 1) << j;
                c >>= 3;
            }
            colours[i] = new Rgb((byte)r, (byte)g, (byte)b);
        }
        return colours;
    }
}
