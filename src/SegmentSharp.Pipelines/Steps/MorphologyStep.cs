using System.Text.Json;
using SegmentSharp.Imaging;
using SegmentSharp.Morphology;
using SegmentSharp.Pipelines.Binarization;

namespace SegmentSharp.Pipelines.Steps;

/// <summary>
/// <c>open</c>, <c>close</c>, <c>erode</c>, <c>dilate</c>: OpenCV morphology on the mask (cv2.morphologyEx / cv2.erode /
/// cv2.dilate, constant border that never wins) with a structuring element written as in `segment morph`
/// (<c>ellipse:5x5</c>, <c>rect:3x3</c>, <c>cross:3x3</c>, <c>custom:010/111/010</c>).
/// </summary>
public sealed class MorphologyStep : IPipelineStep
{
    /// <summary>The step names, one per operation.</summary>
    public static readonly string[] Names = ["open", "close", "erode", "dilate"];

    private static readonly MorphOperation[] Ops = [MorphOperation.Open, MorphOperation.Close, MorphOperation.Erode, MorphOperation.Dilate];

    private readonly KernelSpec _kernel;
    private readonly MorphOperation _op;

    /// <summary>A step for operation <paramref name="name"/> (open, close, erode, dilate) with kernel text <paramref name="kernel"/>.</summary>
    /// <exception cref="PipelineException">The name or the kernel is invalid.</exception>
    public MorphologyStep(string name, string kernel)
    {
        int i = Array.IndexOf(Names, name);
        if (i < 0) throw new PipelineException($"unknown morphology step '{name}'; use open, close, erode or dilate");
        Name = name;
        _op = Ops[i];
        try { _kernel = KernelSpec.Parse(kernel); }
        catch (FormatException e) { throw new PipelineException($"step '{name}': parameter 'kernel' {e.Message}"); }
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <summary>The structuring element as written.</summary>
    public string Kernel => _kernel.Text;

    /// <inheritdoc/>
    public void Run(PipelineContext c) => c.Mask = Apply(_op, c.RequireMask(Name), _kernel);

    /// <summary>The operation into a new image; the one morphology call of the commands' --open/--close/--erode/--dilate.</summary>
    internal static Image<byte> Apply(MorphOperation op, Image<byte> mask, KernelSpec kernel)
    {
        var dst = new Image<byte>(mask.Width, mask.Height);
        Morphology.Morphology.Apply(op, mask, dst, kernel.Element);
        return dst;
    }

    /// <inheritdoc/>
    public IEnumerable<string> OutputPaths(string outputStem) => [];

    /// <inheritdoc/>
    public void WriteParameters(Utf8JsonWriter w) => w.WriteString("kernel", Kernel);

    internal static MorphologyStep FromJson(string name, StepParameters p) => new(name, p.String("kernel"));
}
