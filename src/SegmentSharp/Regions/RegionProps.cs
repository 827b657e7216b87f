namespace SegmentSharp.Regions;

/// <summary>
/// Measurements of one labelled region, named after scikit-image's <c>regionprops</c> (0.19) and equal to it within
/// 1e-6 relative. Coordinates are (row, column) as in scikit-image; the bounding box is half-open
/// (<c>MaxRow</c>/<c>MaxCol</c> are one past the last pixel). A label with no pixels has <see cref="Area"/> 0 and NaN
/// measurements.
/// </summary>
public sealed class RegionProps
{
    /// <summary>The label value.</summary>
    public int Label { get; init; }
    /// <summary>Number of pixels (<c>area</c>).</summary>
    public int Area { get; init; }
    /// <summary>First row of the bounding box (<c>bbox[0]</c>).</summary>
    public int MinRow { get; init; }
    /// <summary>First column of the bounding box (<c>bbox[1]</c>).</summary>
    public int MinCol { get; init; }
    /// <summary>One past the last row (<c>bbox[2]</c>).</summary>
    public int MaxRow { get; init; }
    /// <summary>One past the last column (<c>bbox[3]</c>).</summary>
    public int MaxCol { get; init; }
    /// <summary>Mean row of the pixels (<c>centroid[0]</c>).</summary>
    public double CentroidRow { get; init; }
    /// <summary>Mean column of the pixels (<c>centroid[1]</c>).</summary>
    public double CentroidCol { get; init; }
    /// <summary>Perimeter by Benkrid and Crookes' weighted border-pixel count, 4-neighbourhood (<c>perimeter</c>).</summary>
    public double Perimeter { get; init; }
    /// <summary>Diameter of the disc of the same area, <c>sqrt(4·area/π)</c> (<c>equivalent_diameter</c>).</summary>
    public double EquivalentDiameter { get; init; }
    /// <summary>Eccentricity of the ellipse with the same second moments (<c>eccentricity</c>).</summary>
    public double Eccentricity { get; init; }
    /// <summary>Angle in radians, in [−π/2, π/2], between the row axis and the major axis (<c>orientation</c>).</summary>
    public double Orientation { get; init; }
    /// <summary>Major axis of the ellipse with the same normalized second central moments (<c>major_axis_length</c>).</summary>
    public double MajorAxisLength { get; init; }
    /// <summary>Minor axis of that ellipse (<c>minor_axis_length</c>).</summary>
    public double MinorAxisLength { get; init; }
    /// <summary>Pixels of the convex hull image (<c>area_convex</c>, scikit-image's <c>convex_hull_image</c>).</summary>
    public int ConvexArea { get; init; }
    /// <summary><c>area / area_convex</c> (<c>solidity</c>).</summary>
    public double Solidity { get; init; }
    /// <summary><c>area / bounding-box area</c> (<c>extent</c>).</summary>
    public double Extent { get; init; }
    /// <summary>Objects minus holes with 8-connected objects and 4-connected holes (<c>euler_number</c>).</summary>
    public int EulerNumber { get; init; }
    /// <summary>Mean intensity over the region (<c>intensity_mean</c>); NaN without an intensity image.</summary>
    public double MeanIntensity { get; init; } = double.NaN;
    /// <summary>Minimum intensity (<c>intensity_min</c>); NaN without an intensity image.</summary>
    public double MinIntensity { get; init; } = double.NaN;
    /// <summary>Maximum intensity (<c>intensity_max</c>); NaN without an intensity image.</summary>
    public double MaxIntensity { get; init; } = double.NaN;
}
