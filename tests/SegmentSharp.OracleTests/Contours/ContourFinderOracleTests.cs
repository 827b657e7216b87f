using SegmentSharp.Imaging;

namespace SegmentSharp.OracleTests.Contours;

public class ContourFinderOracleTests
{
    [Fact]
    public void TinyAndDegenerateMasks()
    {
        var rng = new Random(11);
        int[] sizes = [1, 2, 3, 4, 5, 7, 16, 33];
        foreach (int w in sizes)
            foreach (int h in sizes)
            {
                foreach (double d in new[] { 0.0, 0.2, 0.5, 0.8, 1.0 })
                    ContoursOracle.AssertAllSame(ContoursOracle.Salt(w, h, d, rng), $"{w}x{h} d={d}");
            }
    }
}
