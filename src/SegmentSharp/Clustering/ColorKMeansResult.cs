using SegmentSharp.Imaging;

namespace SegmentSharp.Clustering;

/// <summary>What <see cref="ColorKMeans.Segment"/> returns.</summary>
public sealed class ColorKMeansResult
{
    internal ColorKMeansResult(Image<int> labels, Image<byte> painted, byte[] palette, KMeansResult clusters)
    {
        Labels = labels;
        Painted = painted;
        Palette = palette;
        Clusters = clusters;
    }

    /// <summary>Cluster of every pixel, 0..K-1.</summary>
    public Image<int> Labels { get; }

    /// <summary>The image with every pixel replaced by its cluster's colour (BGR).</summary>
    public Image<byte> Painted { get; }

    /// <summary>Cluster colours, K triples B, G, R: the colour part of each centre truncated to bytes and converted back to BGR.</summary>
    public byte[] Palette { get; }

    /// <summary>The clustering itself: centres (colour features, then x, y when weighted) and compactness.</summary>
    public KMeansResult Clusters { get; }
}
