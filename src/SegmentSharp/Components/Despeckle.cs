using System.Runtime.CompilerServices;
using SegmentSharp.Imaging;

namespace SegmentSharp.Components;

/// <summary>Which pixels of a two-level mask form the specks that <see cref="Despeckle"/> removes.</summary>
public enum SpeckPolarity
{
    /// <summary>Specks are connected groups of 0 pixels (dark dots on a light ground, e.g. noise in a text mask whose text is 0).</summary>
    Dark,
    /// <summary>Specks are connected groups of non-zero pixels (light dots, e.g. noise in a mask whose text is 255).</summary>
    Light,
}

/// <summary>
/// Removes connected components smaller than a given area from a binary mask — the "despeckle" step that cleans salt
/// or pepper noise out of a binarized page before OCR or archiving.
/// </summary>
/// <remarks>
/// <para>Algorithm: label the speck-coloured pixels (<see cref="ConnectedComponents.LabelWithStats(ReadOnlyImageView{byte}, ImageView{int}, Connectivity)"/>,
/// OpenCV's <c>connectedComponentsWithStats</c>), and repaint every component whose area is below the limit with the
/// other colour. Equivalent to scikit-image's <c>skimage.morphology.remove_small_objects(mask, min_size, connectivity)</c>
/// for light specks and <c>remove_small_holes(mask, area_threshold, connectivity)</c> for dark ones, which likewise drop
/// components with <c>area &lt; limit</c> (scikit-image's default connectivity is 1, i.e. <see cref="Connectivity.Four"/>;
/// connectivity 2 is <see cref="Connectivity.Eight"/>, the default here). With OpenCV it is the
/// usual idiom of masking the labels of <c>connectedComponentsWithStats</c> whose <c>CC_STAT_AREA</c> is too small.</para>
/// <para>Text polarity: this library's masks have the text 0 and the paper 255 (pixel &gt; threshold), so the default,
/// <see cref="SpeckPolarity.Dark"/>, removes isolated dark dots that would be read as ink; a mask inverted to white text
/// needs <see cref="SpeckPolarity.Light"/>. Memory: one 32-bit label image (4 bytes per pixel) plus the mask.</para>
/// </remarks>
public static class Despeckle
{
    /// <summary>
    /// Returns a copy of <paramref name="mask"/> in which every speck-coloured component with fewer than
    /// <paramref name="minArea"/> pixels is repainted: dark specks (0) become <paramref name="lightValue"/>, light specks
    /// (non-zero) become 0. Pixels outside removed specks are copied unchanged.
    /// </summary>
    /// <param name="mask">Single-channel mask; 0 is dark, any other value light.</param>
    /// <param name="minArea">Components with <c>area &lt; minArea</c> are removed; 0 or 1 removes nothing.</param>
    /// <param name="polarity">Which colour forms the specks; default <see cref="SpeckPolarity.Dark"/>.</param>
    /// <param name="connectivity">Neighbourhood that joins speck pixels; default 8.</param>
    /// <param name="lightValue">Value painted over removed dark specks; default 255.</param>
    /// <exception cref="ArgumentException">The mask has more than one channel.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minArea"/> is negative.</exception>
    public static Image<byte> Apply(ReadOnlyImageView<byte> mask, int minArea, SpeckPolarity polarity = SpeckPolarity.Dark,
        Connectivity connectivity = Connectivity.Eight, byte lightValue = 255)
        => Apply(mask, minArea, out _, polarity, connectivity, lightValue);

    /// <summary>
    /// As <see cref="Apply(ReadOnlyImageView{byte}, int, SpeckPolarity, Connectivity, byte)"/>, also reporting how many
    /// components were removed.
    /// </summary>
    /// <param name="mask">Single-channel mask; 0 is dark, any other value light.</param>
    /// <param name="minArea">Components with <c>area &lt; minArea</c> are removed.</param>
    /// <param name="removed">Number of components repainted.</param>
    /// <param name="polarity">Which colour forms the specks.</param>
    /// <param name="connectivity">Neighbourhood that joins speck pixels.</param>
    /// <param name="lightValue">Value painted over removed dark specks.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Image<byte> Apply(ReadOnlyImageView<byte> mask, int minArea, out int removed,
        SpeckPolarity polarity = SpeckPolarity.Dark, Connectivity connectivity = Connectivity.Eight, byte lightValue = 255)
    {
        removed = 0;
        ImageGuard.SingleChannel(mask, nameof(mask));
        ArgumentOutOfRangeException.ThrowIfNegative(minArea);
        int w = mask.Width, h = mask.Height;
        var dst = new Image<byte>(w, h);
        for (int y = 0; y < h; y++) mask.Row(y).CopyTo(dst.Row(y));
        if (minArea <= 1 || w == 0 || h == 0) return dst;

        // The labeller treats non-zero as foreground, so dark specks are labelled on the negative.
        Image<byte> specks = polarity == SpeckPolarity.Dark ? ToZeroMask(mask) : dst;
        var labels = new Image<int>(w, h);
        ComponentStats stats = ConnectedComponents.LabelWithStats(specks.ReadOnlyView, labels.View, connectivity);
        var remove = new bool[stats.Count];
        for (int i = 1; i < remove.Length; i++)
            if (stats[i].Area < minArea) { remove[i] = true; removed++; }
        if (removed == 0) return dst;

        byte fill = polarity == SpeckPolarity.Dark ? lightValue : (byte)0;
        for (int y = 0; y < h; y++)
        {
            ReadOnlySpan<int> l = labels.Row(y);
            Span<byte> d = dst.Row(y);
            for (int x = 0; x < l.Length; x++)
                if (remove[l[x]]) d[x] = fill;
        }
        return dst;
    }

    /// <summary>255 where the mask is 0, else 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Image<byte> ToZeroMask(ReadOnlyImageView<byte> mask)
    {
        var z = new Image<byte>(mask.Width, mask.Height);
        for (int y = 0; y < mask.Height; y++)
        {
            ReadOnlySpan<byte> s = mask.Row(y);
            Span<byte> d = z.Row(y);
            for (int x = 0; x < s.Length; x++) d[x] = s[x] == 0 ? (byte)255 : (byte)0;
        }
        return z;
    }
}
