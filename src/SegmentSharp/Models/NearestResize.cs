using SegmentSharp.Imaging;

namespace SegmentSharp.Models;

/// <summary>
/// Nearest-neighbour resizing, bit-exact with <c>cv2.resize(src, (w, h), interpolation=cv2.INTER_NEAREST)</c>: output
/// pixel (x, y) copies source pixel (<c>min(floor(x·sx), W-1)</c>, <c>min(floor(y·sy), H-1)</c>) with
/// <c>sx = 1 / (w / W)</c> in double precision (OpenCV's <c>resizeNN</c>). Note this is not half-pixel-centred:
/// PIL and <c>INTER_NEAREST_EXACT</c> pick differently. Meant for label maps and masks, where values must not mix.
/// </summary>
public static class NearestResize
{
    /// <summary>Resizes <paramref name="src"/> (any channel count, any sample type) to <paramref name="width"/> × <paramref name="height"/>.</summary>
    public static Image<T> Resize<T>(ReadOnlyImageView<T> src, int width, int height) where T : unmanaged
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        var dst = new Image<T>(width, height, src.Channels);
        Resize(src, dst.View);
        return dst;
    }

    /// <summary>Resizes into an existing image whose size sets the output size; channel counts must agree.</summary>
    public static void Resize<T>(ReadOnlyImageView<T> src, ImageView<T> dst) where T : unmanaged
    {
        if (src.Channels != dst.Channels) throw new ArgumentException("Source and destination channel counts differ.", nameof(dst));
        int cn = src.Channels;
        int[] xofs = SourceIndices(src.Width, dst.Width);
        int[] yofs = SourceIndices(src.Height, dst.Height);
        for (int dy = 0; dy < dst.Height; dy++)
        {
            var s = src.Row(yofs[dy]);
            var d = dst.Row(dy);
            if (cn == 1)
                for (int dx = 0; dx < xofs.Length; dx++) d[dx] = s[xofs[dx]];
            else
                for (int dx = 0; dx < xofs.Length; dx++) s.Slice(xofs[dx] * cn, cn).CopyTo(d.Slice(dx * cn, cn));
        }
    }

    /// <summary>The source index OpenCV's <c>INTER_NEAREST</c> reads for each of <paramref name="dstSize"/> outputs.</summary>
    public static int[] SourceIndices(int srcSize, int dstSize)
    {
        double scale = 1.0 / ((double)dstSize / srcSize);
        var map = new int[dstSize];
        for (int i = 0; i < dstSize; i++) map[i] = Math.Min((int)Math.Floor(i * scale), srcSize - 1);
        return map;
    }
}
