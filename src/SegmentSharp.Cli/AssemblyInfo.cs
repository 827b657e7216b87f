using System.Runtime.CompilerServices;

// The CLI tests check the Python-compatible formatting helpers directly, besides running the tool as a process.
[assembly: InternalsVisibleTo("SegmentSharp.CliTests")]
// The ONNX tests run the model commands in process.
[assembly: InternalsVisibleTo("SegmentSharp.OnnxTests")]
