using SegmentSharp.Drawing;
using SegmentSharp.Imaging;

namespace SegmentSharp.Cli;

/// <summary>The boundary overlay of the region commands (kmeans, superpixels).</summary>
internal static class RegionOverlay
{
    /// <summary>
    /// The picture with the borders between regions in yellow (mark_boundaries, thick mode). Labels 0..N-1 are shifted
    /// to 1..N first: region 0 is a region like any other, not background.
    /// </summary>
    public static Image<byte> Boundaries(Image<byte> picture, Image<int> labels)
    {
        var shifted = new Image<int>(labels.Width, labels.Height);
        for (int i = 0; i < shifted.Data.Length; i++) shifted.Data[i] = labels.Data[i] + 1;
        return Drawing.Boundaries.Mark(picture, shifted, mode: BoundaryMode.Thick);
    }
}
