using SegmentSharp.Imaging;

namespace SegmentSharp.Codecs;

/// <summary>
/// Pure-managed JPEG reader (ITU-T T.81 baseline, extended-sequential 8-bit and progressive Huffman JPEG) whose
/// output equals OpenCV's <c>cv2.imread</c> with its bundled libjpeg-turbo: the ISLOW integer IDCT, "fancy"
/// triangle chroma upsampling and libjpeg's fixed-point YCbCr→RGB tables. Gray output of a YCbCr file is the Y
/// component alone, as libjpeg produces for <c>JCS_GRAYSCALE</c> (chroma is never transformed).
/// </summary>
internal static class JpegCodec
{
    /// <summary>Decodes to 8-bit gray, equal to <c>cv2.imread(path, cv2.IMREAD_GRAYSCALE)</c>.</summary>
    internal static Image<byte> DecodeGray(ReadOnlySpan<byte> data)
    {
        try { return Gray(data); }
        catch (OutOfMemoryException e) { throw TooLarge(e); }
    }

    /// <summary>Decodes to 8-bit BGR, equal to <c>cv2.imread(path, cv2.IMREAD_COLOR)</c>.</summary>
    internal static Image<byte> DecodeColor(ReadOnlySpan<byte> data)
    {
        try { return Color(data); }
        catch (OutOfMemoryException e) { throw TooLarge(e); }
    }

    // A few corrupt header bytes can claim up to 2^30 pixels; running out of memory then is a property of the file.
    private static ImageFormatException TooLarge(OutOfMemoryException e)
        => new("JPEG image is too large to decode in the available memory", e);

    private static Image<byte> Gray(ReadOnlySpan<byte> data)
    {
        var d = JpegDecoder.Decode(data, grayOnly: true);
        int w = d.Width, h = d.Height;
        var img = new Image<byte>(w, h, 1);
        if (d.ColorSpace is JpegColorSpace.Cmyk or JpegColorSpace.Ycck)
        {
            var p = CmykPlanes(d);
            for (int y = 0; y < h; y++)
                JpegColorConverter.CmykToGray(p[0].AsSpan(y * w, w), p[1].AsSpan(y * w, w), p[2].AsSpan(y * w, w), p[3].AsSpan(y * w, w), img.Row(y), w);
        }
        else if (d.ColorSpace == JpegColorSpace.Rgb)
        {
            var (r, rs) = Full(d, 0);
            var (g, gs) = Full(d, 1);
            var (b, bs) = Full(d, 2);
            for (int y = 0; y < h; y++)
                JpegColorConverter.RgbToGray(r.AsSpan(y * rs, w), g.AsSpan(y * gs, w), b.AsSpan(y * bs, w), img.Row(y), w);
        }
        else
        {
            var (p, ps) = Full(d, 0);
            for (int y = 0; y < h; y++) p.AsSpan(y * ps, w).CopyTo(img.Row(y));
        }
        return JpegOrientation.Apply(img, d.Orientation);
    }

    private static Image<byte> Color(ReadOnlySpan<byte> data)
    {
        var d = JpegDecoder.Decode(data, grayOnly: false);
        int w = d.Width, h = d.Height;
        var img = new Image<byte>(w, h, 3);
        if (d.ColorSpace is JpegColorSpace.Cmyk or JpegColorSpace.Ycck)
        {
            var p = CmykPlanes(d);
            for (int y = 0; y < h; y++)
                JpegColorConverter.CmykToBgr(p[0].AsSpan(y * w, w), p[1].AsSpan(y * w, w), p[2].AsSpan(y * w, w), p[3].AsSpan(y * w, w), img.Row(y), w);
        }
        else if (d.ColorSpace == JpegColorSpace.Gray)
        {
            var (p, ps) = Full(d, 0);
            for (int y = 0; y < h; y++)
            {
                var s = p.AsSpan(y * ps, w);
                var o = img.Row(y);
                for (int x = 0; x < w; x++) o[3 * x] = o[3 * x + 1] = o[3 * x + 2] = s[x];
            }
        }
        else
        {
            // Upsample and convert row by row so the chroma never exists at full size in memory.
            var comps = d.Components;
            bool ycc = d.ColorSpace == JpegColorSpace.YCbCr;
            Parallelism.ForBands(h, w * 8L, (start, end) =>
            {
                var rows = new byte[3][];
                var sums = new int[Math.Max(Math.Max(comps[0].DownW, comps[1].DownW), comps[2].DownW)];
                for (int i = 0; i < 3; i++)
                    rows[i] = JpegUpsampler.IsFullSize(comps[i], d.MaxH, d.MaxV) ? [] : new byte[JpegUpsampler.RowLength(comps[i], d.MaxH)];
                Span<int> scratch = sums;
                for (int y = start; y < end; y++)
                {
                    var r0 = RowOf(d, 0, y, rows[0], scratch);
                    var r1 = RowOf(d, 1, y, rows[1], scratch);
                    var r2 = RowOf(d, 2, y, rows[2], scratch);
                    var o = img.Row(y);
                    if (ycc) JpegColorConverter.YccToBgr(r0, r1, r2, o, w);
                    else
                        for (int x = 0; x < w; x++) { o[3 * x] = r2[x]; o[3 * x + 1] = r1[x]; o[3 * x + 2] = r0[x]; }
                }
            });
        }
        return JpegOrientation.Apply(img, d.Orientation);
    }

    /// <summary>The four components at full size as tight W×H planes of CMYK (YCCK converted the way libjpeg does).</summary>
    private static byte[][] CmykPlanes(JpegDecoder d)
    {
        int w = d.Width, h = d.Height;
        var planes = new byte[4][];
        for (int i = 0; i < 4; i++)
        {
            var (src, stride) = Full(d, i);
            var p = GC.AllocateUninitializedArray<byte>(w * h);
            for (int y = 0; y < h; y++) src.AsSpan(y * stride, w).CopyTo(p.AsSpan(y * w, w));
            planes[i] = p;
        }
        if (d.ColorSpace == JpegColorSpace.Ycck)
            for (int y = 0; y < h; y++)
                JpegColorConverter.YcckToCmyk(planes[0].AsSpan(y * w, w), planes[1].AsSpan(y * w, w), planes[2].AsSpan(y * w, w), w);
        return planes;
    }

    /// <summary>Full-resolution row <paramref name="y"/> of component <paramref name="i"/>: a slice of its plane when
    /// it is not subsampled, else upsampled into <paramref name="buffer"/>.</summary>
    private static ReadOnlySpan<byte> RowOf(JpegDecoder d, int i, int y, byte[] buffer, Span<int> scratch)
    {
        var c = d.Components[i];
        if (JpegUpsampler.IsFullSize(c, d.MaxH, d.MaxV)) return c.Plane.AsSpan(y * c.PlaneStride, d.Width);
        JpegUpsampler.Row(c, d.MaxH, d.MaxV, y, buffer, scratch);
        return buffer.AsSpan(0, d.Width);
    }

    private static (byte[] Data, int Stride) Full(JpegDecoder d, int i)
        => JpegUpsampler.Upsample(d.Components[i], d.Width, d.Height, d.MaxH, d.MaxV);
}
