using System.Diagnostics;
using SegmentSharp.Codecs;
using SegmentSharp.Drawing;
using SegmentSharp.Geometry;
using SegmentSharp.Onnx;

namespace SegmentSharp.Cli;

/// <summary>`segment text-regions INPUT --model det.onnx --out regions.json`: text line boxes from a DBNet detector.</summary>
internal static class TextRegionsCommand
{
    public const string Prog = "segment text-regions";

    public const string Usage =
        """
        usage: segment text-regions [-h] --model FILE --out FILE [--overlay FILE] [--limit-side N]
                                    [--threshold T] [--box-threshold B]
                                    [--unclip-ratio R] [--json]
                                    [input options] [model options]
                                    INPUT
        """;

    public static readonly string Help = Usage + """


        Text detection with a DBNet ONNX model (PP-OCR det, e.g. ch_PP-OCRv4_det_infer.onnx), preprocessed and
        post-processed as PaddleOCR does: longer side limited to 960 and both sides rounded to a multiple of 32,
        the image fed as decoded (B, G, R) with the ImageNet mean and std; the probability map thresholded at
        0.3, each contour's minimum-area rectangle scored (mean probability, kept from 0.6), expanded by the
        unclip ratio 1.5 and scaled back to the image.

        positional arguments:
          INPUT                 image

        options:
          -h, --help            show this help message and exit
          --out FILE            regions JSON: image size and, per region, its quadrilateral (4 points,
                                clockwise from top-left), its bounding box [x,y,w,h] and score (required)
          --overlay FILE        the input with every region outlined (.png)
          --limit-side N        longest-side limit of the model input (default: 960)
          --threshold T         probability threshold of the text map (default: 0.3)
          --box-threshold B     least box score (mean probability inside the box) kept (default: 0.6);
                                long lines of a curved scan score 0.5-0.6, lower it to keep them
          --unclip-ratio R      how far boxes are expanded (default: 1.5)
          --json                print a one-line JSON summary

        """ + PreprocessFlags.Help + """

        """ + ModelFlags.Help + """


        examples:
          segment text-regions scan.png --model ch_PP-OCRv4_det_infer.onnx --out regions.json --overlay boxes.png

        exit codes: 0 success, 1 an input, the model or an output could not be read or written, 2 usage error,
        4 the model's inputs or outputs do not fit this command

        """;

    internal sealed class Options
    {
        public string Input = "";
        public string? Out, Overlay;
        public bool Json;
        public ModelFlags Model = new();
        public PreprocessFlags Pre = new(ModelPreprocessing.PaddleOcrDetection());
        public Models.DbPostProcessOptions Post = new();
    }

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
        => CommandRunner.Run(Prog, Usage, args, stdout, stderr, Parse, Execute);

    internal static Options Parse(IReadOnlyList<string> args, TextWriter stdout)
    {
        var o = new Options();
        var flags = new List<FlagSpec>
        {
            new("--help", null, _ => { stdout.Write(Help); throw new EarlyExitException(); }, "-h"),
            new("--out", "FILE", v => o.Out = v),
            new("--overlay", "FILE", v => o.Overlay = v),
            new("--limit-side", "N", v => { int n = FlagValues.Int(v!, 32, 16384, "limit side"); o.Pre.Spec = o.Pre.Spec with { Width = n }; o.Pre.SizeGiven = true; }),
            new("--threshold", "T", v => o.Post = o.Post with { Threshold = (float)FlagValues.Double(v!, 0, 1, "threshold") }),
            new("--box-threshold", "B", v => o.Post = o.Post with { BoxThreshold = (float)FlagValues.Double(v!, 0, 1, "box threshold") }),
            new("--unclip-ratio", "R", v => o.Post = o.Post with { UnclipRatio = FlagValues.Double(v!, 0, 100, "unclip ratio") }),
            new("--json", null, _ => o.Json = true),
        };
        var pos = o.Model.Parse(args, flags, ["INPUT"], o.Pre);
        o.Input = pos[0];
        if (o.Out is null) throw new UsageException("the following arguments are required: --out");
        CommandRunner.CheckExtension("--out", o.Out, ".json");
        if (o.Overlay is not null) ImageOutputs.CheckPicturePath("--overlay", o.Overlay);
        return o;
    }

    private static int Execute(Options o, TextWriter stdout, TextWriter stderr)
    {
        long t0 = Stopwatch.GetTimestamp();
        var (image, opened, spec) = o.Model.Open(o.Input, o.Pre);
        using var model = opened;
        var r = ModelFlags.Guard(() => new TextDetector(model, spec, o.Post).Detect(image));
        CommandRunner.WriteText(o.Out!, "regions", RegionsJson(r, image.Width, image.Height));
        if (o.Overlay is string op)
        {
            var over = Canvas.ToBgr(image);
            foreach (var region in r.Regions)
            {
                var pts = region.Quad.Select(p => new Point((int)Math.Round(p.X), (int)Math.Round(p.Y))).ToArray();
                Draw.Polyline(over, pts, true, new Rgb(255, 0, 0), 2);
            }
            CommandRunner.Write(op, "overlay", p => ImageFile.Write(p, over));
        }
        long t1 = Stopwatch.GetTimestamp();
        if (o.Json)
            stdout.WriteLine(Json.Object(("input", Json.Str(o.Input)), ("out", Json.Str(o.Out)), ("model", Json.Str(o.Model.Model)),
                ("regions", Json.Num(r.Regions.Count)),
                ("input_size", Json.Array([Json.Num(r.Geometry.InputWidth), Json.Num(r.Geometry.InputHeight)])),
                ("timings_ms", ModelFlags.TimingsJson(r.Timings, t0, t1))));
        else
        {
            stdout.WriteLine($"input: {o.Input}");
            stdout.WriteLine($"regions: {r.Regions.Count}");
            stdout.WriteLine($"out: {o.Out}");
        }
        return ExitCodes.Ok;
    }

    internal static string RegionsJson(TextRegionsResult r, int width, int height)
    {
        static string N(double v) => Json.Num(Math.Round(v, 2));
        var regions = r.Regions.Select(g =>
        {
            var b = g.Bounds;
            return Json.Object(("quad", Json.Array(g.Quad.Select(p => Json.Array([N(p.X), N(p.Y)])))),
                ("bbox", Json.Array([N(b.X), N(b.Y), N(b.Width), N(b.Height)])), ("score", Json.Num(Math.Round((double)g.Score, 5))));
        });
        return Json.Object(("width", Json.Num(width)), ("height", Json.Num(height)), ("regions", Json.Array(regions))) + "\n";
    }
}
