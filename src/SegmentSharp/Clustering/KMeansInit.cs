namespace SegmentSharp.Clustering;

/// <summary>How k-means chooses the first centres of every attempt.</summary>
public enum KMeansInit
{
    /// <summary>
    /// k-means++ (Arthur and Vassilvitskii, "k-means++: the advantages of careful seeding", SODA 2007) with OpenCV's
    /// greedy variant <c>KMEANS_PP_CENTERS</c>: each new centre is the best of 3 candidates drawn with probability
    /// proportional to the squared distance to the nearest chosen centre, "best" meaning the smallest total distance.
    /// </summary>
    PlusPlus,
    /// <summary>
    /// OpenCV's <c>KMEANS_RANDOM_CENTERS</c>: centres drawn uniformly in the bounding box of the samples widened by
    /// <c>1/dims</c> of its size on each side.
    /// </summary>
    Random,
}
