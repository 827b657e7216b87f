namespace SegmentSharp.Onnx;

/// <summary>
/// One output of a model run, copied out of the runtime's memory: row-major values with their shape. Floating outputs
/// (float32, float16, float64) are held as <see cref="float"/>, integer and boolean outputs (class ids, labels) as
/// <see cref="long"/>; <see cref="ElementType"/> keeps the model's own type.
/// </summary>
public sealed class OnnxTensor
{
    internal OnnxTensor(string name, string elementType, int[] shape, float[]? floats, long[]? integers)
    {
        Name = name;
        ElementType = elementType;
        Shape = shape;
        Floats = floats;
        Integers = integers;
    }

    /// <summary>Output name.</summary>
    public string Name { get; }
    /// <summary>The model's element type (<c>float32</c>, <c>int64</c>, …).</summary>
    public string ElementType { get; }
    /// <summary>Actual shape of this run's value.</summary>
    public int[] Shape { get; }
    /// <summary>The values when the output is floating point, else null.</summary>
    public float[]? Floats { get; }
    /// <summary>The values when the output is an integer or boolean type, else null.</summary>
    public long[]? Integers { get; }
    /// <summary>Whether the values are integers (labels, class ids).</summary>
    public bool IsInteger => Integers is not null;
    /// <summary>Number of elements.</summary>
    public long Length => Floats?.Length ?? Integers!.Length;

    /// <summary>The values as float, converting integers; the float array itself when the output is floating.</summary>
    public float[] AsFloats()
    {
        if (Floats is not null) return Floats;
        var f = new float[Integers!.Length];
        for (int i = 0; i < f.Length; i++) f[i] = Integers[i];
        return f;
    }

    /// <summary>Shape as text, <c>[1,21,520,520]</c>.</summary>
    public string ShapeText => "[" + string.Join(",", Shape) + "]";

    /// <summary><c>name float32 [1,21,520,520]</c>.</summary>
    public override string ToString() => $"{Name} {ElementType} {ShapeText}";
}
