using SegmentSharp.Components;
using SegmentSharp.Drawing;
using SegmentSharp.Imaging;

namespace SegmentSharp.Pipelines.Outputs;

/// <summary>The overlay pictures of `segment components` and `segment contours`, shared with the pipeline's write-overlay step.</summary>
internal static class Overlays
{
    /// <summary>Alpha of the component tint: strong enough to see the colour, weak enough to see the object.</summary>
    public const double ComponentAlpha = 0.45;

    /// <summary>
    /// Each component tinted in its palette colour (Overlay.Labels), then its inner boundary drawn opaque in the same
    /// colour so touching components stay apart.
    /// </summary>
    public static Image<byte> Components(ReadOnlyImageView<byte> bgr, ReadOnlyImageView<int> labels)
    {
        var over = Overlay.Labels(bgr, labels, ComponentAlpha);
        var edges = Boundaries.Find(labels, BoundaryMode.Inner);
        for (int y = 0; y < over.Height; y++)
        {
            ReadOnlySpan<byte> e = edges.Row(y);
            ReadOnlySpan<int> l = labels.Row(y);
            Span<byte> d = over.Row(y);
            for (int x = 0; x < e.Length; x++)
                if (e[x] != 0) { var c = LabelPalette.Default[l[x]]; d[3 * x] = c.B; d[3 * x + 1] = c.G; d[3 * x + 2] = c.R; }
        }
        return over;
    }

    /// <summary>Contours drawn on the picture in place: outer borders green, hole borders red.</summary>
    public static void Contours(Image<byte> bgr, ContourSet set, int thickness)
    {
        for (int i = 0; i < set.Count; i++)
            Draw.Polyline(bgr, set.Contours[i], closed: true, set.IsHole[i] ? Rgb.Red : Rgb.Green, thickness);
    }
}
