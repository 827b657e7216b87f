using OpenCvSharp;
using SegmentSharp.Color;
using SegmentSharp.Imaging;

namespace SegmentSharp.OracleTests;

public class GrayConversionSmokeTests
{
    [Theory]
    [InlineData(1, 1, 3)]
    [InlineData(17, 5, 3)]
    [InlineData(640, 480, 3)]
    [InlineData(33, 9, 4)]
    public void BgrToGrayMatchesCvtColor(int w, int h, int cn)
    {
        var rng = new Random(w * 31 + h * 7 + cn);
        var img = new Image<byte>(w, h, cn);
        rng.NextBytes(img.Data);
        using var mat = Oracle.ToMat(img);
        using var expected = new Mat();
        Cv2.CvtColor(mat, expected, cn == 3 ? ColorConversionCodes.BGR2GRAY : ColorConversionCodes.BGRA2GRAY);
        var actual = ColorConversion.BgrToGray(img);
        Oracle.AssertEqual(expected, actual);
    }
}
