namespace SegmentSharp.Components;

/// <summary>
/// One component's bounding box, pixel count and centroid, the columns of OpenCV's <c>connectedComponentsWithStats</c>
/// (<c>CC_STAT_LEFT, TOP, WIDTH, HEIGHT, AREA</c> and the centroid row). For a label with no pixels (the background of an
/// all-foreground image) the values are OpenCV 4.13's: left -1, top <see cref="int.MaxValue"/>, width 0, height 0, area 0 and a
/// NaN centroid.
/// </summary>
public readonly record struct ComponentInfo(int Left, int Top, int Width, int Height, int Area, double CentroidX, double CentroidY)
{
    /// <summary>Width divided by height (0 when the component is empty).</summary>
    public double AspectRatio => Height > 0 ? (double)Width / Height : 0;
}

/// <summary>
/// The result of <see cref="ConnectedComponents.LabelWithStats(Imaging.ReadOnlyImageView{byte}, Imaging.ImageView{int}, Connectivity)"/>:
/// the label count (background included, as OpenCV returns it) and one <see cref="ComponentInfo"/> per label, indexed by label
/// (entry 0 describes the background).
/// </summary>
public sealed class ComponentStats
{
    /// <summary>Wraps per-label entries; <paramref name="components"/>[0] is the background.</summary>
    public ComponentStats(ComponentInfo[] components)
    {
        ArgumentNullException.ThrowIfNull(components);
        Components = components;
    }

    /// <summary>Number of labels including the background label 0 (OpenCV's return value).</summary>
    public int Count => Components.Length;

    /// <summary>Per-label entries, index = label; entry 0 is the background.</summary>
    public ComponentInfo[] Components { get; }

    /// <summary>The entry of <paramref name="label"/>.</summary>
    public ComponentInfo this[int label] => Components[label];
}
