namespace SegmentSharp.Clustering;

/// <summary>Settings of <see cref="ColorKMeans.Segment"/>.</summary>
public sealed record ColorKMeansOptions
{
    /// <summary>K, criteria, attempts, seeding and seed of the clustering.</summary>
    public KMeansOptions KMeans { get; init; } = new();

    /// <summary>Colour features (default Lab, as OpenCV's k-means colour segmentation tutorial does).</summary>
    public ColorFeatureSpace Space { get; init; } = ColorFeatureSpace.Lab;

    /// <summary>
    /// Weight of the pixel position, 0 for colour only. Positive values add two features, <c>x·s</c> and <c>y·s</c> with
    /// <c>s = XyWeight · 255 / max(width, height)</c>: at weight 1, crossing the whole image along its longer side counts
    /// as much as the full range of one colour channel, so clusters become spatially compact as the weight grows.
    /// </summary>
    public double XyWeight { get; init; }
}
