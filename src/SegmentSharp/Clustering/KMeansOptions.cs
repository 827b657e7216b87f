namespace SegmentSharp.Clustering;

/// <summary>Settings of <see cref="KMeans.Cluster(float[], int, KMeansOptions)"/>, named after <c>cv::kmeans</c>'s arguments.</summary>
public sealed record KMeansOptions
{
    /// <summary>Number of clusters <c>K</c>, at least 1 and at most the number of samples.</summary>
    public int K { get; init; } = 4;

    /// <summary>Stop condition of every attempt (default: 20 iterations or centres moving at most 0.5).</summary>
    public TermCriteria Criteria { get; init; } = TermCriteria.CountOrEps(20, 0.5);

    /// <summary>Runs from fresh centres; the one with the smallest compactness is returned (cv::kmeans <c>attempts</c>).</summary>
    public int Attempts { get; init; } = 3;

    /// <summary>Initial centres: k-means++ (<c>KMEANS_PP_CENTERS</c>) or random (<c>KMEANS_RANDOM_CENTERS</c>).</summary>
    public KMeansInit Init { get; init; } = KMeansInit.PlusPlus;

    /// <summary>
    /// State of the random generator (OpenCV's multiply-with-carry <c>cv::RNG</c>). The same seed gives the same result,
    /// whatever the thread count.
    /// </summary>
    public ulong Seed { get; init; } = 0x12345678;
}
