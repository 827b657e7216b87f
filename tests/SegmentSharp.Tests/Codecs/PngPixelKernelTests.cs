using SegmentSharp.Codecs;

namespace SegmentSharp.Tests.Codecs;

/// <summary>SSSE3 pixel kernels against their scalar twins on lengths around the 16-byte register.</summary>
public class PngPixelKernelTests
{
    public static TheoryData<int> Widths() => new() { 0, 1, 3, 4, 5, 15, 16, 17, 20, 21, 31, 32, 33, 53, 3 * 32 + 5, 1001 };

    [Theory]
    [MemberData(nameof(Widths))]
    public void ReplicateEqualsScalar(int w)
    {
        var g = new byte[w];
        new Random(w).NextBytes(g);
        var a = new byte[3 * w]; var b = new byte[3 * w];
        PngPixelKernels.Replicate(g, a);
        PngPixelKernels.ReplicateScalar(g, b);
        Assert.Equal(b, a);
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void RgbToBgrEqualsScalar(int w)
    {
        foreach (int cn in new[] { 3, 4 })
        {
            var src = new byte[cn * w];
            new Random(w + cn).NextBytes(src);
            var a = new byte[3 * w]; var b = new byte[3 * w];
            PngPixelKernels.RgbToBgr(src, a, cn);
            PngPixelKernels.RgbToBgrScalar(src, b, cn);
            Assert.Equal(b, a);
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void RgbToGrayEqualsScalar(int w)
    {
        foreach (int cn in new[] { 3, 4 })
        {
            var src = new byte[cn * w];
            var rng = new Random(w * 3 + cn);
            rng.NextBytes(src);
            if (w > 0) { src[0] = src[1] = src[2] = 255; }
            var a = new byte[w]; var b = new byte[w];
            PngPixelKernels.RgbToGray(src, a, cn);
            PngPixelKernels.RgbToGrayScalar(src, b, cn);
            Assert.Equal(b, a);
        }
    }
}
