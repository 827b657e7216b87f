using System.Runtime.Intrinsics;
using SegmentSharp.Contours;
using SegmentSharp.Geometry;
using SegmentSharp.Imaging;

namespace SegmentSharp.Tests.Contours;

/// <summary>The framed 0/1 copy (vector vs scalar), argument checks and two hand-checked shapes.</summary>
public class ContourFinderTests
{
    [Fact]
    public void VectorAndScalarBinarizeAgreeAroundTheVectorWidth()
    {
        int w = Vector256<byte>.Count;
        var rng = new Random(3);
        foreach (int n in new[] { 0, 1, w - 1, w, w + 1, 3 * w + 5, 1000 })
        {
            var src = new byte[n];
            rng.NextBytes(src);
            for (int i = 0; i < n; i += 3) src[i] = 0;
            var a = new byte[n];
            var b = new byte[n];
            BinaryFrame.ToBinary(src, a);
            BinaryFrame.ToBinaryScalar(src, b);
            Assert.Equal(b, a);
            for (int i = 0; i < n; i++) Assert.Equal(src[i] != 0 ? 1 : 0, a[i]);
        }
    }

    [Fact]
    public void FrameIsZeroAroundAZeroOneCopyOfAStridedView()
    {
        var rng = new Random(5);
        foreach (var (w, h) in new[] { (1, 1), (1, 7), (7, 1), (33, 20), (600, 500) })
        {
            var big = new Image<byte>(w + 5, h + 2);
            rng.NextBytes(big.Data);
            var view = big.ReadOnlyView.Slice(3, 1, w, h);
            var f = BinaryFrame.Build(view);
            int step = w + 2;
            Assert.True(f.Length >= step * (h + 2));
            for (int y = 0; y < h + 2; y++)
                for (int x = 0; x < step; x++)
                {
                    bool inside = x >= 1 && x <= w && y >= 1 && y <= h;
                    int expected = inside && view.Row(y - 1)[x - 1] != 0 ? 1 : 0;
                    Assert.Equal(expected, f[y * step + x]);
                }
            BinaryFrame.Return(f);
        }
    }

    [Fact]
    public void RejectsMultiChannelMasks()
    {
        var img = new Image<byte>(4, 4, 3);
        Assert.Throws<ArgumentException>(() => ContourFinder.Find(img.ReadOnlyView, ContourMode.List, ContourApproximation.Simple, out _));
        var gray = new Image<byte>(4, 4);
        Assert.Throws<ArgumentOutOfRangeException>(() => ContourFinder.Find(gray.ReadOnlyView, (ContourMode)7, ContourApproximation.Simple, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => ContourFinder.Find(gray.ReadOnlyView, ContourMode.List, (ContourApproximation)0, out _));
    }

    [Fact]
    public void SquareWithHoleHasTheDocumentedShape()
    {
        // A 5×5 ring: outer border counter-clockwise from its top-left pixel, then the hole as its child.
        var img = new Image<byte>(7, 7);
        for (int y = 1; y <= 5; y++)
            for (int x = 1; x <= 5; x++)
                img.Data[y * 7 + x] = (byte)(x == 3 && y == 3 ? 0 : 255);
        var c = ContourFinder.Find(img.ReadOnlyView, ContourMode.Tree, ContourApproximation.Simple, out var h, new Point(10, 20));
        Assert.Equal(2, c.Length);
        Assert.Equal([new Point(11, 21), new Point(11, 25), new Point(15, 25), new Point(15, 21)], c[0]);
        Assert.Equal(new HierarchyEntry(-1, -1, 1, -1), h[0]);
        Assert.Equal(new HierarchyEntry(-1, -1, -1, 0), h[1]);

        // A 3×3 hole in a 7×7 square: the hole border runs clockwise on screen through the foreground pixels around it,
        // cutting the corners (8-connected), as cv2.findContours gives it.
        var sq = new Image<byte>(9, 9);
        for (int y = 1; y <= 7; y++)
            for (int x = 1; x <= 7; x++)
                sq.Data[y * 9 + x] = (byte)(x >= 3 && x <= 5 && y >= 3 && y <= 5 ? 0 : 1);
        var r = ContourFinder.Find(sq.ReadOnlyView, ContourMode.Tree, ContourApproximation.Simple, out var rh);
        Assert.Equal([new Point(1, 1), new Point(1, 7), new Point(7, 7), new Point(7, 1)], r[0]);
        Assert.Equal([new Point(2, 3), new Point(3, 2), new Point(5, 2), new Point(6, 3), new Point(6, 5), new Point(5, 6),
            new Point(3, 6), new Point(2, 5)], r[1]);
        Assert.Equal([new HierarchyEntry(-1, -1, 1, -1), new HierarchyEntry(-1, -1, -1, 0)], rh);

        Assert.Empty(ContourFinder.Find(new Image<byte>(3, 2).ReadOnlyView, ContourMode.Tree, ContourApproximation.None, out var none));
        Assert.Empty(none);
    }
}
