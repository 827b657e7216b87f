using SegmentSharp.Components;
using SegmentSharp.Distance;
using SegmentSharp.Imaging;
using SegmentSharp.Morphology;

namespace SegmentSharp.Segmentation;

/// <summary>
/// The knobs of the marker recipe that splits touching objects before <see cref="Watershed"/> (the OpenCV tutorial
/// "Image Segmentation with Watershed Algorithm"; seed 004): open the mask, dilate it for the sure background, take
/// the distance transform, keep its peaks as the sure foreground, label the peaks as markers and flood.
/// </summary>
public sealed record WatershedRecipe
{
    /// <summary>Element of the opening and the dilation; OpenCV's tutorial uses a 3×3 square.</summary>
    public StructuringElement Kernel { get; init; } = StructuringElement.Rectangle(3, 3);
    /// <summary>Iterations of the noise-removing opening (2).</summary>
    public int OpenIterations { get; init; } = 2;
    /// <summary>Iterations of the dilation that bounds the sure background (3).</summary>
    public int DilateIterations { get; init; } = 3;
    /// <summary>Metric of the distance transform (L2).</summary>
    public DistanceType DistanceType { get; init; } = DistanceType.L2;
    /// <summary>Mask of the distance transform (5×5, as the tutorial).</summary>
    public DistanceMask DistanceMask { get; init; } = DistanceMask.Mask5;
    /// <summary>Sure foreground: distances above this fraction of the largest distance (0.5 in seed 004, 0.7 in OpenCV's tutorial).</summary>
    public double ForegroundFraction { get; init; } = 0.5;
    /// <summary>
    /// How the sure foreground is taken from the distance transform: one global cut-off at
    /// <see cref="ForegroundFraction"/> of the largest distance (the seed's recipe), or the distance's h-maxima of
    /// height <see cref="PeakHeight"/> (<see cref="Morphology.Reconstruction.HMaxima"/>), which gives small objects a seed
    /// next to large ones.
    /// </summary>
    public WatershedSeeds Seeds { get; init; } = WatershedSeeds.Fraction;
    /// <summary>Minimum height, in pixels of distance, of a peak that becomes a seed with <see cref="WatershedSeeds.Peaks"/> (1).</summary>
    public double PeakHeight { get; init; } = 1;
    /// <summary>Connectivity used to label the sure-foreground peaks (8, OpenCV's default).</summary>
    public Connectivity Connectivity { get; init; } = Connectivity.Eight;
}

/// <summary>Where the automatic watershed recipe puts its seeds.</summary>
public enum WatershedSeeds
{
    /// <summary>Distance above a fraction of its maximum over the whole image (OpenCV's tutorial, seed 004).</summary>
    Fraction,
    /// <summary>The h-maxima of the distance transform: one seed per sufficiently high peak.</summary>
    Peaks,
}

/// <summary>The intermediate images and result of <see cref="WatershedRecipes.Split"/>.</summary>
/// <param name="Markers">Watershed output: 1 = background, 2..N+1 = objects, −1 = boundaries (OpenCV's convention).</param>
/// <param name="Count">Number of objects N (sure-foreground components).</param>
/// <param name="SureForeground">0/255 mask of the distance peaks.</param>
/// <param name="SureBackground">0/255 mask of the dilated opening (everything outside is sure background).</param>
public sealed record WatershedResult(Image<int> Markers, int Count, Image<byte> SureForeground, Image<byte> SureBackground);

/// <summary>Ready-made marker recipes for <see cref="Watershed"/>.</summary>
public static class WatershedRecipes
{
    /// <summary>
    /// Splits touching objects of <paramref name="mask"/>: the exact chain of seed 004 / OpenCV's watershed tutorial,
    /// <c>opening = morphologyEx(mask, OPEN, k, iterations=2)</c>, <c>sure_bg = dilate(opening, k, iterations=3)</c>,
    /// <c>dist = distanceTransform(opening, DIST_L2, 5)</c>, <c>sure_fg = dist &gt; f·max(dist)</c>,
    /// <c>unknown = sure_bg − sure_fg</c>, <c>markers = connectedComponents(sure_fg) + 1</c> with the unknown band set to
    /// 0, then <c>watershed(image, markers)</c>. Equal to running those OpenCV calls.
    /// </summary>
    /// <param name="image">The picture to flood: BGR (as OpenCV) or gray.</param>
    /// <param name="mask">Mask of the objects, nonzero = object (e.g. Otsu inverse for dark coins on a light table);
    /// it is taken as 0/255, the values the recipe's subtraction expects.</param>
    /// <param name="recipe">Knobs; the tutorial's values when null.</param>
    public static WatershedResult Split(ReadOnlyImageView<byte> image, ReadOnlyImageView<byte> mask, WatershedRecipe? recipe = null)
    {
        recipe ??= new WatershedRecipe();
        if (!(recipe.ForegroundFraction is >= 0 and < 1))
            throw new ArgumentOutOfRangeException(nameof(recipe), recipe.ForegroundFraction, "The foreground fraction must be in [0, 1).");
        if (!(recipe.PeakHeight > 0) || double.IsInfinity(recipe.PeakHeight))
            throw new ArgumentOutOfRangeException(nameof(recipe), recipe.PeakHeight, "The peak height must be positive and finite.");
        int w = mask.Width, h = mask.Height;
        var binary = new Image<byte>(w, h);
        for (int y = 0; y < h; y++)
        {
            ReadOnlySpan<byte> s = mask.Row(y);
            Span<byte> d = binary.Row(y);
            for (int x = 0; x < w; x++) d[x] = s[x] != 0 ? (byte)255 : (byte)0;
        }
        var opening = new Image<byte>(w, h);
        Morphology.Morphology.Apply(MorphOperation.Open, binary, opening, recipe.Kernel, iterations: recipe.OpenIterations);
        var sureBg = new Image<byte>(w, h);
        Morphology.Morphology.Dilate(opening, sureBg, recipe.Kernel, iterations: recipe.DilateIterations);
        var dist = DistanceTransform.Apply(opening, recipe.DistanceType, recipe.DistanceMask);
        var sureFg = recipe.Seeds == WatershedSeeds.Peaks ? PeakSeeds(dist, opening, (float)recipe.PeakHeight) : FractionSeeds(dist, recipe.ForegroundFraction);
        var markers = ConnectedComponents.Label(sureFg, recipe.Connectivity, out int labels);
        for (int y = 0; y < h; y++)
        {
            Span<int> m = markers.Row(y);
            ReadOnlySpan<byte> bg = sureBg.Row(y), fg = sureFg.Row(y);
            for (int x = 0; x < w; x++)
            {
                // unknown = saturate(sure_bg − sure_fg) == 255 exactly where sure_bg is 255 and sure_fg is 0.
                bool unknown = bg[x] == 255 && fg[x] == 0;
                m[x] = unknown ? 0 : m[x] + 1;
            }
        }
        Watershed.Apply(image, markers);
        return new WatershedResult(markers, labels - 1, sureFg, sureBg);
    }

    private static Image<byte> FractionSeeds(Image<float> dist, double fraction)
    {
        float max = 0;
        foreach (float d in dist.Data) if (d > max) max = d;
        // cv2.threshold on CV_32F compares in float against the threshold rounded to float.
        float t = (float)(fraction * max);
        var sureFg = new Image<byte>(dist.Width, dist.Height);
        for (int y = 0; y < dist.Height; y++)
        {
            ReadOnlySpan<float> d = dist.Row(y);
            Span<byte> f = sureFg.Row(y);
            for (int x = 0; x < d.Length; x++) f[x] = d[x] > t ? (byte)255 : (byte)0;
        }
        return sureFg;
    }

    private static Image<byte> PeakSeeds(Image<float> dist, Image<byte> opening, float height)
    {
        var peaks = Morphology.Reconstruction.HMaxima(dist, height);
        // Flat background can count as a maximum when no object is taller than the height; seeds lie inside objects only.
        for (int i = 0; i < peaks.Data.Length; i++) if (opening.Data[i] == 0) peaks.Data[i] = 0;
        return peaks;
    }
}
