using SegmentSharp.Coco;
using SegmentSharp.Imaging;

namespace SegmentSharp.Onnx;

/// <summary>One detected object, in the image's pixels.</summary>
/// <param name="X1">Left edge of the box (fractional).</param>
/// <param name="Y1">Top edge.</param>
/// <param name="X2">Right edge.</param>
/// <param name="Y2">Bottom edge.</param>
/// <param name="Category">The model's category id.</param>
/// <param name="Score">Confidence.</param>
/// <param name="Mask">The thresholded mask, 0/255, at the image's size.</param>
/// <param name="Rle">The mask as COCO run-length encoding.</param>
public sealed record Instance(double X1, double Y1, double X2, double Y2, long Category, float Score, Image<byte> Mask, Rle Rle);

/// <summary>The instances of one image.</summary>
public sealed record InstancesResult(IReadOnlyList<Instance> Instances, int Detections, StepTimings Timings);

/// <summary>
/// Instance segmentation with a torchvision Mask R-CNN ONNX export (boxes, labels, scores, masks). The image is fed
/// as RGB in 0–1, CHW, at its own size by default (the model resizes and normalises inside the graph). Detections
/// under <c>scoreThreshold</c> are dropped; masks that come at the input size are cropped and resized back by nearest
/// neighbour, masks that come at M×M (an export without the paste) are pasted at their fractional boxes as
/// torchvision's <c>paste_masks_in_image</c> does; both are then thresholded (<c>mask &gt; maskThreshold</c>).
/// </summary>
public sealed class InstanceSegmenter(OnnxModel model, ModelPreprocessing preprocessing, float scoreThreshold = 0.5f, float maskThreshold = 0.5f)
{
    /// <summary>torchvision detection input: RGB, 0–1, no mean/std (the graph normalises), own size.</summary>
    public static ModelPreprocessing TorchVisionDetection { get; } = new() { Resize = ResizeMode.None };

    /// <summary>The model.</summary>
    public OnnxModel Model { get; } = model;

    /// <summary>Detects and segments the objects of one image.</summary>
    public InstancesResult Segment(ReadOnlyImageView<byte> image)
    {
        var run = StepRun.Of(Model, image, preprocessing);
        var o = MaskRcnnOutput.Select(run.Outputs, Model.Path);
        var g = run.Input.Geometry;
        var list = new List<Instance>();
        int plane = o.MaskHeight * o.MaskWidth;
        bool atInput = o.MaskWidth == g.InputWidth && o.MaskHeight == g.InputHeight;
        for (int i = 0; i < o.Count; i++)
        {
            float score = o.Scores[i];
            if (!(score >= scoreThreshold)) continue;
            double x1 = g.ToSource(o.Boxes[4 * i], 0).X, y1 = g.ToSource(0, o.Boxes[4 * i + 1]).Y;
            double x2 = g.ToSource(o.Boxes[4 * i + 2], 0).X, y2 = g.ToSource(0, o.Boxes[4 * i + 3]).Y;
            var probs = new ReadOnlySpan<float>(o.Masks, i * plane, plane);
            Image<byte> mask;
            if (atInput)
            {
                var small = new Image<byte>(o.MaskWidth, o.MaskHeight);
                for (int k = 0; k < plane; k++) small.Data[k] = probs[k] > maskThreshold ? (byte)255 : (byte)0;
                var content = small.ReadOnlyView.Slice(g.PadLeft, g.PadTop, g.ResizedWidth, g.ResizedHeight);
                mask = g.ResizedWidth == image.Width && g.ResizedHeight == image.Height && g.PadLeft == 0 && g.PadTop == 0
                    ? small : Models.NearestResize.Resize(content, image.Width, image.Height);
            }
            else
            {
                if (o.MaskWidth != o.MaskHeight)
                    throw new OnnxModelException($"model '{Model.Path}' gives {o.MaskWidth}x{o.MaskHeight} masks: neither the input size nor square M×M masks to paste ({Model.Describe()})");
                mask = Models.MaskPaste.Paste(probs, o.MaskWidth, (float)x1, (float)y1, (float)x2, (float)y2, image.Width, image.Height, maskThreshold);
            }
            list.Add(new Instance(x1, y1, x2, y2, o.Labels[i], score, mask, Rle.Encode(mask)));
        }
        return new InstancesResult(list, o.Count, run.Finish());
    }
}
