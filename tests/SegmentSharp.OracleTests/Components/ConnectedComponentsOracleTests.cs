using OpenCvSharp;
using SegmentSharp.Components;
using SegmentSharp.Imaging;

namespace SegmentSharp.OracleTests.Components;

public class ConnectedComponentsOracleTests
{
    public static TheoryData<Connectivity> Both => new() { Connectivity.Eight, Connectivity.Four };

    [Theory, MemberData(nameof(Both))]
    public void RandomImagesAllDensitiesAndSizes(Connectivity c)
    {
        var rng = new Random(4711 + (int)c);
        int[] sizes = [1, 2, 3, 4, 5, 7, 8, 16, 31, 33, 64];
        foreach (int w in sizes)
            foreach (int h in sizes)
                foreach (double d in new[] { 0.05, 0.3, 0.5, 0.7, 0.95 })
                    ComponentsOracle.AssertSame(ComponentsOracle.Random(w, h, d, rng), c, $"{w}x{h} d={d}");
    }

    [Theory, MemberData(nameof(Both))]
    public void ManySmallRandomImages(Connectivity c)
    {
        var rng = new Random(17 + (int)c);
        for (int i = 0; i < 3000; i++)
        {
            int w = rng.Next(1, 24), h = rng.Next(1, 24);
            ComponentsOracle.AssertSame(ComponentsOracle.Random(w, h, rng.NextDouble(), rng), c, $"#{i} {w}x{h}");
        }
    }

    [Theory, MemberData(nameof(Both))]
    public void LargeRandomImages(Connectivity c)
    {
        var rng = new Random(99 + (int)c);
        foreach (var (w, h, d) in new[] { (1000, 700, 0.45), (999, 701, 0.6), (1, 1000, 0.5), (1000, 1, 0.5), (513, 257, 0.05), (777, 555, 0.95) })
            ComponentsOracle.AssertSame(ComponentsOracle.Random(w, h, d, rng), c, $"{w}x{h} d={d}");
    }
}
