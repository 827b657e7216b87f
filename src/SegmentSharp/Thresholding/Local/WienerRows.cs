using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SegmentSharp.Thresholding.Local;

/// <summary>
/// The per-row loops of Gatos's 3×3 Wiener pre-filter (<see cref="GatosBinarization.Wiener"/>), from the column sums
/// of the three rows around the output row: the 3×3 sums of pixel x are those of columns x − 1, x, x + 1 (reflect-101
/// at the two ends). The vector loops cover the inner columns four at a time with exactly the scalar arithmetic
/// (correctly rounded divisions, no fused multiply-add), so every output byte equals
/// <see cref="GatosBinarization.WienerPixel"/>; each has a scalar twin.
/// </summary>
internal static unsafe class WienerRows
{
    /// <summary>Σ over the row of the exact 81σ² = 9Σp² − (Σp)² of each 3×3 neighbourhood.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static long VarianceSum(int* cs, int* cq, int w)
    {
        if (w < 3 || !Avx2.IsSupported) return VarianceSumScalar(cs, cq, w);
        long total = Edge(cs, cq, w, 0) + Edge(cs, cq, w, w - 1);
        var acc = Vector256<long>.Zero;
        int x = 1;
        for (; x <= w - 5; x += 4)
        {
            var (s, q) = Sums(cs, cq, x);
            acc += Avx2.ConvertToVector256Int64(Sse41.MultiplyLow(q, Vector128.Create(9)) - Sse41.MultiplyLow(s, s));
        }
        total += Vector256.Sum(acc);
        for (; x < w - 1; x++)
        {
            long s = (long)cs[x - 1] + cs[x] + cs[x + 1], q = (long)cq[x - 1] + cq[x] + cq[x + 1];
            total += 9 * q - s * s;
        }
        return total;
    }

    /// <summary>The scalar twin of <see cref="VarianceSum"/>.</summary>
    public static long VarianceSumScalar(int* cs, int* cq, int w)
    {
        long total = 0;
        for (int x = 0; x < w; x++) total += Edge(cs, cq, w, x);
        return total;
    }

    /// <summary>One row of filtered output.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Filter(byte* src, int* cs, int* cq, int w, double noise, byte* dst)
    {
        if (w < 3 || !Avx2.IsSupported)
        {
            FilterScalar(src, cs, cq, w, noise, dst, 0, w);
            return;
        }
        FilterScalar(src, cs, cq, w, noise, dst, 0, 1);
        var vNoise = Vector256.Create(noise);
        var nine = Vector256.Create(9.0);
        var n81 = Vector256.Create(81.0);
        var half = Vector256.Create(0.5);
        var top = Vector256.Create(255.0);
        var zero = Vector256<double>.Zero;
        int x = 1;
        for (; x <= w - 5; x += 4)
        {
            var (si, qi) = Sums(cs, cq, x);
            var s = Avx.ConvertToVector256Double(si);
            var v = Avx.ConvertToVector256Double(Sse41.MultiplyLow(qi, Vector128.Create(9)) - Sse41.MultiplyLow(si, si));
            var p = Avx.ConvertToVector256Double(Sse41.ConvertToVector128Int32(src + x));
            var mean = s / nine;
            var variance = v / n81;
            var den = Vector256.Max(variance, vNoise);
            // 0/0 (a flat neighbourhood on a noiseless page) is a gain of 0, as in the scalar rule.
            var gain = Vector256.ConditionalSelect(Vector256.Equals(den, zero), zero, Vector256.Max(variance - vNoise, zero) / den);
            var r = Vector256.Floor(mean + gain * (p - mean) + half);
            var i32 = Avx.ConvertToVector128Int32WithTruncation(Vector256.Min(Vector256.Max(r, zero), top));
            var b8 = Sse2.PackUnsignedSaturate(Sse2.PackSignedSaturate(i32, i32), Vector128<short>.Zero);
            *(int*)(dst + x) = b8.AsInt32().ToScalar();
        }
        FilterScalar(src, cs, cq, w, noise, dst, x, w);
    }

    /// <summary>The scalar twin of <see cref="Filter"/> over columns [<paramref name="x0"/>, <paramref name="x1"/>).</summary>
    public static void FilterScalar(byte* src, int* cs, int* cq, int w, double noise, byte* dst, int x0, int x1)
    {
        for (int x = x0; x < x1; x++)
        {
            var (s, q) = Neighbourhood(cs, cq, w, x);
            dst[x] = GatosBinarization.WienerPixel(src[x], s, q, noise);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector128<int> S, Vector128<int> Q) Sums(int* cs, int* cq, int x) =>
        (Vector128.Load(cs + x - 1) + Vector128.Load(cs + x) + Vector128.Load(cs + x + 1),
         Vector128.Load(cq + x - 1) + Vector128.Load(cq + x) + Vector128.Load(cq + x + 1));

    private static long Edge(int* cs, int* cq, int w, int x)
    {
        var (s, q) = Neighbourhood(cs, cq, w, x);
        return 9 * q - s * s;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (long Sum, long SumSq) Neighbourhood(int* cs, int* cq, int w, int x)
    {
        int xl = x == 0 ? Reflect101.Map(-1, w) : x - 1, xr = x == w - 1 ? Reflect101.Map(w, w) : x + 1;
        return ((long)cs[xl] + cs[x] + cs[xr], (long)cq[xl] + cq[x] + cq[xr]);
    }
}
