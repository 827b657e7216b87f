using SegmentSharp.Imaging;

namespace SegmentSharp.Clustering;

/// <summary>
/// k-means clustering of float feature rows: Lloyd's algorithm (S. P. Lloyd, "Least squares quantization in PCM",
/// IEEE Trans. Inf. Theory 28(2), 1982) with k-means++ or random seeding, several attempts and the best kept, as
/// OpenCV's <c>cv::kmeans</c> (<c>cv2.kmeans(data, K, None, criteria, attempts, flags)</c>) defines it: the same stop
/// rule, the same handling of an emptied cluster (it takes the farthest sample of the largest cluster), the same
/// final pass (the last centres are not followed by a relabelling) and the same compactness.
/// </summary>
/// <remarks>
/// The random generator is OpenCV's multiply-with-carry <c>cv::RNG</c> seeded with <see cref="KMeansOptions.Seed"/>, so
/// the first centres of an attempt equal OpenCV's for the same generator state. Centres are then averaged in double
/// where OpenCV adds in float, so later iterations may differ slightly; compactness agrees to well under a percent.
/// Distances are computed on <see cref="System.Numerics.Vector{T}"/> lanes and samples are split into fixed chunks
/// handled in parallel (<see cref="Parallelism.MaxDegreeOfParallelism"/>), whose partial sums are combined in chunk
/// order: the result depends on the seed only, not on the thread count.
/// </remarks>
public static class KMeans
{
    // Samples per parallel work item; fixed so that partial sums, hence results, do not depend on the thread count.
    internal const int ChunkSize = 16384;
    private const int PlusPlusTrials = 3;
    // C's FLT_EPSILON, the tolerance cv::kmeans uses when the criteria carry none.
    private const double FltEpsilon = 1.1920928955078125e-07;

    /// <summary>
    /// Clusters <paramref name="samples"/>, N rows of <paramref name="dims"/> floats stored one row after the other
    /// (cv2.kmeans' N×dims float32 matrix), into <see cref="KMeansOptions.K"/> clusters.
    /// </summary>
    /// <exception cref="ArgumentException">The length is not a multiple of <paramref name="dims"/>, or K is not in 1..N.</exception>
    public static KMeansResult Cluster(float[] samples, int dims, KMeansOptions options)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(options);
        if (dims < 1) throw new ArgumentOutOfRangeException(nameof(dims), dims, "At least one feature per sample is needed.");
        if (samples.Length % dims != 0)
            throw new ArgumentException($"{samples.Length} values are not a whole number of {dims}-feature rows.", nameof(samples));
        int n = samples.Length / dims;
        int k = options.K;
        if (k < 1 || k > n) throw new ArgumentException($"K must be from 1 to the number of samples ({n}), not {k}.", nameof(options));

        var soa = new float[samples.Length];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < dims; j++) soa[j * n + i] = samples[i * dims + j];

        var criteria = options.Criteria;
        double eps = (criteria.Type & TermCriteriaType.Eps) != 0 ? Math.Max(criteria.Epsilon, 0) : FltEpsilon;
        eps *= eps;
        int maxCount = (criteria.Type & TermCriteriaType.Count) != 0 ? Math.Clamp(criteria.MaxCount, 2, 100) : 100;
        int attempts = Math.Max(options.Attempts, 1);
        if (k == 1) { attempts = 1; maxCount = 2; }

        var state = new State(soa, n, dims, k);
        var rng = new CvRandom(options.Seed);
        float[]? box = options.Init == KMeansInit.Random ? BoundingBox(samples, n, dims) : null;

        var centers = new float[k * dims];
        var oldCenters = new float[k * dims];
        var bestCenters = new float[k * dims];
        var bestLabels = new int[n];
        double bestCompactness = double.MaxValue;
        for (int a = 0; a < attempts; a++)
        {
            double compactness;
            for (int iter = 0; ; )
            {
                double maxShift = iter == 0 ? double.MaxValue : 0;
                (centers, oldCenters) = (oldCenters, centers);
                if (iter == 0)
                {
                    if (box is null) state.PlusPlusCenters(ref rng, centers, PlusPlusTrials);
                    else RandomCenters(ref rng, box, dims, k, centers);
                }
                else
                {
                    state.FillEmptyClusters();
                    for (int c = 0; c < k; c++)
                    {
                        double dist = 0;
                        for (int j = 0; j < dims; j++)
                        {
                            float v = (float)(state.Sums[c * dims + j] / state.Counts[c]);
                            centers[c * dims + j] = v;
                            double t = v - oldCenters[c * dims + j];
                            dist += t * t;
                        }
                        maxShift = Math.Max(maxShift, dist);
                    }
                }
                if (++iter == maxCount || maxShift <= eps)
                {
                    compactness = state.OwnDistanceSum(centers);
                    break;
                }
                state.Assign(centers);
            }
            if (compactness < bestCompactness)
            {
                bestCompactness = compactness;
                centers.CopyTo(bestCenters, 0);
                state.Labels.CopyTo(bestLabels, 0);
            }
        }
        return new KMeansResult(bestLabels, bestCenters, k, dims, bestCompactness);
    }

    private static float[] BoundingBox(float[] samples, int n, int dims)
    {
        var box = new float[2 * dims];
        for (int j = 0; j < dims; j++) box[2 * j] = box[2 * j + 1] = samples[j];
        for (int i = 1; i < n; i++)
            for (int j = 0; j < dims; j++)
            {
                float v = samples[i * dims + j];
                box[2 * j] = Math.Min(box[2 * j], v);
                box[2 * j + 1] = Math.Max(box[2 * j + 1], v);
            }
        return box;
    }

    private static void RandomCenters(ref CvRandom rng, float[] box, int dims, int k, float[] centers)
    {
        float margin = 1f / dims;
        for (int c = 0; c < k; c++)
            for (int j = 0; j < dims; j++)
                centers[c * dims + j] = (rng.NextFloat() * (1f + margin * 2f) - margin) * (box[2 * j + 1] - box[2 * j]) + box[2 * j];
    }

    /// <summary>Buffers of one clustering and the chunked parallel passes over them.</summary>
    private sealed class State(float[] soa, int n, int dims, int k)
    {
        public readonly int[] Labels = new int[n];
        public readonly double[] Sums = new double[k * dims];
        public readonly long[] Counts = new long[k];
        private readonly int _chunks = (n + ChunkSize - 1) / ChunkSize;
        private double[]? _chunkSums;
        private long[]? _chunkCounts;
        private double[]? _chunkTotals;
        private float[]? _dist, _next, _trial;

        private void ForChunks(Action<int, int, int> body)
        {
            int workers = Math.Min(Parallelism.MaxDegreeOfParallelism, _chunks);
            if (workers <= 1)
            {
                for (int c = 0; c < _chunks; c++) body(c, c * ChunkSize, Math.Min(n, (c + 1) * ChunkSize));
                return;
            }
            Parallel.For(0, _chunks, new ParallelOptions { MaxDegreeOfParallelism = workers },
                c => body(c, c * ChunkSize, Math.Min(n, (c + 1) * ChunkSize)));
        }

        private double SumOfTotals()
        {
            double s = 0;
            for (int c = 0; c < _chunks; c++) s += _chunkTotals![c];
            return s;
        }

        /// <summary>Labels every sample with its nearest centre and leaves the per-cluster sums and counts.</summary>
        public void Assign(float[] centers)
        {
            int kd = k * dims;
            var chunkSums = _chunkSums ??= new double[_chunks * kd];
            var chunkCounts = _chunkCounts ??= new long[_chunks * k];
            Array.Clear(chunkSums);
            Array.Clear(chunkCounts);
            ForChunks((c, start, end) => KMeansKernels.Assign(soa, n, dims, centers, k, Labels, start, end,
                chunkSums.AsSpan(c * kd, kd), chunkCounts.AsSpan(c * k, k)));
            Array.Clear(Sums);
            Array.Clear(Counts);
            for (int c = 0; c < _chunks; c++)
            {
                for (int q = 0; q < kd; q++) Sums[q] += chunkSums[c * kd + q];
                for (int q = 0; q < k; q++) Counts[q] += chunkCounts[c * k + q];
            }
        }

        /// <summary>The compactness of <paramref name="centers"/> under the current labels.</summary>
        public double OwnDistanceSum(float[] centers)
        {
            var totals = _chunkTotals ??= new double[_chunks];
            ForChunks((c, start, end) => totals[c] = KMeansKernels.OwnDistanceSum(soa, n, dims, centers, k, Labels, start, end));
            return SumOfTotals();
        }

        /// <summary>
        /// cv::kmeans' repair of an empty cluster: the sample farthest from the mean of the largest cluster (the last
        /// one on a tie) moves into it, one empty cluster after another.
        /// </summary>
        public void FillEmptyClusters()
        {
            Span<float> mean = dims <= 256 ? stackalloc float[dims] : new float[dims];
            for (int c = 0; c < k; c++)
            {
                if (Counts[c] != 0) continue;
                int maxK = 0;
                for (int c1 = 1; c1 < k; c1++) if (Counts[maxK] < Counts[c1]) maxK = c1;
                for (int j = 0; j < dims; j++) mean[j] = (float)(Sums[maxK * dims + j] / Counts[maxK]);
                float maxDist = 0;
                int farthest = -1;
                for (int i = 0; i < n; i++)
                {
                    if (Labels[i] != maxK) continue;
                    float d = KMeansKernels.Distance(soa, n, dims, i, mean);
                    if (maxDist <= d) { maxDist = d; farthest = i; }
                }
                Counts[maxK]--;
                Counts[c]++;
                Labels[farthest] = c;
                for (int j = 0; j < dims; j++)
                {
                    float v = soa[j * n + farthest];
                    Sums[maxK * dims + j] -= v;
                    Sums[c * dims + j] += v;
                }
            }
        }

        /// <summary>
        /// OpenCV's <c>generateCentersPP</c>: a first centre uniformly, then each next one the best of
        /// <paramref name="trials"/> candidates drawn in proportion to the squared distance to the nearest centre so far.
        /// </summary>
        public void PlusPlusCenters(ref CvRandom rng, float[] centers, int trials)
        {
            var dist = _dist ??= new float[n];
            var next = _next ??= new float[n];
            var trial = _trial ??= new float[n];
            var totals = _chunkTotals ??= new double[_chunks];
            Span<int> chosen = k <= 256 ? stackalloc int[k] : new int[k];
            var candidate = new float[dims];

            chosen[0] = (int)(rng.Next() % (uint)n);
            Array.Fill(next, float.PositiveInfinity);
            Gather(chosen[0], candidate);
            ForChunks((c, start, end) => totals[c] = KMeansKernels.NearestUpdate(soa, n, dims, candidate, next, dist, start, end));
            double sum0 = SumOfTotals();

            for (int c = 1; c < k; c++)
            {
                double bestSum = double.MaxValue;
                int bestCenter = -1;
                for (int t = 0; t < trials; t++)
                {
                    double p = rng.NextDouble() * sum0;
                    int ci = 0;
                    for (; ci < n - 1; ci++)
                    {
                        p -= dist[ci];
                        if (p <= 0) break;
                    }
                    Gather(ci, candidate);
                    var d = dist;
                    var tr = trial;
                    ForChunks((q, start, end) => totals[q] = KMeansKernels.NearestUpdate(soa, n, dims, candidate, d, tr, start, end));
                    double s = SumOfTotals();
                    if (s < bestSum)
                    {
                        bestSum = s;
                        bestCenter = ci;
                        (next, trial) = (trial, next);
                    }
                }
                chosen[c] = bestCenter;
                sum0 = bestSum;
                (dist, next) = (next, dist);
            }
            (_dist, _next, _trial) = (dist, next, trial);
            for (int c = 0; c < k; c++) Gather(chosen[c], centers.AsSpan(c * dims, dims));
        }

        private void Gather(int i, Span<float> row)
        {
            for (int j = 0; j < dims; j++) row[j] = soa[j * n + i];
        }
    }
}
