using CsCheck;
using OpenCvSharp;
using G = SegmentSharp.Geometry;

namespace SegmentSharp.OracleTests.Models;

/// <summary>cv2.boxPoints against OpenCV 4.13, bit for bit.</summary>
public class BoxPointsOracleTests
{
    [Fact]
    public void MatchesOpenCV()
    {
        Gen.Select(Gen.Float[-500, 500], Gen.Float[-500, 500], Gen.Float[0, 300], Gen.Float[0, 300], Gen.Float[-180, 180])
            .Sample((cx, cy, w, h, a) =>
            {
                var expected = Cv2.BoxPoints(new OpenCvSharp.RotatedRect(new Point2f(cx, cy), new Size2f(w, h), a));
                var actual = G.Shape.BoxPoints(new G.RotatedRect(new G.PointF(cx, cy), w, h, a));
                for (int i = 0; i < 4; i++)
                {
                    Assert.Equal(expected[i].X, actual[i].X);
                    Assert.Equal(expected[i].Y, actual[i].Y);
                }
            }, iter: 2000);
    }
}
