namespace SegmentSharp.Onnx;

/// <summary>
/// The four outputs of a torchvision Mask R-CNN export: <c>boxes</c> [N,4] (x1, y1, x2, y2 in input pixels),
/// <c>labels</c> [N] (int64 category ids), <c>scores</c> [N] and <c>masks</c> [N,1,H,W] (probabilities). torchvision
/// pastes the masks into the input frame itself, so H×W is normally the input size; an export cut before the paste
/// gives M×M masks (28×28) that still need pasting at their boxes. Outputs are found by name when the export kept
/// the names, else by layout.
/// </summary>
/// <param name="Count">Detections N.</param>
/// <param name="Boxes">N×4 corners.</param>
/// <param name="Labels">N category ids.</param>
/// <param name="Scores">N scores.</param>
/// <param name="Masks">N×H×W mask probabilities.</param>
/// <param name="MaskHeight">H.</param>
/// <param name="MaskWidth">W.</param>
public sealed record MaskRcnnOutput(int Count, float[] Boxes, long[] Labels, float[] Scores, float[] Masks, int MaskHeight, int MaskWidth)
{
    /// <summary>Finds the four outputs in <paramref name="outputs"/>.</summary>
    /// <exception cref="OnnxModelException">The outputs are not Mask R-CNN's; the message lists what the model gave.</exception>
    public static MaskRcnnOutput Select(OnnxOutputs outputs, string modelPath)
    {
        OnnxTensor? boxes = outputs.Find("boxes"), labels = outputs.Find("labels"), scores = outputs.Find("scores"), masks = outputs.Find("masks");
        foreach (var t in outputs)
        {
            int[] s = t.Shape;
            if (boxes is null && !t.IsInteger && s.Length == 2 && s[1] == 4) boxes = t;
            else if (labels is null && t.IsInteger && s.Length == 1) labels = t;
            else if (scores is null && !t.IsInteger && s.Length == 1) scores = t;
            else if (masks is null && !t.IsInteger && s.Length == 4 && s[1] == 1) masks = t;
        }
        string Fail(string why) => $"model '{modelPath}' does not give Mask R-CNN outputs ({why}); expected boxes float [N,4], " +
                                   $"labels int64 [N], scores float [N], masks float [N,1,H,W]; outputs: {outputs}";
        if (boxes is null || labels is null || scores is null || masks is null)
            throw new OnnxModelException(Fail($"missing {(boxes is null ? "boxes" : labels is null ? "labels" : scores is null ? "scores" : "masks")}"));
        int n = boxes.Shape[0];
        if (boxes.Shape.Length != 2 || boxes.Shape[1] != 4 || labels.Shape.Length != 1 || labels.Shape[0] != n
            || scores.Shape.Length != 1 || scores.Shape[0] != n || masks.Shape.Length != 4 || masks.Shape[0] != n || masks.Shape[1] != 1)
            throw new OnnxModelException(Fail("their detection counts or layouts disagree"));
        return new(n, boxes.AsFloats(), labels.Integers ?? Array.ConvertAll(labels.Floats!, f => (long)f), scores.AsFloats(),
            masks.AsFloats(), masks.Shape[2], masks.Shape[3]);
    }
}
