using CsCheck;
using SegmentSharp.Codecs;
using SegmentSharp.Imaging;

namespace SegmentSharp.Tests.Codecs;

/// <summary>Property: whatever we encode decodes back to the same pixels (8-bit, and 1-bit for bilevel input).</summary>
public class PngRoundTripPropertyTests
{
    [Fact]
    public void EncodeThenDecodeIsIdentity()
    {
        Gen.Select(Gen.Int[1, 70], Gen.Int[1, 40], Gen.Int[0, 3], Gen.Int[0, 9], Gen.Int)
            .Sample((w, h, kind, level, seed) =>
            {
                int cn = kind switch { 0 => 1, 1 => 3, 2 => 4, _ => 1 };
                var img = new Image<byte>(w, h, cn);
                var rng = new Random(seed);
                if (kind == 3) for (int i = 0; i < img.Data.Length; i++) img.Data[i] = rng.Next(2) == 0 ? (byte)0 : (byte)255;
                else for (int i = 0; i < img.Data.Length; i++) img.Data[i] = (byte)(rng.Next(3) == 0 ? rng.Next(256) : (i * 7 / (1 + (i % 5))) & 255);
                var png = PngCodec.Encode(img, new ImageWriteOptions { PngCompressionLevel = level });
                Assert.Equal(kind == 3 ? 1 : 8, png[24]);
                var color = PngCodec.DecodeColor(png);
                for (int p = 0; p < w * h; p++)
                {
                    if (cn == 1)
                    {
                        Assert.Equal(img.Data[p], color.Data[3 * p]);
                        Assert.Equal(img.Data[p], color.Data[3 * p + 2]);
                    }
                    else
                    {
                        Assert.Equal(img.Data[cn * p], color.Data[3 * p]);
                        Assert.Equal(img.Data[cn * p + 1], color.Data[3 * p + 1]);
                        Assert.Equal(img.Data[cn * p + 2], color.Data[3 * p + 2]);
                    }
                }
                if (cn == 1) Assert.Equal(img.Data, PngCodec.DecodeGray(png).Data);
            }, iter: 150);
    }
}
