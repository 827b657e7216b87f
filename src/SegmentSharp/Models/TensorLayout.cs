namespace SegmentSharp.Models;

/// <summary>Order of the axes of an image tensor.</summary>
public enum TensorLayout
{
    /// <summary>Channels, then rows, then columns (PyTorch, ONNX vision models).</summary>
    Nchw,
    /// <summary>Rows, then columns, then channels (TensorFlow, OpenCV's interleaved order).</summary>
    Nhwc,
}

/// <summary>Channel order a model expects.</summary>
public enum ChannelOrder
{
    /// <summary>Red, green, blue (most PyTorch and PIL-trained models).</summary>
    Rgb,
    /// <summary>Blue, green, red (OpenCV-trained models such as PaddleOCR's).</summary>
    Bgr,
}
