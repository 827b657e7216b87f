using SegmentSharp.Imaging;

namespace SegmentSharp.Distance;

/// <summary>
/// City-block (L1) distance with 8-bit output, saturating at 255: two raster passes with unit steps, as OpenCV's
/// <c>distanceTransform(..., DIST_L1, 3, dst, CV_8U)</c> computes it. Pixels that no zero reaches get 255.
/// </summary>
internal static unsafe class CityBlock8
{
    public static void Run(ReadOnlyImageView<byte> src, ImageView<byte> dst)
    {
        int w = src.Width, h = src.Height;
        var above = new byte[w];
        Array.Fill(above, (byte)255);
        fixed (byte* ps = src.Data)
        fixed (byte* pd = dst.Data)
        fixed (byte* pa = above)
        {
            for (int y = 0; y < h; y++)
            {
                byte* s = ps + (long)y * src.Stride;
                byte* d = pd + (long)y * dst.Stride;
                byte* a = y == 0 ? pa : d - dst.Stride;
                int left = 255;
                for (int x = 0; x < w; x++)
                {
                    int v = s[x] == 0 ? 0 : Math.Min(Math.Min(left, a[x]) + 1, 255);
                    d[x] = (byte)v;
                    left = v;
                }
            }
            for (int y = h - 1; y >= 0; y--)
            {
                byte* d = pd + (long)y * dst.Stride;
                byte* b = y == h - 1 ? pa : d + dst.Stride;
                int right = 255;
                for (int x = w - 1; x >= 0; x--)
                {
                    int v = Math.Min(d[x], Math.Min(Math.Min(right, b[x]) + 1, 255));
                    d[x] = (byte)v;
                    right = v;
                }
            }
        }
    }
}
