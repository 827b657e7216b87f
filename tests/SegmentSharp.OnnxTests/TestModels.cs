namespace SegmentSharp.OnnxTests;

/// <summary>A scratch folder per test class under the test output, with the generated models written into it.</summary>
internal sealed class Scratch : IDisposable
{
    public Scratch()
    {
        Dir = Path.Combine(AppContext.BaseDirectory, "scratch", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Dir);
    }

    public string Dir { get; }

    public string File(string name) => Path.Combine(Dir, name);

    public string Save(OnnxModelWriter model, string name) => model.Save(File(name));

    public void Dispose()
    {
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { }
    }
}

/// <summary>The small graphs the tests feed, one per output convention.</summary>
internal static class TestModels
{
    /// <summary>y = x for a float tensor of any NCHW shape (dynamic dimensions).</summary>
    public static OnnxModelWriter Identity(params long[] dims) => new OnnxModelWriter()
        .Input("x", OnnxType.Float, dims).Output("y", OnnxType.Float, dims)
        .Node("Identity", ["x"], ["y"]);

    /// <summary>torchvision segmentation convention: outputs <c>aux</c> (declared first, = −x) and <c>out</c> (= x), logits over the three fed channels.</summary>
    public static OnnxModelWriter TorchVisionLogits() => new OnnxModelWriter()
        .Input("input", OnnxType.Float, 1, 3, -1, -1)
        .Output("aux", OnnxType.Float, 1, 3, -1, -1).Output("out", OnnxType.Float, 1, 3, -1, -1)
        .Node("Neg", ["input"], ["aux"]).Node("Identity", ["input"], ["out"]);

    /// <summary>SegFormer convention: logits at 1/4 of the input (4×4 average pooling).</summary>
    public static OnnxModelWriter QuarterLogits() => new OnnxModelWriter()
        .Input("pixel_values", OnnxType.Float, 1, 3, -1, -1).Output("logits", OnnxType.Float, 1, 3, -1, -1)
        .Node("AveragePool", ["pixel_values"], ["logits"], OnnxModelWriter.IntsAttribute("kernel_shape", 4, 4), OnnxModelWriter.IntsAttribute("strides", 4, 4));

    /// <summary>A model's own argmax over the fed channels: int64 [1,h,w].</summary>
    public static OnnxModelWriter ArgmaxLabels() => new OnnxModelWriter()
        .Input("x", OnnxType.Float, 1, 3, -1, -1).Output("labels", OnnxType.Int64, 1, -1, -1)
        .Node("ArgMax", ["x"], ["labels"], OnnxModelWriter.IntAttribute("axis", 1), OnnxModelWriter.IntAttribute("keepdims", 0));

    /// <summary>Probability map: sigmoid of the channel mean, [1,1,h,w] (opset 17: ReduceMean axes as attribute).</summary>
    public static OnnxModelWriter MeanSigmoid(long size = -1) => new OnnxModelWriter()
        .Input("x", OnnxType.Float, 1, 3, size, size).Output("p", OnnxType.Float, 1, 1, size, size)
        .Node("ReduceMean", ["x"], ["m"], OnnxModelWriter.IntsAttribute("axes", 1), OnnxModelWriter.IntAttribute("keepdims", 1))
        .Node("Sigmoid", ["m"], ["p"]);

    /// <summary>A U²-Net-like saliency model: channel mean at a fixed size, plus a second side output.</summary>
    public static OnnxModelWriter Saliency(long size) => new OnnxModelWriter()
        .Input("input.1", OnnxType.Float, 1, 3, size, size)
        .Output("d0", OnnxType.Float, 1, 1, size, size).Output("d1", OnnxType.Float, 1, 1, size, size)
        .Node("ReduceMean", ["input.1"], ["d0"], OnnxModelWriter.IntsAttribute("axes", 1), OnnxModelWriter.IntAttribute("keepdims", 1))
        .Node("Neg", ["d0"], ["d1"]);

    /// <summary>A Mask R-CNN-shaped model whose four outputs are constants (the image input is read by a Shape node only).</summary>
    public static OnnxModelWriter MaskRcnn(float[] boxes, long[] labels, float[] scores, float[] masks, int maskH, int maskW)
    {
        int n = scores.Length;
        return new OnnxModelWriter()
            .Input("images", OnnxType.Float, 3, -1, -1)
            .Output("boxes", OnnxType.Float, -1, 4).Output("labels", OnnxType.Int64, -1)
            .Output("scores", OnnxType.Float, -1).Output("masks", OnnxType.Float, -1, 1, -1, -1)
            .Output("image_shape", OnnxType.Int64, 3)
            .Node("Shape", ["images"], ["image_shape"])
            .Constant("boxes", [n, 4], boxes).Constant("labels", [n], labels)
            .Constant("scores", [n], scores).Constant("masks", [n, 1, maskH, maskW], masks);
    }
}
