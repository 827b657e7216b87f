using System.Runtime.CompilerServices;
using SegmentSharp.Imaging;

namespace SegmentSharp.Codecs;

/// <summary>
/// Applies the TIFF Orientation tag (274) so the image comes out as meant to be displayed. For values 2–4 (mirror,
/// rotate 180°, flip) this equals what OpenCV's <c>imread</c> returns; for the transposing values 5–8 OpenCV 4.13
/// fails to read the file, and we apply the standard transform (TIFF 6.0 §8, same as EXIF orientation).
/// </summary>
internal static class TiffOrientation
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static Image<byte> Apply(Image<byte> src, int orientation)
    {
        if (orientation is < 2 or > 8) return src;
        int w = src.Width, h = src.Height, cn = src.Channels;
        bool transpose = orientation >= 5;
        var dst = new Image<byte>(transpose ? h : w, transpose ? w : h, cn);
        for (int y = 0; y < dst.Height; y++)
        {
            var d = dst.Row(y);
            for (int x = 0; x < dst.Width; x++)
            {
                // Where the displayed pixel (x, y) is stored in the file's raster.
                (int sx, int sy) = orientation switch
                {
                    2 => (w - 1 - x, y),
                    3 => (w - 1 - x, h - 1 - y),
                    4 => (x, h - 1 - y),
                    5 => (y, x),
                    6 => (y, h - 1 - x),
                    7 => (w - 1 - y, h - 1 - x),
                    _ => (w - 1 - y, x),
                };
                src.Row(sy).Slice(sx * cn, cn).CopyTo(d.Slice(x * cn, cn));
            }
        }
        return dst;
    }
}
