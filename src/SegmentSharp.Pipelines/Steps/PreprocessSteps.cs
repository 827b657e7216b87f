using System.Text.Json;
using SegmentSharp.Enhancement;
using SegmentSharp.Filters;
using SegmentSharp.Pipelines.Binarization;

namespace SegmentSharp.Pipelines.Steps;

/// <summary>Base of the steps that replace <see cref="PipelineContext.Gray"/> and write no file.</summary>
public abstract class GrayStep : IPipelineStep
{
    /// <inheritdoc/>
    public abstract string Name { get; }
    /// <inheritdoc/>
    public abstract void Run(PipelineContext context);
    /// <inheritdoc/>
    public IEnumerable<string> OutputPaths(string outputStem) => [];
    /// <inheritdoc/>
    public virtual void WriteParameters(Utf8JsonWriter writer) { }
}

/// <summary><c>invert-input</c>: 255 − p (Enhancement.Invert; cv2.bitwise_not), for light text on a dark ground.</summary>
public sealed class InvertInputStep : GrayStep
{
    /// <inheritdoc/>
    public override string Name => "invert-input";
    /// <inheritdoc/>
    public override void Run(PipelineContext c) => c.Gray = Invert.Apply(c.Gray.ReadOnlyView);
}

/// <summary>
/// <c>deskew</c>: estimates the text skew (projection-profile search, Enhancement.Deskew) and rotates the page straight
/// when the angle reaches <see cref="BinarizeSettings.MinDeskewAngle"/>.
/// </summary>
public sealed class DeskewStep : GrayStep
{
    /// <inheritdoc/>
    public override string Name => "deskew";
    /// <inheritdoc/>
    public override void Run(PipelineContext c) => c.Gray = BinarizeSettings.Straighten(c.Gray, out _);
}

/// <summary><c>median</c>: median blur with a size×size window (cv2.medianBlur).</summary>
public sealed class MedianStep(int size) : GrayStep
{
    /// <summary>Odd window size.</summary>
    public int Size { get; } = size;
    /// <inheritdoc/>
    public override string Name => "median";
    /// <inheritdoc/>
    public override void Run(PipelineContext c) => c.Gray = MedianBlur.Apply(c.Gray, Size);
    /// <inheritdoc/>
    public override void WriteParameters(Utf8JsonWriter w) => w.WriteNumber("size", Size);
}

/// <summary><c>clahe</c>: contrast-limited adaptive histogram equalization (Zuiderveld 1994; cv2.createCLAHE).</summary>
public sealed class ClaheStep(double clip, int tilesX, int tilesY) : GrayStep
{
    /// <summary>Clip limit.</summary>
    public double Clip { get; } = clip;
    /// <summary>Tile columns.</summary>
    public int TilesX { get; } = tilesX;
    /// <summary>Tile rows.</summary>
    public int TilesY { get; } = tilesY;
    /// <inheritdoc/>
    public override string Name => "clahe";
    /// <inheritdoc/>
    public override void Run(PipelineContext c) => c.Gray = Clahe.Apply(c.Gray, Clip, TilesX, TilesY);
    /// <inheritdoc/>
    public override void WriteParameters(Utf8JsonWriter w)
    {
        w.WriteNumber("clip", Clip);
        w.WriteNumber("tiles_x", TilesX);
        w.WriteNumber("tiles_y", TilesY);
    }

    internal static ClaheStep FromJson(StepParameters p)
        => new(p.OptionalDouble("clip", 0) ?? throw p.Error("clip", "is required"), p.OptionalInt("tiles_x", 1, 1024) ?? 8,
            p.OptionalInt("tiles_y", 1, 1024) ?? 8);
}

/// <summary>
/// <c>normalize-background</c>: divides by the estimated paper brightness (BackgroundNormalization) to flatten uneven
/// light; window 0 = chosen from the image size.
/// </summary>
public sealed class NormalizeBackgroundStep(int window) : GrayStep
{
    /// <summary>Window, or 0 for automatic.</summary>
    public int Window { get; } = window;
    /// <inheritdoc/>
    public override string Name => "normalize-background";
    /// <inheritdoc/>
    public override void Run(PipelineContext c) => c.Gray = BinarizeSettings.NormalizeBackgroundOf(c.Gray, Window, out _);
    /// <inheritdoc/>
    public override void WriteParameters(Utf8JsonWriter w) => w.WriteNumber("window", Window);
}

/// <summary><c>stretch</c>: linear contrast stretch between two histogram percentiles (ContrastStretch).</summary>
public sealed class StretchStep(double low, double high) : GrayStep
{
    /// <summary>Low percentile.</summary>
    public double Low { get; } = low;
    /// <summary>High percentile.</summary>
    public double High { get; } = high;
    /// <inheritdoc/>
    public override string Name => "stretch";
    /// <inheritdoc/>
    public override void Run(PipelineContext c) => c.Gray = ContrastStretch.Apply(c.Gray.ReadOnlyView, Low, High);
    /// <inheritdoc/>
    public override void WriteParameters(Utf8JsonWriter w)
    {
        w.WriteNumber("low", Low);
        w.WriteNumber("high", High);
    }
}

/// <summary><c>blur</c>: Gaussian blur with a size×size kernel, sigma from the size (cv2.GaussianBlur(img, (k, k), 0)).</summary>
public sealed class BlurStep(int size) : GrayStep
{
    /// <summary>Odd kernel size.</summary>
    public int Size { get; } = size;
    /// <inheritdoc/>
    public override string Name => "blur";
    /// <inheritdoc/>
    public override void Run(PipelineContext c) => c.Gray = GaussianBlur.Apply(c.Gray, Size, 0);
    /// <inheritdoc/>
    public override void WriteParameters(Utf8JsonWriter w) => w.WriteNumber("size", Size);
}
