namespace SegmentSharp.Onnx;

/// <summary>How a semantic-segmentation model encodes its answer.</summary>
public enum SemanticOutputKind
{
    /// <summary>Float scores per class, <c>[1,C,h,w]</c> with C ≥ 2 (torchvision DeepLabV3/FCN <c>out</c>, SegFormer logits).</summary>
    Logits,
    /// <summary>One float foreground probability (or logit) per pixel, <c>[1,1,h,w]</c> or <c>[1,h,w]</c>.</summary>
    Probability,
    /// <summary>The model's own argmax: integer class ids <c>[1,h,w]</c> or <c>[1,1,h,w]</c>.</summary>
    Labels,
}

/// <summary>
/// The output a semantic command reads and how it is laid out. torchvision's segmentation exports name the main head
/// <c>out</c> and the auxiliary head <c>aux</c>; <c>out</c> is taken when present, else the first output.
/// </summary>
/// <param name="Tensor">The chosen output.</param>
/// <param name="Kind">Its convention.</param>
/// <param name="Classes">Channels of a <see cref="SemanticOutputKind.Logits"/> output; 2 for a probability map
/// (background, foreground); for labels, one more than the largest id seen.</param>
/// <param name="Height">Rows of the map at model resolution.</param>
/// <param name="Width">Columns of the map at model resolution.</param>
public sealed record SemanticOutput(OnnxTensor Tensor, SemanticOutputKind Kind, int Classes, int Height, int Width)
{
    /// <summary>Picks and classifies the segmentation output of <paramref name="outputs"/>.</summary>
    /// <exception cref="OnnxModelException">No output has a segmentation layout; the message lists what the model gave.</exception>
    public static SemanticOutput Select(OnnxOutputs outputs, string modelPath)
    {
        var t = outputs.Find("out") ?? outputs[0];
        int[] s = t.Shape;
        if (t.IsInteger)
        {
            if ((s.Length == 3 && s[0] == 1) || (s.Length == 4 && s[0] == 1 && s[1] == 1))
            {
                long max = 0;
                foreach (long v in t.Integers!)
                {
                    if (v < 0) throw new OnnxModelException($"model '{modelPath}' output '{t.Name}' holds a negative class id ({v}); outputs: {outputs}");
                    if (v > max) max = v;
                }
                if (max > ushort.MaxValue) throw new OnnxModelException($"model '{modelPath}' output '{t.Name}' holds class id {max}, more than 65535");
                return new(t, SemanticOutputKind.Labels, (int)max + 1, s[^2], s[^1]);
            }
        }
        else if (s.Length == 4 && s[0] == 1)
            return new(t, s[1] == 1 ? SemanticOutputKind.Probability : SemanticOutputKind.Logits, Math.Max(2, s[1]), s[2], s[3]);
        else if (s.Length == 3 && s[0] == 1)
            return new(t, SemanticOutputKind.Probability, 2, s[1], s[2]);
        throw new OnnxModelException(
            $"model '{modelPath}' output '{t.Name}' is {t.ElementType} {t.ShapeText}, not a segmentation map " +
            $"(expected float logits [1,C,h,w], a probability map [1,1,h,w] or int class ids [1,h,w]); outputs: {outputs}");
    }
}
