using CsCheck;
using SegmentSharp.Components;
using SegmentSharp.Imaging;
using SegmentSharp.Morphology;

namespace SegmentSharp.Tests.Morphology;

public class BinaryMorphologyPropertyTests
{
    /// <summary>Random 0/255 masks from salt noise to solid, 1×1 up to 40×40.</summary>
    private static Gen<Image<byte>> Masks =>
        Gen.Select(Gen.Int[1, 40], Gen.Int[1, 40], Gen.Int[0, 100], Gen.Int).Select(t =>
        {
            var (w, h, density, seed) = t;
            var rng = new Random(seed);
            var m = new Image<byte>(w, h);
            for (int i = 0; i < m.Data.Length; i++) m.Data[i] = rng.Next(100) < density ? (byte)255 : (byte)0;
            return m;
        });

    private static Gen<Connectivity> Conn => Gen.Bool.Select(b => b ? Connectivity.Eight : Connectivity.Four);

    private static bool Subset(Image<byte> a, Image<byte> b)
    {
        for (int i = 0; i < a.Data.Length; i++) if (a.Data[i] != 0 && b.Data[i] == 0) return false;
        return true;
    }

    private static bool Binary(Image<byte> a) => a.Data.All(v => v is 0 or 255);

    [Fact]
    public void FillHolesIsIdempotentAndOnlyAdds()
    {
        Gen.Select(Masks, Conn).Sample((m, c) =>
        {
            var f = BinaryMorphology.FillHoles(m, c);
            Assert.True(Binary(f));
            Assert.True(Subset(m, f));
            Assert.Equal(f.Data, BinaryMorphology.FillHoles(f, c).Data);
            // Whatever stays background reaches the border, so clearing the border of the inverse removes all of it.
            var inv = new Image<byte>(f.Width, f.Height);
            for (int i = 0; i < inv.Data.Length; i++) inv.Data[i] = (byte)(255 - f.Data[i]);
            Assert.All(BinaryMorphology.ClearBorder(inv, 0, c).Data, v => Assert.Equal(0, v));
        }, iter: 300);
    }

    [Fact]
    public void RemoveSmallObjectsNeverAddsAndKeepsOnlyLargeObjects()
    {
        Gen.Select(Masks, Gen.Int[0, 40], Conn).Sample((m, min, c) =>
        {
            var r = BinaryMorphology.RemoveSmallObjects(m, min, c);
            Assert.True(Binary(r));
            Assert.True(Subset(r, m));
            Assert.Equal(r.Data, BinaryMorphology.RemoveSmallObjects(r, min, c).Data);
            var stats = new Image<int>(r.Width, r.Height);
            var info = ConnectedComponents.LabelWithStats(r, stats.View, c);
            for (int i = 1; i < info.Count; i++) Assert.True(info[i].Area >= min);
        }, iter: 300);
    }

    [Fact]
    public void RemoveSmallHolesIsTheDualOfRemoveSmallObjects()
    {
        Gen.Select(Masks, Gen.Int[0, 40], Conn).Sample((m, t, c) =>
        {
            var holes = BinaryMorphology.RemoveSmallHoles(m, t, c);
            Assert.True(Subset(m, holes));
            var inv = new Image<byte>(m.Width, m.Height);
            for (int i = 0; i < inv.Data.Length; i++) inv.Data[i] = m.Data[i] == 0 ? (byte)255 : (byte)0;
            var objects = BinaryMorphology.RemoveSmallObjects(inv, t, c);
            for (int i = 0; i < m.Data.Length; i++) Assert.Equal(objects.Data[i] == 0, holes.Data[i] != 0);
        }, iter: 300);
    }

    [Fact]
    public void ClearBorderLeavesNothingInTheBand()
    {
        Gen.Select(Masks, Gen.Int[0, 5], Conn).Sample((m, buffer, c) =>
        {
            if (buffer >= Math.Min(m.Width, m.Height)) return;
            var r = BinaryMorphology.ClearBorder(m, buffer, c);
            Assert.True(Subset(r, m));
            Assert.Equal(r.Data, BinaryMorphology.ClearBorder(r, buffer, c).Data);
            int band = buffer + 1;
            for (int y = 0; y < r.Height; y++)
                for (int x = 0; x < r.Width; x++)
                    if (x < band || y < band || x >= r.Width - band || y >= r.Height - band)
                        Assert.Equal(0, r.Row(y)[x]);
        }, iter: 300);
    }

    [Fact]
    public void SkeletonIsAFixedPointInsideTheMask()
    {
        Masks.Sample(m =>
        {
            var s = BinaryMorphology.Skeletonize(m);
            Assert.True(Binary(s));
            Assert.True(Subset(s, m));
            Assert.Equal(s.Data, BinaryMorphology.Skeletonize(s).Data);
        }, iter: 300);
    }

    [Fact]
    public void SkeletonOfRectanglesAndDiscsIsOnePixelThinAndNotEmpty()
    {
        // On noise scikit-image's table keeps 2×2 blocks (so do we), but solid shapes thin to lines.
        Gen.Select(Gen.Int[1, 30], Gen.Int[1, 30], Gen.Bool).Sample((a, b, disc) =>
        {
            var m = new Image<byte>(a + 5, b + 4);
            int r = Math.Min(a, b) / 2;
            for (int y = 0; y < m.Height; y++)
                for (int x = 0; x < m.Width; x++)
                {
                    bool on = disc
                        ? (x - 2 - r) * (x - 2 - r) + (y - 2 - r) * (y - 2 - r) <= r * r
                        : x >= 2 && y >= 2 && x < 2 + a && y < 2 + b;
                    m.Row(y)[x] = on ? (byte)255 : (byte)0;
                }
            var s = BinaryMorphology.Skeletonize(m);
            Assert.True(Subset(s, m));
            Assert.Contains(s.Data, v => v != 0);
            for (int y = 0; y + 1 < s.Height; y++)
                for (int x = 0; x + 1 < s.Width; x++)
                    if (s.Row(y)[x] != 0 && s.Row(y)[x + 1] != 0 && s.Row(y + 1)[x] != 0 && s.Row(y + 1)[x + 1] != 0)
                        Assert.Fail($"2×2 block at {x},{y}");
        }, iter: 200);
    }

    [Fact]
    public void DestinationMayBeTheSource()
    {
        Gen.Select(Masks, Conn).Sample((m, c) =>
        {
            var expected = BinaryMorphology.FillHoles(m, c);
            var inPlace = m.Clone();
            BinaryMorphology.FillHoles(inPlace, inPlace.View, c);
            Assert.Equal(expected.Data, inPlace.Data);
            expected = BinaryMorphology.Skeletonize(m);
            inPlace = m.Clone();
            BinaryMorphology.Skeletonize(inPlace, inPlace.View);
            Assert.Equal(expected.Data, inPlace.Data);
        }, iter: 100);
    }

    [Fact]
    public void BadArgumentsThrow()
    {
        var m = new Image<byte>(5, 4);
        Assert.Throws<ArgumentOutOfRangeException>(() => BinaryMorphology.ClearBorder(m, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => BinaryMorphology.ClearBorder(m, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => BinaryMorphology.RemoveSmallObjects(m, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => BinaryMorphology.RemoveSmallHoles(m, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => BinaryMorphology.FillHoles(m, (Connectivity)6));
        Assert.Throws<ArgumentException>(() => BinaryMorphology.FillHoles(m, new Image<byte>(4, 4).View));
        Assert.Throws<ArgumentException>(() => BinaryMorphology.Skeletonize(new Image<byte>(3, 3, 3)));
    }
}
