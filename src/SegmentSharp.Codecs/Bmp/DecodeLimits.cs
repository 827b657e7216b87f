namespace SegmentSharp.Codecs;

/// <summary>Size limits OpenCV's <c>imread</c> enforces (CV_IO_MAX_IMAGE_WIDTH/HEIGHT/PIXELS), applied before allocating.</summary>
internal static class DecodeLimits
{
    internal const int MaxSide = 1 << 20;
    internal const long MaxPixels = 1L << 30;

    internal static void Check(string format, long width, long height)
    {
        if (width <= 0 || height <= 0)
            throw new ImageFormatException($"{format} header has an invalid size {width}×{height}");
        if (width > MaxSide || height > MaxSide || width * height > MaxPixels)
            throw new ImageFormatException($"{format} image size {width}×{height} exceeds the limit of 2^20 per side and 2^30 pixels");
    }
}
