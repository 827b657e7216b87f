namespace SegmentSharp.Clustering;

/// <summary>The best attempt of <see cref="KMeans.Cluster(float[], int, KMeansOptions)"/>: what cv2.kmeans returns.</summary>
public sealed class KMeansResult
{
    internal KMeansResult(int[] labels, float[] centers, int k, int dims, double compactness)
    {
        Labels = labels;
        Centers = centers;
        K = k;
        Dimensions = dims;
        Compactness = compactness;
    }

    /// <summary>Cluster of every sample, 0..K-1 (cv2.kmeans <c>bestLabels</c>).</summary>
    public int[] Labels { get; }

    /// <summary>Centres, K rows of <see cref="Dimensions"/> floats (cv2.kmeans <c>centers</c>).</summary>
    public float[] Centers { get; }

    /// <summary>Number of clusters.</summary>
    public int K { get; }

    /// <summary>Features per sample.</summary>
    public int Dimensions { get; }

    /// <summary>Sum over samples of the squared distance to their centre (cv2.kmeans' return value).</summary>
    public double Compactness { get; }

    /// <summary>Centre <paramref name="k"/>'s coordinates.</summary>
    public ReadOnlySpan<float> Center(int k) => Centers.AsSpan(k * Dimensions, Dimensions);
}
