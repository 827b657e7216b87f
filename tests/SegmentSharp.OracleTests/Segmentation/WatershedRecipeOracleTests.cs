using OpenCvSharp;
using SegmentSharp.Color;
using SegmentSharp.Imaging;
using SegmentSharp.Segmentation;
using SegmentSharp.Testing;
using SegmentSharp.Thresholding;

namespace SegmentSharp.OracleTests.Segmentation;

/// <summary>The marker recipe equals the same chain of OpenCV calls (seed 004's Python, line by line).</summary>
public class WatershedRecipeOracleTests
{
    private static int[] OpenCvRecipe(Mat bgr, bool inverse, double fraction)
    {
        using var gray = new Mat();
        Cv2.CvtColor(bgr, gray, ColorConversionCodes.BGR2GRAY);
        using var th = new Mat();
        Cv2.Threshold(gray, th, 0, 255, (inverse ? ThresholdTypes.BinaryInv : ThresholdTypes.Binary) | ThresholdTypes.Otsu);
        using var kernel = Mat.Ones(3, 3, MatType.CV_8UC1);
        using var opening = new Mat();
        Cv2.MorphologyEx(th, opening, MorphTypes.Open, kernel, iterations: 2);
        using var sureBg = new Mat();
        Cv2.Dilate(opening, sureBg, kernel, iterations: 3);
        using var dist = new Mat();
        Cv2.DistanceTransform(opening, dist, DistanceTypes.L2, DistanceTransformMasks.Mask5);
        Cv2.MinMaxLoc(dist, out _, out double max);
        using var fgF = new Mat();
        Cv2.Threshold(dist, fgF, fraction * max, 255, ThresholdTypes.Binary);
        using var sureFg = new Mat();
        fgF.ConvertTo(sureFg, MatType.CV_8U);
        using var unknown = new Mat();
        Cv2.Subtract(sureBg, sureFg, unknown);
        using var markers = new Mat();
        Cv2.ConnectedComponents(sureFg, markers);
        using var plus = new Mat();
        Cv2.Add(markers, Scalar.All(1), plus);
        plus.SetTo(Scalar.All(0), unknown);
        Cv2.Watershed(bgr, plus);
        int rows = plus.Rows, cols = plus.Cols;
        var result = new int[rows * cols];
        for (int y = 0; y < rows; y++) for (int x = 0; x < cols; x++) result[y * cols + x] = plus.At<int>(y, x);
        return result;
    }

    private static WatershedResult Ours(Image<byte> bgr, bool inverse, double fraction)
    {
        var gray = ColorConversion.BgrToGray(bgr);
        var mask = SegmentSharp.Thresholding.Threshold.Apply(gray, 0, 255, inverse ? ThresholdType.BinaryInv : ThresholdType.Binary,
            out _, AutoThreshold.Otsu);
        return WatershedRecipes.Split(bgr, mask, new WatershedRecipe { ForegroundFraction = fraction });
    }

    [Theory]
    [InlineData("coins.png", false, 0.5)]
    [InlineData("coins.png", false, 0.7)]
    [InlineData("coins.png", true, 0.5)]
    [InlineData("page.png", true, 0.3)]
    public void EqualsTheOpenCvChainOnSamples(string sample, bool inverse, double fraction)
    {
        using var bgr = Cv2.ImRead(RepoPaths.Sample(sample), ImreadModes.Color);
        int[] want = OpenCvRecipe(bgr, inverse, fraction);
        var ours = Ours(Oracle.ToImage(bgr), inverse, fraction);
        Assert.Equal(want, ours.Markers.Data);
        Assert.Equal(want.Max() - 1, ours.Count);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 3)]
    [InlineData(160, 120)]
    public void EqualsTheOpenCvChainOnRandomBlobs(int w, int h)
    {
        var rnd = new Random(w * 1000 + h);
        using var bgr = new Mat(h, w, MatType.CV_8UC3, Scalar.All(30));
        for (int i = 0; i < 12; i++)
            Cv2.Circle(bgr, new OpenCvSharp.Point(rnd.Next(w), rnd.Next(h)), rnd.Next(3, 25), Scalar.All(150 + rnd.Next(100)), -1);
        int[] want = OpenCvRecipe(bgr, false, 0.5);
        Assert.Equal(want, Ours(Oracle.ToImage(bgr), false, 0.5).Markers.Data);
    }
}

public class LabelStatisticsOracleTests
{
    [Fact]
    public void EqualsConnectedComponentsStatsOnItsOwnLabels()
    {
        var rnd = new Random(4);
        var mask = new Image<byte>(97, 61);
        for (int i = 0; i < mask.Data.Length; i++) mask.Data[i] = rnd.Next(3) == 0 ? (byte)255 : (byte)0;
        var labels = SegmentSharp.Components.ConnectedComponents.LabelWithStats(mask, SegmentSharp.Components.Connectivity.Eight, out var want);
        var got = SegmentSharp.Components.LabelStatistics.Compute(labels, want.Count);
        Assert.Equal(want.Components, got.Components);
    }
}
