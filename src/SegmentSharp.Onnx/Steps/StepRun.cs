using System.Diagnostics;
using SegmentSharp.Imaging;
using SegmentSharp.Models;

namespace SegmentSharp.Onnx;

/// <summary>The shared first half of every model step: check the input, make the tensor, run, and keep the clock.</summary>
internal readonly record struct StepRun(ImageTensor Input, OnnxOutputs Outputs, long Start, long Prepared, long Inferred)
{
    public static StepRun Of(OnnxModel model, ReadOnlyImageView<byte> image, ModelPreprocessing spec)
    {
        long t0 = Stopwatch.GetTimestamp();
        _ = model.ImageInput;
        var input = ImageTensor.Create(image, spec);
        long t1 = Stopwatch.GetTimestamp();
        var outputs = model.Run(input.Data, input.Shape);
        return new StepRun(input, outputs, t0, t1, Stopwatch.GetTimestamp());
    }

    /// <summary>The three phase times, post-processing ending now.</summary>
    public StepTimings Finish() => new(Stopwatch.GetElapsedTime(Start, Prepared), Stopwatch.GetElapsedTime(Prepared, Inferred),
        Stopwatch.GetElapsedTime(Inferred));

    /// <summary>
    /// The part of a <paramref name="mapWidth"/>×<paramref name="mapHeight"/> output map that covers the image: the
    /// resized image's rectangle in the input, scaled to the map (SegFormer's maps are 1/4 of the input).
    /// </summary>
    public static (int X, int Y, int Width, int Height) ContentRect(ResizeGeometry g, int mapWidth, int mapHeight)
    {
        double sx = (double)mapWidth / g.InputWidth, sy = (double)mapHeight / g.InputHeight;
        int x0 = (int)Math.Round(g.PadLeft * sx), y0 = (int)Math.Round(g.PadTop * sy);
        return (x0, y0, Math.Clamp((int)Math.Round(g.ResizedWidth * sx), 1, mapWidth - x0),
            Math.Clamp((int)Math.Round(g.ResizedHeight * sy), 1, mapHeight - y0));
    }
}
