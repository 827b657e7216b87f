using SegmentSharp.Imaging;

namespace SegmentSharp.Onnx;

/// <summary>The foreground of one image: an 8-bit alpha mask and the BGRA cutout, both at the image's size.</summary>
/// <param name="Mask">0 background … 255 foreground.</param>
/// <param name="Cutout">The image with <see cref="Mask"/> as alpha (B, G, R, A).</param>
/// <param name="Timings">Phase times.</param>
public sealed record CutoutResult(Image<byte> Mask, Image<byte> Cutout, StepTimings Timings);

/// <summary>
/// Background removal with a salient-object model (U²-Net, ISNet, as used by rembg): the first output, one float map,
/// is min-max normalised to 0–1 as rembg does (<c>(p − min) / (max − min)</c>), scaled to 0–255, resized back to the
/// image bilinearly (<c>cv2.resize</c> INTER_LINEAR; rembg uses PIL's Lanczos, so edges differ by a few levels) and
/// used as alpha.
/// </summary>
public sealed class SaliencyCutout(OnnxModel model, ModelPreprocessing preprocessing)
{
    /// <summary>rembg's U²-Net input: 320×320 stretched, RGB, ImageNet statistics.</summary>
    public static ModelPreprocessing U2Net(int size = 320) => ModelPreprocessing.TorchVision(ResizeMode.Stretch, size, size);

    /// <summary>The model.</summary>
    public OnnxModel Model { get; } = model;
    /// <summary>The preprocessing.</summary>
    public ModelPreprocessing Preprocessing { get; } = preprocessing;

    /// <summary>Cuts out the salient object of one image.</summary>
    public CutoutResult Cut(ReadOnlyImageView<byte> image)
    {
        var run = StepRun.Of(Model, image, Preprocessing);
        var (values, h, w) = SingleMapOutput.Select(run.Outputs, Model.Path, "saliency map");
        var small = Normalise(values, w, h);
        var (x0, y0, cw, ch) = StepRun.ContentRect(run.Input.Geometry, w, h);
        var mask = Models.LinearResize.Resize(small.ReadOnlyView.Slice(x0, y0, cw, ch), image.Width, image.Height);
        return new CutoutResult(mask, Compose(image, mask), run.Finish());
    }

    /// <summary>rembg's min-max normalisation to 0–255 (rounded); a constant map becomes all 0.</summary>
    internal static Image<byte> Normalise(float[] values, int width, int height)
    {
        float min = float.PositiveInfinity, max = float.NegativeInfinity;
        for (int i = 0; i < width * height; i++) { float v = values[i]; if (v < min) min = v; if (v > max) max = v; }
        var dst = new Image<byte>(width, height);
        float range = max - min;
        if (!(range > 0)) return dst;
        for (int i = 0; i < width * height; i++)
            dst.Data[i] = (byte)Math.Clamp(MathF.Round((values[i] - min) / range * 255f, MidpointRounding.ToEven), 0f, 255f);
        return dst;
    }

    private static Image<byte> Compose(ReadOnlyImageView<byte> image, Image<byte> mask)
    {
        var bgr = image.Channels == 3 ? image : Drawing.Canvas.ToBgr(image).ReadOnlyView;
        var dst = new Image<byte>(image.Width, image.Height, 4);
        for (int y = 0; y < image.Height; y++)
        {
            ReadOnlySpan<byte> s = bgr.Row(y), m = mask.Row(y);
            Span<byte> d = dst.Row(y);
            for (int x = 0; x < m.Length; x++)
            {
                d[4 * x] = s[3 * x]; d[4 * x + 1] = s[3 * x + 1]; d[4 * x + 2] = s[3 * x + 2]; d[4 * x + 3] = m[x];
            }
        }
        return dst;
    }
}
