using System.Numerics;
using System.Runtime.CompilerServices;

namespace SegmentSharp.Clustering;

/// <summary>
/// The passes of k-means over the samples, stored feature by feature (<c>soa[j * n + i]</c> is feature j of sample i)
/// so that one vector holds one feature of <see cref="Vector{T}.Count"/> samples. Each pass has a scalar twin that is
/// also its tail; both compute a squared distance as <c>((0 + t0²) + t1²) + …</c> in float, the order of OpenCV's
/// <c>normL2Sqr</c>, so the vector and scalar paths pick the same centres.
/// </summary>
internal static class KMeansKernels
{
    /// <summary>
    /// Labels samples <c>[start, end)</c> with their nearest centre (the lowest index on a tie, as cv::kmeans) and adds
    /// each sample to its centre's running sum and count.
    /// </summary>
    public static void Assign(float[] soa, int n, int dims, float[] centers, int k, int[] labels, int start, int end,
        Span<double> sums, Span<long> counts, bool simd = true)
    {
        int i = start;
        if (simd && Vector.IsHardwareAccelerated && end - start >= Vector<float>.Count)
            i = AssignVector(soa, n, dims, centers, k, labels, start, end, sums, counts);
        AssignScalar(soa, n, dims, centers, k, labels, i, end, sums, counts);
    }

    public static void AssignScalar(float[] soa, int n, int dims, float[] centers, int k, int[] labels, int start, int end,
        Span<double> sums, Span<long> counts)
    {
        for (int i = start; i < end; i++)
        {
            float best = float.MaxValue;
            int bestK = 0;
            for (int c = 0; c < k; c++)
            {
                float d = Distance(soa, n, dims, i, centers.AsSpan(c * dims, dims));
                if (d < best) { best = d; bestK = c; }
            }
            labels[i] = bestK;
            counts[bestK]++;
            for (int j = 0; j < dims; j++) sums[bestK * dims + j] += soa[j * n + i];
        }
    }

    private static int AssignVector(float[] soa, int n, int dims, float[] centers, int k, int[] labels, int start, int end,
        Span<double> sums, Span<long> counts)
    {
        int w = Vector<float>.Count;
        int kd = k * dims;
        // Float lanes add at most a few thousand samples before they are flushed to the double sums, which keeps
        // their rounding far below what the double accumulation of whole chunks would notice.
        Span<Vector<float>> acc = kd <= 256 ? stackalloc Vector<float>[kd] : new Vector<float>[kd];
        Span<Vector<int>> cnt = k <= 256 ? stackalloc Vector<int>[k] : new Vector<int>[k];
        Span<Vector<float>> x = dims <= 64 ? stackalloc Vector<float>[dims] : new Vector<float>[dims];
        acc.Clear();
        cnt.Clear();
        var soaSpan = soa.AsSpan();
        var labelSpan = labels.AsSpan();
        int i = start;
        int sinceFlush = 0;
        for (; i <= end - w; i += w)
        {
            for (int j = 0; j < dims; j++) x[j] = new Vector<float>(soaSpan.Slice(j * n + i, w));
            var best = new Vector<float>(float.MaxValue);
            var bestK = Vector<int>.Zero;
            for (int c = 0; c < k; c++)
            {
                var d = Vector<float>.Zero;
                for (int j = 0; j < dims; j++)
                {
                    var t = x[j] - new Vector<float>(centers[c * dims + j]);
                    d += t * t;
                }
                var lt = Vector.LessThan(d, best);
                best = Vector.ConditionalSelect(lt, d, best);
                bestK = Vector.ConditionalSelect(lt, new Vector<int>(c), bestK);
            }
            bestK.CopyTo(labelSpan.Slice(i, w));
            for (int c = 0; c < k; c++)
            {
                var m = Vector.Equals(bestK, new Vector<int>(c));
                cnt[c] -= m;
                var mf = Vector.AsVectorSingle(m);
                for (int j = 0; j < dims; j++) acc[c * dims + j] += Vector.BitwiseAnd(x[j], mf);
            }
            if (++sinceFlush == 512)
            {
                Flush(acc, cnt, sums, counts);
                sinceFlush = 0;
            }
        }
        Flush(acc, cnt, sums, counts);
        return i;
    }

    private static void Flush(Span<Vector<float>> acc, Span<Vector<int>> cnt, Span<double> sums, Span<long> counts)
    {
        for (int q = 0; q < acc.Length; q++)
        {
            double s = 0;
            for (int l = 0; l < Vector<float>.Count; l++) s += acc[q][l];
            sums[q] += s;
            acc[q] = Vector<float>.Zero;
        }
        for (int c = 0; c < cnt.Length; c++)
        {
            counts[c] += Vector.Sum(cnt[c]);
            cnt[c] = Vector<int>.Zero;
        }
    }

    /// <summary>Sum over samples <c>[start, end)</c> of the squared distance to their own centre (no relabelling).</summary>
    public static double OwnDistanceSum(float[] soa, int n, int dims, float[] centers, int k, int[] labels, int start, int end, bool simd = true)
    {
        int i = start;
        double sum = 0;
        if (simd && Vector.IsHardwareAccelerated && end - start >= Vector<float>.Count)
        {
            int w = Vector<float>.Count;
            var total = Vector<double>.Zero;
            var soaSpan = soa.AsSpan();
            var labelSpan = labels.AsSpan();
            for (; i <= end - w; i += w)
            {
                var lab = new Vector<int>(labelSpan.Slice(i, w));
                var own = Vector<float>.Zero;
                for (int c = 0; c < k; c++)
                    own = Vector.ConditionalSelect(Vector.Equals(lab, new Vector<int>(c)), DistanceVector(soaSpan, n, dims, i, centers.AsSpan(c * dims, dims)), own);
                Vector.Widen(own, out var lo, out var hi);
                total += lo + hi;
            }
            sum = Vector.Sum(total);
        }
        return sum + OwnDistanceSumScalar(soa, n, dims, centers, labels, i, end);
    }

    public static double OwnDistanceSumScalar(float[] soa, int n, int dims, float[] centers, int[] labels, int start, int end)
    {
        double sum = 0;
        for (int i = start; i < end; i++)
        {
            sum += Distance(soa, n, dims, i, centers.AsSpan(labels[i] * dims, dims));
        }
        return sum;
    }

    /// <summary>
    /// One k-means++ candidate: <c>next[i] = min(dist[i], |x_i - x_candidate|²)</c> over <c>[start, end)</c>; returns the
    /// sum of <c>next</c> there (OpenCV's <c>KMeansPPDistanceComputer</c>).
    /// </summary>
    public static double NearestUpdate(float[] soa, int n, int dims, ReadOnlySpan<float> candidate, float[] dist, float[] next,
        int start, int end, bool simd = true)
    {
        int i = start;
        double sum = 0;
        if (simd && Vector.IsHardwareAccelerated && end - start >= Vector<float>.Count)
        {
            int w = Vector<float>.Count;
            var total = Vector<double>.Zero;
            var soaSpan = soa.AsSpan();
            for (; i <= end - w; i += w)
            {
                var d = Vector.Min(DistanceVector(soaSpan, n, dims, i, candidate), new Vector<float>(dist.AsSpan(i, w)));
                d.CopyTo(next.AsSpan(i, w));
                Vector.Widen(d, out var lo, out var hi);
                total += lo + hi;
            }
            sum = Vector.Sum(total);
        }
        return sum + NearestUpdateScalar(soa, n, dims, candidate, dist, next, i, end);
    }

    public static double NearestUpdateScalar(float[] soa, int n, int dims, ReadOnlySpan<float> candidate, float[] dist, float[] next,
        int start, int end)
    {
        double sum = 0;
        for (int i = start; i < end; i++)
        {
            float d = Math.Min(Distance(soa, n, dims, i, candidate), dist[i]);
            next[i] = d;
            sum += d;
        }
        return sum;
    }

    /// <summary>Squared distance of sample <paramref name="i"/> to <paramref name="centre"/>, summed in feature order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static float Distance(float[] soa, int n, int dims, int i, ReadOnlySpan<float> centre)
    {
        float d = 0;
        for (int j = 0; j < dims; j++)
        {
            float t = soa[j * n + i] - centre[j];
            d += t * t;
        }
        return d;
    }

    /// <summary>The same for the <see cref="Vector{T}.Count"/> samples from <paramref name="i"/> on.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> DistanceVector(ReadOnlySpan<float> soa, int n, int dims, int i, ReadOnlySpan<float> centre)
    {
        var d = Vector<float>.Zero;
        for (int j = 0; j < dims; j++)
        {
            var t = new Vector<float>(soa.Slice(j * n + i, Vector<float>.Count)) - new Vector<float>(centre[j]);
            d += t * t;
        }
        return d;
    }
}
