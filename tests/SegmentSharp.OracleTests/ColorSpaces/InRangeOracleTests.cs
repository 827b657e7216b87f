using OpenCvSharp;
using SegmentSharp.Color;
using SegmentSharp.Imaging;
using static SegmentSharp.OracleTests.ColorSpaces.ColorOracle;

namespace SegmentSharp.OracleTests.ColorSpaces;

public class InRangeOracleTests
{
    private static Scalar ToScalar(double[] v) => new(v[0], v.Length > 1 ? v[1] : 0, v.Length > 2 ? v[2] : 0, v.Length > 3 ? v[3] : 0);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void EightBitMatchesCvInRange(int cn)
    {
        var rng = new Random(cn * 77);
        foreach (var (w, h) in Sizes.Append((301, 17)))
        {
            var img = Random8(w, h, cn, rng.Next());
            for (int trial = 0; trial < 6; trial++)
            {
                // Bounds include fractions (rounded half to even), negatives, values above 255 and crossed ranges.
                var lo = new double[cn];
                var hi = new double[cn];
                for (int c = 0; c < cn; c++)
                {
                    lo[c] = Math.Round(rng.NextDouble() * 300 - 30, trial % 2 == 0 ? 0 : 1);
                    hi[c] = trial == 5 ? lo[c] - 1 : lo[c] + Math.Round(rng.NextDouble() * 200, 1);
                }
                if (trial == 4) { lo[0] = 10.5; hi[0] = 11.5; }
                using var m = Oracle.ToMat(img);
                using var expected = new Mat();
                Cv2.InRange(m, ToScalar(lo), ToScalar(hi), expected);
                var actual = ColorRange.InRange(img, lo, hi);
                Oracle.AssertEqual(expected, actual, $"inRange {w}x{h}x{cn} [{string.Join(",", lo)}]..[{string.Join(",", hi)}]");
            }
        }
    }

    [Fact]
    public void FloatMatchesCvInRange()
    {
        var rng = new Random(5);
        foreach (int cn in new[] { 1, 3, 4 })
        {
            var img = new Image<float>(37, 9, cn);
            for (int i = 0; i < img.Data.Length; i++) img.Data[i] = (float)(rng.NextDouble() * 2 - 0.5);
            img.Data[3] = float.NaN;
            var lo = Enumerable.Range(0, cn).Select(_ => rng.NextDouble() * 0.5).ToArray();
            var hi = lo.Select(v => v + rng.NextDouble()).ToArray();
            using var m = new Mat(img.Height, img.Width, MatType.CV_32FC(cn));
            for (int y = 0; y < img.Height; y++)
                System.Runtime.InteropServices.Marshal.Copy(img.Data, y * img.Stride, m.Ptr(y), img.Width * cn);
            using var expected = new Mat();
            Cv2.InRange(m, ToScalar(lo), ToScalar(hi), expected);
            Oracle.AssertEqual(expected, ColorRange.InRange(img, lo, hi), $"float inRange cn={cn}");
        }
    }

    [Fact]
    public void HueWrapEqualsTwoOredRanges()
    {
        var img = Random8(200, 30, 3, 9);
        using var m = Oracle.ToMat(img);
        using var hsv = new Mat();
        Cv2.CvtColor(m, hsv, ColorConversionCodes.BGR2HSV);
        using var a = new Mat();
        using var b = new Mat();
        Cv2.InRange(hsv, new Scalar(170, 40, 30), new Scalar(179, 255, 255), a);
        Cv2.InRange(hsv, new Scalar(0, 40, 30), new Scalar(12, 255, 255), b);
        using var both = new Mat();
        Cv2.BitwiseOr(a, b, both);
        var ours = ColorRange.InRange(ColorConversion.Convert(img, ColorCode.BGR2HSV), [170, 40, 30], [12, 255, 255], wrapChannel: 0);
        Oracle.AssertEqual(both, ours, "hue wrap");
    }
}
