using SegmentSharp.Imaging;

namespace SegmentSharp.Color;

/// <summary>
/// Per-channel range masks, equal to OpenCV's <c>cv::inRange</c> with scalar bounds: a pixel is 255 when every channel
/// lies within its inclusive [lower, upper] bounds, else 0.
/// </summary>
public static class ColorRange
{
    /// <summary>
    /// Marks the pixels whose every channel c satisfies <c>lower[c] ≤ src[c] ≤ upper[c]</c>; equivalent to
    /// <c>cv2.inRange(src, lower, upper)</c> for an 8-bit image of 1 to 4 channels.
    /// </summary>
    /// <remarks>
    /// As in OpenCV, the bounds are first rounded to integers (half to even, <c>saturate_cast&lt;int&gt;</c>), and a channel
    /// whose bounds are crossed or lie wholly outside 0..255 matches nothing. <paramref name="wrapChannel"/> (not in OpenCV)
    /// names one channel, usually the hue (0), whose range wraps around when lower &gt; upper: it then matches
    /// <c>v ≥ lower or v ≤ upper</c>, so red in HSV is one call (<c>lower = 170, upper = 10</c>) instead of two masks
    /// OR-ed together. With the default −1 the result is exactly OpenCV's.
    /// </remarks>
    /// <param name="src">The image, 1 to 4 channels.</param>
    /// <param name="lower">Lower bounds, one per channel (extra entries are ignored, like the unused slots of a cv::Scalar).</param>
    /// <param name="upper">Upper bounds, one per channel.</param>
    /// <param name="dst">Single-channel mask of the same size.</param>
    /// <param name="wrapChannel">Channel whose range may wrap around, or −1 for none.</param>
    /// <exception cref="ArgumentException">Sizes differ, the mask is not single-channel, or too few bounds are given.</exception>
    public static void InRange(ReadOnlyImageView<byte> src, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper, ImageView<byte> dst,
        int wrapChannel = -1)
    {
        int cn = CheckArgs(src.Width, src.Height, src.Channels, lower.Length, upper.Length, dst, wrapChannel);
        // A per-channel, per-value lookup (4 × 256 bits) turns the test into table reads and an AND.
        var ok = new bool[cn * 256];
        for (int c = 0; c < cn; c++)
        {
            int lo = ColorConstants.RoundSaturate(lower[c]), hi = ColorConstants.RoundSaturate(upper[c]);
            bool wrap = c == wrapChannel && lo > hi;
            for (int v = 0; v < 256; v++)
                ok[c * 256 + v] = wrap ? v >= lo || v <= hi : lo <= v && v <= hi;
        }
        for (int y = 0; y < src.Height; y++)
        {
            var s = src.Row(y);
            var d = dst.Row(y);
            switch (cn)
            {
                case 1:
                    for (int x = 0; x < d.Length; x++) d[x] = ok[s[x]] ? (byte)255 : (byte)0;
                    break;
                case 3:
                    for (int x = 0, i = 0; x < d.Length; x++, i += 3)
                        d[x] = ok[s[i]] && ok[256 + s[i + 1]] && ok[512 + s[i + 2]] ? (byte)255 : (byte)0;
                    break;
                default:
                    for (int x = 0, i = 0; x < d.Length; x++, i += cn)
                    {
                        bool all = true;
                        for (int c = 0; c < cn && all; c++) all = ok[c * 256 + s[i + c]];
                        d[x] = all ? (byte)255 : (byte)0;
                    }
                    break;
            }
        }
    }

    /// <summary>
    /// The float version of <see cref="InRange(ReadOnlyImageView{byte}, ReadOnlySpan{double}, ReadOnlySpan{double}, ImageView{byte}, int)"/>,
    /// equivalent to <c>cv2.inRange</c> on a 32-bit float image: the bounds are rounded to float, NaN samples never match.
    /// </summary>
    public static void InRange(ReadOnlyImageView<float> src, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper, ImageView<byte> dst,
        int wrapChannel = -1)
    {
        int cn = CheckArgs(src.Width, src.Height, src.Channels, lower.Length, upper.Length, dst, wrapChannel);
        Span<float> lo = stackalloc float[cn], hi = stackalloc float[cn];
        Span<bool> wrap = stackalloc bool[cn];
        for (int c = 0; c < cn; c++)
        {
            lo[c] = (float)lower[c]; hi[c] = (float)upper[c];
            wrap[c] = c == wrapChannel && lo[c] > hi[c];
        }
        for (int y = 0; y < src.Height; y++)
        {
            var s = src.Row(y);
            var d = dst.Row(y);
            for (int x = 0, i = 0; x < d.Length; x++, i += cn)
            {
                bool all = true;
                for (int c = 0; c < cn && all; c++)
                {
                    float v = s[i + c];
                    all = wrap[c] ? v >= lo[c] || v <= hi[c] : lo[c] <= v && v <= hi[c];
                }
                d[x] = all ? (byte)255 : (byte)0;
            }
        }
    }

    /// <summary>Allocating overload of the 8-bit <c>InRange</c>.</summary>
    public static Image<byte> InRange(Image<byte> src, double[] lower, double[] upper, int wrapChannel = -1)
    {
        ArgumentNullException.ThrowIfNull(src);
        var dst = new Image<byte>(src.Width, src.Height, 1);
        InRange(src.ReadOnlyView, lower, upper, dst.View, wrapChannel);
        return dst;
    }

    /// <summary>Allocating overload of the float <c>InRange</c>.</summary>
    public static Image<byte> InRange(Image<float> src, double[] lower, double[] upper, int wrapChannel = -1)
    {
        ArgumentNullException.ThrowIfNull(src);
        var dst = new Image<byte>(src.Width, src.Height, 1);
        InRange(src.ReadOnlyView, lower, upper, dst.View, wrapChannel);
        return dst;
    }

    private static int CheckArgs(int w, int h, int cn, int nLower, int nUpper, ImageView<byte> dst, int wrapChannel)
    {
        if (dst.Channels != 1 || dst.Width != w || dst.Height != h)
            throw new ArgumentException($"The mask must be single-channel and {w}×{h}.", nameof(dst));
        if (nLower < cn || nUpper < cn)
            throw new ArgumentException($"A {cn}-channel image needs {cn} lower and upper bounds, got {nLower} and {nUpper}.");
        if (wrapChannel < -1 || wrapChannel >= cn)
            throw new ArgumentOutOfRangeException(nameof(wrapChannel), wrapChannel, "Not a channel of the image.");
        return cn;
    }
}
