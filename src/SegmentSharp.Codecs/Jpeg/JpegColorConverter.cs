namespace SegmentSharp.Codecs;

/// <summary>
/// libjpeg's fixed-point colour conversions (16 fraction bits, JFIF/BT.601 full-range coefficients): YCbCr → RGB with
/// rounded per-chroma tables, and RGB → Y for gray output of RGB-coded files. Using the same tables is what makes the
/// output equal to OpenCV's (which asks libjpeg-turbo for BGR or gray).
/// </summary>
internal static class JpegColorConverter
{
    private const int ScaleBits = 16;
    private const int Half = 1 << (ScaleBits - 1);

    private static readonly int[] CrR = new int[256], CbB = new int[256], CrG = new int[256], CbG = new int[256];
    private static readonly int[] RY = new int[256], GY = new int[256], BY = new int[256];

    static JpegColorConverter()
    {
        for (int i = 0; i < 256; i++)
        {
            int x = i - 128;
            CrR[i] = (91881 * x + Half) >> ScaleBits;   // 1.40200
            CbB[i] = (116130 * x + Half) >> ScaleBits;  // 1.77200
            CrG[i] = -46802 * x;                        // 0.71414
            CbG[i] = -22554 * x + Half;                 // 0.34414
            RY[i] = 19595 * i;                          // 0.29900
            GY[i] = 38470 * i;                          // 0.58700
            BY[i] = 7471 * i + Half;                    // 0.11400
        }
    }

    private static byte Clamp(int v) => (byte)(v < 0 ? 0 : v > 255 ? 255 : v);

    /// <summary>One row of YCbCr to interleaved BGR.</summary>
    internal static void YccToBgr(ReadOnlySpan<byte> y, ReadOnlySpan<byte> cb, ReadOnlySpan<byte> cr, Span<byte> bgr, int width)
    {
        int[] crr = CrR, cbb = CbB, crg = CrG, cbg = CbG;
        for (int x = 0; x < width; x++)
        {
            int yy = y[x], b = cb[x], r = cr[x];
            bgr[3 * x] = Clamp(yy + cbb[b]);
            bgr[3 * x + 1] = Clamp(yy + ((cbg[b] + crg[r]) >> ScaleBits));
            bgr[3 * x + 2] = Clamp(yy + crr[r]);
        }
    }

    /// <summary>One row of RGB planes to gray.</summary>
    internal static void RgbToGray(ReadOnlySpan<byte> r, ReadOnlySpan<byte> g, ReadOnlySpan<byte> b, Span<byte> gray, int width)
    {
        for (int x = 0; x < width; x++) gray[x] = (byte)((RY[r[x]] + GY[g[x]] + BY[b[x]]) >> ScaleBits);
    }

    /// <summary>
    /// libjpeg's YCCK → CMYK (Adobe transform 2): Y, Cb, Cr go through the YCbCr → RGB tables and are inverted,
    /// K passes through. Converts in place.
    /// </summary>
    internal static void YcckToCmyk(Span<byte> y, Span<byte> cb, Span<byte> cr, int width)
    {
        int[] crr = CrR, cbb = CbB, crg = CrG, cbg = CbG;
        for (int x = 0; x < width; x++)
        {
            int yy = y[x], b = cb[x], r = cr[x];
            y[x] = (byte)(255 - Clamp(yy + crr[r]));
            cb[x] = (byte)(255 - Clamp(yy + ((cbg[b] + crg[r]) >> ScaleBits)));
            cr[x] = (byte)(255 - Clamp(yy + cbb[b]));
        }
    }

    /// <summary>
    /// OpenCV's own CMYK handling after libjpeg delivers CMYK samples: each ink is scaled by K as
    /// <c>k - ((255 - ink) * k &gt;&gt; 8)</c> and C, M, Y become R, G, B.
    /// </summary>
    internal static void CmykToBgr(ReadOnlySpan<byte> c, ReadOnlySpan<byte> m, ReadOnlySpan<byte> y, ReadOnlySpan<byte> k, Span<byte> bgr, int width)
    {
        for (int x = 0; x < width; x++)
        {
            int kk = k[x];
            bgr[3 * x] = (byte)(kk - ((255 - y[x]) * kk >> 8));
            bgr[3 * x + 1] = (byte)(kk - ((255 - m[x]) * kk >> 8));
            bgr[3 * x + 2] = (byte)(kk - ((255 - c[x]) * kk >> 8));
        }
    }

    /// <summary>OpenCV's CMYK → gray: the K-scaled inks weighted 0.299/0.587/0.114 in 14-bit fixed point, rounded.</summary>
    internal static void CmykToGray(ReadOnlySpan<byte> c, ReadOnlySpan<byte> m, ReadOnlySpan<byte> y, ReadOnlySpan<byte> k, Span<byte> gray, int width)
    {
        for (int x = 0; x < width; x++)
        {
            int kk = k[x];
            int r = kk - ((255 - c[x]) * kk >> 8), g = kk - ((255 - m[x]) * kk >> 8), b = kk - ((255 - y[x]) * kk >> 8);
            gray[x] = (byte)((b * 1868 + g * 9617 + r * 4899 + (1 << 13)) >> 14);
        }
    }
}
