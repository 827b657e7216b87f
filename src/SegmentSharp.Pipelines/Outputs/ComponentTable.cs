using System.Globalization;
using System.Text;
using SegmentSharp.Components;
using SegmentSharp.Imaging;

using SegmentSharp.Pipelines.Text;

namespace SegmentSharp.Pipelines.Outputs;

/// <summary>
/// Per-component statistics as a table: OpenCV's stats and centroids first (label, left, top, width, height, area,
/// centroid_x, centroid_y), then region properties with scikit-image's names. Written as CSV or JSON.
/// </summary>
internal sealed class ComponentTable
{
    public required string[] Columns { get; init; }
    /// <summary>One row per component; integer columns hold whole numbers.</summary>
    public required double[][] Rows { get; init; }
    /// <summary>Which columns are integers (printed without a decimal point).</summary>
    public required bool[] IsInteger { get; init; }

    /// <param name="labels">Label image.</param>
    /// <param name="stats">Its OpenCV-style stats.</param>
    /// <param name="intensity">Gray image for the intensity properties.</param>
    /// <param name="regionProperties">False keeps OpenCV's columns only (what <c>connectedComponentsWithStats</c>
    /// gives), which skips the per-region shape measurements.</param>
    public static ComponentTable Build(ReadOnlyImageView<int> labels, ComponentStats stats, ReadOnlyImageView<byte> intensity,
        bool regionProperties = true)
    {
        var columns = new List<string> { "label", "left", "top", "width", "height", "area", "centroid_x", "centroid_y" };
        var ints = new List<bool> { true, true, true, true, true, true, false, false };
        var extra = regionProperties ? RegionColumns.Compute(labels, stats.Count - 1, intensity) : RegionColumns.None(stats.Count - 1);
        columns.AddRange(extra.Names);
        ints.AddRange(extra.IsInteger);
        var rows = new double[stats.Count - 1][];
        for (int l = 1; l < stats.Count; l++)
        {
            var c = stats[l];
            var row = new double[columns.Count];
            row[0] = l; row[1] = c.Left; row[2] = c.Top; row[3] = c.Width; row[4] = c.Height; row[5] = c.Area;
            row[6] = c.CentroidX; row[7] = c.CentroidY;
            for (int j = 0; j < extra.Names.Length; j++) row[8 + j] = extra.Values[l - 1][j];
            rows[l - 1] = row;
        }
        return new ComponentTable { Columns = [.. columns], Rows = rows, IsInteger = [.. ints] };
    }

    public string ToCsv() => AppendCsv(new StringBuilder()).ToString();

    /// <summary>The CSV text appended to <paramref name="sb"/> (a pipeline reuses one builder per thread).</summary>
    public StringBuilder AppendCsv(StringBuilder sb)
    {
        sb.Append(string.Join(',', Columns)).Append('\n');
        foreach (var row in Rows)
        {
            for (int j = 0; j < row.Length; j++)
            {
                if (j > 0) sb.Append(',');
                sb.Append(Format(row[j], IsInteger[j]));
            }
            sb.Append('\n');
        }
        return sb;
    }

    public string ToJson()
    {
        var items = Rows.Select(row => Json.Object(Columns.Select((c, j) => (c, IsInteger[j] ? Format(row[j], true) : Json.Num(row[j]))).ToArray()));
        return "[\n  " + string.Join(",\n  ", items) + "\n]\n";
    }

    private static string Format(double v, bool integer)
        => integer ? ((long)v).ToString(CultureInfo.InvariantCulture) : double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : "";
}

/// <summary>
/// The region-property columns after OpenCV's: scikit-image 0.19 <c>regionprops</c> values from
/// <see cref="Regions.RegionProperties"/>, with intensities measured on the gray input.
/// </summary>
internal sealed record RegionColumns(string[] Names, bool[] IsInteger, double[][] Values)
{
    /// <summary>No region-property columns, for <paramref name="count"/> components.</summary>
    public static RegionColumns None(int count)
    {
        var values = new double[count][];
        Array.Fill(values, []);
        return new RegionColumns([], [], values);
    }

    private static readonly (string Name, bool Integer, Func<Regions.RegionProps, double> Get)[] Spec =
    [
        ("perimeter", false, r => r.Perimeter),
        ("equivalent_diameter", false, r => r.EquivalentDiameter),
        ("eccentricity", false, r => r.Eccentricity),
        ("orientation", false, r => r.Orientation),
        ("major_axis_length", false, r => r.MajorAxisLength),
        ("minor_axis_length", false, r => r.MinorAxisLength),
        ("convex_area", true, r => r.ConvexArea),
        ("solidity", false, r => r.Solidity),
        ("extent", false, r => r.Extent),
        ("euler_number", true, r => r.EulerNumber),
        ("mean_intensity", false, r => r.MeanIntensity),
        ("min_intensity", true, r => r.MinIntensity),
        ("max_intensity", true, r => r.MaxIntensity),
    ];

    public static RegionColumns Compute(ReadOnlyImageView<int> labels, int count, ReadOnlyImageView<byte> intensity)
    {
        var props = Regions.RegionProperties.Measure(labels, count, intensity);
        var values = new double[count][];
        for (int i = 0; i < count; i++)
        {
            var r = props[i];
            values[i] = Spec.Select(c => c.Get(r)).ToArray();
        }
        return new RegionColumns(Spec.Select(c => c.Name).ToArray(), Spec.Select(c => c.Integer).ToArray(), values);
    }
}
