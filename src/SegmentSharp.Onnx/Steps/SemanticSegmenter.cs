using SegmentSharp.Imaging;

namespace SegmentSharp.Onnx;

/// <summary>The class map of one image, at the image's own size.</summary>
/// <param name="Labels">Class id per pixel.</param>
/// <param name="Classes">Number of classes the model distinguishes (ids 0…Classes−1).</param>
/// <param name="Kind">The model's output convention.</param>
/// <param name="MapWidth">Width of the model's output map.</param>
/// <param name="MapHeight">Height of the model's output map.</param>
/// <param name="Timings">Pre-processing, inference and post-processing time.</param>
public sealed record SemanticResult(Image<int> Labels, int Classes, SemanticOutputKind Kind, int MapWidth, int MapHeight, StepTimings Timings);

/// <summary>Wall-clock time of the three phases of a model step.</summary>
public readonly record struct StepTimings(TimeSpan Preprocess, TimeSpan Inference, TimeSpan Postprocess);

/// <summary>
/// Semantic segmentation with an ONNX model: torchvision DeepLabV3/FCN (<c>out</c>, optional <c>aux</c>),
/// SegFormer-style logits at a fraction of the input size, single-channel probability maps and models that emit their
/// own argmax. Logits are reduced by argmax at the model's resolution, probability maps by a threshold, then the map
/// is cropped to the image's place in the input and brought back to the image size by nearest neighbour
/// (<c>cv2.resize</c> INTER_NEAREST). Argmax-then-nearest is chosen over upsampling the logits bilinearly first
/// (what SegFormer's reference code does): it costs C times less memory and time, and differs only along class
/// borders, by at most half a model pixel.
/// </summary>
/// <remarks>One instance may serve many threads: the model's session is shared and <see cref="Segment"/> keeps no state.</remarks>
public sealed class SemanticSegmenter(OnnxModel model, ModelPreprocessing preprocessing, float threshold = 0.5f)
{
    /// <summary>The model.</summary>
    public OnnxModel Model { get; } = model;
    /// <summary>The preprocessing.</summary>
    public ModelPreprocessing Preprocessing { get; } = preprocessing;
    /// <summary>Foreground threshold of probability maps (a logit map is compared at the equivalent logit).</summary>
    public float Threshold { get; } = threshold;

    /// <summary>Segments one BGR (or gray/BGRA) image.</summary>
    /// <exception cref="OnnxModelException">The model's input or output does not fit a semantic model.</exception>
    public SemanticResult Segment(ReadOnlyImageView<byte> image)
    {
        var run = StepRun.Of(Model, image, Preprocessing);
        var sel = SemanticOutput.Select(run.Outputs, Model.Path);
        var map = ToLabelMap(sel, Threshold);
        var labels = BackToImage(map, run.Input.Geometry);
        return new SemanticResult(labels, sel.Classes, sel.Kind, sel.Width, sel.Height, run.Finish());
    }

    /// <summary>The class map at the model's resolution.</summary>
    internal static Image<int> ToLabelMap(SemanticOutput sel, float threshold)
    {
        int h = sel.Height, w = sel.Width, plane = h * w;
        var map = new Image<int>(w, h);
        var dst = map.Data;
        switch (sel.Kind)
        {
            case SemanticOutputKind.Labels:
            {
                var src = sel.Tensor.Integers!;
                for (int i = 0; i < plane; i++) dst[i] = (int)src[i];
                break;
            }
            case SemanticOutputKind.Probability:
            {
                var src = sel.Tensor.Floats!;
                // A map with values outside [0, 1] holds logits: compare them at the logit of the threshold.
                bool logits = false;
                foreach (float v in src) if (v < 0f || v > 1f) { logits = true; break; }
                float t = logits ? MathF.Log(threshold / (1f - threshold)) : threshold;
                var mask = Models.SemanticMaps.Threshold(src.AsSpan(0, plane), w, h, t, 1);
                for (int i = 0; i < plane; i++) dst[i] = mask.Data[i];
                break;
            }
            default:
                Models.SemanticMaps.Argmax(sel.Tensor.Floats!, sel.Classes, plane, dst);
                break;
        }
        return map;
    }

    /// <summary>Crops the part of the map that covers the image (letterbox padding removed) and resizes it to the image by nearest neighbour.</summary>
    internal static Image<int> BackToImage(Image<int> map, Models.ResizeGeometry g)
    {
        var (x0, y0, cw, ch) = StepRun.ContentRect(g, map.Width, map.Height);
        var content = map.ReadOnlyView.Slice(x0, y0, cw, ch);
        if (cw == g.SourceWidth && ch == g.SourceHeight && x0 == 0 && y0 == 0 && cw == map.Width && ch == map.Height) return map;
        return Models.NearestResize.Resize(content, g.SourceWidth, g.SourceHeight);
    }
}
