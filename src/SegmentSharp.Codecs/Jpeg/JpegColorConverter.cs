using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static byte Clamp(int v) => (byte)Math.Clamp(v, 0, 255);

    /// <summary>One row of YCbCr to interleaved BGR (16 pixels per step where SSSE3 is available).</summary>
    internal static void YccToBgr(ReadOnlySpan<byte> y, ReadOnlySpan<byte> cb, ReadOnlySpan<byte> cr, Span<byte> bgr, int width)
    {
        int done = Ssse3.IsSupported ? YccToBgrVector(y, cb, cr, bgr, width) : 0;
        YccToBgrScalar(y[done..], cb[done..], cr[done..], bgr[(3 * done)..], width - done);
    }

    // pshufb masks that scatter 16 B, G or R bytes into the three 16-byte blocks of 48 interleaved BGR bytes.
    private static readonly Vector128<byte>[] InterleaveMasks = BuildInterleaveMasks();

    private static Vector128<byte>[] BuildInterleaveMasks()
    {
        var masks = new Vector128<byte>[9];
        Span<byte> m = stackalloc byte[16];
        for (int block = 0; block < 3; block++)
            for (int ch = 0; ch < 3; ch++)
            {
                for (int j = 0; j < 16; j++)
                {
                    int pos = 16 * block + j;
                    m[j] = pos % 3 == ch ? (byte)(pos / 3) : (byte)0x80;
                }
                masks[block * 3 + ch] = Vector128.Create((ReadOnlySpan<byte>)m);
            }
        return masks;
    }

    /// <summary>
    /// The table formulas evaluated in 32-bit lanes (they are exact integer expressions, so the result equals the
    /// tables), packed back to bytes with saturation (the clamp) and interleaved with byte shuffles. Returns the
    /// number of pixels converted (a multiple of 16).
    /// </summary>
    internal static int YccToBgrVector(ReadOnlySpan<byte> y, ReadOnlySpan<byte> cb, ReadOnlySpan<byte> cr, Span<byte> bgr, int width)
    {
        if (!Ssse3.IsSupported) return 0;
        if (y.Length < width || cb.Length < width || cr.Length < width || bgr.Length < 3 * width)
            throw new ArgumentException("row buffers are shorter than the width");
        ref byte py = ref MemoryMarshal.GetReference(y);
        ref byte pb = ref MemoryMarshal.GetReference(cb);
        ref byte pr = ref MemoryMarshal.GetReference(cr);
        ref byte o = ref MemoryMarshal.GetReference(bgr);
        var masks = InterleaveMasks;
        int x = 0;
        for (; x + 16 <= width; x += 16)
        {
            var yv = Vector128.LoadUnsafe(ref py, (nuint)x);
            var bv = Vector128.LoadUnsafe(ref pb, (nuint)x);
            var rv = Vector128.LoadUnsafe(ref pr, (nuint)x);
            var (yl, yh) = Vector128.Widen(yv);
            var (bl, bh) = Vector128.Widen(bv);
            var (rl, rh) = Vector128.Widen(rv);
            var b16l = Channels(yl.AsInt16(), bl.AsInt16(), rl.AsInt16(), out var g16l, out var r16l);
            var b16h = Channels(yh.AsInt16(), bh.AsInt16(), rh.AsInt16(), out var g16h, out var r16h);
            var B = Sse2.PackUnsignedSaturate(b16l, b16h);
            var G = Sse2.PackUnsignedSaturate(g16l, g16h);
            var R = Sse2.PackUnsignedSaturate(r16l, r16h);
            ref byte d = ref Unsafe.Add(ref o, 3 * x);
            for (int block = 0; block < 3; block++)
            {
                var v = Ssse3.Shuffle(B, masks[block * 3]) | Ssse3.Shuffle(G, masks[block * 3 + 1]) | Ssse3.Shuffle(R, masks[block * 3 + 2]);
                v.StoreUnsafe(ref d, (nuint)(16 * block));
            }
        }
        return x;
    }

    /// <summary>Eight pixels: returns B and outputs G, R as saturated 16-bit lanes (before the byte clamp).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<short> Channels(Vector128<short> y, Vector128<short> cb, Vector128<short> cr,
        out Vector128<short> g, out Vector128<short> r)
    {
        var c128 = Vector128.Create((short)128);
        var (xbl, xbh) = Vector128.Widen(cb - c128);
        var (xrl, xrh) = Vector128.Widen(cr - c128);
        var (yl, yh) = Vector128.Widen(y);
        var half = Vector128.Create(Half);
        var bl = yl + ((xbl * 116130 + half) >> ScaleBits);
        var bh = yh + ((xbh * 116130 + half) >> ScaleBits);
        var gl = yl + ((xbl * -22554 + xrl * -46802 + half) >> ScaleBits);
        var gh = yh + ((xbh * -22554 + xrh * -46802 + half) >> ScaleBits);
        var rl = yl + ((xrl * 91881 + half) >> ScaleBits);
        var rh = yh + ((xrh * 91881 + half) >> ScaleBits);
        g = Sse2.PackSignedSaturate(gl, gh);
        r = Sse2.PackSignedSaturate(rl, rh);
        return Sse2.PackSignedSaturate(bl, bh);
    }

    /// <summary>Scalar reference of <see cref="YccToBgr"/>.</summary>
    internal static void YccToBgrScalar(ReadOnlySpan<byte> y, ReadOnlySpan<byte> cb, ReadOnlySpan<byte> cr, Span<byte> bgr, int width)
    {
        if (y.Length < width || cb.Length < width || cr.Length < width || bgr.Length < 3 * width)
            throw new ArgumentException("row buffers are shorter than the width");
        // Bounds were checked once above; the per-pixel loop runs on references.
        ref byte py = ref MemoryMarshal.GetReference(y);
        ref byte pb = ref MemoryMarshal.GetReference(cb);
        ref byte pr = ref MemoryMarshal.GetReference(cr);
        ref byte o = ref MemoryMarshal.GetReference(bgr);
        ref int crr = ref MemoryMarshal.GetArrayDataReference(CrR);
        ref int cbb = ref MemoryMarshal.GetArrayDataReference(CbB);
        ref int crg = ref MemoryMarshal.GetArrayDataReference(CrG);
        ref int cbg = ref MemoryMarshal.GetArrayDataReference(CbG);
        for (int x = 0; x < width; x++)
        {
            int yy = Unsafe.Add(ref py, x), b = Unsafe.Add(ref pb, x), r = Unsafe.Add(ref pr, x);
            ref byte d = ref Unsafe.Add(ref o, 3 * x);
            d = Clamp(yy + Unsafe.Add(ref cbb, b));
            Unsafe.Add(ref d, 1) = Clamp(yy + ((Unsafe.Add(ref cbg, b) + Unsafe.Add(ref crg, r)) >> ScaleBits));
            Unsafe.Add(ref d, 2) = Clamp(yy + Unsafe.Add(ref crr, r));
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
