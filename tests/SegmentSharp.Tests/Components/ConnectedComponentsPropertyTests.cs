using CsCheck;
using SegmentSharp.Components;
using SegmentSharp.Imaging;

namespace SegmentSharp.Tests.Components;

/// <summary>A random binary image, possibly stored with row padding so views have a stride wider than the row.</summary>
public sealed record BinaryImage(byte[] Data, int Width, int Height, int Stride)
{
    public ReadOnlyImageView<byte> View => new(Data, Width, Height, 1, Stride);
    public bool Fg(int x, int y) => Data[y * Stride + x] != 0;

    public static readonly Gen<BinaryImage> Gen =
        from w in CsCheck.Gen.Int[1, 40]
        from h in CsCheck.Gen.Int[1, 40]
        from pad in CsCheck.Gen.Int[0, 5]
        from density in CsCheck.Gen.Int[1, 99]
        from bits in CsCheck.Gen.Int[0, 99].Array[(h - 1) * (w + pad) + w]
        select new BinaryImage(bits.Select(b => b < density ? (byte)(1 + b) : (byte)0).ToArray(), w, h, w + pad);

    public override string ToString() => $"{Width}x{Height} stride {Stride}: " +
        string.Join("/", Enumerable.Range(0, Height).Select(y => string.Concat(Enumerable.Range(0, Width).Select(x => Fg(x, y) ? '#' : '.'))));
}

public class ConnectedComponentsPropertyTests
{
    private static readonly Gen<Connectivity> Conn = CsCheck.Gen.Bool.Select(b => b ? Connectivity.Eight : Connectivity.Four);

    /// <summary>Breadth-first flood fill: component id per pixel (-1 = background), ids in order of the given seed order.</summary>
    private static (int[] ids, int count) Bfs(BinaryImage img, Connectivity c, IEnumerable<(int x, int y)> seeds)
    {
        int w = img.Width, h = img.Height;
        var ids = new int[w * h];
        Array.Fill(ids, -1);
        int n = 0;
        var queue = new Queue<(int, int)>();
        foreach (var (sx, sy) in seeds)
        {
            if (!img.Fg(sx, sy) || ids[sy * w + sx] >= 0) continue;
            ids[sy * w + sx] = n;
            queue.Enqueue((sx, sy));
            while (queue.Count > 0)
            {
                var (x, y) = queue.Dequeue();
                for (int dy = -1; dy <= 1; dy++)
                    for (int dx = -1; dx <= 1; dx++)
                    {
                        if ((dx | dy) == 0 || (c == Connectivity.Four && dx != 0 && dy != 0)) continue;
                        int nx = x + dx, ny = y + dy;
                        if (nx < 0 || ny < 0 || nx >= w || ny >= h || !img.Fg(nx, ny) || ids[ny * w + nx] >= 0) continue;
                        ids[ny * w + nx] = n;
                        queue.Enqueue((nx, ny));
                    }
            }
            n++;
        }
        return (ids, n);
    }

    /// <summary>The scan order that fixes label numbers: 2×2 blocks for 8-way (OpenCV Spaghetti), raster for 4-way.</summary>
    private static IEnumerable<(int, int)> ScanOrder(int w, int h, Connectivity c)
    {
        if (c == Connectivity.Four)
        {
            for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) yield return (x, y);
            yield break;
        }
        for (int by = 0; by < h; by += 2)
            for (int bx = 0; bx < w; bx += 2)
                for (int dy = 0; dy < 2; dy++)
                    for (int dx = 0; dx < 2; dx++)
                        if (bx + dx < w && by + dy < h) yield return (bx + dx, by + dy);
    }

    [Fact]
    public void LabelsEqualFloodFillNumberedInScanOrder()
    {
        CsCheck.Gen.Select(BinaryImage.Gen, Conn).Sample((img, c) =>
        {
            var labels = ConnectedComponents.Label(img.View, c, out int count);
            var (ids, n) = Bfs(img, c, ScanOrder(img.Width, img.Height, c));
            if (count != n + 1) return false;
            for (int y = 0; y < img.Height; y++)
                for (int x = 0; x < img.Width; x++)
                    if (labels.Data[y * img.Width + x] != ids[y * img.Width + x] + 1) return false;
            return true;
        }, iter: 3000);
    }

    [Fact]
    public void StatsEqualDirectMeasurement()
    {
        CsCheck.Gen.Select(BinaryImage.Gen, Conn).Sample((img, c) =>
        {
            var labels = ConnectedComponents.LabelWithStats(img.View, c, out var stats);
            for (int l = 0; l < stats.Count; l++)
            {
                int minX = int.MaxValue, minY = int.MaxValue, maxX = -1, maxY = -1, area = 0;
                long sx = 0, sy = 0;
                for (int y = 0; y < img.Height; y++)
                    for (int x = 0; x < img.Width; x++)
                        if (labels.Data[y * img.Width + x] == l)
                        {
                            minX = Math.Min(minX, x); maxX = Math.Max(maxX, x); minY = Math.Min(minY, y); maxY = Math.Max(maxY, y);
                            area++; sx += x; sy += y;
                        }
                var e = stats[l];
                if (area == 0)
                {
                    if (l != 0 || e.Area != 0 || !double.IsNaN(e.CentroidX)) return false;
                    continue;
                }
                if (e != new ComponentInfo(minX, minY, maxX - minX + 1, maxY - minY + 1, area, (double)sx / area, (double)sy / area))
                    return false;
            }
            return true;
        }, iter: 1000);
    }

    [Fact]
    public void StridedViewsGiveTheSameLabelsAsCompactCopies()
    {
        CsCheck.Gen.Select(BinaryImage.Gen, Conn).Sample((img, c) =>
        {
            var compact = new Image<byte>(img.Width, img.Height);
            for (int y = 0; y < img.Height; y++) img.View.Row(y).CopyTo(compact.Row(y));
            var a = ConnectedComponents.Label(compact.ReadOnlyView, c, out int na);
            // Labels into a padded destination too.
            var padded = new int[(img.Height - 1) * (img.Width + 3) + img.Width];
            var dst = new ImageView<int>(padded, img.Width, img.Height, 1, img.Width + 3);
            int nb = ConnectedComponents.Label(img.View, dst, c);
            if (na != nb) return false;
            for (int y = 0; y < img.Height; y++)
                if (!dst.Row(y).SequenceEqual(a.Row(y))) return false;
            return true;
        }, iter: 1000);
    }

    [Fact]
    public void FilterEqualsLabellingTheFilteredMask()
    {
        CsCheck.Gen.Select(BinaryImage.Gen, Conn, CsCheck.Gen.Int[1, 6]).Sample((img, c, minArea) =>
        {
            var labels = ConnectedComponents.LabelWithStats(img.View, c, out var stats);
            var keep = ComponentFilter.AreaBetween(stats, minArea);
            var mask = ComponentFilter.KeepMask(labels.ReadOnlyView, keep);
            var filteredStats = ComponentFilter.Apply(labels.View, keep);
            var relabelled = ConnectedComponents.LabelWithStats(mask.ReadOnlyView, c, out var expected);
            return labels.Data.AsSpan().SequenceEqual(relabelled.Data)
                && filteredStats.Components.AsSpan(1).SequenceEqual(expected.Components.AsSpan(1))
                && filteredStats[0].Area == expected[0].Area && filteredStats[0].Left == expected[0].Left;
        }, iter: 1000);
    }

    [Fact]
    public void EightWayOrderFollowsBlocksFourWayFollowsPixels()
    {
        // A component first met at (10, 1) precedes one at (20, 0) in 2×2-block order, but not in raster order.
        var img = new Image<byte>(24, 3);
        img.Data[1 * 24 + 10] = 255;
        img.Data[0 * 24 + 20] = 255;
        var l8 = ConnectedComponents.Label(img.ReadOnlyView, Connectivity.Eight, out int n8);
        var l4 = ConnectedComponents.Label(img.ReadOnlyView, Connectivity.Four, out int n4);
        Assert.Equal(3, n8);
        Assert.Equal(3, n4);
        Assert.Equal(1, l8.Data[1 * 24 + 10]);
        Assert.Equal(2, l8.Data[20]);
        Assert.Equal(2, l4.Data[1 * 24 + 10]);
        Assert.Equal(1, l4.Data[20]);
    }

    [Fact]
    public void AspectRatioFilterKeepsWideComponents()
    {
        var img = new Image<byte>(12, 5);
        for (int x = 0; x < 6; x++) img.Data[x] = 255;             // 6×1, ratio 6
        for (int y = 2; y < 5; y++) img.Data[y * 12 + 10] = 255;   // 1×3, ratio 1/3
        var labels = ConnectedComponents.LabelWithStats(img.ReadOnlyView, Connectivity.Eight, out var stats);
        var kept = ComponentFilter.ByAspectRatio(labels.View, stats, 2, 10);
        Assert.Equal(2, kept.Count);
        Assert.Equal(6, kept[1].Area);
        Assert.Equal(0, labels.Data[4 * 12 + 10]);
    }

    [Fact]
    public void BadArgumentsThrowArgumentExceptions()
    {
        var src = new Image<byte>(4, 4);
        Assert.Throws<ArgumentException>(() => ConnectedComponents.Label(src.ReadOnlyView, new Image<int>(3, 4).View, Connectivity.Eight));
        Assert.Throws<ArgumentException>(() => ConnectedComponents.Label(new Image<byte>(4, 4, 3).ReadOnlyView, Connectivity.Eight, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => ConnectedComponents.Label(src.ReadOnlyView, (Connectivity)6, out _));
        var labels = new Image<int>(4, 4);
        labels.Data[5] = 7;
        Assert.Throws<ArgumentException>(() => ComponentFilter.Apply(labels.View, new bool[3]));
    }
}
