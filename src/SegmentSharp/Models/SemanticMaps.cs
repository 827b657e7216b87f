using System.Numerics;
using SegmentSharp.Imaging;

namespace SegmentSharp.Models;

/// <summary>
/// Turning a semantic-segmentation model's output into a label map and summarising it: per-pixel argmax over class
/// scores (<c>logits.argmax(0)</c> in PyTorch / <c>np.argmax(logits, axis=0)</c>), thresholding a probability map,
/// and per-class pixel counts (<c>np.bincount</c>).
/// </summary>
public static class SemanticMaps
{
    /// <summary>
    /// Per-pixel index of the largest score in planar <c>[C, H, W]</c> scores (one plane per class). Ties go to the
    /// lowest class and the first NaN wins, both as <c>np.argmax</c> and <c>torch.argmax</c>. Vectorised with a scalar tail.
    /// </summary>
    /// <param name="scores">C planes of <paramref name="planeSize"/> floats (logits or probabilities; softmax is monotone so it need not be applied).</param>
    /// <param name="classes">Number of classes C ≥ 1.</param>
    /// <param name="planeSize">H·W.</param>
    /// <param name="labels">Receives H·W class indices.</param>
    public static void Argmax(ReadOnlySpan<float> scores, int classes, int planeSize, Span<int> labels)
    {
        CheckPlanes(scores, classes, planeSize);
        if (labels.Length < planeSize) throw new ArgumentException("The label buffer is smaller than one plane.", nameof(labels));
        int i = 0;
        if (Vector.IsHardwareAccelerated && planeSize >= Vector<float>.Count)
        {
            int n = Vector<float>.Count;
            for (; i <= planeSize - n; i += n)
            {
                var best = new Vector<float>(scores.Slice(i, n));
                var index = Vector<int>.Zero;
                for (int c = 1; c < classes; c++)
                {
                    var v = new Vector<float>(scores.Slice(c * planeSize + i, n));
                    // NumPy ranks NaN above every number: a NaN replaces a number, never another NaN.
                    var take = Vector.AsVectorInt32(Vector.GreaterThan(v, best))
                        | (~Vector.AsVectorInt32(Vector.Equals(v, v)) & Vector.AsVectorInt32(Vector.Equals(best, best)));
                    best = Vector.ConditionalSelect(take, v, best);
                    index = Vector.ConditionalSelect(take, new Vector<int>(c), index);
                }
                index.CopyTo(labels.Slice(i, n));
            }
        }
        ArgmaxScalar(scores, classes, planeSize, i, labels);
    }

    /// <summary>The scalar reference of <see cref="Argmax"/> from pixel <paramref name="start"/> on.</summary>
    internal static void ArgmaxScalar(ReadOnlySpan<float> scores, int classes, int planeSize, int start, Span<int> labels)
    {
        for (int i = start; i < planeSize; i++)
        {
            float best = scores[i];
            int index = 0;
            for (int c = 1; c < classes; c++)
            {
                float v = scores[c * planeSize + i];
                if (v > best || (float.IsNaN(v) && !float.IsNaN(best))) { best = v; index = c; }
            }
            labels[i] = index;
        }
    }

    /// <summary>
    /// Argmax into an 8-bit label map of <paramref name="width"/> × <paramref name="height"/> (at most 256 classes),
    /// the usual PNG label format of VOC, ADE20K and Cityscapes.
    /// </summary>
    public static Image<byte> ArgmaxLabels(ReadOnlySpan<float> scores, int classes, int width, int height)
    {
        if (classes > 256) throw new ArgumentOutOfRangeException(nameof(classes), classes, "An 8-bit label map holds at most 256 classes.");
        int plane = checked(width * height);
        var labels = new int[plane];
        Argmax(scores, classes, plane, labels);
        var image = new Image<byte>(width, height);
        for (int i = 0; i < plane; i++) image.Data[i] = (byte)labels[i];
        return image;
    }

    /// <summary>
    /// A binary mask (<paramref name="foreground"/> / 0) of the samples strictly above <paramref name="threshold"/>,
    /// as <c>(prob &gt; t)</c> in NumPy and <c>cv2.threshold(..., THRESH_BINARY)</c> on float maps.
    /// </summary>
    public static Image<byte> Threshold(ReadOnlySpan<float> probabilities, int width, int height, float threshold, byte foreground = 255)
    {
        int plane = checked(width * height);
        if (probabilities.Length < plane) throw new ArgumentException("The map is smaller than width × height.", nameof(probabilities));
        var mask = new Image<byte>(width, height);
        for (int i = 0; i < plane; i++) mask.Data[i] = probabilities[i] > threshold ? foreground : (byte)0;
        return mask;
    }

    /// <summary>Pixels per label value 0…255 of an 8-bit label map (<c>np.bincount(labels.ravel(), minlength=256)</c>).</summary>
    public static long[] ClassCounts(ReadOnlyImageView<byte> labels)
    {
        ImageGuard.SingleChannel(labels, nameof(labels));
        var counts = new long[256];
        for (int y = 0; y < labels.Height; y++)
            foreach (byte v in labels.Row(y)) counts[v]++;
        return counts;
    }

    /// <summary>Each label's share of all pixels, 0…1, from <see cref="ClassCounts"/>.</summary>
    public static double[] ClassShares(ReadOnlyImageView<byte> labels)
    {
        long[] counts = ClassCounts(labels);
        double total = (double)labels.Width * labels.Height;
        var shares = new double[counts.Length];
        for (int i = 0; i < counts.Length; i++) shares[i] = counts[i] / total;
        return shares;
    }

    private static void CheckPlanes(ReadOnlySpan<float> scores, int classes, int planeSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classes);
        ArgumentOutOfRangeException.ThrowIfNegative(planeSize);
        if (scores.Length < (long)classes * planeSize)
            throw new ArgumentException($"Scores hold {scores.Length} floats, fewer than {classes} planes of {planeSize}.", nameof(scores));
    }
}
