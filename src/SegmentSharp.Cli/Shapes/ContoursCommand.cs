using System.Diagnostics;
using System.Globalization;
using SegmentSharp.Codecs;
using SegmentSharp.Contours;
using SegmentSharp.Drawing;
using SegmentSharp.Geometry;
using SegmentSharp.Pipelines;
using SegmentSharp.Pipelines.Steps;

namespace SegmentSharp.Cli;

/// <summary>
/// `segment contours INPUT --out FILE`: cv2.findContours on the mask, with every retrieval mode and approximation,
/// written as JSON, GeoJSON or SVG, optionally drawn over the input.
/// </summary>
internal static class ContoursCommand
{
    public const string Prog = "segment contours";

    public const string Usage =
        """
        usage: segment contours [-h] --out FILE [--mode {external,list,ccomp,tree}]
                                [--approx {none,simple,tc89-l1,tc89-kcos,poly:EPS}] [--min-area N]
                                [--overlay FILE] [--thickness T] [--json] [--save-pipeline FILE] [binarization flags] ...
                                INPUT
        """;

    public static readonly string Help = Usage + """


        Trace the borders of the objects (nonzero pixels) of a mask, exactly as cv2.findContours does in
        OpenCV 4.13: the same points, in the same order, with the same hierarchy.

        positional arguments:
          INPUT                 image or mask to read

        options:
          -h, --help            show this help message and exit
          --out FILE            .json (points, hierarchy [next, prev, first_child, parent], is_hole, area,
                                perimeter, bbox per contour), .geojson (a FeatureCollection in pixel
                                coordinates) or .svg (paths through pixel centres) (required)
          --mode {external,list,ccomp,tree}
                                which borders and how they nest, as RETR_* (default: tree)
          --approx {none,simple,tc89-l1,tc89-kcos,poly:EPS}
                                point reduction, as CHAIN_APPROX_*; poly:EPS simplifies the full border with
                                cv2.approxPolyDP(contour, EPS, closed=True) (default: simple)
          --min-area N          drop contours whose area (cv2.contourArea) is below N; children of a dropped
                                contour move up to its nearest kept ancestor (default: 0)
          --overlay FILE        draw the contours over the input (.png): outer borders green, holes red
          --thickness T         overlay line width (default: 1)
          --json                print a one-line JSON summary instead of text
          --save-pipeline FILE  also write a pipeline file (.json) that repeats this command on other images
                                ('segment batch'); see docs/pipeline.md

        """ + MaskSource.FlagsHelp + """


        examples:
          segment contours coins.png --out coins.json --method otsu --mode external --overlay coins-contours.png
          segment contours mask.png --out shapes.svg --approx poly:2.5

        exit codes: 0 success, 1 the input could not be read or an output written, 2 usage error

        """;

    private static readonly string[] Modes = ["external", "list", "ccomp", "tree"];
    private static readonly string[] Approxes = ["none", "simple", "tc89-l1", "tc89-kcos"];

    internal sealed class Options
    {
        public string Input = "";
        public string? Out, Overlay;
        public MaskSource Mask = new();
        public ContourMode Mode = ContourMode.Tree;
        public ContourApproximation Approx = ContourApproximation.Simple;
        public string ApproxName = "simple";
        public double? PolyEpsilon;
        public double MinArea;
        public int Thickness = 1;
        public bool Json;
        public string? SavePipeline;
    }

    /// <summary>What this command does as a pipeline: mask steps, contours, then S.contours.EXT and S.overlay.EXT.</summary>
    internal static Pipeline ToPipeline(Options o)
    {
        var p = o.Mask.ToPipeline().Then(new ContoursStep(Modes[(int)o.Mode], o.ApproxName, o.MinArea))
            .Then(new WriteContoursStep(ComponentsCommand.Ext(o.Out!)));
        if (o.Overlay is string ov) p = p.Then(new WriteOverlayStep("contours", o.Thickness, ComponentsCommand.Ext(ov)));
        return p;
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
            new("--mode", "MODE", v => o.Mode = (ContourMode)FlagValues.Choice(v!, Modes)),
            new("--approx", "APPROX", v =>
            {
                if (v!.StartsWith("poly:", StringComparison.Ordinal))
                {
                    o.PolyEpsilon = FlagValues.Double(v[5..], 0, 1e6, "poly epsilon");
                    o.Approx = ContourApproximation.None;
                }
                else
                {
                    o.Approx = (ContourApproximation)(FlagValues.Choice(v, [.. Approxes, "poly:EPS"]) + 1);
                    o.PolyEpsilon = null;
                }
                o.ApproxName = v;
            }),
            new("--min-area", "N", v => o.MinArea = FlagValues.Double(v!, 0, double.MaxValue, "min area")),
            new("--overlay", "FILE", v => o.Overlay = v),
            new("--thickness", "T", v => o.Thickness = FlagValues.Int(v!, 1, 100, "thickness")),
            new("--json", null, _ => o.Json = true),
            new("--save-pipeline", "FILE", v => o.SavePipeline = v),
        };
        o.Mask.AddFlags(flags);
        var expanded = ArgPrepass.Expand(args, flags, Binarization.BinarizeFlags.OptionalValues);
        var pos = ArgParser.Parse(expanded, flags, ["INPUT"]);
        o.Input = pos[0];
        if (o.Out is null) throw new UsageException("the following arguments are required: --out");
        o.Mask.Validate();
        CommandRunner.CheckExtension("--out", o.Out, ".json", ".geojson", ".svg");
        if (o.Overlay is not null) ImageOutputs.CheckPicturePath("--overlay", o.Overlay);
        if (o.SavePipeline is not null) CommandRunner.CheckExtension("--save-pipeline", o.SavePipeline, ".json");
        return o;
    }

    private static int Execute(Options o, TextWriter stdout, TextWriter stderr)
    {
        long t0 = Stopwatch.GetTimestamp();
        var src = o.Mask.Produce(o.Input);
        long t1 = Stopwatch.GetTimestamp();
        var set = ContourSet.Trace(src.Mask, o.Mode, o.Approx, o.PolyEpsilon, o.MinArea, out int found);
        long t2 = Stopwatch.GetTimestamp();

        string mode = Modes[(int)o.Mode];
        string ext = Path.GetExtension(o.Out!).ToLowerInvariant();
        string text = ext switch
        {
            ".geojson" => ContourWriters.ToGeoJson(set),
            ".svg" => ContourWriters.ToSvg(set, src.Mask.Width, src.Mask.Height),
            _ => ContourWriters.ToJson(set, o.Input, src.Mask.Width, src.Mask.Height, mode, o.ApproxName),
        };
        CommandRunner.WriteText(o.Out!, "contours", text);
        if (o.Overlay is string op)
        {
            var picture = CommandRunner.ReadColor(o.Input);
            Overlays.Contours(picture, set, o.Thickness);
            CommandRunner.Write(op, "overlay", p => ImageFile.Write(p, picture));
        }
        if (o.SavePipeline is string pp) CommandRunner.Write(pp, "pipeline", ToPipeline(o).Save);
        long t3 = Stopwatch.GetTimestamp();

        int holes = set.IsHole.Count(h => h);
        if (o.Json)
            stdout.WriteLine(Json.Object(("input", Json.Str(o.Input)), ("mask", Json.Str(src.How)), ("mode", Json.Str(mode)),
                ("approx", Json.Str(o.ApproxName)), ("found", Json.Num(found)), ("count", Json.Num(set.Count)), ("holes", Json.Num(holes)),
                ("out", Json.Str(o.Out)), ("overlay", Json.Str(o.Overlay)),
                ("timings_ms", Json.Object(("mask", Json.Ms(t0, t1)), ("contours", Json.Ms(t1, t2)), ("write", Json.Ms(t2, t3))))));
        else
        {
            stdout.WriteLine($"input: {o.Input}");
            stdout.WriteLine($"mask: {src.How}");
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"contours: {set.Count} ({holes} holes){(found != set.Count ? $" of {found} before --min-area" : "")}, mode {mode}, approx {o.ApproxName}"));
            stdout.WriteLine($"output: {o.Out}");
        }
        return ExitCodes.Ok;
    }
}
