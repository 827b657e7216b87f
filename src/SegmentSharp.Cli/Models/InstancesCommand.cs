using System.Diagnostics;
using System.Globalization;
using SegmentSharp.Codecs;
using SegmentSharp.Drawing;
using SegmentSharp.Imaging;
using SegmentSharp.Onnx;

namespace SegmentSharp.Cli;

/// <summary>`segment instances INPUT --model M.onnx --coco out.json`: Mask R-CNN objects as COCO results.</summary>
internal static class InstancesCommand
{
    public const string Prog = "segment instances";

    public const string Usage =
        """
        usage: segment instances [-h] --model FILE --coco FILE [--score S] [--mask-threshold T] [--image-id N]
                                 [--overlay FILE] [--json] [input options] [model options]
                                 INPUT
        """;

    public static readonly string Help = Usage + """


        Instance segmentation with a torchvision Mask R-CNN ONNX export: outputs boxes [N,4], labels [N],
        scores [N] and masks [N,1,H,W] (found by these names, else by layout). Masks at the input size are used
        as they are; masks of M×M (an export without torchvision's paste) are pasted at their fractional boxes
        as torchvision's paste_masks_in_image does. Each mask is thresholded (probability > T).

        positional arguments:
          INPUT                 image to segment

        options:
          -h, --help            show this help message and exit
          --coco FILE           COCO results JSON: a list of {image_id, category_id, bbox [x,y,w,h], score,
                                segmentation {size [h,w], counts: compressed RLE}} (required)
          --score S             keep detections scoring at least S, 0-1 (default: 0.5)
          --mask-threshold T    mask probability threshold, 0-1 (default: 0.5)
          --image-id N          image_id written in the results (default: 0)
          --overlay FILE        the input with each instance tinted and its box drawn (.png)
          --json                print a one-line JSON summary

        """ + PreprocessFlags.Help + """
          (default: RGB, 0-1, no mean or std, NCHW, the image's own size: the model resizes inside the graph)

        """ + ModelFlags.Help + """


        examples:
          segment instances street.jpg --model maskrcnn_resnet50_fpn.onnx --coco street.json --overlay street.png

        exit codes: 0 success, 1 an input, the model or an output could not be read or written, 2 usage error,
        4 the model's inputs or outputs do not fit this command

        """;

    internal sealed class Options
    {
        public string Input = "";
        public string? Coco, Overlay;
        public float Score = 0.5f, MaskThreshold = 0.5f;
        public long ImageId;
        public bool Json;
        public ModelFlags Model = new();
        public PreprocessFlags Pre = new(InstanceSegmenter.TorchVisionDetection);
    }

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
        => CommandRunner.Run(Prog, Usage, args, stdout, stderr, Parse, Execute);

    internal static Options Parse(IReadOnlyList<string> args, TextWriter stdout)
    {
        var o = new Options();
        var flags = new List<FlagSpec>
        {
            new("--help", null, _ => { stdout.Write(Help); throw new EarlyExitException(); }, "-h"),
            new("--coco", "FILE", v => o.Coco = v),
            new("--score", "S", v => o.Score = (float)FlagValues.Double(v!, 0, 1, "score")),
            new("--mask-threshold", "T", v => o.MaskThreshold = (float)FlagValues.Double(v!, 0, 1, "mask threshold")),
            new("--image-id", "N", v => o.ImageId = FlagValues.Int(v!)),
            new("--overlay", "FILE", v => o.Overlay = v),
            new("--json", null, _ => o.Json = true),
        };
        var pos = o.Model.Parse(args, flags, ["INPUT"], o.Pre);
        o.Input = pos[0];
        if (o.Coco is null) throw new UsageException("the following arguments are required: --coco");
        CommandRunner.CheckExtension("--coco", o.Coco, ".json");
        if (o.Overlay is not null) ImageOutputs.CheckPicturePath("--overlay", o.Overlay);
        return o;
    }

    private static int Execute(Options o, TextWriter stdout, TextWriter stderr)
    {
        long t0 = Stopwatch.GetTimestamp();
        var (image, opened, spec) = o.Model.Open(o.Input, o.Pre);
        using var model = opened;
        var r = ModelFlags.Guard(() => new InstanceSegmenter(model, spec, o.Score, o.MaskThreshold).Segment(image));
        CommandRunner.WriteText(o.Coco!, "COCO results", CocoResults(r.Instances, o.ImageId));
        if (o.Overlay is string op)
        {
            var labels = new Image<int>(image.Width, image.Height);
            for (int k = 0; k < r.Instances.Count; k++)
            {
                var m = r.Instances[k].Mask.Data;
                for (int i = 0; i < m.Length; i++) if (m[i] != 0) labels.Data[i] = k + 1;
            }
            var over = Overlay.Labels(image, labels, 0.45);
            for (int k = 0; k < r.Instances.Count; k++)
            {
                var s = r.Instances[k];
                int x = (int)Math.Floor(s.X1), y = (int)Math.Floor(s.Y1);
                Draw.Rectangle(over, x, y, Math.Max(1, (int)Math.Ceiling(s.X2) - x), Math.Max(1, (int)Math.Ceiling(s.Y2) - y), LabelPalette.Default[k + 1], 2);
            }
            CommandRunner.Write(op, "overlay", p => ImageFile.Write(p, over));
        }
        long t1 = Stopwatch.GetTimestamp();
        if (o.Json)
            stdout.WriteLine(Json.Object(("input", Json.Str(o.Input)), ("coco", Json.Str(o.Coco)), ("model", Json.Str(o.Model.Model)),
                ("detections", Json.Num(r.Detections)), ("instances", Json.Num(r.Instances.Count)),
                ("timings_ms", ModelFlags.TimingsJson(r.Timings, t0, t1))));
        else
        {
            stdout.WriteLine($"input: {o.Input}");
            stdout.WriteLine($"instances: {r.Instances.Count} of {r.Detections} detections (score >= {o.Score.ToString(CultureInfo.InvariantCulture)})");
            stdout.WriteLine($"coco: {o.Coco}");
        }
        return ExitCodes.Ok;
    }

    /// <summary>COCO detection results (the format pycocotools' loadRes reads), bbox from the box as x, y, w, h.</summary>
    internal static string CocoResults(IReadOnlyList<Instance> instances, long imageId)
    {
        static string R(double v) => Json.Num(Math.Round(v, 2));
        var items = instances.Select(s => Json.Object(
            ("image_id", Json.Num(imageId)), ("category_id", Json.Num(s.Category)),
            ("bbox", Json.Array([R(s.X1), R(s.Y1), R(s.X2 - s.X1), R(s.Y2 - s.Y1)])),
            ("score", Json.Num(Math.Round((double)s.Score, 5))),
            ("segmentation", Json.Object(("size", Json.Array([Json.Num(s.Rle.Height), Json.Num(s.Rle.Width)])),
                ("counts", Json.Str(s.Rle.ToCompressedString()))))));
        return Json.Array(items) + "\n";
    }
}
