using SegmentSharp.Coco;

namespace SegmentSharp.Tests.Coco;

public class CocoEvaluationTests
{
    private const int H = 20, W = 20;

    private static Rle Box(double x, double y, double w, double h) => PolygonRaster.FromBox(new CocoBox(x, y, w, h), H, W);

    [Fact]
    public void PerfectDetectionScoresOne()
    {
        var s = CocoEvaluation.Evaluate([new(1, 1, 1, Box(2, 2, 10, 10))], [new(1, 1, 1, Box(2, 2, 10, 10), 0.9)]);
        Assert.Equal((1.0, 1.0, 1.0, 1.0), (s.AP, s.AP50, s.AP75, s.AR));
    }

    [Fact]
    public void PartialOverlapCountsForTheThresholdsItPasses()
    {
        // GT 10x10, detection shifted by 2 columns: IoU = 80/120 = 0.667 → matched at 0.50, 0.55, 0.60, 0.65 only.
        var s = CocoEvaluation.Evaluate([new(1, 1, 1, Box(2, 2, 10, 10))], [new(1, 1, 1, Box(4, 2, 10, 10), 0.9)]);
        Assert.Equal(0.4, s.AP, 12);
        Assert.Equal(1.0, s.AP50);
        Assert.Equal(0.0, s.AP75);
        Assert.Equal(0.4, s.AR, 12);
    }

    [Fact]
    public void FalsePositiveBetweenMatchesLowersPrecisionAtHighRecall()
    {
        // Two objects; detections by score: hit, miss, hit. Recall 0.5 at precision 1, recall 1 at precision 2/3:
        // the 51 recall points 0…0.50 read 1, the 50 points 0.51…1 read 2/3 → AP = (51 + 50·2/3)/101.
        var gt = new CocoGroundTruth[] { new(1, 1, 1, Box(0, 0, 5, 5)), new(2, 1, 1, Box(10, 10, 5, 5)) };
        var dt = new CocoDetection[]
        {
            new(1, 1, 1, Box(0, 0, 5, 5), 0.9), new(2, 1, 1, Box(0, 12, 4, 4), 0.8), new(3, 1, 1, Box(10, 10, 5, 5), 0.7),
        };
        var s = CocoEvaluation.Evaluate(gt, dt);
        double expected = (51 + 50 * (2.0 / 3.0)) / 101;
        Assert.Equal(expected, s.AP, 12);
        Assert.Equal(expected, s.AP50, 12);
        Assert.Equal(1.0, s.AR);
    }

    [Fact]
    public void DetectionsOnCrowdRegionsAreIgnored()
    {
        var gt = new CocoGroundTruth[] { new(1, 1, 1, Box(0, 0, 5, 5)), new(2, 1, 1, Box(8, 8, 12, 12), IsCrowd: true) };
        var dt = new CocoDetection[] { new(1, 1, 1, Box(10, 10, 3, 3), 0.95), new(2, 1, 1, Box(0, 0, 5, 5), 0.9) };
        Assert.Equal(1.0, CocoEvaluation.Evaluate(gt, dt).AP);
        // Without the crowd flag the first detection is a false positive ranked above the hit: AP < 1.
        gt[1] = gt[1] with { IsCrowd = false };
        Assert.True(CocoEvaluation.Evaluate(gt, dt).AP < 0.5);
    }

    [Fact]
    public void CategoriesAreAveragedAndImagesPooled()
    {
        // Category 1 perfect on two images; category 2 missed entirely; a detection of an unknown category is ignored.
        var gt = new CocoGroundTruth[]
        {
            new(1, 1, 1, Box(0, 0, 5, 5)), new(2, 2, 1, Box(3, 3, 6, 6)), new(3, 2, 2, Box(10, 10, 6, 6)),
        };
        var dt = new CocoDetection[]
        {
            new(1, 1, 1, Box(0, 0, 5, 5), 0.5), new(2, 2, 1, Box(3, 3, 6, 6), 0.6), new(3, 2, 9, Box(10, 10, 6, 6), 0.9),
        };
        var s = CocoEvaluation.Evaluate(gt, dt);
        Assert.Equal(0.5, s.AP);
        Assert.Equal(1.0, s.PerCategoryAP[1]);
        Assert.Equal(0.0, s.PerCategoryAP[2]);
    }

    [Fact]
    public void MaxDetectionsCutsLowScores()
    {
        var dt = Enumerable.Range(1, 3).Select(i => new CocoDetection(i, 1, 1, Box(0, 0, 5, 5), i == 3 ? 0.1 : 0.9)).ToArray();
        var gt = new CocoGroundTruth[] { new(1, 1, 1, Box(10, 10, 5, 5)), new(2, 1, 1, Box(0, 0, 5, 5)) };
        // Only the two 0.9 detections are kept: one hit at recall 0.5 → 51 points of precision 1.
        Assert.Equal(51.0 / 101, CocoEvaluation.Evaluate(gt, dt, maxDetections: 2).AP50, 12);
    }

    [Fact]
    public void ThresholdsAreNumpyLinspace()
    {
        Assert.Equal(10, CocoEvaluation.IouThresholds.Length);
        Assert.Equal(0.8999999999999999, CocoEvaluation.IouThresholds[8]);
        Assert.Equal(0.75, CocoEvaluation.IouThresholds[5]);
    }
}
