using SegmentSharp.Imaging;

namespace SegmentSharp.Color;

/// <summary>Runs a per-row colour kernel over row bands, in parallel when the image is large enough.</summary>
internal static unsafe class ColorRows
{
    internal delegate void Kernel<TS, TD>(ReadOnlySpan<TS> src, Span<TD> dst, int width) where TS : unmanaged where TD : unmanaged;

    public static void Run<TS, TD>(ReadOnlyImageView<TS> src, ImageView<TD> dst, Kernel<TS, TD> kernel)
        where TS : unmanaged where TD : unmanaged
    {
        int width = src.Width, ss = src.Stride, ds = dst.Stride;
        int sLen = width * src.Channels, dLen = width * dst.Channels;
        fixed (TS* ps0 = src.Data)
        fixed (TD* pd0 = dst.Data)
        {
            TS* ps = ps0; TD* pd = pd0;
            Parallelism.ForBands(src.Height, (long)width * 8, (start, end) =>
            {
                for (int y = start; y < end; y++)
                    kernel(new ReadOnlySpan<TS>(ps + (long)y * ss, sLen), new Span<TD>(pd + (long)y * ds, dLen), width);
            });
        }
    }
}
