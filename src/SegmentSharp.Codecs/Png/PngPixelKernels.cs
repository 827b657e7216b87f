using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SegmentSharp.Codecs;

/// <summary>
/// Byte-shuffling kernels for converting decoded 8-bit scanlines to OpenCV's layouts (gray → BGR, RGB(A) → BGR,
/// RGB(A) → gray with libpng's truncating 15-bit weights). The SSSE3 versions move 16 bytes per step with
/// <c>pshufb</c>; each has a scalar twin used for the tail, on other CPUs, and by the tests.
/// </summary>
internal static class PngPixelKernels
{
    private static readonly Vector128<byte> Rep0 = Vector128.Create((byte)0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5);
    private static readonly Vector128<byte> Rep1 = Vector128.Create((byte)5, 5, 6, 6, 6, 7, 7, 7, 8, 8, 8, 9, 9, 9, 10, 10);
    private static readonly Vector128<byte> Rep2 = Vector128.Create((byte)10, 11, 11, 11, 12, 12, 12, 13, 13, 13, 14, 14, 14, 15, 15, 15);
    private static readonly Vector128<byte> Swap3 = Vector128.Create((byte)2, 1, 0, 5, 4, 3, 8, 7, 6, 11, 10, 9, 14, 13, 12, 0x80);
    private static readonly Vector128<byte> Swap4 = Vector128.Create((byte)2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, 0x80, 0x80, 0x80, 0x80);
    private static readonly Vector128<byte> Spread3 = Vector128.Create((byte)0, 1, 2, 0x80, 3, 4, 5, 0x80, 6, 7, 8, 0x80, 9, 10, 11, 0x80);

    /// <summary>dst[3x..3x+2] = g[x].</summary>
    public static void Replicate(ReadOnlySpan<byte> g, Span<byte> dst)
    {
        int n = g.Length, x = 0;
        if (Ssse3.IsSupported && n >= 16)
        {
            ref byte s = ref MemoryMarshal.GetReference(g);
            ref byte d = ref MemoryMarshal.GetReference(dst);
            for (; x <= n - 16; x += 16)
            {
                var v = Vector128.LoadUnsafe(ref s, (nuint)x);
                Ssse3.Shuffle(v, Rep0).StoreUnsafe(ref d, (nuint)(3 * x));
                Ssse3.Shuffle(v, Rep1).StoreUnsafe(ref d, (nuint)(3 * x + 16));
                Ssse3.Shuffle(v, Rep2).StoreUnsafe(ref d, (nuint)(3 * x + 32));
            }
        }
        ReplicateScalar(g[x..], dst[(3 * x)..]);
    }

    public static void ReplicateScalar(ReadOnlySpan<byte> g, Span<byte> dst)
    {
        for (int x = 0, i = 0; x < g.Length; x++, i += 3) { byte v = g[x]; dst[i] = v; dst[i + 1] = v; dst[i + 2] = v; }
    }

    /// <summary>RGB or RGBA (<paramref name="cn"/> 3 or 4) to BGR; <paramref name="dst"/> holds 3 bytes per pixel.</summary>
    public static void RgbToBgr(ReadOnlySpan<byte> src, Span<byte> dst, int cn)
    {
        int pixels = dst.Length / 3, x = 0;
        if (Ssse3.IsSupported)
        {
            ref byte s = ref MemoryMarshal.GetReference(src);
            ref byte d = ref MemoryMarshal.GetReference(dst);
            // Each step stores 16 bytes but advances by 15 or 12, so stop while a full store still fits.
            int per = cn == 3 ? 5 : 4;
            var mask = cn == 3 ? Swap3 : Swap4;
            for (; x + per <= pixels && x * cn + 16 <= src.Length && 3 * x + 16 <= dst.Length; x += per)
                Ssse3.Shuffle(Vector128.LoadUnsafe(ref s, (nuint)(x * cn)), mask).StoreUnsafe(ref d, (nuint)(3 * x));
        }
        RgbToBgrScalar(src[(x * cn)..], dst[(3 * x)..], cn);
    }

    public static void RgbToBgrScalar(ReadOnlySpan<byte> src, Span<byte> dst, int cn)
    {
        for (int i = 0, j = 0; i < dst.Length; i += 3, j += cn)
        {
            dst[i] = src[j + 2]; dst[i + 1] = src[j + 1]; dst[i + 2] = src[j];
        }
    }

    /// <summary>libpng's gamma-free 8-bit rgb_to_gray: (9797 R + 19234 G + 3737 B) >> 15, truncated.</summary>
    public static void RgbToGray(ReadOnlySpan<byte> src, Span<byte> dst, int cn)
    {
        int pixels = dst.Length, x = 0;
        if (Ssse3.IsSupported && Sse41.IsSupported)
        {
            ref byte s = ref MemoryMarshal.GetReference(src);
            ref byte d = ref MemoryMarshal.GetReference(dst);
            var lo = Vector128.Create(0xFF);
            var wr = Vector128.Create(PngGrayConversion.Rc);
            var wg = Vector128.Create(PngGrayConversion.Gc);
            var wb = Vector128.Create(PngGrayConversion.Bc);
            for (; x + 4 <= pixels && x * cn + 16 <= src.Length; x += 4)
            {
                var v = Vector128.LoadUnsafe(ref s, (nuint)(x * cn));
                var px = (cn == 3 ? Ssse3.Shuffle(v, Spread3) : v).AsInt32(); // one pixel per 32-bit lane, R in the low byte
                var y = (px & lo) * wr + ((px >>> 8) & lo) * wg + ((px >>> 16) & lo) * wb;
                y >>>= 15;
                var packed = Sse2.PackUnsignedSaturate(Sse2.PackSignedSaturate(y, y), Sse2.PackSignedSaturate(y, y));
                Unsafe.WriteUnaligned(ref Unsafe.Add(ref d, x), packed.AsUInt32().ToScalar());
            }
        }
        RgbToGrayScalar(src[(x * cn)..], dst[x..], cn);
    }

    public static void RgbToGrayScalar(ReadOnlySpan<byte> src, Span<byte> dst, int cn)
    {
        for (int x = 0, i = 0; x < dst.Length; x++, i += cn)
            dst[x] = (byte)((PngGrayConversion.Rc * src[i] + PngGrayConversion.Gc * src[i + 1] + PngGrayConversion.Bc * src[i + 2]) >> 15);
    }
}
