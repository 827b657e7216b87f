namespace SegmentSharp.Onnx;

/// <summary>
/// A one-channel float map (U²-Net/ISNet saliency, DBNet text probability): the first output, of shape
/// <c>[1,1,h,w]</c>, <c>[1,h,w]</c> or <c>[h,w]</c>. U²-Net gives seven side outputs d0…d6; d0, the fused one, comes first.
/// </summary>
public static class SingleMapOutput
{
    /// <summary>The map's values (row-major h×w) and size.</summary>
    /// <exception cref="OnnxModelException">The first output is not a single float map.</exception>
    public static (float[] Values, int Height, int Width) Select(OnnxOutputs outputs, string modelPath, string what)
    {
        var t = outputs[0];
        int[] s = t.Shape;
        bool ok = !t.IsInteger && ((s.Length == 4 && s[0] == 1 && s[1] == 1) || (s.Length == 3 && s[0] == 1) || s.Length == 2);
        if (!ok)
            throw new OnnxModelException($"model '{modelPath}' output '{t.Name}' is {t.ElementType} {t.ShapeText}, not a {what} " +
                                         $"(expected one float map [1,1,h,w]); outputs: {outputs}");
        return (t.Floats!, s[^2], s[^1]);
    }
}
