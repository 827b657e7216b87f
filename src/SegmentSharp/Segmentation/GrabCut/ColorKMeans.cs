using System.Runtime.CompilerServices;
namespace SegmentSharp.Segmentation;

/// <summary>
/// <c>cv::kmeans</c> as GrabCut calls it: 3-channel float samples, k-means++ seeding (D. Arthur, S. Vassilvitskii,
/// "k-means++: the advantages of careful seeding", SODA 2007) with OpenCV's three trials per centre, one attempt and a
/// fixed number of iterations. Float arithmetic and tie rules follow OpenCV so that equal RNG states give equal labels.
/// </summary>
internal static class ColorKMeans
{
    private const int Trials = 3;

    /// <summary>Labels each of the <c>samples.Length / 3</c> samples with a cluster in 0..k-1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int[] Cluster(float[] samples, int k, int maxIterations, ref OpenCvRng rng)
    {
        int n = samples.Length / 3;
        if (k < 1 || n < k) throw new ArgumentException("k-means needs at least as many samples as clusters.");
        var labels = new int[n];
        var centers = new float[3 * k];
        var old = new float[3 * k];
        var counts = new int[k];
        int iterLimit = Math.Max(maxIterations, 2);
        // Without an epsilon in the criteria OpenCV stops when no centre moves more than FLT_EPSILON.
        const double epsilon = 1.1920928955078125e-07 * 1.1920928955078125e-07;
        for (int iter = 0; ;)
        {
            (centers, old) = (old, centers);
            double maxShift = iter == 0 ? double.MaxValue : 0.0;
            if (iter == 0) SeedPlusPlus(samples, n, k, centers, ref rng);
            else
            {
                Array.Clear(centers);
                Array.Clear(counts);
                for (int i = 0; i < n; i++)
                {
                    int c = 3 * labels[i];
                    centers[c] += samples[3 * i];
                    centers[c + 1] += samples[3 * i + 1];
                    centers[c + 2] += samples[3 * i + 2];
                    counts[labels[i]]++;
                }
                for (int c = 0; c < k; c++)
                    if (counts[c] == 0) FillEmpty(samples, n, k, c, labels, centers, counts);
                for (int c = 0; c < k; c++)
                {
                    float scale = 1f / counts[c];
                    centers[3 * c] *= scale; centers[3 * c + 1] *= scale; centers[3 * c + 2] *= scale;
                    double d = 0;
                    for (int j = 0; j < 3; j++) { double t = centers[3 * c + j] - old[3 * c + j]; d += t * t; }
                    maxShift = Math.Max(maxShift, d);
                }
            }
            // The last pass keeps the labels, so no cluster can end up empty.
            if (++iter == iterLimit || maxShift <= epsilon) return labels;
            for (int i = 0; i < n; i++)
            {
                double best = double.MaxValue;
                int bestK = 0;
                for (int c = 0; c < k; c++)
                {
                    float d = Dist(samples, 3 * i, centers, 3 * c);
                    if (best > d) { best = d; bestK = c; }
                }
                labels[i] = bestK;
            }
        }
    }

    private static float Dist(float[] a, int ia, float[] b, int ib)
    {
        float t0 = a[ia] - b[ib], t1 = a[ia + 1] - b[ib + 1], t2 = a[ia + 2] - b[ib + 2];
        float d = t0 * t0;
        d += t1 * t1;
        d += t2 * t2;
        return d;
    }

    // OpenCV refills an empty cluster with the sample farthest from the centre of the largest cluster.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FillEmpty(float[] samples, int n, int k, int empty, int[] labels, float[] centers, int[] counts)
    {
        int big = 0;
        for (int c = 1; c < k; c++) if (counts[big] < counts[c]) big = c;
        float scale = 1f / counts[big];
        float[] mean = [centers[3 * big] * scale, centers[3 * big + 1] * scale, centers[3 * big + 2] * scale];
        double maxDist = 0;
        int far = -1;
        for (int i = 0; i < n; i++)
        {
            if (labels[i] != big) continue;
            double d = Dist(samples, 3 * i, mean, 0);
            if (maxDist <= d) { maxDist = d; far = i; }
        }
        counts[big]--;
        counts[empty]++;
        labels[far] = empty;
        for (int j = 0; j < 3; j++)
        {
            centers[3 * big + j] -= samples[3 * far + j];
            centers[3 * empty + j] += samples[3 * far + j];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SeedPlusPlus(float[] samples, int n, int k, float[] centers, ref OpenCvRng rng)
    {
        var chosen = new int[k];
        var dist = new float[n];
        var trial = new float[n];
        var best = new float[n];
        chosen[0] = (int)(rng.Next() % (uint)n);
        double sum0 = 0;
        for (int i = 0; i < n; i++)
        {
            dist[i] = Dist(samples, 3 * i, samples, 3 * chosen[0]);
            sum0 += dist[i];
        }
        for (int c = 1; c < k; c++)
        {
            double bestSum = double.MaxValue;
            int bestCenter = -1;
            for (int t = 0; t < Trials; t++)
            {
                double p = rng.NextDouble() * sum0;
                int ci = 0;
                for (; ci < n - 1; ci++)
                    if ((p -= dist[ci]) <= 0) break;
                double s = 0;
                for (int i = 0; i < n; i++)
                {
                    trial[i] = Math.Min(Dist(samples, 3 * i, samples, 3 * ci), dist[i]);
                    s += trial[i];
                }
                if (s < bestSum)
                {
                    bestSum = s;
                    bestCenter = ci;
                    (best, trial) = (trial, best);
                }
            }
            if (bestCenter < 0) throw new ArgumentException("k-means++ could not place a centre (the samples hold NaN or huge values).");
            chosen[c] = bestCenter;
            sum0 = bestSum;
            (dist, best) = (best, dist);
        }
        for (int c = 0; c < k; c++)
            for (int j = 0; j < 3; j++) centers[3 * c + j] = samples[3 * chosen[c] + j];
    }
}
