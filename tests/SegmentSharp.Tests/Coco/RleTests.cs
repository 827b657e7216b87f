using System.Text.Json;
using CsCheck;
using SegmentSharp.Coco;
using SegmentSharp.Imaging;

namespace SegmentSharp.Tests.Coco;

public class RleTests
{
    private static JsonElement Golden { get; } =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Fixtures("coco"), "golden.json"))).RootElement;

    private static Image<byte> MaskOf(JsonElement c)
    {
        int h = c.GetProperty("h").GetInt32(), w = c.GetProperty("w").GetInt32();
        var img = new Image<byte>(w, h);
        int y = 0;
        foreach (var row in c.GetProperty("mask").EnumerateArray())
        {
            string s = row.GetString()!;
            for (int x = 0; x < w; x++) img.Data[y * w + x] = (byte)(s[x] == '1' ? 255 : 0);
            y++;
        }
        return img;
    }

    private static uint[] Counts(JsonElement c) => c.GetProperty("counts").EnumerateArray().Select(e => e.GetUInt32()).ToArray();

    private static double[] Bbox(JsonElement c) => c.GetProperty("bbox").EnumerateArray().Select(e => e.GetDouble()).ToArray();

    [Fact]
    public void EncodeMatchesGoldenCountsStringsAreaAndBox()
    {
        int cases = 0;
        foreach (var c in Golden.GetProperty("masks").EnumerateArray())
        {
            var rle = Rle.Encode(MaskOf(c));
            Assert.Equal(Counts(c), rle.Counts);
            Assert.Equal(c.GetProperty("string").GetString(), rle.ToCompressedString());
            Assert.Equal(c.GetProperty("area").GetInt64(), rle.Area);
            var b = rle.ToBbox();
            Assert.Equal(Bbox(c), new[] { b.X, b.Y, b.Width, b.Height });
            cases++;
        }
        Assert.True(cases > 20);
    }

    [Fact]
    public void StringsDecodeBackToTheMask()
    {
        foreach (var c in Golden.GetProperty("masks").EnumerateArray())
        {
            var mask = MaskOf(c);
            var rle = Rle.FromCompressedString(c.GetProperty("string").GetString()!, mask.Height, mask.Width);
            Assert.Equal(Counts(c), rle.Counts);
            Assert.Equal(mask.Data, rle.Decode(255).Data);
        }
    }

    [Fact]
    public void PolygonsMatchGoldenRasterisation()
    {
        foreach (var c in Golden.GetProperty("polygons").EnumerateArray())
        {
            int h = c.GetProperty("h").GetInt32(), w = c.GetProperty("w").GetInt32();
            double[] xy = c.GetProperty("poly").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            var rle = PolygonRaster.FromPolygon(xy, h, w);
            Assert.Equal(Counts(c), rle.Counts);
            Assert.Equal(c.GetProperty("string").GetString(), rle.ToCompressedString());
            Assert.Equal(c.GetProperty("area").GetInt64(), rle.Area);
        }
    }

    [Fact]
    public void IntegerRectangleCoversItsPixelCentres()
    {
        // Corners at integer coordinates: COCO fills x in [2, 7) and y in [2, 6), the pixels whose centres are inside.
        var mask = PolygonRaster.FromPolygon([2, 2, 7, 2, 7, 6, 2, 6], 10, 10).Decode();
        for (int y = 0; y < 10; y++)
            for (int x = 0; x < 10; x++)
                Assert.Equal(x is >= 2 and < 7 && y is >= 2 and < 6 ? 1 : 0, mask.Data[y * 10 + x]);
        Assert.Equal(new CocoBox(2, 2, 5, 4), PolygonRaster.FromBox(new CocoBox(2, 2, 5, 4), 10, 10).ToBbox());
    }

    [Fact]
    public void KnownCountsEncodeToKnownString()
    {
        // Worked by hand: 3 → '3'; 40 = 8 + 1·32 → '8'+continuation 'X', then '1'; 0 → '0'; from the 4th count on
        // the delta to two places back is written: 45-40 → '5', 1-0 → '1', 30-45 = -15 → low bits 17 with the sign
        // bit set and nothing left (-1) → 'A'.
        var rle = new Rle(1, 119, [3, 40, 0, 45, 1, 30]);
        Assert.Equal("3X1051A", rle.ToCompressedString());
        Assert.Equal(rle.Counts, Rle.FromCompressedString("3X1051A", 1, 119).Counts);
    }

    [Fact]
    public void EncodeDecodeRoundTripsOnRandomMasks()
    {
        Gen.Select(Gen.Int[1, 23], Gen.Int[1, 23], Gen.Int[0, 100], Gen.UInt)
            .Sample((w, h, pct, seed) =>
            {
                var rnd = new Random((int)seed);
                var img = new Image<byte>(w, h);
                for (int i = 0; i < img.Data.Length; i++) img.Data[i] = (byte)(rnd.Next(100) < pct ? 1 : 0);
                var rle = Rle.Encode(img);
                Assert.Equal(img.Data, rle.Decode().Data);
                var back = Rle.FromCompressedString(rle.ToCompressedString(), h, w);
                Assert.Equal(rle.Counts, back.Counts);
                Assert.Equal(img.Data.Count(v => v != 0), rle.Area);
            }, iter: 300);
    }

    [Fact]
    public void MergeAndIouAgreeWithPixelCounts()
    {
        Gen.Select(Gen.Int[1, 17], Gen.Int[1, 17], Gen.UInt)
            .Sample((w, h, seed) =>
            {
                var rnd = new Random((int)seed);
                var a = new Image<byte>(w, h);
                var b = new Image<byte>(w, h);
                for (int i = 0; i < a.Data.Length; i++) { a.Data[i] = (byte)rnd.Next(2); b.Data[i] = (byte)(rnd.Next(3) == 0 ? 1 : 0); }
                var ra = Rle.Encode(a);
                var rb = Rle.Encode(b);
                int inter = 0, union = 0, areaA = 0;
                for (int i = 0; i < a.Data.Length; i++)
                {
                    inter += a.Data[i] & b.Data[i];
                    union += a.Data[i] | b.Data[i];
                    areaA += a.Data[i];
                }
                Assert.Equal(a.Data.Zip(b.Data, (p, q) => (byte)(p | q)).ToArray(), Rle.Merge([ra, rb]).Decode().Data);
                Assert.Equal(a.Data.Zip(b.Data, (p, q) => (byte)(p & q)).ToArray(), Rle.Merge([ra, rb], intersect: true).Decode().Data);
                Assert.Equal(inter == 0 ? 0 : inter / (double)union, Rle.Iou(ra, rb));
                Assert.Equal(inter == 0 ? 0 : inter / (double)areaA, Rle.Iou(ra, rb, crowd: true));
            }, iter: 300);
    }

    [Fact]
    public void BadStringsAreRejected()
    {
        Assert.Throws<FormatException>(() => Rle.FromCompressedString("3X", 1, 3));
        Assert.Throws<FormatException>(() => Rle.FromCompressedString("3~", 1, 3));
        Assert.Throws<FormatException>(() => new Rle(2, 2, [1, 1]).Decode());
    }
}
