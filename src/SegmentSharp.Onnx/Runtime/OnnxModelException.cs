namespace SegmentSharp.Onnx;

/// <summary>
/// A model could not be loaded or run: the file is missing, is not an ONNX model, or its inputs and outputs are not
/// what the caller feeds or expects. The message names the model file and, for a mismatch, what the model declares
/// (input and output names, shapes and element types), so the user can pick the right model or flags.
/// </summary>
public sealed class OnnxModelException : Exception
{
    /// <summary>Creates the exception with a complete, user-facing message.</summary>
    public OnnxModelException(string message) : base(message) { }

    /// <summary>Creates the exception with a complete, user-facing message and the runtime's own error.</summary>
    public OnnxModelException(string message, Exception inner) : base(message, inner) { }
}
