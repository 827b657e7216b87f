namespace SegmentSharp.Filters;

/// <summary>Maps an out-of-range coordinate to the in-range one a border mode reads, like OpenCV's <c>cv::borderInterpolate</c>.</summary>
internal static class BorderInterpolation
{
    /// <summary>
    /// Returns the source index for coordinate <paramref name="p"/> on an axis of <paramref name="len"/> samples,
    /// or −1 for <see cref="BorderType.Constant"/> outside the image. Reflections repeat for kernels wider than the
    /// image, so the result is always in range.
    /// </summary>
    public static int Map(int p, int len, BorderType border)
    {
        if ((uint)p < (uint)len) return p;
        switch (border)
        {
            case BorderType.Replicate:
                return p < 0 ? 0 : len - 1;
            case BorderType.Reflect:
            case BorderType.Reflect101:
            {
                if (len == 1) return 0;
                int delta = border == BorderType.Reflect101 ? 1 : 0;
                do
                {
                    p = p < 0 ? -p - 1 + delta : len - 1 - (p - len) - delta;
                } while ((uint)p >= (uint)len);
                return p;
            }
            case BorderType.Wrap:
                if (p < 0) p -= ((p - len + 1) / len) * len;
                if (p >= len) p %= len;
                return p;
            default:
                return -1;
        }
    }

    public static void Check(BorderType border, string paramName)
    {
        if (border is not (BorderType.Constant or BorderType.Replicate or BorderType.Reflect or BorderType.Wrap or BorderType.Reflect101))
            throw new ArgumentException($"Unknown border type {(int)border}.", paramName);
    }
}
