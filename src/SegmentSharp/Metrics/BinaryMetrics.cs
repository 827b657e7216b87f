using System.Runtime.CompilerServices;
using SegmentSharp.Imaging;

namespace SegmentSharp.Metrics;

/// <summary>
/// Binarization quality metrics in the conventions of the DIBCO competitions (Document Image Binarization Contest,
/// ICDAR/ICFHR 2009–): precision, recall, F-measure, pseudo-F-measure (Ntirogiannis, Gatos &amp; Pratikakis,
/// "Performance evaluation methodology for historical document image binarization", IEEE TIP 22(2), 2013), PSNR,
/// DRD (Lu, Kot &amp; Shi, "Distance-reciprocal distortion measure for binary document images", IEEE SPL 11(2), 2004),
/// NRM, MCC, IoU and Dice. Reproduces the DIBCO evaluation tool (and Doxa's <c>ClassifiedPerformance</c>/<c>DRDM</c>)
/// to its printed precision; scikit-learn's <c>precision_recall_fscore_support</c>/<c>matthews_corrcoef</c> give the
/// same ratios (as fractions, not %).
/// </summary>
/// <remarks>
/// Both masks are single-channel 8-bit with <b>nonzero = text</b>; convert black-on-white images with
/// <see cref="BinaryMask.ToTextMask"/>. Text is the positive class.
/// </remarks>
public static class BinaryMetrics
{
    /// <summary>Side of the square blocks whose non-uniform count (NUBN) normalises DRD.</summary>
    public const int DrdBlockSize = 8;

    /// <summary>
    /// Computes every <see cref="BinaryScores"/> field of <paramref name="predicted"/> against <paramref name="groundTruth"/>.
    /// The pseudo measures need <paramref name="weights"/> (from <see cref="PseudoFWeights.ReadDibcoFiles"/> or
    /// <see cref="PseudoFWeights.Compute"/>); without them they are NaN.
    /// </summary>
    /// <exception cref="ArgumentException">A mask is not single-channel, the sizes differ, or the weights are for another size.</exception>
    public static BinaryScores Compute(ReadOnlyImageView<byte> predicted, ReadOnlyImageView<byte> groundTruth,
        PseudoFWeights? weights = null)
    {
        ImageGuard.SingleChannel(predicted, nameof(predicted));
        ImageGuard.SingleChannel(groundTruth, nameof(groundTruth));
        if (predicted.Width != groundTruth.Width || predicted.Height != groundTruth.Height)
            throw new ArgumentException(
                $"Prediction is {predicted.Width}×{predicted.Height} but ground truth is {groundTruth.Width}×{groundTruth.Height}.",
                nameof(predicted));
        if (weights != null && (weights.Width != groundTruth.Width || weights.Height != groundTruth.Height))
            throw new ArgumentException(
                $"Weights are for {weights.Width}×{weights.Height} but the images are {groundTruth.Width}×{groundTruth.Height}.",
                nameof(weights));

        long tp = 0, fp = 0, fn = 0, tn = 0;
        double rTp = 0, rAll = 0, pTp = 0, pAll = 0;
        int w = groundTruth.Width;
        for (int y = 0; y < groundTruth.Height; y++)
        {
            var p = predicted.Row(y);
            var g = groundTruth.Row(y);
            long rtp = 0, rfp = 0, rfn = 0;
            for (int x = 0; x < p.Length; x++)
            {
                bool pt = p[x] != 0, gt = g[x] != 0;
                if (pt) { if (gt) rtp++; else rfp++; }
                else if (gt) rfn++;
            }
            tp += rtp; fp += rfp; fn += rfn; tn += p.Length - rtp - rfp - rfn;

            if (weights != null)
            {
                var rw = weights.Recall.AsSpan(y * w, w);
                var pw = weights.PrecisionExcess.AsSpan(y * w, w);
                for (int x = 0; x < p.Length; x++)
                {
                    bool pt = p[x] != 0, gt = g[x] != 0;
                    if (gt) { rAll += rw[x]; if (pt) rTp += rw[x]; }
                    // The precision weight is 1 + the stored excess; it is 1 on ground-truth text.
                    if (pt) { double pv = 1.0 + pw[x]; pAll += pv; if (gt) pTp += pv; }
                }
            }
        }

        double precision = tp == 0 ? 0 : 100.0 * tp / (tp + fp);
        double recall = tp == 0 ? 0 : 100.0 * tp / (tp + fn);
        double fm = Harmonic(precision, recall);

        double pPrec = double.NaN, pRec = double.NaN, pfm = double.NaN;
        if (weights != null)
        {
            pPrec = pTp == 0 ? 0 : 100.0 * pTp / pAll;
            pRec = rTp == 0 ? 0 : 100.0 * rTp / rAll;
            pfm = Harmonic(pPrec, pRec);
        }

        long n = tp + fp + fn + tn;
        double mse = (double)(fp + fn) / n;
        double psnr = mse == 0 ? double.PositiveInfinity : 10.0 * Math.Log10(1.0 / mse);

        double drdSum = DrdSum(predicted, groundTruth);
        long nubn = Nubn(groundTruth);
        // A uniform ground truth has no non-uniform block; divide by 1 then, so DRD stays the plain distortion sum.
        double drd = drdSum / Math.Max(nubn, 1);

        double nrfn = tp + fn == 0 ? 0 : (double)fn / (tp + fn);
        double nrfp = fp + tn == 0 ? 0 : (double)fp / (fp + tn);
        double nrm = (nrfn + nrfp) / 2;

        double mccDen = (double)(tp + fp) * (tp + fn) * (tn + fp) * (tn + fn);
        double mcc = mccDen == 0 ? 0 : ((double)tp * tn - (double)fp * fn) / Math.Sqrt(mccDen);

        long union = tp + fp + fn;
        double iou = union == 0 ? 1 : (double)tp / union;
        double dice = union == 0 ? 1 : 2.0 * tp / (2.0 * tp + fp + fn);
        double accuracy = 100.0 * (tp + tn) / n;

        return new BinaryScores(tp, fp, fn, tn, precision, recall, fm, pPrec, pRec, pfm,
            psnr, drd, drdSum, nubn, nrm, mcc, iou, dice, accuracy);
    }

    /// <summary>2ab/(a+b), defined as 0 when a + b = 0 (nothing detected and nothing to detect is not a success in DIBCO).</summary>
    internal static double Harmonic(double a, double b) => a + b == 0 ? 0 : 2 * a * b / (a + b);

    /// <summary>
    /// The 5×5 DRD weight matrix of Lu, Kot &amp; Shi: 1/√(i²+j²) for each offset, 0 at the centre, normalised to sum 1.
    /// Row-major, index (dy+2)*5 + (dx+2).
    /// </summary>
    public static ReadOnlySpan<double> DrdWeights => s_drdWeights;

    private static readonly double[] s_drdWeights = MakeDrdWeights();

    private static double[] MakeDrdWeights()
    {
        var m = new double[25];
        double sum = 0;
        for (int dy = -2; dy <= 2; dy++)
            for (int dx = -2; dx <= 2; dx++)
            {
                double v = dx == 0 && dy == 0 ? 0 : 1.0 / Math.Sqrt(dx * dx + dy * dy);
                m[(dy + 2) * 5 + dx + 2] = v;
                sum += v;
            }
        for (int i = 0; i < 25; i++) m[i] /= sum;
        return m;
    }

    /// <summary>
    /// Σ DRD_k: for each pixel k whose prediction differs from the ground truth, the weights of the 5×5 ground-truth
    /// neighbours that differ from the predicted value at k. Neighbours outside the image contribute nothing.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static double DrdSum(ReadOnlyImageView<byte> predicted, ReadOnlyImageView<byte> groundTruth)
    {
        var wm = s_drdWeights;
        int width = groundTruth.Width, height = groundTruth.Height;
        double sum = 0;
        for (int y = 0; y < height; y++)
        {
            var p = predicted.Row(y);
            var g = groundTruth.Row(y);
            for (int x = 0; x < width; x++)
            {
                bool pv = p[x] != 0;
                if (pv == (g[x] != 0)) continue;
                double d = 0;
                for (int dy = -2; dy <= 2; dy++)
                {
                    int yy = y + dy;
                    if ((uint)yy >= (uint)height) continue;
                    var gr = groundTruth.Row(yy);
                    for (int dx = -2; dx <= 2; dx++)
                    {
                        int xx = x + dx;
                        if ((uint)xx >= (uint)width) continue;
                        if ((gr[xx] != 0) != pv) d += wm[(dy + 2) * 5 + dx + 2];
                    }
                }
                sum += d;
            }
        }
        return sum;
    }

    /// <summary>
    /// NUBN: the number of complete, non-overlapping 8×8 ground-truth blocks that hold both text and background.
    /// Partial blocks at the right and bottom edges are not counted, as in the DIBCO tool (verified on Doxa's fixture:
    /// 2112 for a 707×441 page).
    /// </summary>
    internal static long Nubn(ReadOnlyImageView<byte> groundTruth)
    {
        const int m = DrdBlockSize;
        int bw = groundTruth.Width / m, bh = groundTruth.Height / m;
        long count = 0;
        for (int by = 0; by < bh; by++)
            for (int bx = 0; bx < bw; bx++)
            {
                bool first = groundTruth.Row(by * m)[bx * m] != 0;
                bool mixed = false;
                for (int y = by * m; y < by * m + m && !mixed; y++)
                {
                    var row = groundTruth.Row(y).Slice(bx * m, m);
                    for (int x = 0; x < m; x++)
                        if ((row[x] != 0) != first) { mixed = true; break; }
                }
                if (mixed) count++;
            }
        return count;
    }
}
