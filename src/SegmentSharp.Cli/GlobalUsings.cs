// The binarization engine, kernels, output writers and text helpers live in SegmentSharp.Pipelines so that commands and
// pipelines share one implementation.
global using SegmentSharp.Pipelines.Binarization;
global using SegmentSharp.Pipelines.Outputs;
global using SegmentSharp.Pipelines.Text;
