using System.Buffers;
using SegmentSharp.Codecs;
using SegmentSharp.Components;
using SegmentSharp.Imaging;
using SegmentSharp.Pipelines.Outputs;

namespace SegmentSharp.Pipelines;

/// <summary>
/// The state of one image going through a <see cref="Pipeline"/>: what the steps so far produced. One context per
/// <see cref="Pipeline.Run"/>; steps read and replace its members.
/// </summary>
public sealed class PipelineContext
{
    private Image<byte>? _color;
    private List<byte[]>? _rentedBytes;
    private List<int[]>? _rentedInts;

    internal PipelineContext(string inputPath, string outputStem, Image<byte> gray, PipelineRunOptions options)
    {
        InputPath = inputPath;
        OutputStem = outputStem;
        Gray = gray;
        Intensity = gray;
        Options = options;
    }

    /// <summary>The image file being processed, as given to <see cref="Pipeline.Run"/>.</summary>
    public string InputPath { get; }

    /// <summary>The output stem given to <see cref="Pipeline.Run"/>.</summary>
    public string OutputStem { get; }

    /// <summary>Limits and cancellation of this run.</summary>
    public PipelineRunOptions Options { get; }

    /// <summary>The decoded input as 8-bit gray (cv2.IMREAD_GRAYSCALE), replaced by each preprocessing step.</summary>
    public Image<byte> Gray { get; set; }

    /// <summary>The gray image as decoded, before preprocessing: the intensities the stats table measures.</summary>
    public Image<byte> Intensity { get; }

    /// <summary>The mask (nonzero = object) once a binarize step ran; morphology replaces it.</summary>
    public Image<byte>? Mask { get; set; }

    /// <summary>The single threshold of the binarize step, when its method has one.</summary>
    public double? Threshold { get; set; }

    /// <summary>Components labelled 1..N (after filtering) once a components step ran.</summary>
    public Image<int>? Labels { get; set; }

    /// <summary>Statistics of <see cref="Labels"/> (index 0 = background).</summary>
    public ComponentStats? Stats { get; set; }

    /// <summary>Contours once a contours step ran.</summary>
    internal ContourSet? Contours { get; set; }

    /// <summary>The contours step that made <see cref="Contours"/> (its mode and approximation are written with them).</summary>
    internal Steps.ContoursStep? ContoursBy { get; set; }

    /// <summary>Number of contours once a contours step ran.</summary>
    public int? ContourCount => Contours?.Count;

    /// <summary>The input decoded in colour (BGR, cv2.IMREAD_COLOR), read on first use for overlays.</summary>
    public Image<byte> Color => _color ??= ImageFile.ReadColor(InputPath);

    /// <summary>
    /// A width × height gray image on a buffer from <see cref="ArrayPool{T}.Shared"/>, returned when the run ends, so a
    /// batch reuses the same few large buffers instead of allocating new ones per image. Contents are undefined: the
    /// caller must write every pixel. Do not keep it (or a view of it) past the run.
    /// </summary>
    public Image<byte> RentBytes(int width, int height)
    {
        var a = ArrayPool<byte>.Shared.Rent(checked(width * height));
        (_rentedBytes ??= []).Add(a);
        return new Image<byte>(a, width, height);
    }

    /// <summary>As <see cref="RentBytes"/>, for 32-bit labels.</summary>
    public Image<int> RentInts(int width, int height)
    {
        var a = ArrayPool<int>.Shared.Rent(checked(width * height));
        (_rentedInts ??= []).Add(a);
        return new Image<int>(a, width, height);
    }

    /// <summary>Hands a buffer rented elsewhere (the decoded input) to this run, to go back to the pool when it ends.</summary>
    internal void ReturnWhenDone(byte[] rented) => (_rentedBytes ??= []).Add(rented);

    internal void ReturnBuffers()
    {
        if (_rentedBytes is not null) foreach (var a in _rentedBytes) ArrayPool<byte>.Shared.Return(a);
        if (_rentedInts is not null) foreach (var a in _rentedInts) ArrayPool<int>.Shared.Return(a);
        _rentedBytes = null;
        _rentedInts = null;
    }

    /// <summary>The mask, or a clear error naming the step that needs it.</summary>
    public Image<byte> RequireMask(string step)
        => Mask ?? throw new PipelineException($"step '{step}' needs a mask: put a 'binarize' step before it");
}
