using System.Reflection;
using System.Text;

namespace SegmentSharp.Cli;

/// <summary>
/// Entry point of the `segment` tool: picks the command, maps failures to exit codes, and guarantees that no
/// exception reaches the user as a stack trace.
/// </summary>
internal static class CliApp
{
    public const string Usage = "usage: segment [-h] [--version] COMMAND ...\n";

    public const string Help = Usage + """

        SegmentSharp: image segmentation that matches OpenCV pixel for pixel, in pure .NET.

        commands:
          threshold   create a mask with a fixed, global, multi-level, local or automatic threshold
                      (see 'segment threshold --help')
          morph       erode, dilate, open, close, gradient, top-hat, black-hat, hit-or-miss
          components  count, label and measure the objects of a mask (connected components)
          contours    trace object borders with hierarchy (cv2.findContours) to JSON, GeoJSON or SVG
          distance    distance transform of a mask (cv2.distanceTransform)
          watershed   split touching objects with marker watershed (cv2.watershed), automatic markers
          grabcut     cut an object out of its background from a rectangle or hints (cv2.grabCut)
          kmeans      colour segmentation by k-means (cv2.kmeans), the image painted with cluster colours
          superpixels over-segment into superpixels (Felzenszwalb-Huttenlocher or SLIC, as scikit-image)
          evaluate    score masks or label maps against ground truth (DIBCO metrics, IoU)
                      (see 'segment evaluate --help')
          inrange     mask a colour range in HSV, HLS, Lab, YCrCb, XYZ, BGR or gray (cv2.inRange),
                      hue ranges may wrap around (see 'segment inrange --help')
          try-all     contact sheets of an image binarized by every global and local method
                      (see 'segment try-all --help')
          batch       run a pipeline file over many images in parallel, resumable, with a manifest
                      (see 'segment batch --help'); 'segment batch merge' joins shard manifests
          semantic    a class per pixel from an ONNX semantic-segmentation model (DeepLabV3, FCN, SegFormer)
          instances   objects with masks from a Mask R-CNN ONNX model, as COCO results JSON
          cutout      remove the background with a U²-Net/ISNet saliency model (RGBA cutout)
          text-regions  text line boxes from a DBNet (PP-OCR) ONNX detector

        options:
          -h, --help  show this help message and exit
          --version   show the version and exit

        examples:
          segment threshold input/scene.png output/scene-mask.png --threshold 180 --invert
          segment threshold input/scene.png output/adaptive.png --method adaptive --block-size 31 --c 7
          segment threshold scan.png mask.png --method auto
          segment components coins.png --blur 5 --method otsu --open ellipse:5x5 --min-area 100 --stats coins.csv
          segment try-all scan.png sheet.png
          segment kmeans fruit.png fruit-k4.png --k 4 --labels fruit-labels.png
          segment inrange flowers.png red.png --space hsv --lower 170,80,60 --upper 10,255,255

        exit codes: 0 success, 1 read/write failure, 2 usage error
        (evaluate and batch also exit 3 when some pairs or images failed; the model commands exit 4 when
        the model's inputs or outputs do not fit the command)

        """;

    private static readonly string[] Commands = ["threshold", "morph", "components", "contours", "distance", "watershed", "evaluate", "try-all", "grabcut", "inrange", "kmeans", "superpixels", "batch", "semantic", "instances", "cutout", "text-regions"];

    /// <summary>True when the writers are the process's own stdout/stderr (not a test's), so a live display may use them.</summary>
    public static bool UsesProcessConsole { get; private set; }

    // Model steps live in SegmentSharp.Onnx (the pipeline library does not depend on ONNX Runtime); the tool knows both,
    // so its pipeline files and batches can use them.
    static CliApp() => SegmentSharp.Onnx.Pipelines.ModelMaskStep.Register();

    /// <summary>Runs with the process's standard streams (UTF-8, no BOM, like Python's on Linux).</summary>
    public static int Run(string[] args)
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        using var stdout = new StreamWriter(Console.OpenStandardOutput(), utf8) { AutoFlush = false };
        using var stderr = new StreamWriter(Console.OpenStandardError(), utf8) { AutoFlush = true };
        UsesProcessConsole = true;
        try
        {
            return Run(args, stdout, stderr);
        }
        finally
        {
            // A closed pipe (e.g. `segment ... | head -1`) must not turn into a stack trace.
            try { stdout.Flush(); } catch (IOException) { }
        }
    }

    /// <summary>Runs with the given writers; returns the exit code.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            if (args.Count == 0) return UsageError(stderr, "the following arguments are required: COMMAND");
            string first = args[0];
            if (first is "-h" or "--help" || (first.Length > 2 && "--help".StartsWith(first, StringComparison.Ordinal)))
            {
                stdout.Write(Help);
                return ExitCodes.Ok;
            }
            if (first == "--version" || (first.Length > 2 && "--version".StartsWith(first, StringComparison.Ordinal)))
            {
                stdout.Write($"segment {Version}\n");
                return ExitCodes.Ok;
            }
            if (first.StartsWith('-') && first != "-")
                return UsageError(stderr, $"unrecognized arguments: {first}");
            return first switch
            {
                "threshold" => ThresholdCommand.Run(args.Skip(1).ToArray(), stdout, stderr),
                "morph" => MorphCommand.Run(args.Skip(1).ToArray(), stdout, stderr),
                "components" => ComponentsCommand.Run(args.Skip(1).ToArray(), stdout, stderr),
                "contours" => ContoursCommand.Run(args.Skip(1).ToArray(), stdout, stderr),
                "distance" => DistanceCommand.Run(args.Skip(1).ToArray(), stdout, stderr),
                "watershed" => WatershedCommand.Run(args.Skip(1).ToArray(), stdout, stderr),
                "grabcut" => GrabCutCommand.Run(args.Skip(1).ToArray(), stdout, stderr),
                "evaluate" => EvaluateCommand.Run(args.Skip(1).ToArray(), stdout, stderr),
                "try-all" => TryAllCommand.Run(args.Skip(1).ToArray(), stdout, stderr),
                "inrange" => InRangeCommand.Run(args.Skip(1).ToArray(), stdout, stderr),
                "kmeans" => KMeansCommand.Run(args.Skip(1).ToArray(), stdout, stderr),
                "superpixels" => SuperpixelsCommand.Run(args.Skip(1).ToArray(), stdout, stderr),
                "batch" => Batch.BatchCommand.Run(args.Skip(1).ToArray(), stdout, stderr),
                "semantic" => SemanticCommand.Run(args.Skip(1).ToArray(), stdout, stderr),
                "instances" => InstancesCommand.Run(args.Skip(1).ToArray(), stdout, stderr),
                "cutout" => CutoutCommand.Run(args.Skip(1).ToArray(), stdout, stderr),
                "text-regions" => TextRegionsCommand.Run(args.Skip(1).ToArray(), stdout, stderr),
                _ => UsageError(stderr,
                    $"argument COMMAND: invalid choice: '{first}' (choose from {string.Join(", ", Commands.Select(c => $"'{c}'"))})"),
            };
        }
        catch (Exception e)
        {
            // Anything the library did not anticipate: one line, never a stack trace.
            stderr.WriteLine($"segment: error: internal error: {e.GetType().Name}: {e.Message}");
            return ExitCodes.Failure;
        }
    }

    private static int UsageError(TextWriter stderr, string message)
    {
        stderr.Write(Usage);
        stderr.WriteLine($"segment: error: {message}");
        return ExitCodes.Usage;
    }

    /// <summary>The informational version without the source-revision suffix.</summary>
    public static string Version
    {
        get
        {
            string? v = typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
            if (string.IsNullOrEmpty(v)) v = typeof(CliApp).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
            int plus = v.IndexOf('+');
            return plus >= 0 ? v[..plus] : v;
        }
    }
}
