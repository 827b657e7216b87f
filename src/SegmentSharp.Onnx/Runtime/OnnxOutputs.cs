namespace SegmentSharp.Onnx;

/// <summary>The outputs of one <see cref="OnnxModel.Run"/>, in the model's output order, also found by name.</summary>
public sealed class OnnxOutputs(IReadOnlyList<OnnxTensor> tensors) : IReadOnlyList<OnnxTensor>
{
    /// <summary>Output by position.</summary>
    public OnnxTensor this[int index] => tensors[index];

    /// <summary>Output by name, or null.</summary>
    public OnnxTensor? Find(string name)
    {
        foreach (var t in tensors) if (t.Name == name) return t;
        return null;
    }

    /// <inheritdoc />
    public int Count => tensors.Count;

    /// <inheritdoc />
    public IEnumerator<OnnxTensor> GetEnumerator() => tensors.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Every output as <c>name type [shape]</c>, for messages.</summary>
    public override string ToString() => string.Join(", ", tensors);
}
