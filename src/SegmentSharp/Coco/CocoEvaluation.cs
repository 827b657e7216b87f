namespace SegmentSharp.Coco;

/// <summary>A ground-truth instance for <see cref="CocoEvaluation"/>.</summary>
/// <param name="Id">Annotation id (COCO's <c>id</c>; like pycocotools, an id of 0 never counts as a match).</param>
/// <param name="ImageId">Image the instance belongs to.</param>
/// <param name="CategoryId">Category.</param>
/// <param name="Mask">The instance mask.</param>
/// <param name="IsCrowd">A crowd region: detections on it are neither matches nor false positives.</param>
public sealed record CocoGroundTruth(long Id, long ImageId, long CategoryId, Rle Mask, bool IsCrowd = false);

/// <summary>A detected instance for <see cref="CocoEvaluation"/>.</summary>
/// <param name="Id">Detection id (pycocotools' <c>loadRes</c> numbers them 1…N in file order).</param>
/// <param name="ImageId">Image.</param>
/// <param name="CategoryId">Category.</param>
/// <param name="Mask">The predicted mask.</param>
/// <param name="Score">Confidence; higher is matched first.</param>
public sealed record CocoDetection(long Id, long ImageId, long CategoryId, Rle Mask, double Score);

/// <summary>Summary of a COCO instance-segmentation evaluation (area range "all").</summary>
/// <param name="AP">Mean precision over IoU thresholds 0.50:0.05:0.95, 101 recall points and categories (COCO's AP); −1 when no category has ground truth.</param>
/// <param name="AP50">The same at IoU 0.50 only.</param>
/// <param name="AP75">The same at IoU 0.75 only.</param>
/// <param name="AR">Mean recall at the maximum detections over thresholds and categories (AR@maxDets).</param>
/// <param name="PerCategoryAP">AP@[.5:.95] of each evaluated category id; −1 for a category without ground truth.</param>
public sealed record CocoScores(double AP, double AP50, double AP75, double AR, IReadOnlyDictionary<long, double> PerCategoryAP);

/// <summary>
/// COCO instance-segmentation evaluation, reproducing <c>pycocotools.cocoeval.COCOeval(iouType='segm')</c> for the
/// area range "all" (Lin et al., "Microsoft COCO: Common Objects in Context", ECCV 2014): per image and category,
/// detections sorted by score (stable) and cut at <c>maxDets</c> are matched greedily to the unmatched ground truth of
/// highest mask IoU ≥ threshold, preferring non-crowd ground truth; detections matched to crowd regions are ignored.
/// Precision is made monotone and read at 101 recall points (<c>np.searchsorted(rc, recThrs, 'left')</c>) after
/// pooling the detections of all images by score.
/// </summary>
public static class CocoEvaluation
{
    /// <summary>COCO's IoU thresholds, the values of <c>np.linspace(.5, .95, 10)</c>.</summary>
    public static double[] IouThresholds { get; } = Linspace(0.5, 0.95, 10);

    private static readonly double[] RecallThresholds = Linspace(0.0, 1.0, 101);

    /// <summary>Evaluates detections against ground truth over the images and categories of the ground truth.</summary>
    /// <param name="groundTruth">All ground-truth instances.</param>
    /// <param name="detections">All detections; those on other images or categories are ignored, as pycocotools does.</param>
    /// <param name="imageIds">Images to evaluate (COCO: every image of the ground-truth file); null = those with ground truth.</param>
    /// <param name="maxDetections">Detections kept per image and category (COCO: 100).</param>
    public static CocoScores Evaluate(IReadOnlyList<CocoGroundTruth> groundTruth, IReadOnlyList<CocoDetection> detections,
        IReadOnlyCollection<long>? imageIds = null, int maxDetections = 100)
    {
        ArgumentNullException.ThrowIfNull(groundTruth);
        ArgumentNullException.ThrowIfNull(detections);
        var images = (imageIds ?? groundTruth.Select(g => g.ImageId).ToHashSet()).Distinct().Order().ToArray();
        var imageSet = images.ToHashSet();
        var categories = groundTruth.Select(g => g.CategoryId).Distinct().Order().ToArray();
        var gtBy = groundTruth.GroupBy(g => (g.ImageId, g.CategoryId)).ToDictionary(g => g.Key, g => g.ToList());
        var dtBy = detections.Where(d => imageSet.Contains(d.ImageId)).GroupBy(d => (d.ImageId, d.CategoryId))
            .ToDictionary(g => g.Key, g => g.ToList());

        int t = IouThresholds.Length, r = RecallThresholds.Length;
        var precision = new double[t, r, categories.Length];
        var recall = new double[t, categories.Length];
        var perCategory = new Dictionary<long, double>();
        for (int k = 0; k < categories.Length; k++)
        {
            var scores = new List<double>();
            var matched = new List<bool[]>();
            var ignored = new List<bool[]>();
            int positives = 0;
            foreach (long img in images)
            {
                var gts = gtBy.GetValueOrDefault((img, categories[k])) ?? [];
                var dts = dtBy.GetValueOrDefault((img, categories[k])) ?? [];
                if (gts.Count == 0 && dts.Count == 0) continue;
                EvaluateImage(gts, dts, maxDetections, scores, matched, ignored);
                positives += gts.Count(g => !g.IsCrowd);
            }
            if (positives == 0)
            {
                for (int ti = 0; ti < t; ti++) { recall[ti, k] = -1; for (int ri = 0; ri < r; ri++) precision[ti, ri, k] = -1; }
                perCategory[categories[k]] = -1;
                continue;
            }
            // Pool all images' detections by score; a stable sort keeps image order among equal scores.
            int[] order = Enumerable.Range(0, scores.Count).OrderBy(i => -scores[i]).ToArray();
            int nd = order.Length;
            var rc = new double[nd];
            var pr = new double[nd];
            double apSum = 0;
            for (int ti = 0; ti < t; ti++)
            {
                double tp = 0, fp = 0;
                for (int i = 0; i < nd; i++)
                {
                    int d = order[i];
                    if (!ignored[d][ti]) { if (matched[d][ti]) tp++; else fp++; }
                    rc[i] = tp / positives;
                    pr[i] = tp / (fp + tp + Math.BitIncrement(1.0) - 1.0);
                }
                recall[ti, k] = nd > 0 ? rc[nd - 1] : 0;
                for (int i = nd - 1; i > 0; i--) if (pr[i] > pr[i - 1]) pr[i - 1] = pr[i];
                for (int ri = 0; ri < r; ri++)
                {
                    int pi = LowerBound(rc, RecallThresholds[ri]);
                    precision[ti, ri, k] = pi < nd ? pr[pi] : 0;
                    apSum += precision[ti, ri, k];
                }
            }
            perCategory[categories[k]] = apSum / (t * r);
        }

        return new CocoScores(Mean(precision, 0, t), Mean(precision, 0, 1), Mean(precision, 5, 6), MeanRecall(recall), perCategory);
    }

    /// <summary>pycocotools' <c>evaluateImg</c> for one image and category: appends each kept detection's score, its
    /// match flag and ignore flag per IoU threshold.</summary>
    private static void EvaluateImage(List<CocoGroundTruth> gtsIn, List<CocoDetection> dtsIn, int maxDet,
        List<double> scores, List<bool[]> matchedOut, List<bool[]> ignoredOut)
    {
        // Non-crowd ground truth first (stable), detections by descending score (stable), cut at maxDet.
        var gts = gtsIn.OrderBy(g => g.IsCrowd ? 1 : 0).ToList();
        var dts = dtsIn.OrderBy(d => -d.Score).Take(maxDet).ToList();
        int nt = IouThresholds.Length;
        var ious = new double[dts.Count, gts.Count];
        for (int d = 0; d < dts.Count; d++)
            for (int g = 0; g < gts.Count; g++) ious[d, g] = Rle.Iou(dts[d].Mask, gts[g].Mask, gts[g].IsCrowd);

        var gtMatched = new long[nt, gts.Count];
        for (int d = 0; d < dts.Count; d++)
        {
            var m = new bool[nt];
            var ig = new bool[nt];
            for (int ti = 0; ti < nt; ti++)
            {
                double best = Math.Min(IouThresholds[ti], 1 - 1e-10);
                int match = -1;
                for (int g = 0; g < gts.Count; g++)
                {
                    if (gtMatched[ti, g] > 0 && !gts[g].IsCrowd) continue;
                    // Once matched to real ground truth, crowd regions (sorted last) cannot take over.
                    if (match > -1 && !gts[match].IsCrowd && gts[g].IsCrowd) break;
                    if (ious[d, g] < best) continue;
                    best = ious[d, g];
                    match = g;
                }
                if (match == -1) continue;
                ig[ti] = gts[match].IsCrowd;
                m[ti] = gts[match].Id != 0;
                gtMatched[ti, match] = dts[d].Id;
            }
            scores.Add(dts[d].Score);
            matchedOut.Add(m);
            ignoredOut.Add(ig);
        }
    }

    private static int LowerBound(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private static double Mean(double[,,] p, int t0, int t1)
    {
        double sum = 0;
        long n = 0;
        for (int ti = t0; ti < t1; ti++)
            for (int ri = 0; ri < p.GetLength(1); ri++)
                for (int k = 0; k < p.GetLength(2); k++)
                    if (p[ti, ri, k] > -1) { sum += p[ti, ri, k]; n++; }
        return n == 0 ? -1 : sum / n;
    }

    private static double MeanRecall(double[,] rec)
    {
        double sum = 0;
        long n = 0;
        foreach (double v in rec) if (v > -1) { sum += v; n++; }
        return n == 0 ? -1 : sum / n;
    }

    private static double[] Linspace(double start, double stop, int num)
    {
        // NumPy's linspace: i·step + start with step = (stop − start)/(num − 1), the last value set to stop.
        var y = new double[num];
        double step = (stop - start) / (num - 1);
        for (int i = 0; i < num; i++) y[i] = i * step + start;
        y[^1] = stop;
        return y;
    }
}
