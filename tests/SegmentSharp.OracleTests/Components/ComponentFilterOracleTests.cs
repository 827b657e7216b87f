using SegmentSharp.Components;
using SegmentSharp.Imaging;
using ConnectedComponents = SegmentSharp.Components.ConnectedComponents;

namespace SegmentSharp.OracleTests.Components;

public class ComponentFilterOracleTests
{
    [Theory]
    [InlineData(Connectivity.Eight)]
    [InlineData(Connectivity.Four)]
    public void FilteredLabelsEqualOpenCvOnTheFilteredMask(Connectivity c)
    {
        var rng = new Random(31 + (int)c);
        foreach (var (w, h, d) in new[] { (300, 200, 0.4), (301, 199, 0.55), (64, 1, 0.5) })
        {
            var src = ComponentsOracle.Random(w, h, d, rng);
            var labels = ConnectedComponents.LabelWithStats(src.ReadOnlyView, c, out var stats);
            var keep = ComponentFilter.Select(stats, s => s.Area >= 3 && s.Area <= 40 && s.AspectRatio <= 2.5);
            var mask = ComponentFilter.KeepMask(labels.ReadOnlyView, keep);
            // The oracle labels the filtered mask; ours relabels the original labels: same numbers and stats expected.
            ComponentsOracle.AssertSame(mask, c, $"filtered {w}x{h}");
            var filtered = ComponentFilter.Apply(labels.View, keep);
            var direct = ConnectedComponents.LabelWithStats(mask.ReadOnlyView, c, out var directStats);
            Assert.Equal(direct.Data, labels.Data);
            Assert.Equal(directStats.Components, filtered.Components);
        }
    }
}
