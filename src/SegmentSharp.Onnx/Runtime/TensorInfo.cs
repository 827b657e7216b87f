namespace SegmentSharp.Onnx;

/// <summary>
/// One input or output as the model declares it: name, element type (ONNX spelling, e.g. <c>float32</c>, <c>int64</c>)
/// and shape, where a dynamic dimension is −1 and keeps its symbolic name when the model gives one.
/// </summary>
public sealed record TensorInfo(string Name, string ElementType, long[] Dimensions, string[] SymbolicDimensions)
{
    /// <summary>Rank of the declared shape.</summary>
    public int Rank => Dimensions.Length;

    /// <summary>The shape as text, dynamic dimensions by name or <c>?</c>: <c>[batch,3,?,?]</c>.</summary>
    public string ShapeText
    {
        get
        {
            var parts = new string[Dimensions.Length];
            for (int i = 0; i < parts.Length; i++)
                parts[i] = Dimensions[i] >= 0 ? Dimensions[i].ToString(System.Globalization.CultureInfo.InvariantCulture)
                    : i < SymbolicDimensions.Length && !string.IsNullOrEmpty(SymbolicDimensions[i]) ? SymbolicDimensions[i] : "?";
            return "[" + string.Join(",", parts) + "]";
        }
    }

    /// <summary><c>name float32 [1,3,?,?]</c>.</summary>
    public override string ToString() => $"{Name} {ElementType} {ShapeText}";

    /// <summary>Whether <paramref name="shape"/> fits the declared shape (same rank, every fixed dimension equal).</summary>
    public bool Accepts(ReadOnlySpan<int> shape)
    {
        if (shape.Length != Dimensions.Length) return false;
        for (int i = 0; i < shape.Length; i++)
            if (Dimensions[i] >= 0 && Dimensions[i] != shape[i]) return false;
        return true;
    }
}
