using SegmentSharp.Metrics;
using static SegmentSharp.Tests.Metrics.MetricsTestImages;

namespace SegmentSharp.Tests.Metrics;

public class LabelMetricsTests
{
    // GT               Pred
    // 0 0 1 1          0 1 1 1
    // 0 0 1 1          0 0 1 2
    // 2 2 2 2          2 2 2 2
    // 2 2 255 255      2 0 1 0      (255 = ignore: 14 pixels counted)
    // Confusion (gt → pred): 0 → {0:3, 1:1}; 1 → {1:3, 2:1}; 2 → {2:5, 0:1}. Correct 11 / 14.
    // IoU0 = 3 / (4 + 4 − 3) = .6; IoU1 = 3 / (4 + 4 − 3) = .6; IoU2 = 5 / (6 + 6 − 5) = 5/7; mIoU = (1.2 + 5/7) / 3.
    private static readonly SegmentSharp.Imaging.Image<byte> Gt = Labels("0 0 1 1", "0 0 1 1", "2 2 2 2", "2 2 255 255");
    private static readonly SegmentSharp.Imaging.Image<byte> Pred = Labels("0 1 1 1", "0 0 1 2", "2 2 2 2", "2 0 1 0");

    [Fact]
    public void HandComputed_WithIgnoreIndex()
    {
        var s = LabelMetrics.Compute(Pred, Gt, ignoreIndex: 255);
        Assert.Equal(3, s.ClassCount);
        Assert.Equal(14, s.CountedPixels);
        Assert.Equal(new long[] { 3, 1, 0, 0, 3, 1, 1, 0, 5 }, s.Confusion);
        Assert.Equal(0.6, s.IoU[0], 12);
        Assert.Equal(0.6, s.IoU[1], 12);
        Assert.Equal(5 / 7.0, s.IoU[2], 12);
        Assert.Equal((1.2 + 5 / 7.0) / 3, s.MeanIoU, 12);
        Assert.Equal(11 / 14.0, s.PixelAccuracy, 12);
    }

    [Fact]
    public void AbsentClass_IsNaN_AndLeftOutOfTheMean()
    {
        var s = LabelMetrics.Compute(Pred, Gt, classCount: 5, ignoreIndex: 255);
        Assert.True(double.IsNaN(s.IoU[3]));
        Assert.True(double.IsNaN(s.IoU[4]));
        Assert.Equal((1.2 + 5 / 7.0) / 3, s.MeanIoU, 12);
    }

    [Fact]
    public void Perfect_And_PredictionOfIgnoreIndexCountsAsError()
    {
        var p = LabelMetrics.Compute(Gt, Gt, ignoreIndex: 255);
        Assert.Equal(1.0, p.MeanIoU);
        Assert.Equal(1.0, p.PixelAccuracy);
        // Predicting 255 on a counted class-0 pixel: a miss for class 0 (IoU 3/4), no false alarm anywhere.
        var pred = Labels("255 0 1 1", "0 0 1 1", "2 2 2 2", "2 2 0 0");
        var s = LabelMetrics.Compute(pred, Gt, ignoreIndex: 255);
        Assert.Equal(0.75, s.IoU[0], 12);
        Assert.Equal(13 / 14.0, s.PixelAccuracy, 12);
    }

    [Fact]
    public void LabelBeyondClassCount_Throws()
    {
        Assert.Throws<ArgumentException>(() => LabelMetrics.Compute(Pred, Gt, classCount: 2, ignoreIndex: 255));
    }
}
