using SegmentSharp.Components;
using SegmentSharp.Imaging;

namespace SegmentSharp.Morphology;

/// <summary>
/// Region-based edits of binary masks (nonzero = foreground; results are 0/255): filling holes, removing small objects
/// and holes, clearing objects at the border, and Zhang–Suen skeletons. Each one reproduces the scikit-image 0.19 /
/// SciPy function it names. The destination may be the source.
/// </summary>
public static partial class BinaryMorphology
{
    /// <summary>
    /// Fills the holes of a mask: background regions that do not reach the image border become foreground. Equivalent to
    /// <c>scipy.ndimage.binary_fill_holes(src, structure)</c> (a background reconstruction by dilation from the border), with
    /// <paramref name="backgroundConnectivity"/> playing the structure: <see cref="Connectivity.Four"/> is SciPy's default
    /// cross, <see cref="Connectivity.Eight"/> a 3×3 square. A zero pixel on the border is never a hole.
    /// </summary>
    /// <param name="src">Single-channel mask.</param>
    /// <param name="dst">Destination of the same size; may be <paramref name="src"/>.</param>
    /// <param name="backgroundConnectivity">How background pixels connect to the border.</param>
    public static void FillHoles(ReadOnlyImageView<byte> src, ImageView<byte> dst, Connectivity backgroundConnectivity = Connectivity.Four)
    {
        BinaryRegions.Check(src, dst, backgroundConnectivity);
        var labels = BinaryRegions.Label(src, background: true, backgroundConnectivity, out int[] areas);
        var border = BinaryRegions.TouchingBorder(labels, areas.Length, 1);
        // A background region is filled exactly when it is not connected to the border.
        var fill = new bool[areas.Length];
        for (int i = 1; i < fill.Length; i++) fill[i] = !border[i];
        BinaryRegions.Write(src, labels, fill, background: true, dst);
    }

    /// <summary>Allocating form of <see cref="FillHoles(ReadOnlyImageView{byte}, ImageView{byte}, Connectivity)"/>.</summary>
    public static Image<byte> FillHoles(ReadOnlyImageView<byte> src, Connectivity backgroundConnectivity = Connectivity.Four)
    {
        var dst = new Image<byte>(src.Width, src.Height);
        FillHoles(src, dst.View, backgroundConnectivity);
        return dst;
    }

    /// <summary>
    /// Removes foreground objects of fewer than <paramref name="minSize"/> pixels. Equivalent to
    /// <c>skimage.morphology.remove_small_objects(src &gt; 0, min_size, connectivity)</c> (0.19) with connectivity 1 =
    /// <see cref="Connectivity.Four"/> (its default) and 2 = <see cref="Connectivity.Eight"/>; objects of exactly
    /// <paramref name="minSize"/> pixels stay.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minSize"/> is negative.</exception>
    public static void RemoveSmallObjects(ReadOnlyImageView<byte> src, ImageView<byte> dst, int minSize = 64,
        Connectivity connectivity = Connectivity.Four)
    {
        BinaryRegions.Check(src, dst, connectivity);
        ArgumentOutOfRangeException.ThrowIfNegative(minSize);
        var labels = BinaryRegions.Label(src, background: false, connectivity, out int[] areas);
        var drop = new bool[areas.Length];
        for (int i = 1; i < drop.Length; i++) drop[i] = areas[i] < minSize;
        BinaryRegions.Write(src, labels, drop, background: false, dst);
    }

    /// <summary>Allocating form of <see cref="RemoveSmallObjects(ReadOnlyImageView{byte}, ImageView{byte}, int, Connectivity)"/>.</summary>
    public static Image<byte> RemoveSmallObjects(ReadOnlyImageView<byte> src, int minSize = 64, Connectivity connectivity = Connectivity.Four)
    {
        var dst = new Image<byte>(src.Width, src.Height);
        RemoveSmallObjects(src, dst.View, minSize, connectivity);
        return dst;
    }

    /// <summary>
    /// Fills background regions of fewer than <paramref name="areaThreshold"/> pixels. Equivalent to
    /// <c>skimage.morphology.remove_small_holes(src &gt; 0, area_threshold, connectivity)</c> (0.19): it removes small objects
    /// from the inverted mask, so a small background region touching the image border is filled too, and connectivity
    /// (1 = <see cref="Connectivity.Four"/>, the default; 2 = <see cref="Connectivity.Eight"/>) applies to the background.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="areaThreshold"/> is negative.</exception>
    public static void RemoveSmallHoles(ReadOnlyImageView<byte> src, ImageView<byte> dst, int areaThreshold = 64,
        Connectivity connectivity = Connectivity.Four)
    {
        BinaryRegions.Check(src, dst, connectivity);
        ArgumentOutOfRangeException.ThrowIfNegative(areaThreshold);
        var labels = BinaryRegions.Label(src, background: true, connectivity, out int[] areas);
        var fill = new bool[areas.Length];
        for (int i = 1; i < fill.Length; i++) fill[i] = areas[i] < areaThreshold;
        BinaryRegions.Write(src, labels, fill, background: true, dst);
    }

    /// <summary>Allocating form of <see cref="RemoveSmallHoles(ReadOnlyImageView{byte}, ImageView{byte}, int, Connectivity)"/>.</summary>
    public static Image<byte> RemoveSmallHoles(ReadOnlyImageView<byte> src, int areaThreshold = 64, Connectivity connectivity = Connectivity.Four)
    {
        var dst = new Image<byte>(src.Width, src.Height);
        RemoveSmallHoles(src, dst.View, areaThreshold, connectivity);
        return dst;
    }

    /// <summary>
    /// Removes every foreground object with a pixel within <paramref name="bufferSize"/> + 1 pixels of the image edge.
    /// Equivalent to <c>skimage.segmentation.clear_border(src &gt; 0, buffer_size)</c> (0.19), whose relabelling joins
    /// pixels with <see cref="Connectivity.Eight"/> (the default here).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bufferSize"/> is negative or not smaller than both
    /// dimensions (scikit-image raises for a buffer as large as either side).</exception>
    public static void ClearBorder(ReadOnlyImageView<byte> src, ImageView<byte> dst, int bufferSize = 0,
        Connectivity connectivity = Connectivity.Eight)
    {
        BinaryRegions.Check(src, dst, connectivity);
        if (bufferSize < 0 || bufferSize >= src.Width || bufferSize >= src.Height)
            throw new ArgumentOutOfRangeException(nameof(bufferSize), bufferSize, "The buffer must be non-negative and smaller than the image.");
        var labels = BinaryRegions.Label(src, background: false, connectivity, out int[] areas);
        var drop = BinaryRegions.TouchingBorder(labels, areas.Length, bufferSize + 1);
        BinaryRegions.Write(src, labels, drop, background: false, dst);
    }

    /// <summary>Allocating form of <see cref="ClearBorder(ReadOnlyImageView{byte}, ImageView{byte}, int, Connectivity)"/>.</summary>
    public static Image<byte> ClearBorder(ReadOnlyImageView<byte> src, int bufferSize = 0, Connectivity connectivity = Connectivity.Eight)
    {
        var dst = new Image<byte>(src.Width, src.Height);
        ClearBorder(src, dst.View, bufferSize, connectivity);
        return dst;
    }
}
