using OpenCvSharp;
using SegmentSharp.Codecs;
using SegmentSharp.Imaging;
using DeskewOps = SegmentSharp.Enhancement.Deskew;

namespace SegmentSharp.OracleTests.Deskew;

/// <summary>Deskew.Rotate against cv2.warpAffine(getRotationMatrix2D(...), INTER_LINEAR, BORDER_CONSTANT).</summary>
public class RotateOracleTests
{
    private static Image<byte> RandomImage(int w, int h, int cn, int seed)
    {
        var rng = new System.Random(seed);
        var img = new Image<byte>(w, h, cn);
        rng.NextBytes(img.Data);
        return img;
    }

    private static void Check(Image<byte> img, double angle, float cx, float cy, byte fill, string ctx)
    {
        using var src = Oracle.ToMat(img);
        using var m = Cv2.GetRotationMatrix2D(new Point2f(cx, cy), angle, 1.0);
        using var expected = new Mat();
        Cv2.WarpAffine(src, expected, m, new OpenCvSharp.Size(img.Width, img.Height), InterpolationFlags.Linear,
            BorderTypes.Constant, new Scalar(fill, fill, fill, fill));
        var actual = DeskewOps.Rotate(img, angle, cx, cy, fill);
        Oracle.AssertEqual(expected, actual, $"{ctx} angle={angle} centre=({cx},{cy}) fill={fill}");
    }

    public static IEnumerable<object[]> Sizes()
    {
        foreach (var (w, h) in new[] { (1, 1), (1, 9), (9, 1), (2, 2), (15, 7), (16, 16), (17, 31), (33, 5), (100, 61), (257, 190) })
            yield return [w, h];
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void RandomGrayAndColourImages(int w, int h)
    {
        double[] angles = [0, 0.1, -0.37, 1.5, -3.7, 7.25, -10, 15, 30, 45, -60, 90, 137.3, 180, -271];
        foreach (int cn in new[] { 1, 3, 4 })
        {
            var img = RandomImage(w, h, cn, w * 7919 + h * 31 + cn);
            foreach (double a in angles)
            {
                Check(img, a, (w - 1) / 2f, (h - 1) / 2f, 255, $"{w}x{h}x{cn}");
                Check(img, a, w / 2f, h / 2f, 0, $"{w}x{h}x{cn}");
            }
            Check(img, 12.5, 0.3f, -4.75f, 77, $"{w}x{h}x{cn} off-centre");
        }
    }

    [Fact]
    public void LargeImagesRunInParallelBandsAndStayExact()
    {
        var gray = RandomImage(1000, 700, 1, 99);
        var bgr = RandomImage(999, 701, 3, 98);
        foreach (double a in new[] { -7.77, 33.0 })
        {
            Check(gray, a, 499.5f, 349.5f, 255, "1000x700");
            Check(bgr, a, 499f, 350f, 0, "999x701x3");
        }
    }

    [Fact]
    public void DefaultCentreIsTheMiddleOfThePixelGrid()
    {
        var img = RandomImage(41, 28, 1, 5);
        using var src = Oracle.ToMat(img);
        using var m = Cv2.GetRotationMatrix2D(new Point2f(20f, 13.5f), -4.2, 1.0);
        using var expected = new Mat();
        Cv2.WarpAffine(src, expected, m, new OpenCvSharp.Size(41, 28), InterpolationFlags.Linear, BorderTypes.Constant, new Scalar(255));
        Oracle.AssertEqual(expected, DeskewOps.Rotate(img, -4.2), "default centre");
    }

    [Fact]
    public void SamplePagesAtSkewAngles()
    {
        foreach (string name in new[] { "page.png", "text.png", "camera.png" })
        {
            var gray = ImageFile.ReadGray(RepoPaths.Sample(name));
            foreach (double a in new[] { -9.3, -0.45, 2.0, 6.66 })
                Check(gray, a, (gray.Width - 1) / 2f, (gray.Height - 1) / 2f, 255, name);
        }
    }

    [Fact]
    public void StridedViewMatchesCopy()
    {
        var big = RandomImage(50, 40, 1, 11);
        var view = big.ReadOnlyView.Slice(7, 5, 31, 22);
        var copy = new Image<byte>(31, 22);
        for (int y = 0; y < 22; y++) view.Row(y).CopyTo(copy.Row(y));
        Check(copy, 8.8, 15f, 10.5f, 200, "copy");
        var fromView = DeskewOps.Rotate(view, 8.8, 15f, 10.5f, 200);
        Assert.Equal(DeskewOps.Rotate(copy, 8.8, 15f, 10.5f, 200).Data, fromView.Data);
    }
}
