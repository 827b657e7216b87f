using CsCheck;
using SegmentSharp.Color;
using SegmentSharp.Imaging;

namespace SegmentSharp.Tests.ColorSpaces;

public class LuvPropertyTests
{
    [Theory]
    [InlineData(ColorCode.BGR2Luv, ColorCode.Luv2BGR)]
    [InlineData(ColorCode.LBGR2Luv, ColorCode.Luv2LBGR)]
    public void LuvOfGraysIsNeutralMonotoneAndReturns(ColorCode forward, ColorCode inverse)
    {
        var gray = new Image<byte>(256, 1, 3);
        for (int v = 0; v < 256; v++) gray.Data[3 * v] = gray.Data[3 * v + 1] = gray.Data[3 * v + 2] = (byte)v;
        var luv = ColorConversion.Convert(gray, forward);
        for (int v = 1; v < 256; v++)
        {
            // u* = v* = 0 is stored as 134·255/354 ≈ 96.5 and 140·255/262 ≈ 136.3.
            Assert.InRange(luv.Data[3 * v + 1], 95, 98);
            Assert.InRange(luv.Data[3 * v + 2], 135, 138);
            Assert.True(luv.Data[3 * v] >= luv.Data[3 * (v - 1)], $"L not monotone at {v}");
        }
        Assert.Equal(0, luv.Data[0]);
        Assert.Equal(255, luv.Data[3 * 255]);
        // Near black one step of 8-bit L*u*v* spans several gray levels: OpenCV 4.6's own round trip misses gray 7 by 5.
        var back = ColorConversion.Convert(luv, inverse);
        for (int i = 3; i < back.Data.Length; i++) Assert.InRange(back.Data[i] - gray.Data[i], -5, 5);
    }

    [Theory]
    [InlineData(ColorCode.BGR2Luv, ColorCode.Luv2BGR)]
    [InlineData(ColorCode.RGB2Luv, ColorCode.Luv2RGB)]
    [InlineData(ColorCode.LRGB2Luv, ColorCode.Luv2LRGB)]
    [InlineData(ColorCode.BGR2Lab, ColorCode.Lab2BGR)]
    [InlineData(ColorCode.LBGR2Lab, ColorCode.Lab2LBGR)]
    public void FloatRoundTripsStayClose(ColorCode forward, ColorCode inverse)
    {
        // Any width exercises both OpenCV's 8-pixel vector blocks and the scalar tail. Near-black channels are left
        // out: there OpenCV's u*, v* (and the 33-step grid of sRGB Lab) lose the chroma, and the way back clips to 0.
        Gen.Int[1, 40].SelectMany(w => Gen.Float[0.05f, 1f].Array[w * 3].Select(d => new Image<float>(d, w, 1, 3))).Sample(img =>
        {
            var back = ColorConversion.Convert(ColorConversion.Convert(img, forward), inverse);
            // sRGB Lab's 33³ grid is what limits this: OpenCV's own float round trip misses by up to 3.2e-3.
            for (int i = 0; i < img.Data.Length; i++) Assert.InRange(back.Data[i] - img.Data[i], -4e-3f, 4e-3f);
        });
    }

    [Fact]
    public void FourChannelSourceIgnoresAlphaAndFourChannelDestinationGetsOpaqueAlpha()
    {
        var bgra = new Image<byte>(5, 2, 4);
        new Random(3).NextBytes(bgra.Data);
        var bgr = new Image<byte>(5, 2, 3);
        for (int p = 0; p < 10; p++) for (int c = 0; c < 3; c++) bgr.Data[p * 3 + c] = bgra.Data[p * 4 + c];
        var a = ColorConversion.Convert(bgra, ColorCode.BGR2Luv);
        Assert.Equal(ColorConversion.Convert(bgr, ColorCode.BGR2Luv).Data, a.Data);
        var back = ColorConversion.Convert(a, ColorCode.Luv2BGR, 4);
        for (int p = 0; p < 10; p++) Assert.Equal(255, back.Data[p * 4 + 3]);
    }

    /// <summary>The SSE route and the scalar reference of 8-bit sRGB→Luv agree on every 24-bit colour, 3 and 4 channels, both orders.</summary>
    [Theory]
    [InlineData(3, 0)]
    [InlineData(3, 2)]
    [InlineData(4, 0)]
    public void VectorAndScalarForwardAgreeOnEveryColour(int scn, int blueIdx)
    {
        if (!System.Runtime.Intrinsics.X86.Ssse3.IsSupported) { Assert.False(System.Runtime.Intrinsics.X86.Ssse3.IsSupported); return; }
        const int w = 4096;
        var src = new byte[w * scn];
        var a = new byte[w * 3];
        var b = new byte[w * 3];
        for (int row = 0; row < 4096; row++)
        {
            for (int x = 0; x < w; x++)
            {
                int c = row * w + x;
                src[x * scn] = (byte)c; src[x * scn + 1] = (byte)(c >> 8); src[x * scn + 2] = (byte)(c >> 16);
                if (scn == 4) src[x * scn + 3] = (byte)x;
            }
            LuvConversion.ForwardRow8(src, a, w, scn, blueIdx);
            LuvConversion.ForwardRow8Sse(src, b, w, scn, blueIdx);
            Assert.True(a.AsSpan().SequenceEqual(b), $"row {row} differs");
        }
    }
}
