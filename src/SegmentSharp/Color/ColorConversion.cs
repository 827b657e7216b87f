using SegmentSharp.Imaging;

namespace SegmentSharp.Color;

/// <summary>Colour-space conversions equal to OpenCV's <c>cv::cvtColor</c> on 8-bit images.</summary>
public static class ColorConversion
{
    // BT.601 luma weights in 15-bit fixed point, as OpenCV 4's 8-bit path rounds them (RY15/GY15/BY15):
    // 0.299, 0.587 and 0.114 scaled by 2^15 and nudged so they sum to exactly 32768.
    internal const int R2Y = 9798, G2Y = 19235, B2Y = 3735, Shift = 15;

    /// <summary>
    /// Luma of a BGR or BGRA image: <c>Y = 0.299 R + 0.587 G + 0.114 B</c> in 15-bit fixed point, rounded.
    /// Equivalent to <c>cv2.cvtColor(src, cv2.COLOR_BGR2GRAY)</c> (or <c>COLOR_BGRA2GRAY</c>); scikit-image's
    /// <c>rgb2gray</c> uses the Rec. 709 weights instead and gives different values.
    /// </summary>
    public static void BgrToGray(ReadOnlyImageView<byte> src, ImageView<byte> dst)
    {
        if (src.Channels is not (3 or 4)) throw new ArgumentException($"Expected 3 or 4 channels, got {src.Channels}.", nameof(src));
        if (dst.Channels != 1 || dst.Width != src.Width || dst.Height != src.Height)
            throw new ArgumentException("Destination must be single-channel and the same size as the source.", nameof(dst));
        int cn = src.Channels;
        for (int y = 0; y < src.Height; y++)
        {
            var s = src.Row(y);
            var d = dst.Row(y);
            for (int x = 0, i = 0; x < d.Length; x++, i += cn)
                d[x] = (byte)((s[i] * B2Y + s[i + 1] * G2Y + s[i + 2] * R2Y + (1 << (Shift - 1))) >> Shift);
        }
    }

    /// <summary>Allocating convenience overload of <see cref="BgrToGray(ReadOnlyImageView{byte}, ImageView{byte})"/>.</summary>
    public static Image<byte> BgrToGray(Image<byte> src)
    {
        var dst = new Image<byte>(src.Width, src.Height, 1);
        BgrToGray(src.ReadOnlyView, dst.View);
        return dst;
    }
}
