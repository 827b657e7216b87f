using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SegmentSharp.Thresholding.Local;

/// <summary>
/// Window sums → mean and standard deviation for a whole row, as scikit-image's <c>_mean_std</c> evaluates them in
/// float64 (m = Σ/N, s = √max(Σ²/N − m², 0)). The vector path uses the same correctly rounded division and square root
/// and no fused multiply-add, so it equals the scalar twin (and scikit-image) bit for bit.
/// </summary>
internal static class MeanStdKernel
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Row(ReadOnlySpan<long> sum, ReadOnlySpan<long> sumSq, double n, Span<double> mean, Span<double> std)
    {
        int len = mean.Length, x = 0;
        if (Vector256.IsHardwareAccelerated && len >= Vector256<double>.Count)
        {
            ref long ps = ref MemoryMarshal.GetReference(sum);
            ref long pq = ref MemoryMarshal.GetReference(sumSq);
            ref double pm = ref MemoryMarshal.GetReference(mean);
            ref double pd = ref MemoryMarshal.GetReference(std);
            var vn = Vector256.Create(n);
            for (; x <= len - Vector256<double>.Count; x += Vector256<double>.Count)
            {
                var m = Vector256.ConvertToDouble(Vector256.LoadUnsafe(ref ps, (nuint)x)) / vn;
                var g2 = Vector256.ConvertToDouble(Vector256.LoadUnsafe(ref pq, (nuint)x)) / vn;
                var v = Vector256.Max(g2 - m * m, Vector256<double>.Zero);
                m.StoreUnsafe(ref pm, (nuint)x);
                Vector256.Sqrt(v).StoreUnsafe(ref pd, (nuint)x);
            }
        }
        Scalar(sum[x..len], sumSq[x..len], n, mean[x..], std[x..]);
    }

    /// <summary>The scalar twin (also the tail of the vector path).</summary>
    public static void Scalar(ReadOnlySpan<long> sum, ReadOnlySpan<long> sumSq, double n, Span<double> mean, Span<double> std)
    {
        for (int x = 0; x < mean.Length; x++)
        {
            LocalStats.MeanStd(sum[x], sumSq[x], n, out double m, out double s);
            mean[x] = m; std[x] = s;
        }
    }
}
