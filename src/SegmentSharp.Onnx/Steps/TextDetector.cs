using SegmentSharp.Imaging;

namespace SegmentSharp.Onnx;

/// <summary>One detected text region: a quadrilateral in image pixels (clockwise from top-left) and its box score.</summary>
public sealed record TextRegion(Geometry.PointF[] Quad, float Score)
{
    /// <summary>The axis-aligned box around the quadrilateral: x, y, width, height.</summary>
    public (double X, double Y, double Width, double Height) Bounds
    {
        get
        {
            double x0 = double.MaxValue, y0 = double.MaxValue, x1 = double.MinValue, y1 = double.MinValue;
            foreach (var p in Quad) { x0 = Math.Min(x0, p.X); y0 = Math.Min(y0, p.Y); x1 = Math.Max(x1, p.X); y1 = Math.Max(y1, p.Y); }
            return (x0, y0, x1 - x0, y1 - y0);
        }
    }
}

/// <summary>The text regions of one image.</summary>
public sealed record TextRegionsResult(IReadOnlyList<TextRegion> Regions, Models.ResizeGeometry Geometry, StepTimings Timings);

/// <summary>
/// Text detection with a DBNet model (PP-OCR det, Liao et al., "Real-time Scene Text Detection with Differentiable
/// Binarization", AAAI 2020): PaddleOCR's preprocessing (<see cref="ModelPreprocessing.PaddleOcrDetection"/>), the
/// model's probability map, then PaddleOCR's <c>DBPostProcess</c> (threshold, contours, minimum-area rectangle, box
/// score, unclip, scale back).
/// </summary>
public sealed class TextDetector(OnnxModel model, ModelPreprocessing preprocessing, Models.DbPostProcessOptions? options = null)
{
    /// <summary>The model.</summary>
    public OnnxModel Model { get; } = model;
    /// <summary>The preprocessing.</summary>
    public ModelPreprocessing Preprocessing { get; } = preprocessing;
    /// <summary>Post-processing settings (PaddleOCR's defaults when null).</summary>
    public Models.DbPostProcessOptions Options { get; } = options ?? new Models.DbPostProcessOptions();

    /// <summary>Finds the text regions of one image.</summary>
    public TextRegionsResult Detect(ReadOnlyImageView<byte> image)
    {
        var run = StepRun.Of(Model, image, Preprocessing);
        var regions = Postprocess(run.Outputs, run.Input.Geometry, image.Width, image.Height);
        return new TextRegionsResult(regions, run.Input.Geometry, run.Finish());
    }

    /// <summary>The regions from the outputs of <see cref="OnnxModel.Run"/> on an input made with <see cref="ImageTensor.Create"/>
    /// (for callers that run or time the phases apart); <paramref name="width"/>×<paramref name="height"/> is the image size.</summary>
    public IReadOnlyList<TextRegion> Postprocess(OnnxOutputs outputs, Models.ResizeGeometry g, int width, int height)
    {
        var (values, h, w) = SingleMapOutput.Select(outputs, Model.Path, "text probability map");
        var boxes = Models.DbPostProcess.Run(values, w, h, width, height, Options);
        return boxes.Select(b => new TextRegion(Array.ConvertAll(b.Corners, p => new Geometry.PointF(p.X, p.Y)), (float)b.Score)).ToArray();
    }
}
