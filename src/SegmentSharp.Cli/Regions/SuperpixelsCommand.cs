using System.Diagnostics;
using SegmentSharp.Codecs;
using SegmentSharp.Superpixels;

namespace SegmentSharp.Cli;

/// <summary>
/// `segment superpixels INPUT OUTPUT`: an over-segmentation into superpixels, labels plus an optional boundary overlay
/// (scikit-image's mark_boundaries). Felzenszwalb–Huttenlocher only for now; SLIC is not implemented yet.
/// </summary>
internal static class SuperpixelsCommand
{
    public const string Prog = "segment superpixels";

    public const string Usage =
        """
        usage: segment superpixels [-h] [--method {felzenszwalb}] [--scale S] [--sigma S] [--min-size N]
                                   [--gray] [--overlay FILE] [--json]
                                   INPUT OUTPUT
        """;

    public static readonly string Help = Usage + """


        Over-segment an image into superpixels with Felzenszwalb and Huttenlocher's graph method, as
        skimage.segmentation.felzenszwalb (scikit-image 0.19) defines it: identical labels on the test images.

        positional arguments:
          INPUT                 image to segment (colour channels are used jointly)
          OUTPUT                labels 0..N-1 (.png 8/16-bit, or .tif 32-bit)

        options:
          -h, --help            show this help message and exit
          --method {felzenszwalb}
                                the algorithm (default: felzenszwalb; SLIC is not available yet)
          --scale S             observation level, larger gives larger segments (default: 1)
          --sigma S             Gaussian smoothing before segmenting, 0 for none (default: 0.8)
          --min-size N          smallest segment in pixels, smaller ones are merged (default: 20)
          --gray                segment the gray image (as read by imread GRAYSCALE) instead of the colours
          --overlay FILE        the input with segment boundaries in yellow, as skimage's mark_boundaries (.png)
          --json                print a one-line JSON summary

        examples:
          segment superpixels coffee.png segments.png --scale 100 --sigma 0.5 --min-size 50 --overlay edges.png

        exit codes: 0 success, 1 the input could not be read or an output written, 2 usage error

        """;

    internal sealed class Options
    {
        public string Input = "", Output = "";
        public string? Overlay;
        public bool Json, Gray;
        public double Scale = 1, Sigma = 0.8;
        public int MinSize = 20;
    }

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
        => CommandRunner.Run(Prog, Usage, args, stdout, stderr, Parse, Execute);

    internal static Options Parse(IReadOnlyList<string> args, TextWriter stdout)
    {
        var o = new Options();
        var flags = new List<FlagSpec>
        {
            new("--help", null, _ => { stdout.Write(Help); throw new EarlyExitException(); }, "-h"),
            new("--method", "METHOD", v => FlagValues.Choice(v!, ["felzenszwalb"])),
            new("--scale", "S", v => o.Scale = FlagValues.Double(v!, 0, 1e9, "scale")),
            new("--sigma", "S", v => o.Sigma = FlagValues.Double(v!, 0, 1000, "sigma")),
            new("--min-size", "N", v => o.MinSize = FlagValues.Int(v!, 0, int.MaxValue, "min size")),
            new("--gray", null, _ => o.Gray = true),
            new("--overlay", "FILE", v => o.Overlay = v),
            new("--json", null, _ => o.Json = true),
        };
        var pos = ArgParser.Parse(args, flags, ["INPUT", "OUTPUT"]);
        (o.Input, o.Output) = (pos[0], pos[1]);
        ImageOutputs.CheckLabelPath("OUTPUT", o.Output);
        if (o.Overlay is not null) ImageOutputs.CheckPicturePath("--overlay", o.Overlay);
        return o;
    }

    private static int Execute(Options o, TextWriter stdout, TextWriter stderr)
    {
        long t0 = Stopwatch.GetTimestamp();
        var picture = CommandRunner.ReadColor(o.Input);
        var source = o.Gray ? CommandRunner.ReadGray(o.Input) : picture;
        long t1 = Stopwatch.GetTimestamp();
        var labels = Felzenszwalb.Segment(source, o.Scale, o.Sigma, o.MinSize);
        long t2 = Stopwatch.GetTimestamp();
        int count = 0;
        foreach (int v in labels.Data) count = Math.Max(count, v + 1);
        CommandRunner.Write(o.Output, "labels", p => ImageFile.WriteLabels(p, labels));
        if (o.Overlay is string op)
            CommandRunner.Write(op, "overlay", p => ImageFile.Write(p, RegionOverlay.Boundaries(picture, labels)));
        long t3 = Stopwatch.GetTimestamp();
        if (o.Json)
            stdout.WriteLine(Json.Object(("input", Json.Str(o.Input)), ("output", Json.Str(o.Output)), ("method", Json.Str("felzenszwalb")),
                ("segments", Json.Num(count)), ("overlay", Json.Str(o.Overlay)),
                ("timings_ms", Json.Object(("read", Json.Ms(t0, t1)), ("segment", Json.Ms(t1, t2)), ("outputs", Json.Ms(t2, t3))))));
        else
        {
            stdout.WriteLine($"input: {o.Input}");
            stdout.WriteLine($"superpixels: felzenszwalb, {count} segments");
            stdout.WriteLine($"output: {o.Output}");
        }
        return ExitCodes.Ok;
    }
}
