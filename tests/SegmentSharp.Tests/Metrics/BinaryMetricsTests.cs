using SegmentSharp.Imaging;
using SegmentSharp.Metrics;
using static SegmentSharp.Tests.Metrics.MetricsTestImages;

namespace SegmentSharp.Tests.Metrics;

public class BinaryMetricsTests
{
    private const double Tol = 1e-9;

    // Case A, 4×4 (1 = text):          GT      Pred
    //                                  1100    1000
    //                                  1100    1110
    //                                  0000    0000
    //                                  0001    0000
    // TP = r0c0, r1c0, r1c1 = 3; FP = r1c2 = 1; FN = r0c1, r3c3 = 2; TN = 16 − 6 = 10.
    private static readonly Image<byte> GtA = Mask("1100", "1100", "0000", "0001");
    private static readonly Image<byte> PredA = Mask("1000", "1110", "0000", "0000");

    [Fact]
    public void CaseA_CountsAndRatios()
    {
        var s = BinaryMetrics.Compute(PredA, GtA);
        Assert.Equal((3L, 1L, 2L, 10L), (s.TruePositives, s.FalsePositives, s.FalseNegatives, s.TrueNegatives));
        Assert.Equal(75.0, s.Precision, Tol);                 // 3 / 4
        Assert.Equal(60.0, s.Recall, Tol);                    // 3 / 5
        Assert.Equal(9000.0 / 135.0, s.FMeasure, Tol);        // 2·75·60 / (75 + 60) = 66.67
        Assert.Equal(10 * Math.Log10(16.0 / 3.0), s.Psnr, Tol); // MSE = 3/16 → 7.26999 dB
        Assert.Equal(7.269987, s.Psnr, 1e-6);
        Assert.Equal((2.0 / 5 + 1.0 / 11) / 2, s.Nrm, Tol);   // (FN/(FN+TP) + FP/(FP+TN)) / 2 = 0.24545
        Assert.Equal(28 / Math.Sqrt(4 * 5 * 11 * 12), s.Mcc, Tol); // (3·10 − 1·2) / √(4·5·11·12) = 0.54495
        Assert.Equal(0.5, s.IoU, Tol);                        // 3 / (3 + 1 + 2)
        Assert.Equal(6.0 / 9.0, s.Dice, Tol);                 // 2·3 / (2·3 + 1 + 2)
        Assert.Equal(81.25, s.Accuracy, Tol);                 // 13 / 16
        Assert.True(double.IsNaN(s.PseudoFMeasure));          // no weights given
    }

    [Fact]
    public void CaseA_Drd_HandComputed_NoCompleteBlock()
    {
        // Flipped pixels and the GT neighbours (within the image) that differ from the predicted value, as unnormalised
        // weights 1/distance:
        //  r1c2 predicted text: bg at (−1,0) 1, (−1,+1) 1/√2, (0,+1) 1, (+1,−2) 1/√5, (+1,−1) 1/√2, (+1,0) 1, (+1,+1) 1/√2,
        //                       (+2,−2) 1/√8, (+2,−1) 1/√5, (+2,0) 1/2          → 3 + 3/√2 + 2/√5 + 1/√8 + 1/2
        //  r0c1 predicted bg:   text at (0,−1) 1, (+1,−1) 1/√2, (+1,0) 1       → 2 + 1/√2
        //  r3c3 predicted bg:   text at (−2,−2) 1/√8                           → 1/√8
        double raw = 5.5 + 4 / Math.Sqrt(2) + 2 / Math.Sqrt(5) + 2 / Math.Sqrt(8);
        var s = BinaryMetrics.Compute(PredA, GtA);
        Assert.Equal(raw / DrdNorm, s.DrdSum, Tol);
        Assert.Equal(0, s.Nubn);                   // a 4×4 image holds no complete 8×8 block
        Assert.Equal(s.DrdSum, s.Drd, Tol);        // documented: NUBN = 0 divides by 1
    }

    [Fact]
    public void Drd_Tiny8x8_HandComputed()
    {
        // GT: text at r3c3 and r3c4. Prediction: r3c4 missed (FN) and a false alarm in the corner r0c0.
        var gt = Mask("00000000", "00000000", "00000000", "00011000", "00000000", "00000000", "00000000", "00000000");
        var pred = Mask("10000000", "00000000", "00000000", "00010000", "00000000", "00000000", "00000000", "00000000");
        // r3c4 predicted bg: the only GT text neighbour is r3c3 at distance 1              → 1
        // r0c0 predicted text: every in-image neighbour (rows 0–2, cols 0–2) is GT bg:
        //   (0,1) 1, (0,2) 1/2, (1,0) 1, (1,1) 1/√2, (1,2) 1/√5, (2,0) 1/2, (2,1) 1/√5, (2,2) 1/√8; outside cells add nothing.
        double corner = 1 + 0.5 + 1 + 1 / Math.Sqrt(2) + 1 / Math.Sqrt(5) + 0.5 + 1 / Math.Sqrt(5) + 1 / Math.Sqrt(8);
        var s = BinaryMetrics.Compute(pred, gt);
        Assert.Equal(1, s.Nubn);                                   // the single 8×8 block holds both classes
        Assert.Equal((1 + corner) / DrdNorm, s.Drd, Tol);          // = 5.95508 / 13.82035 = 0.43089
        Assert.Equal(0.430893, s.Drd, 1e-6);
    }

    [Fact]
    public void DrdWeights_AreNormalisedInverseDistances()
    {
        var w = BinaryMetrics.DrdWeights;
        Assert.Equal(25, w.Length);
        double sum = 0;
        foreach (double v in w) sum += v;
        Assert.Equal(1.0, sum, 1e-12);
        Assert.Equal(0.0, w[12]);
        // The 6-decimal values used by the DIBCO tool and Doxa (×10⁶): corner, knight, straight 2, diagonal 1, straight 1.
        Assert.Equal(0.025582, w[0], 1e-6);
        Assert.Equal(0.032359, w[1], 1e-6);
        Assert.Equal(0.036179, w[2], 1e-6);
        Assert.Equal(0.051164, w[6], 1e-6);
        Assert.Equal(0.072357, w[7], 1e-6);
    }

    [Fact]
    public void DrdNubn_CountsOnlyCompleteMixedBlocks()
    {
        // 17×9: two complete blocks (x 0–7, 8–15); text in block 0 and in the partial column x = 16 → NUBN = 1.
        var rows = Enumerable.Range(0, 9).Select(y => new string('0', 17).ToCharArray()).ToArray();
        rows[2][3] = '1';
        rows[1][16] = '1';
        rows[8][9] = '1'; // partial row y = 8 of block 1: not counted
        var gt = Mask(rows.Select(r => new string(r)).ToArray());
        Assert.Equal(1, BinaryMetrics.Compute(gt, gt).Nubn);
    }

    [Fact]
    public void EmptyPrediction_ScoresZeroAndFMeasureIsZeroWhenPrecisionPlusRecallIsZero()
    {
        var s = BinaryMetrics.Compute(Mask("0000", "0000", "0000", "0000"), GtA);
        Assert.Equal((0L, 0L, 5L, 11L), (s.TruePositives, s.FalsePositives, s.FalseNegatives, s.TrueNegatives));
        Assert.Equal(0.0, s.Precision);
        Assert.Equal(0.0, s.Recall);
        Assert.Equal(0.0, s.FMeasure);                       // P + R = 0 → 0, not NaN
        Assert.Equal(10 * Math.Log10(16.0 / 5.0), s.Psnr, Tol); // MSE = 5/16
        Assert.Equal(0.5, s.Nrm, Tol);                       // (5/5 + 0/11) / 2
        Assert.Equal(0.0, s.Mcc);                            // TP+FP = 0 → undefined → 0
        Assert.Equal(0.0, s.IoU);
        Assert.Equal(0.0, s.Dice);
    }

    [Fact]
    public void TextOnlyOnBackground_FMeasureIsZero()
    {
        // Every predicted text pixel is a false alarm: TP = 0, so P = R = 0 and FM = 0 (not 0/0).
        var s = BinaryMetrics.Compute(Mask("0011", "0000", "0000", "0000"), GtA);
        Assert.Equal(0L, s.TruePositives);
        Assert.Equal(0.0, s.FMeasure);
        Assert.Equal(0.0, BinaryMetrics.Harmonic(0, 0));
    }

    [Fact]
    public void PerfectPrediction()
    {
        var s = BinaryMetrics.Compute(GtA, GtA);
        Assert.Equal(100.0, s.Precision);
        Assert.Equal(100.0, s.Recall);
        Assert.Equal(100.0, s.FMeasure);
        Assert.Equal(double.PositiveInfinity, s.Psnr);       // identical masks: MSE = 0 → +∞ (documented)
        Assert.Equal(0.0, s.Drd);
        Assert.Equal(0.0, s.Nrm);
        Assert.Equal(1.0, s.Mcc, Tol);
        Assert.Equal(1.0, s.IoU);
        Assert.Equal(1.0, s.Dice);
        Assert.Equal(100.0, s.Accuracy);
    }

    [Fact]
    public void BothEmpty_IoUAndDiceAreOne_FMeasureZero_PsnrInfinite()
    {
        var empty = Mask("0000", "0000", "0000", "0000");
        var s = BinaryMetrics.Compute(empty, empty);
        Assert.Equal(0.0, s.FMeasure);
        Assert.Equal(1.0, s.IoU);
        Assert.Equal(1.0, s.Dice);
        Assert.Equal(double.PositiveInfinity, s.Psnr);
        Assert.Equal(0.0, s.Mcc);
    }

    [Fact]
    public void AllTextGroundTruth()
    {
        // GT all text (16); prediction misses the last row: TP 12, FN 4, FP 0, TN 0.
        var gt = Mask("1111", "1111", "1111", "1111");
        var s = BinaryMetrics.Compute(Mask("1111", "1111", "1111", "0000"), gt);
        Assert.Equal(100.0, s.Precision, Tol);
        Assert.Equal(75.0, s.Recall, Tol);
        Assert.Equal(2 * 100.0 * 75 / 175, s.FMeasure, Tol); // 85.714
        Assert.Equal(0.125, s.Nrm, Tol);                     // (4/16 + [no background → 0]) / 2
        Assert.Equal(0.0, s.Mcc);                            // TN+FP = 0 → undefined → 0
        Assert.Equal(0.75, s.IoU, Tol);
        Assert.Equal(10 * Math.Log10(4.0), s.Psnr, Tol);     // MSE = 4/16
    }

    [Fact]
    public void PseudoMeasures_WithHandWeights()
    {
        // Recall weights on GT text: r0c0 .5, r0c1 .5, r1c0 .25, r1c1 .25, r3c3 1 (Σ = 2.5). TP covers r0c0, r1c0, r1c1.
        //   pseudo-recall = (.5 + .25 + .25) / 2.5 = 40 %.
        // Precision excess (PW − 1): 1 on the false alarm r1c2, .5 on r2c2 (not predicted, so unused), 0 elsewhere.
        //   pseudo-precision = 3·1 / (3·1 + (1 + 1)) = 60 %.      p-FM = 2·40·60 / 100 = 48 %.
        var r = new double[16];
        r[0] = .5; r[1] = .5; r[4] = .25; r[5] = .25; r[15] = 1;
        var p = new double[16];
        p[6] = 1; p[10] = .5;
        var s = BinaryMetrics.Compute(PredA, GtA, new PseudoFWeights(4, 4, r, p));
        Assert.Equal(40.0, s.PseudoRecall, Tol);
        Assert.Equal(60.0, s.PseudoPrecision, Tol);
        Assert.Equal(48.0, s.PseudoFMeasure, Tol);
        Assert.Equal(75.0, s.Precision, Tol); // the plain measures do not change
    }

    [Fact]
    public void PseudoMeasures_EmptyPrediction_AreZero()
    {
        var w = new PseudoFWeights(4, 4, Enumerable.Repeat(1.0, 16).ToArray(), new double[16]);
        var s = BinaryMetrics.Compute(Mask("0000", "0000", "0000", "0000"), GtA, w);
        Assert.Equal(0.0, s.PseudoRecall);
        Assert.Equal(0.0, s.PseudoPrecision);
        Assert.Equal(0.0, s.PseudoFMeasure);
    }

    [Fact]
    public void StridedViewsGiveTheSameScores()
    {
        // Embed both masks in larger images and compare through sub-views: strides must not change anything.
        var big = new Image<byte>(7, 6);
        var bigGt = new Image<byte>(7, 6);
        for (int y = 0; y < 4; y++) { PredA.Row(y).CopyTo(big.Row(y + 1)[2..]); GtA.Row(y).CopyTo(bigGt.Row(y + 1)[2..]); }
        big.Row(0).Fill(255); bigGt.Row(5).Fill(255);
        var a = BinaryMetrics.Compute(big.ReadOnlyView.Slice(2, 1, 4, 4), bigGt.ReadOnlyView.Slice(2, 1, 4, 4));
        Assert.Equal(BinaryMetrics.Compute(PredA, GtA), a);
    }

    [Fact]
    public void SizeMismatch_Throws()
    {
        Assert.Throws<ArgumentException>(() => BinaryMetrics.Compute(Mask("00", "00"), GtA));
        Assert.Throws<ArgumentException>(() => BinaryMetrics.Compute(PredA, GtA, new PseudoFWeights(2, 2, new double[4], new double[4])));
    }

    [Fact]
    public void TextMask_Polarity()
    {
        var img = new Image<byte>(4, 1);
        new byte[] { 0, 127, 128, 255 }.CopyTo(img.Row(0));
        Assert.Equal(new byte[] { 255, 255, 0, 0 }, BinaryMask.FromTextIsZero(img).Row(0).ToArray());
        Assert.Equal(new byte[] { 0, 0, 255, 255 }, BinaryMask.ToTextMask(img, TextPolarity.Bright).Row(0).ToArray());
    }
}
