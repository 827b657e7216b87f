using SegmentSharp.Imaging;
using SegmentSharp.Metrics;

namespace SegmentSharp.Tests.Metrics;

public class PseudoFWeightsTests
{
    [Fact]
    public void ParseDibco_ReadsRowMajorWhitespaceSeparatedValues()
    {
        var v = PseudoFWeights.ParseDibco("0.000000  0.250000 \n1.5\t2.000000  ", 2, 2);
        Assert.Equal(new[] { 0.0, 0.25, 1.5, 2.0 }, v);
    }

    [Fact]
    public void ParseDibco_RejectsWrongCountAndBadTokens()
    {
        var few = Assert.Throws<InvalidDataException>(() => PseudoFWeights.ParseDibco("1 2 3", 2, 2, "x_RWeights.dat"));
        Assert.Contains("3 values, expected 4", few.Message);
        Assert.Contains("x_RWeights.dat", few.Message);
        Assert.Throws<InvalidDataException>(() => PseudoFWeights.ParseDibco("1 2 3 4 5", 2, 2));
        var bad = Assert.Throws<InvalidDataException>(() => PseudoFWeights.ParseDibco("1 2 abc 4", 2, 2));
        Assert.Contains("value 3 \"abc\"", bad.Message);
    }

    [Fact]
    public void ReadDibcoFiles_RoundTrip()
    {
        string dir = Path.Combine(Path.GetTempPath(), "segsharp-metrics-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllText(Path.Combine(dir, "r.dat"), "0.5 0 0 1\n0 0\n");
            File.WriteAllText(Path.Combine(dir, "p.dat"), "0 0.25 0 0 2 0");
            var w = PseudoFWeights.ReadDibcoFiles(Path.Combine(dir, "r.dat"), Path.Combine(dir, "p.dat"), 3, 2);
            Assert.Equal(new[] { 0.5, 0, 0, 1, 0, 0 }, w.Recall);
            Assert.Equal(new[] { 0, 0.25, 0, 0, 2, 0 }, w.PrecisionExcess);
        }
        finally { Directory.Delete(dir, true); }
    }

    /// <summary>A horizontal bar <paramref name="thickness"/> rows thick and 40 wide, in a 60×(thickness+20) image.</summary>
    private static Image<byte> Bar(int thickness, out int top)
    {
        var img = new Image<byte>(60, thickness + 20);
        top = 10;
        for (int y = top; y < top + thickness; y++) img.Row(y).Slice(10, 40).Fill(255);
        return img;
    }

    [Theory]
    // Cross-section of the DIBCO weight file on an 8-pixel stroke of the Doxa fixture: D = 0 1 2 3 3 2 1 0, NR = 12.
    [InlineData(8, new[] { 0.0, 1, 2, 3, 3, 2, 1, 0 }, 12)]
    // An odd stroke: D = 0 1 2 3 2 1 0, NR = 9 (= r²).
    [InlineData(7, new[] { 0.0, 1, 2, 3, 2, 1, 0 }, 9)]
    public void Compute_RecallWeights_SumToOneAcrossAStroke(int thickness, double[] d, int nr)
    {
        var gt = Bar(thickness, out int top);
        var w = PseudoFWeights.Compute(gt);
        int x = 30; // mid-bar, far from its ends
        for (int k = 0; k < thickness; k++)
            Assert.Equal(d[k] / nr, w.Recall[(top + k) * gt.Width + x], 12);
        double sum = 0;
        for (int y = 0; y < gt.Height; y++) sum += w.Recall[y * gt.Width + x];
        Assert.Equal(1.0, sum, 12);
        Assert.Equal(0.0, w.Recall[2 * gt.Width + x]); // background carries no recall weight
    }

    [Theory]
    // Background next to the 8-pixel stroke in the fixture's PWeights: .25 .5 .75 1 then 0 (NP = width / 2 = 4).
    [InlineData(8, new[] { 0.25, 0.5, 0.75, 1.0, 0.0 })]
    // A 7-pixel stroke: NP = 3.5 → 2/7, 4/7, 6/7, then beyond reach.
    [InlineData(7, new[] { 2 / 7.0, 4 / 7.0, 6 / 7.0, 0.0 })]
    public void Compute_PrecisionExcess_RisesAwayFromTheStroke(int thickness, double[] above)
    {
        var gt = Bar(thickness, out int top);
        var w = PseudoFWeights.Compute(gt);
        int x = 30;
        for (int k = 0; k < above.Length; k++)
        {
            Assert.Equal(above[k], w.PrecisionExcess[(top - 1 - k) * gt.Width + x], 12);
            Assert.Equal(above[k], w.PrecisionExcess[(top + thickness + k) * gt.Width + x], 12);
        }
        for (int k = 0; k < thickness; k++) Assert.Equal(0.0, w.PrecisionExcess[(top + k) * gt.Width + x]);
    }

    [Fact]
    public void Compute_ThinStrokes_WeighOnePerCrossSection()
    {
        // Width 1: the one pixel weighs 1. Width 2: each of the two weighs 1/2.
        var one = MetricsTestImages.Mask("000000000", "011111110", "000000000");
        Assert.Equal(1.0, PseudoFWeights.Compute(one).Recall[1 * 9 + 4], 12);
        var two = MetricsTestImages.Mask("000000000", "011111110", "011111110", "000000000");
        var w = PseudoFWeights.Compute(two);
        Assert.Equal(0.5, w.Recall[1 * 9 + 4], 12);
        Assert.Equal(0.5, w.Recall[2 * 9 + 4], 12);
    }

    [Fact]
    public void Compute_EmptyGroundTruth_AllZero()
    {
        var w = PseudoFWeights.Compute(new Image<byte>(5, 3));
        Assert.All(w.Recall, v => Assert.Equal(0.0, v));
        Assert.All(w.PrecisionExcess, v => Assert.Equal(0.0, v));
    }
}
