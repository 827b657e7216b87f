namespace SegmentSharp.Codecs;

/// <summary>
/// Colour-to-gray conversion exactly as OpenCV's PNG reader gets it from libpng: OpenCV asks libpng for
/// <c>png_set_rgb_to_gray(png, 1, 0.299, 0.587)</c>, so the weights are libpng's 15-bit truncations
/// 9797/19234/3737 (not <c>cvtColor</c>'s 9798/19235/3735). For 8-bit samples libpng truncates the
/// weighted sum; 16-bit samples are weighted with rounding before the high byte is kept. When the file
/// declares a significant gamma (gAMA or sRGB, more than 5 % away from 1.0) libpng linearises the three
/// samples through a gamma table, weights them, and re-encodes — so gamma-tagged colour PNGs get a
/// different gray than untagged ones. All of this was pinned down against OpenCvSharp 4.13 (the oracle tests).
/// </summary>
internal sealed class PngGrayConversion
{
    internal const int Rc = 9797, Gc = 19234, Bc = 3737; // (0.299·32768)/1, (0.587·32768)/1 truncated; blue takes the rest

    private readonly byte[]? _to1, _from1;          // 8-bit gamma tables, null when no gamma correction applies
    private readonly ushort[]? _to1_16, _from1_16;  // 16-bit tables indexed by value >> _shift
    private readonly byte[]? _equal16;              // r = g = b 16-bit pixels under gamma: (value >> _shift) → 8-bit
    private readonly int _shift;

    /// <param name="gamma">File gamma ×100000 (from gAMA, or 45455 for sRGB); 0 when absent.</param>
    /// <param name="sigBit">The largest colour sBIT value, 0 when absent.</param>
    public PngGrayConversion(int gamma, int sigBit = 0)
    {
        // libpng drops the insignificant low bits of 16-bit samples before its gamma lookups, and at least
        // 5 bits when the output is stripped to 8 bits (PNG_MAX_GAMMA_8 = 11), at most 8.
        _shift = Math.Clamp(sigBit is > 0 and < 16 ? 16 - sigBit : 0, 5, 8);
        if (gamma <= 0 || !Significant(gamma)) return;
        long screen = Reciprocal(gamma);
        long to1 = Reciprocal(gamma), from1 = Reciprocal(screen);
        _to1 = Table8(to1);
        _from1 = Table8(from1);
        _to1_16 = Table16(to1, _shift);
        _from1_16 = Table16(from1, _shift);
        _equal16 = Table16To8(Product(gamma, screen), _shift);
    }

    public bool HasGamma => _to1 != null;

    // libpng's PNG_GAMMA_THRESHOLD_FIXED is 5000 (×100000).
    private static bool Significant(long g) => g < 95000 || g > 105000;
    private static long Reciprocal(long a) => (long)Math.Floor(1e10 / a + .5);
    private static long Product(long a, long b) => (long)Math.Floor(a * (double)b * 1e-5 + .5);

    private static byte[] Table8(long g)
    {
        var t = new byte[256];
        for (int i = 0; i < 256; i++)
            t[i] = (byte)(i is 0 or 255 || !Significant(g) ? i : Math.Floor(255 * Math.Pow(i / 255.0, g * 1e-5) + .5));
        return t;
    }

    // The 16-bit tables hold 2^(16 - shift) entries (2^11 without sBIT).
    private static ushort[] Table16(long g, int shift)
    {
        int size = 1 << (16 - shift), max = size - 1;
        var t = new ushort[size];
        for (int i = 0; i < size; i++)
            t[i] = Significant(g) ? (ushort)Math.Floor(65535.0 * Math.Pow(i / (double)max, g * 1e-5) + .5)
                                  : (ushort)((i * 65535u + (1u << (15 - shift))) / (uint)max);
        return t;
    }

    // libpng's 16-to-8 gamma table for pixels it does not convert (r = g = b): 8-bit value i covers the
    // inputs below the rounded image of i·257 + 128, so this rounds (≈ v / 257) where the plain path truncates.
    private static byte[] Table16To8(long g, int shift)
    {
        int size = 1 << (16 - shift), max = size - 1;
        var t = new byte[size];
        int last = 0;
        for (int i = 0; i < 255; i++)
        {
            int v = i * 257 + 128;
            long corrected = Significant(g) ? (long)Math.Floor(65535.0 * Math.Pow(v / 65535.0, g * 1e-5) + .5) : v;
            long bound = (corrected * max + 32768) / 65535 + 1;
            while (last < bound && last < size) t[last++] = (byte)i;
        }
        while (last < size) t[last++] = 255;
        return t;
    }

    /// <summary>Gray of one 8-bit RGB triple.</summary>
    public byte Gray8(int r, int g, int b)
    {
        if (_to1 is null) return (byte)((Rc * r + Gc * g + Bc * b) >> 15);
        if (r == g && g == b) return (byte)r;
        return _from1![(Rc * _to1[r] + Gc * _to1[g] + Bc * _to1[b] + 16384) >> 15];
    }

    /// <summary>Gray (8-bit) of one 16-bit RGB triple.</summary>
    public byte Gray16(int r, int g, int b)
    {
        if (_to1_16 is null) return (byte)((Rc * (long)r + Gc * (long)g + Bc * (long)b + 16384) >> 23);
        int s = _shift;
        if (r == g && g == b) return _equal16![r >> s];
        long y = (Rc * (long)_to1_16[r >> s] + Gc * (long)_to1_16[g >> s] + Bc * (long)_to1_16[b >> s] + 16384) >> 15;
        return (byte)(_from1_16![y >> s] >> 8);
    }

    /// <summary>Converts a row of interleaved 8-bit RGB(A) samples (<paramref name="cn"/> = 3 or 4) to gray.</summary>
    public void Row8(ReadOnlySpan<byte> src, Span<byte> dst, int cn)
    {
        if (_to1 is null) { PngPixelKernels.RgbToGray(src, dst, cn); return; }
        for (int x = 0, i = 0; x < dst.Length; x++, i += cn) dst[x] = Gray8(src[i], src[i + 1], src[i + 2]);
    }

    /// <summary>Converts a row of interleaved big-endian 16-bit RGB(A) samples to 8-bit gray.</summary>
    public void Row16(ReadOnlySpan<byte> src, Span<byte> dst, int cn)
    {
        int step = 2 * cn;
        for (int x = 0, i = 0; x < dst.Length; x++, i += step)
            dst[x] = Gray16(src[i] << 8 | src[i + 1], src[i + 2] << 8 | src[i + 3], src[i + 4] << 8 | src[i + 5]);
    }
}
