using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using SegmentSharp.Imaging;

namespace SegmentSharp.Filters;

/// <summary>
/// OpenCV's float32 separable Gaussian (<c>GaussianBlur</c> on a <c>CV_32F</c> single-channel image with
/// <c>BORDER_REPLICATE</c>), rounded back to 8 bits — the mean image of <c>adaptiveThreshold(GAUSSIAN_C)</c>.
/// </summary>
/// <remarks>
/// Float sums are not associative, so this reproduces OpenCV's exact operation order (<c>filter.simd.hpp</c>, AVX2
/// dispatch): the row filter accumulates taps left to right with fused multiply-adds starting from
/// <c>x₀·k₀</c> (kernels of 3 and 5 taps use the symmetric small-kernel formulas), the column filter starts from
/// <c>centre·k₀</c> and adds <c>(above+below)·kᵢ</c> outward with fused multiply-adds. OpenCV's vector loops cover
/// the first <c>⌊width/8⌋·8</c> samples of a row. Past them, as measured against OpenCV 4.13 (AVX2 build): the row
/// filter's 4-way unrolled loop is fused; its single-sample loop (last <c>width mod 4</c> samples) rounds taps in groups
/// of four and fuses the remaining <c>(ksize−1) mod 4</c>; the column tail rounds every product and sum separately.
/// Taps of the sigma-0 kernels up to 9 are dyadic, so those sizes are exact in any order.
/// Rows stream through a ring of <c>ksize</c> float rows.
/// </remarks>
internal static unsafe class GaussianFloatRows
{
    /// <summary>Receives the rounded 8-bit Gaussian mean of source row <c>y</c>.</summary>
    public delegate void MeanRowSink(int y, byte* mean, int width);

    /// <summary>Receives the unrounded float Gaussian of source row <c>y</c> (for verification against OpenCV).</summary>
    public delegate void FloatRowSink(int y, float* row, int width);

    /// <summary>The float32 blurred image itself, as OpenCV's <c>GaussianBlur</c> on <c>CV_32F</c> returns it.</summary>
    public static float[] BlurToFloat(ReadOnlyImageView<byte> src, int ksize)
    {
        var result = new float[(long)src.Width * src.Height];
        int w = src.Width;
        ForEachRow(src, ksize, null, (y, row, len) => new ReadOnlySpan<float>(row, len).CopyTo(result.AsSpan(y * w, w)));
        return result;
    }

    public static float[] BlurToFloat(Image<byte> src, int ksize) => BlurToFloat(src.ReadOnlyView, ksize);

    public static void ForEachRow(ReadOnlyImageView<byte> src, int ksize, MeanRowSink sink) => ForEachRow(src, ksize, sink, null);

    private static void ForEachRow(ReadOnlyImageView<byte> src, int ksize, MeanRowSink? sink, FloatRowSink? floatSink)
    {
        int w = src.Width, h = src.Height, ss = src.Stride;
        // Replicated borders make every tap along a 1-pixel axis read the same value; OpenCV drops that axis.
        int kw = w == 1 ? 1 : ksize, kh = h == 1 ? 1 : ksize;
        var kx = GaussianKernel.Float(kw, 0);
        var ky = GaussianKernel.Float(kh, 0);
        fixed (byte* ps = src.Data)
        {
            nint sp = (nint)ps;
            Parallelism.ForBands(h, (long)w * (kw + kh) / 4 + 1,
                (y0, y1) => Band((byte*)sp, ss, w, h, kx, ky, y0, y1, sink, floatSink));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Band(byte* src, int srcStride, int w, int h, float[] kx, float[] ky, int y0, int y1, MeanRowSink? sink, FloatRowSink? floatSink)
    {
        int kw = kx.Length, kh = ky.Length, rx = kw / 2, ry = kh / 2;
        int pitch = w + 16;
        var extArr = ArrayPool<float>.Shared.Rent(w + kw + 16);
        var ringArr = ArrayPool<float>.Shared.Rent(pitch * kh);
        var rowsArr = ArrayPool<nint>.Shared.Rent(kh);
        var meanArr = ArrayPool<byte>.Shared.Rent(w + 32);
        var outArr = ArrayPool<float>.Shared.Rent(w + 16);
        try
        {
            fixed (float* ext = extArr)
            fixed (float* ring = ringArr)
            fixed (nint* rows = rowsArr)
            fixed (byte* mean = meanArr)
            fixed (float* outRow = outArr)
            {
                int first = y0 - ry;
                for (int y = y0; y < y1; y++)
                {
                    int from = y == y0 ? y - ry : y + ry;
                    for (int j = from; j <= y + ry; j++)
                    {
                        float* hrow = ring + (long)((j - first) % kh) * pitch;
                        int sy = j < 0 ? 0 : (j >= h ? h - 1 : j);
                        byte* srow = src + (long)sy * srcStride;
                        for (int x = 0; x < rx; x++) ext[x] = srow[0];
                        for (int x = 0; x < w; x++) ext[rx + x] = srow[x];
                        for (int x = 0; x < rx; x++) ext[rx + w + x] = srow[w - 1];
                        Row(ext, hrow, w, kx);
                    }
                    for (int t = 0; t < kh; t++)
                        rows[t] = (nint)(ring + (long)((y - ry + t - first) % kh) * pitch);
                    Column((float**)rows, outRow, w, ky);
                    if (floatSink != null) floatSink(y, outRow, w);
                    if (sink != null)
                    {
                        RoundRow(outRow, mean, w);
                        sink(y, mean, w);
                    }
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(extArr);
            ArrayPool<float>.Shared.Return(ringArr);
            ArrayPool<nint>.Shared.Return(rowsArr);
            ArrayPool<byte>.Shared.Return(meanArr);
            ArrayPool<float>.Shared.Return(outArr);
        }
    }

    /// <summary>Number of leading samples OpenCV computes in its 8-lane vector loops.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int VectorEnd(int w) => w & ~7;

    /// <summary>Horizontal pass; <paramref name="ext"/> holds the row with ksize/2 replicated samples each side.</summary>
    internal static void Row(float* ext, float* dst, int w, float[] k)
    {
        int i = 0;
        if (Fma.IsSupported && Avx.IsSupported) i = RowVector(ext, dst, VectorEnd(w), k);
        RowScalar(ext, dst, i, w, k);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void RowScalar(float* ext, float* dst, int start, int w, float[] k)
    {
        int n = k.Length, c = n / 2, vend = VectorEnd(w);
        if (n == 1)
        {
            for (int i = start; i < w; i++) dst[i] = ext[i];
            return;
        }
        for (int i = start; i < w; i++)
        {
            float* p = ext + i;
            float s;
            // Past the vector part OpenCV's 3/5-tap row filter runs a pairwise loop and then a single-sample loop
            // with a different (tap-by-tap) contraction.
            bool single = n <= 5 && i >= vend && ((w - vend) & 1) == 1 && i == w - 1;
            if (n == 3)
            {
                float side = p[0] + p[2];
                s = single ? MathF.FusedMultiplyAdd(k[2], p[2] + p[0], k[1] * p[1])
                           : MathF.FusedMultiplyAdd(p[1], k[1], side * k[2]);
            }
            else if (n == 5)
            {
                if (single)
                {
                    s = k[2] * p[2];
                    s = MathF.FusedMultiplyAdd(k[3], p[3] + p[1], s);
                    s = MathF.FusedMultiplyAdd(k[4], p[4] + p[0], s);
                }
                else
                {
                    s = MathF.FusedMultiplyAdd(p[4] + p[0], k[4], MathF.FusedMultiplyAdd(p[2], k[2], (p[1] + p[3]) * k[3]));
                }
            }
            else if (i < vend)
            {
                s = p[0] * k[0];
                for (int t = 1; t < n; t++) s = MathF.FusedMultiplyAdd(p[t], k[t], s);
            }
            else if (i < vend + ((w - vend) & ~3))
            {
                // OpenCV's 4-way unrolled scalar loop is compiled with FMA contraction.
                s = p[0] * k[0];
                for (int t = 1; t < n; t++) s = MathF.FusedMultiplyAdd(p[t], k[t], s);
            }
            else
            {
                // The compiled loop adds taps in groups of four with separate rounding and fuses the remaining
                // (n−1) mod 4 taps (measured against OpenCV 4.13).
                s = k[0] * p[0];
                int fusedFrom = n - ((n - 1) & 3);
                for (int t = 1; t < fusedFrom; t++) s += k[t] * p[t];
                for (int t = fusedFrom; t < n; t++) s = MathF.FusedMultiplyAdd(k[t], p[t], s);
            }
            dst[i] = s;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int RowVector(float* ext, float* dst, int vend, float[] k)
    {
        int n = k.Length, i = 0;
        if (n == 1) return 0;
        if (n == 3)
        {
            var k0 = Vector256.Create(k[1]); var k1 = Vector256.Create(k[2]);
            for (; i < vend; i += 8)
            {
                float* p = ext + i;
                var side = Avx.LoadVector256(p) + Avx.LoadVector256(p + 2);
                Avx.Store(dst + i, Fma.MultiplyAdd(Avx.LoadVector256(p + 1), k0, side * k1));
            }
            return i;
        }
        if (n == 5)
        {
            var k0 = Vector256.Create(k[2]); var k1 = Vector256.Create(k[3]); var k2 = Vector256.Create(k[4]);
            for (; i < vend; i += 8)
            {
                float* p = ext + i;
                var s1 = Avx.LoadVector256(p + 1) + Avx.LoadVector256(p + 3);
                var s2 = Avx.LoadVector256(p + 4) + Avx.LoadVector256(p);
                Avx.Store(dst + i, Fma.MultiplyAdd(s2, k2, Fma.MultiplyAdd(Avx.LoadVector256(p + 2), k0, s1 * k1)));
            }
            return i;
        }
        fixed (float* kp = k)
        {
            if (Vector512.IsHardwareAccelerated)
            {
                // Wider lanes change nothing per sample: every lane runs the same fused chain as OpenCV's 8-lane loop.
                for (; i <= vend - 32; i += 32)
                {
                    float* p = ext + i;
                    var kk = Vector512.Create(kp[0]);
                    var a0 = Vector512.Load(p) * kk;
                    var a1 = Vector512.Load(p + 16) * kk;
                    for (int t = 1; t < n; t++)
                    {
                        kk = Vector512.Create(kp[t]);
                        a0 = Vector512.FusedMultiplyAdd(Vector512.Load(p + t), kk, a0);
                        a1 = Vector512.FusedMultiplyAdd(Vector512.Load(p + t + 16), kk, a1);
                    }
                    a0.Store(dst + i); a1.Store(dst + i + 16);
                }
            }
            // Four independent accumulators hide the FMA latency; each lane still sums taps in OpenCV's order.
            for (; i <= vend - 32; i += 32)
            {
                float* p = ext + i;
                var kk = Vector256.Create(kp[0]);
                var a0 = Avx.LoadVector256(p) * kk;
                var a1 = Avx.LoadVector256(p + 8) * kk;
                var a2 = Avx.LoadVector256(p + 16) * kk;
                var a3 = Avx.LoadVector256(p + 24) * kk;
                for (int t = 1; t < n; t++)
                {
                    kk = Vector256.Create(kp[t]);
                    float* q = p + t;
                    a0 = Fma.MultiplyAdd(Avx.LoadVector256(q), kk, a0);
                    a1 = Fma.MultiplyAdd(Avx.LoadVector256(q + 8), kk, a1);
                    a2 = Fma.MultiplyAdd(Avx.LoadVector256(q + 16), kk, a2);
                    a3 = Fma.MultiplyAdd(Avx.LoadVector256(q + 24), kk, a3);
                }
                Avx.Store(dst + i, a0); Avx.Store(dst + i + 8, a1); Avx.Store(dst + i + 16, a2); Avx.Store(dst + i + 24, a3);
            }
            for (; i < vend; i += 8)
            {
                float* p = ext + i;
                var a = Avx.LoadVector256(p) * Vector256.Create(kp[0]);
                for (int t = 1; t < n; t++) a = Fma.MultiplyAdd(Avx.LoadVector256(p + t), Vector256.Create(kp[t]), a);
                Avx.Store(dst + i, a);
            }
        }
        return i;
    }

    /// <summary>Vertical pass over <paramref name="rows"/> (ksize rows, centre at ksize/2) and rounding to 8 bits.</summary>
    internal static void Column(float** rows, float* dst, int w, float[] k)
    {
        int i = 0;
        if (Fma.IsSupported && Avx2.IsSupported) i = ColumnVector(rows, dst, w, k);
        ColumnScalar(rows, dst, i, w, k);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void ColumnScalar(float** rows, float* dst, int start, int w, float[] k)
    {
        int n = k.Length, c = n / 2;
        for (int i = start; i < w; i++)
        {
            float s;
            if (n == 1) s = rows[0][i];
            else if (n == 3) s = MathF.FusedMultiplyAdd(rows[0][i] + rows[2][i], k[2], rows[1][i] * k[1]);
            else if (i < (w & ~7))
            {
                s = rows[c][i] * k[c];
                for (int t = 1; t <= c; t++) s = MathF.FusedMultiplyAdd(rows[c + t][i] + rows[c - t][i], k[c + t], s);
            }
            else
            {
                // OpenCV's scalar column tail rounds every product and sum separately.
                s = k[c] * rows[c][i];
                for (int t = 1; t <= c; t++) s += k[c + t] * (rows[c + t][i] + rows[c - t][i]);
            }
            dst[i] = s;
        }
    }

    /// <summary>OpenCV's <c>convertTo(CV_8U)</c>: round half to even, saturate.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void RoundRow(float* src, byte* dst, int w)
    {
        int i = 0;
        if (Avx2.IsSupported)
        {
            var zero = Vector256<int>.Zero;
            var max = Vector256.Create(255);
            for (; i <= w - 16; i += 16)
            {
                // cvtps2dq rounds half to even, as OpenCV's v_round does.
                var ia = Vector256.Min(Vector256.Max(Avx.ConvertToVector256Int32(Avx.LoadVector256(src + i)), zero), max);
                var ib = Vector256.Min(Vector256.Max(Avx.ConvertToVector256Int32(Avx.LoadVector256(src + i + 8)), zero), max);
                var u16 = Vector256.Narrow(ia.AsUInt32(), ib.AsUInt32());
                Vector256.Narrow(u16, u16).GetLower().Store(dst + i);
            }
        }
        for (; i < w; i++) dst[i] = RoundToByte(src[i]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static byte RoundToByte(float s)
    {
        int v = (int)MathF.Round(s, MidpointRounding.ToEven);
        return (byte)(v < 0 ? 0 : v > 255 ? 255 : v);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int ColumnVector(float** rows, float* dst, int w, float[] k)
    {
        int n = k.Length, c = n / 2, i = 0;
        if (Vector512.IsHardwareAccelerated && n > 1)
        {
            var kc = Vector512.Create(k[c]);
            for (; i <= w - 16; i += 16)
            {
                var a = Vector512.Load(rows[c] + i) * kc;
                for (int t = 1; t <= c; t++)
                    a = Vector512.FusedMultiplyAdd(Vector512.Load(rows[c + t] + i) + Vector512.Load(rows[c - t] + i), Vector512.Create(k[c + t]), a);
                a.Store(dst + i);
            }
        }
        for (; i <= w - 16; i += 16)
        {
            Vector256<float> a, b;
            if (n == 1) { a = Avx.LoadVector256(rows[0] + i); b = Avx.LoadVector256(rows[0] + i + 8); }
            else
            {
                var kc = Vector256.Create(k[c]);
                a = Avx.LoadVector256(rows[c] + i) * kc;
                b = Avx.LoadVector256(rows[c] + i + 8) * kc;
                for (int t = 1; t <= c; t++)
                {
                    var kk = Vector256.Create(k[c + t]);
                    float* up = rows[c - t] + i; float* dn = rows[c + t] + i;
                    a = Fma.MultiplyAdd(Avx.LoadVector256(dn) + Avx.LoadVector256(up), kk, a);
                    b = Fma.MultiplyAdd(Avx.LoadVector256(dn + 8) + Avx.LoadVector256(up + 8), kk, b);
                }
            }
            Avx.Store(dst + i, a);
            Avx.Store(dst + i + 8, b);
        }
        return i;
    }
}
