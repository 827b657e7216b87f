using CsCheck;
using SegmentSharp.Enhancement;
using SegmentSharp.Imaging;

namespace SegmentSharp.Tests.Enhancement;

public class InvertTests
{
    [Fact]
    public void VectorRowEqualsScalarTwinAroundVectorWidths()
    {
        var rng = new Random(11);
        var lengths = new List<int>();
        foreach (int w in new[] { 16, 32, 64 })
            lengths.AddRange([0, 1, w - 1, w, w + 1, 3 * w + 5]);
        lengths.Add(1000);
        foreach (int n in lengths)
        {
            var src = new byte[n];
            rng.NextBytes(src);
            var fast = new byte[n];
            var slow = new byte[n];
            Invert.InvertRow(src, fast);
            Invert.InvertScalar(src, slow);
            Assert.Equal(slow, fast);
        }
    }

    [Fact]
    public void EveryByteMapsTo255Minus()
    {
        var src = new byte[256];
        for (int i = 0; i < 256; i++) src[i] = (byte)i;
        var dst = new byte[256];
        Invert.InvertRow(src, dst);
        for (int i = 0; i < 256; i++) Assert.Equal(255 - i, dst[i]);
    }

    [Fact]
    public void RandomImagesEqualScalarTwin() =>
        Gen.Select(Gen.Int[1, 90], Gen.Int[1, 40], Gen.Int[1, 3], Gen.Int[0, 7]).Sample((w, h, ch, pad) =>
        {
            var rng = new Random(w * 1000 + h * 10 + ch);
            int stride = w * ch + pad;
            var data = new byte[stride * h];
            rng.NextBytes(data);
            var src = new Image<byte>(data, w, h, ch, stride);
            var dst = Invert.Apply(src.ReadOnlyView);
            for (int y = 0; y < h; y++)
            {
                var expected = new byte[w * ch];
                Invert.InvertScalar(src.Row(y), expected);
                Assert.Equal(expected, dst.Row(y).ToArray());
            }
        }, iter: 60);

    [Fact]
    public void InPlaceAndViewsWork()
    {
        var img = new Image<byte>(37, 5);
        new Random(3).NextBytes(img.Data);
        var copy = img.Clone();
        Invert.Apply(img.ReadOnlyView, img.View);
        for (int i = 0; i < img.Data.Length; i++) Assert.Equal(255 - copy.Data[i], img.Data[i]);

        // A 10×3 window in the middle: only it changes.
        var before = img.Clone();
        var window = img.View.Slice(5, 1, 10, 3);
        Invert.Apply(window.AsReadOnly(), window);
        for (int y = 0; y < 5; y++)
            for (int x = 0; x < 37; x++)
            {
                bool inside = x >= 5 && x < 15 && y >= 1 && y < 4;
                byte b = before.Row(y)[x];
                Assert.Equal(inside ? 255 - b : b, img.Row(y)[x]);
            }
    }

    [Fact]
    public void SizeMismatchIsRejected()
    {
        var a = new Image<byte>(4, 4);
        var b = new Image<byte>(4, 5);
        Assert.Throws<ArgumentException>(() => Invert.Apply(a.ReadOnlyView, b.View));
    }
}
