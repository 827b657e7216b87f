using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using SegmentSharp.Imaging;

namespace SegmentSharp.Filters;

/// <summary>
/// Separable symmetric filter on 8-bit samples with 8-fractional-bit kernels (taps sum to 256), rounded as
/// <c>(Σ ky·Σ kx·src + 2^15) &gt;&gt; 16</c> — the arithmetic of OpenCV's <c>ufixedpoint16</c>/<c>ufixedpoint32</c> path.
/// </summary>
internal static unsafe class SeparableFixed8
{
    public static void Run(ReadOnlyImageView<byte> src, ImageView<byte> dst, ushort[] kx, ushort[] ky, BorderType border)
    {
        int w = src.Width, h = src.Height, cn = src.Channels;
        // In-place (or overlapping) calls read rows other bands have already written, so work from a copy.
        if (src.Data.Overlaps(dst.Data))
        {
            var copy = new Image<byte>(w, h, cn);
            GaussianBlur.Copy(src, copy.View);
            Run(copy.ReadOnlyView, dst, kx, ky, border);
            return;
        }
        int ss = src.Stride, ds = dst.Stride;
        fixed (byte* ps = src.Data)
        fixed (byte* pd = dst.Data)
        {
            nint sp = (nint)ps, dp = (nint)pd;
            Parallelism.ForBands(h, (long)w * cn * (kx.Length + ky.Length) / 8 + 1,
                (y0, y1) => Band((byte*)sp, ss, (byte*)dp, ds, w, h, cn, kx, ky, border, y0, y1));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Band(byte* src, int srcStride, byte* dst, int dstStride, int w, int h, int cn,
        ushort[] kx, ushort[] ky, BorderType border, int y0, int y1)
    {
        int kw = kx.Length, kh = ky.Length, rx = kw / 2, ry = kh / 2;
        int rowLen = w * cn;
        int extLen = (w + kw - 1) * cn;
        // Rows padded so that the vector loops may read a little past the end.
        int hPitch = rowLen + 32;
        var extArr = ArrayPool<byte>.Shared.Rent(extLen + 64);
        var ringArr = ArrayPool<ushort>.Shared.Rent(hPitch * kh);
        var rowsArr = ArrayPool<nint>.Shared.Rent(kh);
        try
        {
            fixed (byte* ext = extArr)
            fixed (ushort* ring = ringArr)
            fixed (nint* rows = rowsArr)
            {
                int first = y0 - ry;
                for (int y = y0; y < y1; y++)
                {
                    // Virtual rows y−ry … y+ry live in ring slots (j − first) mod kh; compute the ones not yet present.
                    int from = y == y0 ? y - ry : y + ry;
                    for (int j = from; j <= y + ry; j++)
                    {
                        ushort* hrow = ring + (long)((j - first) % kh) * hPitch;
                        int sy = BorderInterpolation.Map(j, h, border);
                        if (sy < 0) new Span<ushort>(hrow, rowLen).Clear();
                        else
                        {
                            FillExtended(src + (long)sy * srcStride, ext, w, cn, rx, border);
                            Horizontal(ext, hrow, rowLen, cn, kx);
                        }
                    }
                    for (int t = 0; t < kh; t++)
                        rows[t] = (nint)(ring + (long)((y - ry + t - first) % kh) * hPitch);
                    Vertical((ushort**)rows, dst + (long)y * dstStride, rowLen, ky);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(extArr);
            ArrayPool<ushort>.Shared.Return(ringArr);
            ArrayPool<nint>.Shared.Return(rowsArr);
        }
    }

    /// <summary>Copies one source row into <paramref name="ext"/> with <paramref name="r"/> border pixels each side.</summary>
    internal static void FillExtended(byte* srow, byte* ext, int w, int cn, int r, BorderType border)
        => FillExtended(srow, ext, w, cn, r, r, border);

    /// <summary>Copies one source row into <paramref name="ext"/> with <paramref name="left"/> and <paramref name="right"/> border pixels.</summary>
    internal static void FillExtended(byte* srow, byte* ext, int w, int cn, int left, int right, BorderType border)
    {
        new ReadOnlySpan<byte>(srow, w * cn).CopyTo(new Span<byte>(ext + left * cn, w * cn));
        for (int x = -left; x < 0; x++) FillPixel(srow, ext + (x + left) * cn, x, w, cn, border);
        for (int x = w; x < w + right; x++) FillPixel(srow, ext + (x + left) * cn, x, w, cn, border);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void FillPixel(byte* srow, byte* d, int x, int w, int cn, BorderType border)
    {
        int sx = BorderInterpolation.Map(x, w, border);
        for (int c = 0; c < cn; c++) d[c] = sx < 0 ? (byte)0 : srow[sx * cn + c];
    }

    /// <summary>h[i] = Σ kx[k]·ext[i + k·cn]; exact in 16 bits because the taps sum to 256.</summary>
    internal static void Horizontal(byte* ext, ushort* hrow, int len, int cn, ushort[] kx)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated) i = HorizontalVector(ext, hrow, len, cn, kx);
        HorizontalScalar(ext, hrow, i, len, cn, kx);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void HorizontalScalar(byte* ext, ushort* hrow, int start, int len, int cn, ushort[] kx)
    {
        int n = kx.Length, r = n / 2;
        for (int i = start; i < len; i++)
        {
            byte* p = ext + i;
            int s = kx[r] * p[r * cn];
            for (int k = 0; k < r; k++) s += kx[k] * (p[k * cn] + p[(n - 1 - k) * cn]);
            hrow[i] = (ushort)s;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int HorizontalVector(byte* ext, ushort* hrow, int len, int cn, ushort[] kx)
    {
        int n = kx.Length, r = n / 2;
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var kc5 = Vector512.Create(kx[r]);
            for (; i <= len - 64; i += 64)
            {
                byte* p = ext + i;
                var (cl, ch) = Vector512.Widen(Vector512.Load(p + r * cn));
                var sl = cl * kc5;
                var sh = ch * kc5;
                for (int k = 0; k < r; k++)
                {
                    var kk = Vector512.Create(kx[k]);
                    var (al, ah) = Vector512.Widen(Vector512.Load(p + k * cn));
                    var (bl, bh) = Vector512.Widen(Vector512.Load(p + (n - 1 - k) * cn));
                    sl += (al + bl) * kk;
                    sh += (ah + bh) * kk;
                }
                sl.Store(hrow + i);
                sh.Store(hrow + i + 32);
            }
        }
        var kc = Vector256.Create(kx[r]);
        for (; i <= len - 32; i += 32)
        {
            byte* p = ext + i;
            var (cl, ch) = Vector256.Widen(Vector256.Load(p + r * cn));
            var sl = cl * kc;
            var sh = ch * kc;
            for (int k = 0; k < r; k++)
            {
                var kk = Vector256.Create(kx[k]);
                var (al, ah) = Vector256.Widen(Vector256.Load(p + k * cn));
                var (bl, bh) = Vector256.Widen(Vector256.Load(p + (n - 1 - k) * cn));
                sl += (al + bl) * kk;
                sh += (ah + bh) * kk;
            }
            sl.Store(hrow + i);
            sh.Store(hrow + i + 16);
        }
        return i;
    }

    /// <summary>dst[i] = (Σ ky[t]·rows[t][i] + 2^15) &gt;&gt; 16.</summary>
    internal static void Vertical(ushort** rows, byte* dst, int len, ushort[] ky)
    {
        int i = 0;
        if (Avx2.IsSupported) i = VerticalMultiplyAdd(rows, dst, len, ky);
        else if (Vector256.IsHardwareAccelerated) i = VerticalVector(rows, dst, len, ky);
        VerticalScalar(rows, dst, i, len, ky);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void VerticalScalar(ushort** rows, byte* dst, int start, int len, ushort[] ky)
    {
        int n = ky.Length, r = n / 2;
        for (int i = start; i < len; i++)
        {
            uint s = (uint)ky[r] * rows[r][i];
            for (int t = 0; t < r; t++) s += ky[t] * (uint)(rows[t][i] + rows[n - 1 - t][i]);
            dst[i] = (byte)Math.Min((s + 0x8000) >> 16, 255u);
        }
    }

    /// <summary>
    /// AVX2 vertical pass with <c>pmaddwd</c>: rows are paired and biased by −2^15 into signed 16-bit lanes, so one
    /// instruction multiplies and adds two rows; the bias comes back as 2^15·Σky = 2^23. Exact integer arithmetic.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int VerticalMultiplyAdd(ushort** rows, byte* dst, int len, ushort[] ky)
    {
        int n = ky.Length, pairs = (n + 1) / 2;
        var kp = stackalloc int[pairs];
        for (int p = 0; p < pairs; p++)
            kp[p] = ky[2 * p] | (2 * p + 1 < n ? ky[2 * p + 1] << 16 : 0);
        var bias = Vector256.Create(unchecked((short)0x8000));
        var start = Vector256.Create((1 << 23) + 0x8000);
        int i = 0;
        if (Avx512BW.IsSupported)
        {
            var bias5 = Vector512.Create(unchecked((short)0x8000));
            var start5 = Vector512.Create((1 << 23) + 0x8000);
            for (; i <= len - 32; i += 32)
            {
                var lo = start5; var hi = start5;
                for (int p = 0; p < pairs; p++)
                {
                    var a = Vector512.Load((short*)rows[2 * p] + i) ^ bias5;
                    var b = 2 * p + 1 < n ? Vector512.Load((short*)rows[2 * p + 1] + i) ^ bias5 : Vector512<short>.Zero;
                    var k = Vector512.Create(kp[p]).AsInt16();
                    lo += Avx512BW.MultiplyAddAdjacent(Avx512BW.UnpackLow(a, b), k);
                    hi += Avx512BW.MultiplyAddAdjacent(Avx512BW.UnpackHigh(a, b), k);
                }
                // Per 128-bit lane the unpack/pack pair restores order; then gather the low qword of each lane.
                var w16 = Avx512BW.PackUnsignedSaturate(Avx512F.ShiftRightArithmetic(lo, 16), Avx512F.ShiftRightArithmetic(hi, 16));
                var b8 = Avx512BW.PackUnsignedSaturate(w16.AsInt16(), w16.AsInt16());
                var ordered = Avx512F.PermuteVar8x64(b8.AsUInt64(), Vector512.Create(0UL, 2, 4, 6, 1, 3, 5, 7));
                ordered.AsByte().GetLower().Store(dst + i);
            }
        }
        for (; i <= len - 16; i += 16)
        {
            var lo = start; var hi = start;
            for (int p = 0; p < pairs; p++)
            {
                var a = Avx.LoadVector256((short*)rows[2 * p] + i) ^ bias;
                var b = 2 * p + 1 < n ? Avx.LoadVector256((short*)rows[2 * p + 1] + i) ^ bias : Vector256<short>.Zero;
                var k = Vector256.Create(kp[p]).AsInt16();
                lo = Avx2.Add(lo, Avx2.MultiplyAddAdjacent(Avx2.UnpackLow(a, b), k));
                hi = Avx2.Add(hi, Avx2.MultiplyAddAdjacent(Avx2.UnpackHigh(a, b), k));
            }
            // Unpack lo/hi split each 128-bit lane; packing them back restores the sample order.
            var w16 = Avx2.PackUnsignedSaturate(Avx2.ShiftRightArithmetic(lo, 16), Avx2.ShiftRightArithmetic(hi, 16));
            var b8 = Avx2.PackUnsignedSaturate(w16.AsInt16(), w16.AsInt16());
            Avx2.Permute4x64(b8.AsUInt64(), 0b_10_00_10_00).AsByte().GetLower().Store(dst + i);
        }
        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int VerticalVector(ushort** rows, byte* dst, int len, ushort[] ky)
    {
        int n = ky.Length, r = n / 2;
        int i = 0;
        var round = Vector256.Create(0x8000u);
        var kc = Vector256.Create((uint)ky[r]);
        for (; i <= len - 16; i += 16)
        {
            var (cl, ch) = Vector256.Widen(Vector256.Load(rows[r] + i));
            var sl = cl * kc + round;
            var sh = ch * kc + round;
            for (int t = 0; t < r; t++)
            {
                var kk = Vector256.Create((uint)ky[t]);
                var (al, ah) = Vector256.Widen(Vector256.Load(rows[t] + i));
                var (bl, bh) = Vector256.Widen(Vector256.Load(rows[n - 1 - t] + i));
                sl += (al + bl) * kk;
                sh += (ah + bh) * kk;
            }
            var u16 = Vector256.Narrow(sl >> 16, sh >> 16);
            Vector256.Narrow(u16, u16).GetLower().Store(dst + i);
        }
        return i;
    }
}
