using CsCheck;
using SegmentSharp.Components;
using SegmentSharp.Imaging;

namespace SegmentSharp.Tests.Components;

public class DespeckleTests
{
    private static Image<byte> Parse(params string[] rows)
    {
        var img = new Image<byte>(rows[0].Length, rows.Length);
        for (int y = 0; y < rows.Length; y++)
            for (int x = 0; x < rows[y].Length; x++)
                img.Row(y)[x] = rows[y][x] == '#' ? (byte)0 : (byte)255; // '#' = ink (0), '.' = paper (255)
        return img;
    }

    private static string[] Show(Image<byte> img) =>
        Enumerable.Range(0, img.Height).Select(y => string.Concat(img.Row(y).ToArray().Select(v => v == 0 ? '#' : '.'))).ToArray();

    [Fact]
    public void RemovesDarkSpecksBelowTheArea()
    {
        var page = Parse(
            "#.....##..",
            "......#...",
            "..........",
            ".####...#.",
            ".####....#",
            "..........");
        // Components of ink: 1 px (0,0); 3 px at top right; 8 px block; 2 px diagonal pair (8-connected).
        var r = Despeckle.Apply(page.ReadOnlyView, 3, out int removed);
        Assert.Equal(2, removed);
        Assert.Equal(new[]
        {
            "......##..",
            "......#...",
            "..........",
            ".####.....",
            ".####.....",
            "..........",
        }, Show(r));
        Assert.Equal(Show(page), Show(Despeckle.Apply(page.ReadOnlyView, 1)));
        Assert.Equal(Show(page), Show(Despeckle.Apply(page.ReadOnlyView, 0)));
    }

    [Fact]
    public void FourConnectivitySplitsDiagonals()
    {
        var page = Parse(
            "#.........",
            ".#........",
            "....###...");
        // 8-connected the diagonal pair is one 2-pixel speck; 4-connected it is two 1-pixel specks.
        var eight = Despeckle.Apply(page.ReadOnlyView, 2, out int n8, SpeckPolarity.Dark, Connectivity.Eight);
        var four = Despeckle.Apply(page.ReadOnlyView, 2, out int n4, SpeckPolarity.Dark, Connectivity.Four);
        Assert.Equal(0, n8);
        Assert.Equal(2, n4);
        Assert.Equal(Show(page), Show(eight));
        Assert.Equal(new[] { "..........", "..........", "....###..." }, Show(four));
    }

    [Fact]
    public void LightSpecksBecomeZeroAndLightValueIsUsedForDarkOnes()
    {
        var img = new Image<byte>(6, 3);
        // Value 128 as "light": one 1-px light speck inside a dark field, and one 1-px dark hole in a light area.
        byte[] data =
        [
            0, 0, 0, 128, 128, 128,
            0, 128, 0, 128, 0, 128,
            0, 0, 0, 128, 128, 128,
        ];
        data.CopyTo(img.Data, 0);
        var light = Despeckle.Apply(img.ReadOnlyView, 2, out int nl, SpeckPolarity.Light);
        Assert.Equal(1, nl);
        Assert.Equal(0, light.Row(1)[1]);
        Assert.Equal(128, light.Row(1)[3]);
        var dark = Despeckle.Apply(img.ReadOnlyView, 2, out int nd, SpeckPolarity.Dark, Connectivity.Eight, lightValue: 128);
        Assert.Equal(1, nd);
        Assert.Equal(128, dark.Row(1)[4]);
        Assert.Equal(128, dark.Row(1)[1]); // the light speck stays
    }

    [Fact]
    public void EqualsFloodFillOnRandomMasks() =>
        Gen.Select(BinaryImage.Gen, Gen.Int[0, 12], Gen.Bool, Gen.Bool).Sample((img, minArea, dark, eight) =>
        {
            var conn = eight ? Connectivity.Eight : Connectivity.Four;
            var polarity = dark ? SpeckPolarity.Dark : SpeckPolarity.Light;
            var got = Despeckle.Apply(img.View, minArea, out int removed, polarity, conn);
            var (expected, expectedRemoved) = Naive(img, minArea, dark, eight);
            Assert.Equal(expectedRemoved, removed);
            for (int y = 0; y < img.Height; y++)
                for (int x = 0; x < img.Width; x++)
                    Assert.Equal(expected[y * img.Width + x], got.Row(y)[x]);
        }, iter: 300);

    /// <summary>Breadth-first flood fill of the speck colour; components under the area are repainted.</summary>
    private static (byte[] result, int removed) Naive(BinaryImage img, int minArea, bool dark, bool eight)
    {
        int w = img.Width, h = img.Height;
        var result = new byte[w * h];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
                result[y * w + x] = img.Data[y * img.Stride + x];
        bool IsSpeck(int x, int y) => dark ? !img.Fg(x, y) : img.Fg(x, y);
        var seen = new bool[w * h];
        int removed = 0;
        for (int y0 = 0; y0 < h; y0++)
            for (int x0 = 0; x0 < w; x0++)
            {
                if (seen[y0 * w + x0] || !IsSpeck(x0, y0)) continue;
                var comp = new List<int>();
                var queue = new Queue<(int, int)>();
                queue.Enqueue((x0, y0));
                seen[y0 * w + x0] = true;
                while (queue.Count > 0)
                {
                    var (x, y) = queue.Dequeue();
                    comp.Add(y * w + x);
                    for (int dy = -1; dy <= 1; dy++)
                        for (int dx = -1; dx <= 1; dx++)
                        {
                            if ((dx == 0 && dy == 0) || (!eight && dx != 0 && dy != 0)) continue;
                            int nx = x + dx, ny = y + dy;
                            if (nx < 0 || ny < 0 || nx >= w || ny >= h || seen[ny * w + nx] || !IsSpeck(nx, ny)) continue;
                            seen[ny * w + nx] = true;
                            queue.Enqueue((nx, ny));
                        }
                }
                if (comp.Count < minArea && minArea > 1)
                {
                    removed++;
                    foreach (int i in comp) result[i] = dark ? (byte)255 : (byte)0;
                }
            }
        return (result, removed);
    }
}
