using CsCheck;
using SegmentSharp.Codecs;

namespace SegmentSharp.Tests.Codecs;

/// <summary>The vectorised YCbCr → BGR row conversion must equal its scalar twin (libjpeg's tables).</summary>
public class JpegColorConverterTests
{
    private static void AssertTwinsAgree(byte[] y, byte[] cb, byte[] cr, int width)
    {
        var a = new byte[3 * width + 5];
        var b = new byte[a.Length];
        JpegColorConverter.YccToBgrScalar(y, cb, cr, a, width);
        JpegColorConverter.YccToBgr(y, cb, cr, b, width);
        Assert.Equal(a, b);
    }

    [Theory]
    [InlineData(0)] [InlineData(1)] [InlineData(15)] [InlineData(16)] [InlineData(17)] [InlineData(53)] [InlineData(640)]
    public void VectorMatchesScalarAroundTheVectorWidth(int width)
    {
        var rng = new Random(width);
        var y = new byte[width]; var cb = new byte[width]; var cr = new byte[width];
        rng.NextBytes(y); rng.NextBytes(cb); rng.NextBytes(cr);
        AssertTwinsAgree(y, cb, cr, width);
    }

    [Fact]
    public void VectorMatchesScalarOnRandomRows()
    {
        Gen.Int[0, 100].SelectMany(n => Gen.Select(Gen.Byte.Array[n], Gen.Byte.Array[n], Gen.Byte.Array[n]))
            .Sample((y, cb, cr) => AssertTwinsAgree(y, cb, cr, y.Length), iter: 500);
    }

    [Fact]
    public void EveryChromaPairMatches()
    {
        // All 65536 (Cb, Cr) pairs with extreme and middle luma: covers every table entry and both clamps.
        foreach (byte luma in new byte[] { 0, 1, 128, 254, 255 })
        {
            var y = new byte[65536]; var cb = new byte[65536]; var cr = new byte[65536];
            for (int i = 0; i < 65536; i++) { y[i] = luma; cb[i] = (byte)i; cr[i] = (byte)(i >> 8); }
            AssertTwinsAgree(y, cb, cr, 65536);
        }
    }
}
