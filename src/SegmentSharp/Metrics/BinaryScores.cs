namespace SegmentSharp.Metrics;

/// <summary>
/// Every binary (text / background) metric of one predicted mask against its ground truth, following the DIBCO
/// competition conventions: text is the positive class; percentages are 0…100.
/// </summary>
/// <param name="TruePositives">Text predicted as text.</param>
/// <param name="FalsePositives">Background predicted as text.</param>
/// <param name="FalseNegatives">Text predicted as background.</param>
/// <param name="TrueNegatives">Background predicted as background.</param>
/// <param name="Precision">TP / (TP + FP) in %; 0 when TP = 0 (DIBCO convention).</param>
/// <param name="Recall">TP / (TP + FN) in %; 0 when TP = 0.</param>
/// <param name="FMeasure">Harmonic mean of precision and recall in % (FM); 0 when precision + recall = 0.</param>
/// <param name="PseudoPrecision">Weighted precision (Ntirogiannis et al. 2013) in %; NaN when no weights were given.</param>
/// <param name="PseudoRecall">Weighted recall (Ntirogiannis et al. 2013) in %; NaN when no weights were given.</param>
/// <param name="PseudoFMeasure">Harmonic mean of the two pseudo measures in % (p-FM); NaN without weights, 0 when both are 0.</param>
/// <param name="Psnr">10·log10(1 / MSE) with MSE = (FP + FN) / N (peak C = 1); +∞ for identical masks.</param>
/// <param name="Drd">Distance-reciprocal distortion (Lu, Kot &amp; Shi 2004): <paramref name="DrdSum"/> / <paramref name="Nubn"/>.</param>
/// <param name="DrdSum">Σ DRD_k over the flipped pixels.</param>
/// <param name="Nubn">Number of non-uniform 8×8 blocks of the ground truth.</param>
/// <param name="Nrm">Negative rate metric: (FN/(FN+TP) + FP/(FP+TN)) / 2; a term whose class is absent counts 0.</param>
/// <param name="Mcc">Matthews correlation coefficient in −1…1; 0 when undefined (a row or column of the confusion matrix is empty).</param>
/// <param name="IoU">TP / (TP + FP + FN) in 0…1 (Jaccard index); 1 when both masks are empty.</param>
/// <param name="Dice">2·TP / (2·TP + FP + FN) in 0…1; 1 when both masks are empty.</param>
/// <param name="Accuracy">(TP + TN) / N in %.</param>
public sealed record BinaryScores(
    long TruePositives, long FalsePositives, long FalseNegatives, long TrueNegatives,
    double Precision, double Recall, double FMeasure,
    double PseudoPrecision, double PseudoRecall, double PseudoFMeasure,
    double Psnr, double Drd, double DrdSum, long Nubn,
    double Nrm, double Mcc, double IoU, double Dice, double Accuracy);
