using System.Diagnostics;
using SegmentSharp.Codecs;
using SegmentSharp.Components;
using SegmentSharp.Drawing;
using SegmentSharp.Imaging;
using SegmentSharp.Pipelines;
using SegmentSharp.Pipelines.Steps;

namespace SegmentSharp.Cli;

/// <summary>
/// `segment components INPUT`: binarize (or take a mask), clean with morphology, label connected components as
/// cv2.connectedComponentsWithStats does, filter them, print the count and write labels, an overlay and stats.
/// </summary>
internal static class ComponentsCommand
{
    public const string Prog = "segment components";

    public const string Usage =
        """
        usage: segment components [-h] [--connectivity {4,8}] [--min-area N] [--max-area N]
                                  [--min-aspect R] [--max-aspect R] [--labels FILE] [--overlay FILE]
                                  [--stats FILE] [--stats-columns {all,opencv}] [--json]
                                  [--save-pipeline FILE] [binarization flags] [--open KERNEL] ...
                                  INPUT
        """;

    public static readonly string Help = Usage + """


        Count and measure the objects of an image: the nonzero pixels of the mask form connected components,
        labelled exactly as cv2.connectedComponentsWithStats labels them (same numbering). Prints the count.

        positional arguments:
          INPUT                 image or mask to read (colour is converted to gray)

        options:
          -h, --help            show this help message and exit
          --connectivity {4,8}  pixel connectivity (default: 8)
          --min-area N          drop components with fewer than N pixels (default: 0)
          --max-area N          drop components with more than N pixels (default: no limit)
          --min-aspect R, --max-aspect R
                                keep components whose bounding-box width/height lies in the range
          --labels FILE         write the label image: .png (8-bit up to 255 labels, 16-bit up to 65535) or
                                .tif (32-bit); labels are renumbered 1..N after filtering
          --overlay FILE        write the input with each component tinted in its own colour (.png)
          --stats FILE          write per-component statistics: .csv or .json. Columns: label, left, top,
                                width, height, area, centroid_x, centroid_y, then region properties
                                (see docs/cli.md)
          --stats-columns {all,opencv}
                                all (default), or only OpenCV's columns (connectedComponentsWithStats:
                                label, box, area, centroid), which skips the region measurements
          --json                print a one-line JSON summary instead of text
          --save-pipeline FILE  also write a pipeline file (.json) that repeats this command on other images
                                ('segment batch'); see docs/pipeline.md

        """ + MaskSource.FlagsHelp + """


        examples:
          segment components coins.png --blur 5 --method otsu --open ellipse:5x5 --min-area 100 --stats coins.csv
          segment components mask.png --connectivity 4 --labels labels.png --overlay overlay.png

        exit codes: 0 success, 1 the input could not be read or an output written, 2 usage error

        """;

    internal sealed class Options
    {
        public string Input = "";
        public MaskSource Mask = new();
        public Connectivity Connectivity = Connectivity.Eight;
        public int MinArea, MaxArea = int.MaxValue;
        public double? MinAspect, MaxAspect;
        public string? Labels, Overlay, Stats;
        public string StatsColumns = "all";
        public bool Json;
        public string? SavePipeline;
    }

    /// <summary>
    /// What this command does as a pipeline: the mask steps, components, then one write step per output asked for.
    /// Run with the output stem S it writes S.labels.EXT, S.overlay.EXT and S.csv / S.stats.json.
    /// </summary>
    internal static Pipeline ToPipeline(Options o)
    {
        var p = o.Mask.ToPipeline().Then(new ComponentsStep(o.Connectivity == Connectivity.Four ? 4 : 8, o.MinArea, o.MaxArea, o.MinAspect, o.MaxAspect));
        if (o.Labels is string l) p = p.Then(new WriteLabelsStep(Ext(l)));
        if (o.Overlay is string ov) p = p.Then(new WriteOverlayStep("components", 1, Ext(ov)));
        if (o.Stats is string st) p = p.Then(new WriteStatsStep(Ext(st), o.StatsColumns));
        return p;
    }

    internal static string Ext(string path) => Path.GetExtension(path).TrimStart('.').ToLowerInvariant();

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
        => CommandRunner.Run(Prog, Usage, args, stdout, stderr, Parse, Execute);

    internal static Options Parse(IReadOnlyList<string> args, TextWriter stdout)
    {
        var o = new Options();
        var flags = new List<FlagSpec>
        {
            new("--help", null, _ => { stdout.Write(Help); throw new EarlyExitException(); }, "-h"),
            new("--connectivity", "{4,8}", v => o.Connectivity = FlagValues.Choice(v!, ["4", "8"]) == 0 ? Connectivity.Four : Connectivity.Eight),
            new("--min-area", "N", v => o.MinArea = FlagValues.Int(v!, 0, int.MaxValue, "min area")),
            new("--max-area", "N", v => o.MaxArea = FlagValues.Int(v!, 0, int.MaxValue, "max area")),
            new("--min-aspect", "R", v => o.MinAspect = FlagValues.Double(v!, 0, 1e9, "min aspect")),
            new("--max-aspect", "R", v => o.MaxAspect = FlagValues.Double(v!, 0, 1e9, "max aspect")),
            new("--labels", "FILE", v => o.Labels = v),
            new("--overlay", "FILE", v => o.Overlay = v),
            new("--stats", "FILE", v => o.Stats = v),
            new("--stats-columns", "COLUMNS", v => o.StatsColumns = WriteStatsStep.ColumnSets[FlagValues.Choice(v!, WriteStatsStep.ColumnSets)]),
            new("--json", null, _ => o.Json = true),
            new("--save-pipeline", "FILE", v => o.SavePipeline = v),
        };
        o.Mask.AddFlags(flags);
        var expanded = ArgPrepass.Expand(args, flags, Binarization.BinarizeFlags.OptionalValues);
        var pos = ArgParser.Parse(expanded, flags, ["INPUT"]);
        o.Input = pos[0];
        o.Mask.Validate();
        if (o.MinArea > o.MaxArea) throw new UsageException($"argument --min-area: {o.MinArea} is larger than --max-area {o.MaxArea}");
        if (o.MinAspect > o.MaxAspect) throw new UsageException("argument --min-aspect: larger than --max-aspect");
        if (o.Labels is not null) ImageOutputs.CheckLabelPath("--labels", o.Labels);
        if (o.Overlay is not null) ImageOutputs.CheckPicturePath("--overlay", o.Overlay);
        if (o.Stats is not null) CommandRunner.CheckExtension("--stats", o.Stats, ".csv", ".json");
        if (o.SavePipeline is not null) CommandRunner.CheckExtension("--save-pipeline", o.SavePipeline, ".json");
        return o;
    }

    private static int Execute(Options o, TextWriter stdout, TextWriter stderr)
    {
        long t0 = Stopwatch.GetTimestamp();
        var src = o.Mask.Produce(o.Input);
        long t1 = Stopwatch.GetTimestamp();
        var labels = ComponentsStep.Label(src.Mask, o.Connectivity, o.MinArea, o.MaxArea, o.MinAspect, o.MaxAspect, out var stats, out int found);
        int count = stats.Count - 1;
        long t2 = Stopwatch.GetTimestamp();

        var table = ComponentTable.Build(labels, stats, src.Gray, regionProperties: o.StatsColumns == "all");
        if (o.Labels is string lp) CommandRunner.Write(lp, "labels", p => ImageFile.WriteLabels(p, labels));
        if (o.Overlay is string op)
        {
            var picture = CommandRunner.ReadColor(o.Input);
            var over = Overlays.Components(picture, labels);
            CommandRunner.Write(op, "overlay", p => ImageFile.Write(p, over));
        }
        if (o.Stats is string sp)
            CommandRunner.WriteText(sp, "stats", sp.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? table.ToJson() : table.ToCsv());
        if (o.SavePipeline is string pp) CommandRunner.Write(pp, "pipeline", ToPipeline(o).Save);
        long t3 = Stopwatch.GetTimestamp();

        if (o.Json)
        {
            stdout.WriteLine(Json.Object(
                ("input", Json.Str(o.Input)), ("mask", Json.Str(src.How)), ("threshold", src.Threshold is double t ? Json.Num(t) : "null"),
                ("connectivity", Json.Num(o.Connectivity == Connectivity.Four ? 4 : 8)),
                ("found", Json.Num(found)), ("count", Json.Num(count)),
                ("labels", Json.Str(o.Labels)), ("overlay", Json.Str(o.Overlay)), ("stats", Json.Str(o.Stats)),
                ("timings_ms", Json.Object(("mask", Json.Ms(t0, t1)), ("label", Json.Ms(t1, t2)), ("outputs", Json.Ms(t2, t3))))));
        }
        else
        {
            stdout.WriteLine($"input: {o.Input}");
            stdout.WriteLine($"mask: {src.How}");
            stdout.WriteLine(found == count ? $"components: {count}" : $"components: {count} (of {found} before filtering)");
        }
        return ExitCodes.Ok;
    }
}
