using CsCheck;
using OpenCvSharp;
using SegmentSharp.Imaging;
using SegmentSharp.Models;

namespace SegmentSharp.OracleTests.Models;

/// <summary>cv2.resize INTER_LINEAR and INTER_NEAREST on 8-bit images against OpenCV 4.13, bit for bit.</summary>
public class ResizeOracleTests
{
    private static Image<byte> Random(int w, int h, int cn, int seed)
    {
        var img = new Image<byte>(w, h, cn);
        new Random(seed).NextBytes(img.Data);
        return img;
    }

    private static Image<byte> CvResize(Image<byte> src, int w, int h, InterpolationFlags flags)
    {
        using var m = Oracle.ToMat(src);
        using var r = new Mat();
        Cv2.Resize(m, r, new OpenCvSharp.Size(w, h), 0, 0, flags);
        return Oracle.ToImage(r);
    }

    public static TheoryData<int, int, int, int, int> Sizes => new()
    {
        { 1, 1, 5, 7, 1 }, { 1, 9, 4, 3, 1 }, { 9, 1, 31, 2, 3 }, { 640, 480, 320, 240, 3 }, { 640, 480, 321, 241, 3 },
        { 100, 75, 640, 640, 3 }, { 37, 23, 17, 45, 1 }, { 33, 17, 8, 9, 4 }, { 256, 256, 736, 736, 3 }, { 5, 5, 1, 1, 1 },
        { 255, 255, 255, 255, 1 }, { 20, 10, 10, 5, 1 }, { 7, 300, 24, 13, 1 },
    };

    [Theory]
    [InlineData(1632, 1224, 960, 704, 3)]
    [InlineData(4000, 3000, 1333, 1000, 1)]
    [InlineData(700, 500, 2100, 1500, 3)]
    public void LargeImagesResizedInParallelBandsMatchOpenCV(int sw, int sh, int dw, int dh, int cn)
    {
        // Big enough that the output rows are split into bands on every core.
        var src = Random(sw, sh, cn, dw + dh);
        Oracle.AssertEqual(Oracle.ToMat(CvResize(src, dw, dh, InterpolationFlags.Linear)), LinearResize.Resize(src, dw, dh), $"{sw}x{sh}->{dw}x{dh}x{cn}");
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void LinearMatchesOpenCV(int sw, int sh, int dw, int dh, int cn)
    {
        var src = Random(sw, sh, cn, sw * 31 + dh);
        Oracle.AssertEqual(Oracle.ToMat(CvResize(src, dw, dh, InterpolationFlags.Linear)), LinearResize.Resize(src, dw, dh), $"{sw}x{sh}->{dw}x{dh}x{cn}");
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void NearestMatchesOpenCV(int sw, int sh, int dw, int dh, int cn)
    {
        var src = Random(sw, sh, cn, sw * 17 + dw);
        Oracle.AssertEqual(Oracle.ToMat(CvResize(src, dw, dh, InterpolationFlags.Nearest)), NearestResize.Resize<byte>(src, dw, dh), $"{sw}x{sh}->{dw}x{dh}x{cn}");
    }

    [Fact]
    public void RandomSizesMatchOpenCV()
    {
        Gen.Select(Gen.Int[1, 70], Gen.Int[1, 70], Gen.Int[1, 90], Gen.Int[1, 90], Gen.Int[1, 3], Gen.Int)
            .Sample((sw, sh, dw, dh, cn, seed) =>
            {
                var src = Random(sw, sh, cn, seed);
                var all255 = new Image<byte>(sw, sh, cn);
                Array.Fill(all255.Data, (byte)255);
                foreach (var s in new[] { src, all255 })
                {
                    Oracle.AssertEqual(Oracle.ToMat(CvResize(s, dw, dh, InterpolationFlags.Linear)), LinearResize.Resize(s, dw, dh), $"linear {sw}x{sh}->{dw}x{dh}x{cn}");
                    Oracle.AssertEqual(Oracle.ToMat(CvResize(s, dw, dh, InterpolationFlags.Nearest)), NearestResize.Resize<byte>(s, dw, dh), $"nearest {sw}x{sh}->{dw}x{dh}x{cn}");
                }
            }, iter: 400);
    }
}
