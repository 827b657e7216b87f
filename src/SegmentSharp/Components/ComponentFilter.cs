using SegmentSharp.Imaging;

namespace SegmentSharp.Components;

/// <summary>
/// Keeps or drops labelled components by their statistics (area, aspect ratio or any predicate on
/// <see cref="ComponentInfo"/>), like scikit-image's <c>morphology.remove_small_objects</c> or the usual OpenCV idiom of
/// looping over <c>connectedComponentsWithStats</c> rows and masking labels.
/// </summary>
/// <remarks>
/// Filtering relabels the survivors 1..K in their original order, so the result equals labelling the filtered mask with
/// <see cref="ConnectedComponents"/> (and OpenCV): removing whole components does not change the order in which the others
/// are first met. Statistics are recomputed in the same pass, so the background entry (which absorbs the dropped pixels) is
/// exact too.
/// </remarks>
public static class ComponentFilter
{
    /// <summary>Keep flags (index = label) for components whose area lies in [<paramref name="minArea"/>, <paramref name="maxArea"/>].</summary>
    public static bool[] AreaBetween(ComponentStats stats, int minArea, int maxArea = int.MaxValue) =>
        Select(stats, c => c.Area >= minArea && c.Area <= maxArea);

    /// <summary>Keep flags for components whose width/height ratio lies in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static bool[] AspectRatioBetween(ComponentStats stats, double min, double max) =>
        Select(stats, c => c.AspectRatio >= min && c.AspectRatio <= max);

    /// <summary>Keep flags from a predicate evaluated once per foreground label; the background (label 0) is never kept.</summary>
    public static bool[] Select(ComponentStats stats, Func<ComponentInfo, bool> keep)
    {
        ArgumentNullException.ThrowIfNull(stats);
        ArgumentNullException.ThrowIfNull(keep);
        var flags = new bool[stats.Count];
        for (int i = 1; i < flags.Length; i++) flags[i] = keep(stats[i]);
        return flags;
    }

    /// <summary>Drops components outside the area range, relabelling <paramref name="labels"/> in place; returns the new stats.</summary>
    public static ComponentStats ByArea(ImageView<int> labels, ComponentStats stats, int minArea, int maxArea = int.MaxValue) =>
        Apply(labels, AreaBetween(stats, minArea, maxArea));

    /// <summary>Drops components whose width/height ratio is outside [min, max], relabelling in place; returns the new stats.</summary>
    public static ComponentStats ByAspectRatio(ImageView<int> labels, ComponentStats stats, double min, double max) =>
        Apply(labels, AspectRatioBetween(stats, min, max));

    /// <summary>
    /// Sets dropped labels to 0 and renumbers kept ones 1..K in their original order, in place; returns the stats of the
    /// new labelling (background included).
    /// </summary>
    public static ComponentStats Apply(ImageView<int> labels, ReadOnlySpan<bool> keep)
    {
        CheckLabels(labels, keep.Length);
        var map = new int[keep.Length];
        int k = 1;
        for (int i = 1; i < keep.Length; i++) map[i] = keep[i] ? k++ : 0;
        return new ComponentStats(Labeler.RelabelWithStats(labels, map, k));
    }

    /// <summary>Writes 255 where a pixel's label is kept and 0 elsewhere.</summary>
    public static void KeepMask(ReadOnlyImageView<int> labels, ReadOnlySpan<bool> keep, ImageView<byte> mask)
    {
        if (mask.Width != labels.Width || mask.Height != labels.Height || mask.Channels != 1)
            throw new ArgumentException("The mask must be single-channel and the size of the label image.", nameof(mask));
        CheckLabels(labels, keep.Length);
        Span<byte> lut = keep.Length <= 4096 ? stackalloc byte[keep.Length] : new byte[keep.Length];
        for (int i = 0; i < keep.Length; i++) lut[i] = keep[i] ? (byte)255 : (byte)0;
        for (int y = 0; y < labels.Height; y++)
        {
            ReadOnlySpan<int> l = labels.Row(y);
            Span<byte> m = mask.Row(y);
            for (int x = 0; x < l.Length; x++) m[x] = lut[l[x]];
        }
    }

    /// <summary>Allocating overload of <see cref="KeepMask(ReadOnlyImageView{int}, ReadOnlySpan{bool}, ImageView{byte})"/>.</summary>
    public static Image<byte> KeepMask(ReadOnlyImageView<int> labels, ReadOnlySpan<bool> keep)
    {
        var mask = new Image<byte>(labels.Width, labels.Height);
        KeepMask(labels, keep, mask.View);
        return mask;
    }

    private static void CheckLabels(ReadOnlyImageView<int> labels, int count)
    {
        if (labels.Channels != 1) throw new ArgumentException("The label image must have one channel.", nameof(labels));
        if (count < 1) throw new ArgumentException("The keep flags must cover at least the background label 0.", nameof(count));
        for (int y = 0; y < labels.Height; y++)
        {
            ReadOnlySpan<int> l = labels.Row(y);
            for (int x = 0; x < l.Length; x++)
                if ((uint)l[x] >= (uint)count)
                    throw new ArgumentException($"Label {l[x]} at ({x}, {y}) has no keep flag (flags cover 0..{count - 1}).", nameof(labels));
        }
    }
}
