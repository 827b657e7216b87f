using SegmentSharp.Imaging;

namespace SegmentSharp.Codecs;

/// <summary>Applies an EXIF orientation (TIFF tag 274) the way OpenCV's imread does unless IMREAD_IGNORE_ORIENTATION.</summary>
internal static class JpegOrientation
{
    internal static Image<byte> Apply(Image<byte> img, int orientation)
    {
        if (orientation is < 2 or > 8) return img;
        int w = img.Width, h = img.Height, cn = img.Channels;
        bool swap = orientation >= 5;
        var dst = swap ? new Image<byte>(h, w, cn) : new Image<byte>(w, h, cn);
        for (int y = 0; y < h; y++)
        {
            var row = img.Row(y);
            for (int x = 0; x < w; x++)
            {
                // (u, v): destination coordinates of source pixel (x, y).
                (int u, int v) = orientation switch
                {
                    2 => (w - 1 - x, y),           // mirror horizontal
                    3 => (w - 1 - x, h - 1 - y),   // rotate 180
                    4 => (x, h - 1 - y),           // mirror vertical
                    5 => (y, x),                   // transpose
                    6 => (h - 1 - y, x),           // rotate 90 clockwise
                    7 => (h - 1 - y, w - 1 - x),   // transverse
                    _ => (y, w - 1 - x),           // 8: rotate 90 counter-clockwise
                };
                row.Slice(x * cn, cn).CopyTo(dst.Data.AsSpan(v * dst.Stride + u * cn, cn));
            }
        }
        return dst;
    }
}
