using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace SegmentSharp.Onnx;

/// <summary>
/// An ONNX model loaded once into an ONNX Runtime CPU session and run many times. The session is created in
/// <see cref="Load"/> and reused for every image; <see cref="Run"/> is thread-safe (ONNX Runtime allows concurrent
/// <c>InferenceSession.Run</c> calls), so one model can serve a <c>Parallel.ForEach</c> over images.
/// </summary>
/// <remarks>
/// Every failure (missing or corrupt file, a feed the model does not accept, a runtime error) becomes an
/// <see cref="OnnxModelException"/> whose message names the model file and what the model declares.
/// </remarks>
public sealed class OnnxModel : IDisposable
{
    private readonly InferenceSession _session;

    private OnnxModel(string path, InferenceSession session)
    {
        Path = path;
        _session = session;
        Inputs = session.InputMetadata.Select(kv => Info(kv.Key, kv.Value)).ToArray();
        Outputs = session.OutputMetadata.Select(kv => Info(kv.Key, kv.Value)).ToArray();
    }

    /// <summary>The model file.</summary>
    public string Path { get; }

    /// <summary>The declared inputs, in graph order.</summary>
    public IReadOnlyList<TensorInfo> Inputs { get; }

    /// <summary>The declared outputs, in graph order.</summary>
    public IReadOnlyList<TensorInfo> Outputs { get; }

    /// <summary>Loads <paramref name="path"/> and creates its session with <paramref name="options"/>.</summary>
    /// <exception cref="OnnxModelException">The file is missing, a folder, or not a model ONNX Runtime can load.</exception>
    public static OnnxModel Load(string path, OnnxModelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= OnnxModelOptions.Default;
        if (Directory.Exists(path)) throw new OnnxModelException($"cannot load model '{path}': it is a folder, not an .onnx file");
        if (!File.Exists(path)) throw new OnnxModelException($"cannot load model '{path}': no such file");
        if (new FileInfo(path).Length == 0) throw new OnnxModelException($"cannot load model '{path}': the file is empty, not an ONNX model");
        var so = new SessionOptions
        {
            GraphOptimizationLevel = options.Optimization switch
            {
                OnnxOptimization.Disabled => GraphOptimizationLevel.ORT_DISABLE_ALL,
                OnnxOptimization.Basic => GraphOptimizationLevel.ORT_ENABLE_BASIC,
                OnnxOptimization.Extended => GraphOptimizationLevel.ORT_ENABLE_EXTENDED,
                _ => GraphOptimizationLevel.ORT_ENABLE_ALL,
            },
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        };
        if (options.IntraOpThreads > 0) so.IntraOpNumThreads = options.IntraOpThreads;
        try
        {
            return new OnnxModel(path, new InferenceSession(path, so));
        }
        catch (OnnxRuntimeException e)
        {
            throw new OnnxModelException($"cannot load model '{path}': not a valid ONNX model ({FirstLine(e.Message)})", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OnnxModelException($"cannot load model '{path}': {e.Message}", e);
        }
        finally
        {
            so.Dispose();
        }
    }

    /// <summary>The declared inputs and outputs as one line, for messages: <c>inputs: x float32 [?,3,?,?]; outputs: …</c>.</summary>
    public string Describe()
        => $"inputs: {string.Join(", ", Inputs)}; outputs: {string.Join(", ", Outputs)}";

    /// <summary>
    /// The single float input of an image model. A model with several inputs, or whose input is not float32 or not of
    /// rank 3 (CHW) or 4 (NCHW/NHWC), is refused with a message naming what it declares.
    /// </summary>
    public TensorInfo ImageInput
    {
        get
        {
            if (Inputs.Count != 1)
                throw new OnnxModelException($"model '{Path}' has {Inputs.Count} inputs but an image model takes one ({Describe()})");
            var input = Inputs[0];
            if (input.ElementType != "float32")
                throw new OnnxModelException($"model '{Path}' input '{input.Name}' is {input.ElementType}, but images are fed as float32 ({Describe()})");
            if (input.Rank is not (3 or 4))
                throw new OnnxModelException($"model '{Path}' input '{input.Name}' has shape {input.ShapeText}, not an image tensor (CHW or NCHW/NHWC) ({Describe()})");
            return input;
        }
    }

    /// <summary>
    /// Runs the model on one float tensor (row-major <paramref name="data"/> of <paramref name="shape"/>) and copies
    /// every output out. Thread-safe.
    /// </summary>
    /// <param name="data">Input values; not modified, not kept.</param>
    /// <param name="shape">Input shape; its product must equal <c>data.Length</c>. A leading batch dimension of 1 is
    /// dropped when the model declares one dimension fewer (torchvision detection exports take CHW).</param>
    /// <param name="inputName">The input to feed; null for the model's only input.</param>
    /// <exception cref="OnnxModelException">No such input, a shape the model does not accept, or a runtime failure.</exception>
    public OnnxOutputs Run(float[] data, ReadOnlySpan<int> shape, string? inputName = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        TensorInfo input;
        if (inputName is null)
        {
            if (Inputs.Count != 1)
                throw new OnnxModelException($"model '{Path}' has {Inputs.Count} inputs; name the one to feed ({Describe()})");
            input = Inputs[0];
        }
        else
        {
            input = Inputs.FirstOrDefault(i => i.Name == inputName)
                ?? throw new OnnxModelException($"model '{Path}' has no input '{inputName}' ({Describe()})");
        }
        long count = 1;
        foreach (int d in shape) count *= d;
        if (count != data.Length)
            throw new ArgumentException($"the shape [{string.Join(",", shape.ToArray())}] holds {count} values but {data.Length} were given", nameof(shape));
        if (input.ElementType != "float32")
            throw new OnnxModelException($"model '{Path}' input '{input.Name}' is {input.ElementType}, this runner feeds float32 ({Describe()})");
        int[] fed = shape.ToArray();
        if (fed.Length == input.Rank + 1 && fed[0] == 1) fed = fed[1..];
        if (!input.Accepts(fed))
            throw new OnnxModelException(
                $"model '{Path}' input '{input.Name}' expects {input.ElementType} {input.ShapeText}, got [{string.Join(",", shape.ToArray())}] ({Describe()})");

        var longShape = Array.ConvertAll(fed, d => (long)d);
        try
        {
            using var value = OrtValue.CreateTensorValueFromMemory(data, longShape);
            using var runOptions = new RunOptions();
            using var results = _session.Run(runOptions, [input.Name], [value], _session.OutputNames);
            var tensors = new OnnxTensor[results.Count];
            int k = 0;
            foreach (var r in results) tensors[k] = Copy(_session.OutputNames[k++], r);
            return new OnnxOutputs(tensors);
        }
        catch (OnnxRuntimeException e)
        {
            throw new OnnxModelException($"model '{Path}' failed on input [{string.Join(",", fed)}]: {FirstLine(e.Message)} ({Describe()})", e);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _session.Dispose();

    private OnnxTensor Copy(string name, OrtValue value)
    {
        if (!value.IsTensor)
            throw new OnnxModelException($"model '{Path}' output '{name}' is a {value.OnnxType}, not a tensor ({Describe()})");
        var info = value.GetTensorTypeAndShape();
        int[] shape = Array.ConvertAll(info.Shape, d => checked((int)d));
        string type = TypeName(info.ElementDataType);
        switch (info.ElementDataType)
        {
            case TensorElementType.Float: return new(name, type, shape, value.GetTensorDataAsSpan<float>().ToArray(), null);
            case TensorElementType.Double:
            {
                var s = value.GetTensorDataAsSpan<double>();
                var f = new float[s.Length];
                for (int i = 0; i < f.Length; i++) f[i] = (float)s[i];
                return new(name, type, shape, f, null);
            }
            case TensorElementType.Float16:
            {
                var s = value.GetTensorDataAsSpan<ushort>();
                var f = new float[s.Length];
                for (int i = 0; i < f.Length; i++) f[i] = (float)BitConverter.UInt16BitsToHalf(s[i]);
                return new(name, type, shape, f, null);
            }
            case TensorElementType.Int64: return new(name, type, shape, null, value.GetTensorDataAsSpan<long>().ToArray());
            case TensorElementType.Int32: return new(name, type, shape, null, Widen(value.GetTensorDataAsSpan<int>()));
            case TensorElementType.UInt8: return new(name, type, shape, null, Widen(value.GetTensorDataAsSpan<byte>()));
            case TensorElementType.Bool: return new(name, type, shape, null, Widen(value.GetTensorDataAsSpan<byte>()));
            case TensorElementType.Int8: return new(name, type, shape, null, Widen(value.GetTensorDataAsSpan<sbyte>()));
            case TensorElementType.Int16: return new(name, type, shape, null, Widen(value.GetTensorDataAsSpan<short>()));
            case TensorElementType.UInt16: return new(name, type, shape, null, Widen(value.GetTensorDataAsSpan<ushort>()));
            default:
                throw new OnnxModelException($"model '{Path}' output '{name}' is {type}, which cannot be read as numbers ({Describe()})");
        }
    }

    private static long[] Widen<T>(ReadOnlySpan<T> s) where T : unmanaged, System.Numerics.INumberBase<T>
    {
        var r = new long[s.Length];
        for (int i = 0; i < r.Length; i++) r[i] = long.CreateTruncating(s[i]);
        return r;
    }

    private static TensorInfo Info(string name, NodeMetadata m)
    {
        if (!m.IsTensor) return new TensorInfo(name, m.OnnxValueType.ToString(), [], []);
        return new TensorInfo(name, TypeName(m.ElementDataType), Array.ConvertAll(m.Dimensions, d => (long)d),
            m.SymbolicDimensions ?? []);
    }

    private static string TypeName(TensorElementType t) => t switch
    {
        TensorElementType.Float => "float32",
        TensorElementType.Double => "float64",
        TensorElementType.Float16 => "float16",
        TensorElementType.BFloat16 => "bfloat16",
        TensorElementType.Int64 => "int64",
        TensorElementType.Int32 => "int32",
        TensorElementType.Int16 => "int16",
        TensorElementType.Int8 => "int8",
        TensorElementType.UInt64 => "uint64",
        TensorElementType.UInt32 => "uint32",
        TensorElementType.UInt16 => "uint16",
        TensorElementType.UInt8 => "uint8",
        TensorElementType.Bool => "bool",
        TensorElementType.String => "string",
        _ => t.ToString().ToLowerInvariant(),
    };

    private static string FirstLine(string s)
    {
        int nl = s.IndexOfAny(['\r', '\n']);
        return (nl >= 0 ? s[..nl] : s).Trim();
    }
}
