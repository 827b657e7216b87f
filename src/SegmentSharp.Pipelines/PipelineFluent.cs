using System.Text.Json;
using System.Text.Json.Nodes;
using SegmentSharp.Morphology;
using SegmentSharp.Pipelines.Binarization;
using SegmentSharp.Pipelines.Steps;

namespace SegmentSharp.Pipelines;

/// <summary>The fluent form: each method returns a new pipeline with one step appended, named as in the pipeline file.</summary>
public sealed partial class Pipeline
{
    /// <summary>
    /// Appends the registered step <paramref name="name"/> with JSON parameters, read exactly as a pipeline file's step
    /// object (so the fluent form and the file form cannot drift apart).
    /// </summary>
    /// <exception cref="PipelineException">Unknown step or invalid parameter.</exception>
    public Pipeline Step(string name, JsonObject? parameters = null)
    {
        if (!StepRegistry.TryGet(name, out var factory))
            throw new PipelineException($"unknown step '{name}' (known: {string.Join(", ", StepRegistry.Names)})");
        var obj = new JsonObject { ["step"] = name };
        if (parameters is not null)
            foreach (var (k, v) in parameters) obj[k] = v?.DeepClone();
        using var doc = JsonDocument.Parse(obj.ToJsonString());
        var p = new StepParameters(name, doc.RootElement);
        var step = factory(p);
        p.CheckAllRead();
        return Then(step);
    }

    /// <summary>Negates the gray image (255 − p) for light text on a dark ground.</summary>
    public Pipeline InvertInput() => Then(new InvertInputStep());

    /// <summary>Straightens a skewed page.</summary>
    public Pipeline Deskew() => Then(new DeskewStep());

    /// <summary>Median blur with a <paramref name="size"/>² window (cv2.medianBlur).</summary>
    public Pipeline Median(int size) => Step("median", new JsonObject { ["size"] = size });

    /// <summary>CLAHE (cv2.createCLAHE) with clip limit and tile grid.</summary>
    public Pipeline Clahe(double clip, int tilesX = 8, int tilesY = 8)
        => Step("clahe", new JsonObject { ["clip"] = clip, ["tiles_x"] = tilesX, ["tiles_y"] = tilesY });

    /// <summary>Background normalization; window 0 = from the image size.</summary>
    public Pipeline NormalizeBackground(int window = 0) => Step("normalize-background", new JsonObject { ["window"] = window });

    /// <summary>Linear stretch between two percentiles.</summary>
    public Pipeline Stretch(double low = 2, double high = 98) => Step("stretch", new JsonObject { ["low"] = low, ["high"] = high });

    /// <summary>Gaussian blur with a <paramref name="size"/>² kernel, sigma from the size (cv2.GaussianBlur(img, (k, k), 0)).</summary>
    public Pipeline Blur(int size) => Step("blur", new JsonObject { ["size"] = size });

    /// <summary>
    /// Binarizes with <paramref name="method"/> (any method of `segment threshold`); <paramref name="parameters"/> holds
    /// the method's parameters by their pipeline-file names (threshold, window, k, r, type, despeckle, ...).
    /// </summary>
    public Pipeline Binarize(string method = "otsu", bool invert = false, JsonObject? parameters = null)
    {
        var obj = new JsonObject { ["method"] = method };
        if (invert) obj["invert"] = true;
        if (parameters is not null) foreach (var (k, v) in parameters) obj[k] = v?.DeepClone();
        return Step("binarize", obj);
    }

    /// <summary>Morphological opening of the mask with a kernel such as "ellipse:5x5".</summary>
    public Pipeline Open(string kernel) => Then(new MorphologyStep("open", kernel));
    /// <summary>Morphological closing of the mask.</summary>
    public Pipeline Close(string kernel) => Then(new MorphologyStep("close", kernel));
    /// <summary>Erosion of the mask.</summary>
    public Pipeline Erode(string kernel) => Then(new MorphologyStep("erode", kernel));
    /// <summary>Dilation of the mask.</summary>
    public Pipeline Dilate(string kernel) => Then(new MorphologyStep("dilate", kernel));

    /// <summary>Labels and filters connected components.</summary>
    public Pipeline Components(int connectivity = 8, int minArea = 0, int maxArea = int.MaxValue, double? minAspect = null, double? maxAspect = null)
        => Then(new ComponentsStep(connectivity, minArea, maxArea, minAspect, maxAspect));

    /// <summary>Labels components and drops those with fewer than <paramref name="minArea"/> pixels.</summary>
    public Pipeline RemoveSmall(int minArea, int connectivity = 8) => Components(connectivity, minArea);

    /// <summary>Traces contours (cv2.findContours) with mode and approximation; drops those with area below <paramref name="minArea"/>.</summary>
    public Pipeline Contours(string mode = "tree", string approx = "simple", double minArea = 0) => Then(new ContoursStep(mode, approx, minArea));

    /// <summary>Writes the mask as STEM.png (or another image format).</summary>
    public Pipeline WriteMask(string format = "png", bool bilevel = true) => Step("write-mask",
        new JsonObject { ["format"] = format, ["bilevel"] = bilevel ? "auto" : "never" });

    /// <summary>Writes the labels as STEM.labels.png; adds a components step first when there is none.</summary>
    public Pipeline WriteLabels(string format = "png") => WithComponents().Then(new WriteLabelsStep(format));

    /// <summary>
    /// Writes STEM.overlay.png: style "contours" when the pipeline traced contours and labelled no components, else
    /// "components" (a components step is added first when there is none).
    /// </summary>
    public Pipeline WriteOverlay(string? style = null, int thickness = 1)
    {
        style ??= Has<ContoursStep>() && !Has<ComponentsStep>() ? "contours" : "components";
        var p = style == "components" ? WithComponents() : Has<ContoursStep>() ? this : Contours();
        var obj = new JsonObject { ["style"] = style, ["format"] = "png" };
        if (style == "contours") obj["thickness"] = thickness;
        return p.Step("write-overlay", obj);
    }

    /// <summary>Writes STEM.contours.json (or .geojson, .svg); adds a default contours step first when there is none.</summary>
    public Pipeline WriteContours(string format = "json")
        => (Has<ContoursStep>() ? this : Contours()).Step("write-contours", new JsonObject { ["format"] = format });

    /// <summary>Writes STEM.csv (or STEM.stats.json); adds a components step first when there is none.</summary>
    public Pipeline WriteStats(string format = "csv", string columns = "all") =>
        WithComponents().Step("write-stats", columns == "all"
            ? new JsonObject { ["format"] = format }
            : new JsonObject { ["format"] = format, ["columns"] = columns });

    private bool Has<T>() where T : IPipelineStep => _steps.Any(s => s is T);

    private Pipeline WithComponents() => Has<ComponentsStep>() ? this : Components();

    /// <summary>
    /// The front half of a command: the preprocessing flags of <paramref name="s"/> as steps in the order the commands run
    /// them (invert-input, deskew, median, clahe, normalize-background, stretch, blur), the binarize step, then morphology.
    /// </summary>
    internal static Pipeline FromSettings(BinarizeSettings s, bool passMasks, IEnumerable<(MorphOperation Op, KernelSpec Kernel)>? morph = null)
    {
        var steps = new List<IPipelineStep>();
        if (s.InvertInput) steps.Add(new InvertInputStep());
        if (s.Deskew) steps.Add(new DeskewStep());
        if (s.Median is int m) steps.Add(new MedianStep(m));
        if (s.Clahe is ClaheSettings c) steps.Add(new ClaheStep(c.ClipLimit, c.TilesX, c.TilesY));
        if (s.NormalizeBackground is int nb) steps.Add(new NormalizeBackgroundStep(nb));
        if (s.Stretch is var (lo, hi)) steps.Add(new StretchStep(lo, hi));
        if (s.Blur is int b) steps.Add(new BlurStep(b));
        steps.Add(BinarizeStep.FromSettings(s, passMasks));
        foreach (var (op, k) in morph ?? [])
            steps.Add(new MorphologyStep(op.ToString().ToLowerInvariant(), k.Text));
        return new([.. steps]);
    }
}
