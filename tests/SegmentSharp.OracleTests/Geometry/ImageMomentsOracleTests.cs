using OpenCvSharp;
using SegmentSharp.Imaging;
using G = SegmentSharp.Geometry;

namespace SegmentSharp.OracleTests.Geometry;

/// <summary>Raster moments (<c>cv::moments(img, binaryImage)</c>) on random images and a sample page.</summary>
public class ImageMomentsOracleTests
{
    public static TheoryData<int, int> Sizes => new() { { 1, 1 }, { 1, 77 }, { 77, 1 }, { 31, 33 }, { 32, 32 }, { 65, 97 }, { 1000, 700 } };

    [Theory, MemberData(nameof(Sizes))]
    public void RandomImagesBinaryAndGray(int w, int h)
    {
        var rng = new Random(w * 31 + h);
        foreach (int mode in new[] { 0, 1, 2 })
        {
            var img = new Image<byte>(w, h);
            for (int i = 0; i < img.Data.Length; i++)
                img.Data[i] = mode switch { 0 => 0, 1 => (byte)rng.Next(256), _ => rng.Next(3) == 0 ? (byte)255 : (byte)0 };
            using var mat = Oracle.ToMat(img);
            foreach (bool binary in new[] { false, true })
            {
                var e = Cv2.Moments(mat, binary);
                var a = G.Shape.ImageMoments(img, binary);
                // OpenCV may route the non-binary 8-bit case through IPP, which sums in another order.
                ShapeOracleTests.AssertMoments(e, a, $"{w}x{h} mode={mode} binary={binary}", binary ? 0 : 1e-9);
            }
        }
    }

    [Fact]
    public void SamplePageBinary()
    {
        var page = SegmentSharp.Codecs.ImageFile.ReadGray(RepoPaths.Sample("page.png"));
        using var mat = Oracle.ToMat(page);
        ShapeOracleTests.AssertMoments(Cv2.Moments(mat, true), G.Shape.ImageMoments(page, true), "page binary", 0);
        ShapeOracleTests.AssertMoments(Cv2.Moments(mat, false), G.Shape.ImageMoments(page, false), "page gray", 1e-9);
    }
}
