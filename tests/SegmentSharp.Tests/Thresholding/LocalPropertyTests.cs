using CsCheck;
using SegmentSharp.Imaging;
using Local = SegmentSharp.Thresholding.Local.LocalThreshold;

namespace SegmentSharp.Tests.Thresholding;

/// <summary>Random strided images, windows and parameters: the streaming methods equal their direct formulas.</summary>
public class LocalPropertyTests
{
    private static readonly Gen<(PaddedImage Img, int Window, string Method, double K)> Cases =
        from img in PaddedImage.Gen8.Where(p => p.Channels == 1)
        from half in Gen.OneOf(Gen.Int[1, 12], Gen.Int[40, 300])
        from mi in Gen.Int[0, 8]
        from k in Gen.Double[-0.5, 0.6]
        select (img, 2 * half + 1, LocalNaive.Methods[mi], k);

    [Fact]
    public void StreamingEqualsDirect()
    {
        Cases.Sample(c =>
        {
            var prm = LocalNaive.Defaults(c.Method);
            if (prm.Length > 0 && c.Method is not ("bernsen" or "midgrey")) prm[0] = c.K;
            var (mask, t) = LocalNaive.Run(c.Method, c.Img.View, c.Window, prm);
            var e = LocalNaive.Surface(c.Method, c.Img.Data, c.Img.Width, c.Img.Height, c.Img.Stride, c.Window, prm);
            for (int y = 0; y < c.Img.Height; y++)
                for (int x = 0; x < c.Img.Width; x++)
                {
                    int i = y * c.Img.Width + x;
                    if (Math.Abs(e[i] - t.Data[i]) > 1e-9 * Math.Max(1, Math.Abs(e[i]))) return false;
                    byte p = c.Img.Data[y * c.Img.Stride + x];
                    if (Math.Abs(p - e[i]) > 1e-9 * Math.Max(1, Math.Abs(e[i])) && mask.Data[i] != (p > e[i] ? 255 : 0)) return false;
                }
            return true;
        }, iter: 300, print: c => $"{c.Method} {c.Img} window {c.Window} k {c.K}");
    }
}
