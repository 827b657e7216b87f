using Google.Protobuf;

namespace SegmentSharp.OnnxTests;

/// <summary>ONNX element types (TensorProto.DataType) the test graphs use.</summary>
internal enum OnnxType
{
    Float = 1,
    UInt8 = 2,
    Int32 = 6,
    Int64 = 7,
}

/// <summary>
/// Writes small ONNX models for the tests: the few fields of ModelProto, GraphProto, NodeProto, AttributeProto,
/// TensorProto and ValueInfoProto that a graph of standard operators needs, encoded field by field with
/// <see cref="CodedOutputStream"/> and the field numbers of onnx.proto (IR version 8, default opset 17).
/// </summary>
internal sealed class OnnxModelWriter
{
    private readonly List<byte[]> _nodes = [], _inputs = [], _outputs = [], _initializers = [];
    private int _nodeCount;

    /// <summary>Declares a graph input; a negative dimension is dynamic and gets a symbolic name.</summary>
    public OnnxModelWriter Input(string name, OnnxType type, params long[] dims) { _inputs.Add(ValueInfo(name, type, dims)); return this; }

    /// <summary>Declares a graph output; a negative dimension is dynamic.</summary>
    public OnnxModelWriter Output(string name, OnnxType type, params long[] dims) { _outputs.Add(ValueInfo(name, type, dims)); return this; }

    /// <summary>A float initializer (a weight).</summary>
    public OnnxModelWriter Initializer(string name, long[] dims, float[] values) { _initializers.Add(FloatTensor(name, dims, values)); return this; }

    /// <summary>An int64 initializer (shapes, axes).</summary>
    public OnnxModelWriter Initializer(string name, long[] dims, long[] values) { _initializers.Add(Int64Tensor(name, dims, values)); return this; }

    /// <summary>Adds a node of operator <paramref name="op"/> with encoded attributes.</summary>
    public OnnxModelWriter Node(string op, string[] inputs, string[] outputs, params byte[][] attributes)
    {
        _nodes.Add(Message(s =>
        {
            foreach (var i in inputs) { s.WriteTag(1, WireFormat.WireType.LengthDelimited); s.WriteString(i); }
            foreach (var o in outputs) { s.WriteTag(2, WireFormat.WireType.LengthDelimited); s.WriteString(o); }
            s.WriteTag(3, WireFormat.WireType.LengthDelimited); s.WriteString($"n{_nodeCount++}");
            s.WriteTag(4, WireFormat.WireType.LengthDelimited); s.WriteString(op);
            foreach (var a in attributes) Sub(s, 5, a);
        }));
        return this;
    }

    /// <summary>A Constant node holding a float tensor.</summary>
    public OnnxModelWriter Constant(string output, long[] dims, float[] values)
        => Node("Constant", [], [output], TensorAttribute("value", FloatTensor("", dims, values)));

    /// <summary>A Constant node holding an int64 tensor.</summary>
    public OnnxModelWriter Constant(string output, long[] dims, long[] values)
        => Node("Constant", [], [output], TensorAttribute("value", Int64Tensor("", dims, values)));

    /// <summary>The model bytes.</summary>
    public byte[] ToBytes(int opset = 17) => Message(s =>
    {
        s.WriteTag(1, WireFormat.WireType.Varint); s.WriteInt64(8);                  // ir_version
        s.WriteTag(2, WireFormat.WireType.LengthDelimited); s.WriteString("SegmentSharp.OnnxTests"); // producer_name
        Sub(s, 7, Message(g =>                                                        // graph
        {
            foreach (var n in _nodes) Sub(g, 1, n);
            g.WriteTag(2, WireFormat.WireType.LengthDelimited); g.WriteString("test");
            foreach (var t in _initializers) Sub(g, 5, t);
            foreach (var i in _inputs) Sub(g, 11, i);
            foreach (var o in _outputs) Sub(g, 12, o);
        }));
        Sub(s, 8, Message(o => { o.WriteTag(2, WireFormat.WireType.Varint); o.WriteInt64(opset); })); // opset_import, default domain
    });

    /// <summary>Writes the model to <paramref name="path"/> and returns the path.</summary>
    public string Save(string path, int opset = 17)
    {
        File.WriteAllBytes(path, ToBytes(opset));
        return path;
    }

    /// <summary>An INT attribute.</summary>
    public static byte[] IntAttribute(string name, long value) => Message(s =>
    {
        s.WriteTag(1, WireFormat.WireType.LengthDelimited); s.WriteString(name);
        s.WriteTag(3, WireFormat.WireType.Varint); s.WriteInt64(value);
        s.WriteTag(20, WireFormat.WireType.Varint); s.WriteInt32(2);
    });

    /// <summary>A FLOAT attribute.</summary>
    public static byte[] FloatAttribute(string name, float value) => Message(s =>
    {
        s.WriteTag(1, WireFormat.WireType.LengthDelimited); s.WriteString(name);
        s.WriteTag(2, WireFormat.WireType.Fixed32); s.WriteFloat(value);
        s.WriteTag(20, WireFormat.WireType.Varint); s.WriteInt32(1);
    });

    /// <summary>An INTS attribute.</summary>
    public static byte[] IntsAttribute(string name, params long[] values) => Message(s =>
    {
        s.WriteTag(1, WireFormat.WireType.LengthDelimited); s.WriteString(name);
        foreach (var v in values) { s.WriteTag(8, WireFormat.WireType.Varint); s.WriteInt64(v); }
        s.WriteTag(20, WireFormat.WireType.Varint); s.WriteInt32(7);
    });

    /// <summary>A STRING attribute.</summary>
    public static byte[] StringAttribute(string name, string value) => Message(s =>
    {
        s.WriteTag(1, WireFormat.WireType.LengthDelimited); s.WriteString(name);
        s.WriteTag(4, WireFormat.WireType.LengthDelimited); s.WriteBytes(ByteString.CopyFromUtf8(value));
        s.WriteTag(20, WireFormat.WireType.Varint); s.WriteInt32(3);
    });

    private static byte[] TensorAttribute(string name, byte[] tensor) => Message(s =>
    {
        s.WriteTag(1, WireFormat.WireType.LengthDelimited); s.WriteString(name);
        Sub(s, 5, tensor);
        s.WriteTag(20, WireFormat.WireType.Varint); s.WriteInt32(4);
    });

    private static byte[] FloatTensor(string name, long[] dims, float[] values) => Message(s =>
    {
        foreach (var d in dims) { s.WriteTag(1, WireFormat.WireType.Varint); s.WriteInt64(d); }
        s.WriteTag(2, WireFormat.WireType.Varint); s.WriteInt32((int)OnnxType.Float);
        if (name.Length > 0) { s.WriteTag(8, WireFormat.WireType.LengthDelimited); s.WriteString(name); }
        var raw = new byte[values.Length * 4];
        Buffer.BlockCopy(values, 0, raw, 0, raw.Length);                           // raw_data is little-endian
        s.WriteTag(9, WireFormat.WireType.LengthDelimited); s.WriteBytes(ByteString.CopyFrom(raw));
    });

    private static byte[] Int64Tensor(string name, long[] dims, long[] values) => Message(s =>
    {
        foreach (var d in dims) { s.WriteTag(1, WireFormat.WireType.Varint); s.WriteInt64(d); }
        s.WriteTag(2, WireFormat.WireType.Varint); s.WriteInt32((int)OnnxType.Int64);
        if (name.Length > 0) { s.WriteTag(8, WireFormat.WireType.LengthDelimited); s.WriteString(name); }
        var raw = new byte[values.Length * 8];
        Buffer.BlockCopy(values, 0, raw, 0, raw.Length);
        s.WriteTag(9, WireFormat.WireType.LengthDelimited); s.WriteBytes(ByteString.CopyFrom(raw));
    });

    private static byte[] ValueInfo(string name, OnnxType type, long[] dims) => Message(s =>
    {
        s.WriteTag(1, WireFormat.WireType.LengthDelimited); s.WriteString(name);
        Sub(s, 2, Message(t =>                                                         // TypeProto
            Sub(t, 1, Message(tt =>                                                    // TypeProto.Tensor
            {
                tt.WriteTag(1, WireFormat.WireType.Varint); tt.WriteInt32((int)type);  // elem_type
                Sub(tt, 2, Message(shape =>                                            // TensorShapeProto
                {
                    for (int i = 0; i < dims.Length; i++)
                    {
                        long d = dims[i];
                        Sub(shape, 1, Message(dim =>
                        {
                            if (d >= 0) { dim.WriteTag(1, WireFormat.WireType.Varint); dim.WriteInt64(d); }
                            else { dim.WriteTag(2, WireFormat.WireType.LengthDelimited); dim.WriteString($"{name}_d{i}"); }
                        }));
                    }
                }));
            }))));
    });

    private static void Sub(CodedOutputStream s, int field, byte[] message)
    {
        s.WriteTag(field, WireFormat.WireType.LengthDelimited);
        s.WriteBytes(ByteString.CopyFrom(message));
    }

    private static byte[] Message(Action<CodedOutputStream> write)
    {
        using var ms = new MemoryStream();
        using (var s = new CodedOutputStream(ms, leaveOpen: true))
        {
            write(s);
            s.Flush();
        }
        return ms.ToArray();
    }
}
