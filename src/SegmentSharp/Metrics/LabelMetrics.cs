using SegmentSharp.Imaging;

namespace SegmentSharp.Metrics;

/// <summary>
/// Label-map (semantic segmentation) metrics: per-class IoU, mean IoU and pixel accuracy from the confusion matrix,
/// as in the PASCAL VOC / Cityscapes evaluations and torchmetrics' <c>JaccardIndex</c>; scikit-learn's
/// <c>jaccard_score(average=None)</c> gives the same per-class values.
/// </summary>
public static class LabelMetrics
{
    /// <summary>
    /// Compares two 8-bit label maps. Pixels whose ground truth equals <paramref name="ignoreIndex"/> (e.g. 255 in VOC)
    /// are not counted; a prediction equal to the ignore index on a counted pixel is an error for that pixel's class.
    /// </summary>
    /// <param name="predicted">Predicted labels.</param>
    /// <param name="groundTruth">Ground-truth labels.</param>
    /// <param name="classCount">Number of classes; 0 = one more than the largest label seen (ignore index excluded).</param>
    /// <param name="ignoreIndex">Ground-truth label to skip, or −1 for none.</param>
    /// <exception cref="ArgumentException">Sizes or channel counts differ, or a label is ≥ <paramref name="classCount"/>.</exception>
    public static LabelScores Compute(ReadOnlyImageView<byte> predicted, ReadOnlyImageView<byte> groundTruth,
        int classCount = 0, int ignoreIndex = -1)
    {
        ImageGuard.SingleChannel(predicted, nameof(predicted));
        ImageGuard.SingleChannel(groundTruth, nameof(groundTruth));
        if (predicted.Width != groundTruth.Width || predicted.Height != groundTruth.Height)
            throw new ArgumentException(
                $"Prediction is {predicted.Width}×{predicted.Height} but ground truth is {groundTruth.Width}×{groundTruth.Height}.",
                nameof(predicted));
        if (classCount < 0 || classCount > 256) throw new ArgumentOutOfRangeException(nameof(classCount), classCount, "Must be 0…256.");

        // A 256×256 table costs nothing and lets one pass count everything before the class count is known.
        var full = new long[256 * 256];
        for (int y = 0; y < groundTruth.Height; y++)
        {
            var p = predicted.Row(y);
            var g = groundTruth.Row(y);
            for (int x = 0; x < g.Length; x++) full[g[x] * 256 + p[x]]++;
        }

        int seen = 0;
        for (int gi = 0; gi < 256; gi++)
            for (int pi = 0; pi < 256; pi++)
            {
                if (full[gi * 256 + pi] == 0 || gi == ignoreIndex) continue;
                int top = pi == ignoreIndex ? gi : Math.Max(gi, pi);
                seen = Math.Max(seen, top + 1);
            }
        int k = classCount == 0 ? Math.Max(seen, 1) : classCount;
        if (seen > k) throw new ArgumentException($"A label ≥ {k} occurs but classCount is {k}.", nameof(classCount));

        var confusion = new long[k * k];
        var extraFalseNeg = new long[k]; // counted pixels predicted as the ignore index
        long counted = 0, correct = 0;
        for (int gi = 0; gi < k; gi++)
        {
            if (gi == ignoreIndex) continue;
            for (int pi = 0; pi < 256; pi++)
            {
                long c = full[gi * 256 + pi];
                if (c == 0) continue;
                counted += c;
                if (pi < k && pi != ignoreIndex) confusion[gi * k + pi] += c;
                else extraFalseNeg[gi] += c;
                if (pi == gi) correct += c;
            }
        }

        var iou = new double[k];
        double sum = 0;
        int defined = 0;
        for (int c = 0; c < k; c++)
        {
            long tp = confusion[c * k + c], rowSum = extraFalseNeg[c], colSum = 0;
            for (int j = 0; j < k; j++) { rowSum += confusion[c * k + j]; colSum += confusion[j * k + c]; }
            long union = rowSum + colSum - tp;
            iou[c] = union == 0 ? double.NaN : (double)tp / union;
            if (union != 0) { sum += iou[c]; defined++; }
        }
        double miou = defined == 0 ? double.NaN : sum / defined;
        double acc = counted == 0 ? double.NaN : (double)correct / counted;
        return new LabelScores(k, confusion, iou, miou, acc, counted);
    }
}
