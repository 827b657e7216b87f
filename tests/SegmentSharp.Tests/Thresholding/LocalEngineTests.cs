using SegmentSharp.Imaging;
using SegmentSharp.Thresholding.Local;

namespace SegmentSharp.Tests.Thresholding;

/// <summary>The streaming window sums and min/max against a direct O(w²) evaluation with reflect-101 borders.</summary>
public unsafe class LocalEngineTests
{
    public static TheoryData<int, int, int, string> Shapes()
    {
        var d = new TheoryData<int, int, int, string>();
        foreach (var (w, h) in new[] { (1, 1), (1, 9), (9, 1), (2, 2), (7, 5), (13, 11), (40, 3), (3, 40), (37, 29) })
            foreach (int win in new[] { 3, 5, 9, 15, 31, 101, 1001 })
                foreach (var kind in new[] { "random", "zero", "255", "binary" })
                    d.Add(w, h, win, kind);
        return d;
    }

    internal static byte[] MakeImage(int w, int h, int stride, string kind, int seed)
    {
        var rnd = new Random(seed);
        var data = new byte[(h - 1) * stride + w];
        for (int i = 0; i < data.Length; i++)
            data[i] = kind switch { "zero" => 0, "255" => 255, "binary" => (byte)(rnd.Next(2) * 255), _ => (byte)rnd.Next(256) };
        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void SumsAndExtremaEqualDirectWindows(int w, int h, int window, string kind)
    {
        int stride = w + 3;
        var data = MakeImage(w, h, stride, kind, w * 1000 + h * 10 + window);
        int r = window / 2;
        int[]? hIdx = WindowSums.HorizontalIndex(w, r);
        fixed (byte* p = data)
        {
            var plane = new LocalPlane(p, w, h, stride);
            byte[]? cmin = null, cmax = null;
            if (WindowMinMax.CoversColumn(h, r)) (cmin, cmax) = WindowMinMax.ColumnExtrema(plane);
            // Start bands at several rows so the start-up path (multiplicities of reflected rows) is exercised too.
            foreach (int y0 in new[] { 0, h / 2, h - 1 }.Distinct())
            {
                var sums = new WindowSums(plane, r, hIdx);
                var mm = new WindowMinMax(plane, r, y0, cmin, cmax, hIdx);
                for (int y = y0; y < h; y++)
                {
                    sums.Row(y);
                    mm.Row(y);
                    for (int x = 0; x < w; x++)
                    {
                        var (s, q, mn, mx) = LocalNaive.Window(data, w, h, stride, x, y, window);
                        Assert.True(s == sums.Sum[x] && q == sums.SumSq[x] && mn == mm.Min[x] && mx == mm.Max[x],
                            $"({x},{y}) band {y0}: sum {sums.Sum[x]}/{s} sq {sums.SumSq[x]}/{q} min {mm.Min[x]}/{mn} max {mm.Max[x]}/{mx}");
                    }
                }
            }
        }
    }

    [Fact]
    public void ReflectionMatchesNumpyPadReflect()
    {
        // np.pad(np.arange(3), (7, 7), mode='reflect') = [1 2 1 0 1 2 1 | 0 1 2 | 1 0 1 2 1 0 1]
        int[] expected = [1, 2, 1, 0, 1, 2, 1, 0, 1, 2, 1, 0, 1, 2, 1, 0, 1];
        for (int i = -7; i < 10; i++) Assert.Equal(expected[i + 7], Reflect101.Map(i, 3));
        Assert.Equal(0, Reflect101.Map(-12345, 1));
        long[] counts = Reflect101.Counts(-7, 17, 3);
        Assert.Equal(new long[] { 4, 9, 4 }, counts);
    }
}
