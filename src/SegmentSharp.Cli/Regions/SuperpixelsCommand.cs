using System.Diagnostics;
using SegmentSharp.Codecs;
using SegmentSharp.Superpixels;

namespace SegmentSharp.Cli;

/// <summary>
/// `segment superpixels INPUT OUTPUT`: an over-segmentation into superpixels, labels plus an optional boundary overlay
/// (scikit-image's mark_boundaries), by Felzenszwalb–Huttenlocher or SLIC as scikit-image 0.19 defines them.
/// </summary>
internal static class SuperpixelsCommand
{
    public const string Prog = "segment superpixels";

    public const string Usage =
        """
        usage: segment superpixels [-h] [--method {felzenszwalb,slic}] [--scale S] [--sigma S] [--min-size N]
                                   [--n-segments N] [--compactness C] [--max-iter N] [--no-enforce-connectivity]
                                   [--slic-zero] [--gray] [--overlay FILE] [--json]
                                   INPUT OUTPUT
        """;

    public static readonly string Help = Usage + """


        Over-segment an image into superpixels with Felzenszwalb and Huttenlocher's graph method or with
        SLIC (k-means in Lab colour and position), as skimage.segmentation.felzenszwalb and
        skimage.segmentation.slic (scikit-image 0.19) define them: identical labels on the test images.

        positional arguments:
          INPUT                 image to segment (colour channels are used jointly)
          OUTPUT                labels (.png 8/16-bit, or .tif 32-bit): 0..N-1 for felzenszwalb,
                                1..N for slic (scikit-image's start_label=1)

        options:
          -h, --help            show this help message and exit
          --method {felzenszwalb,slic}
                                the algorithm (default: felzenszwalb)
          --sigma S             Gaussian smoothing before segmenting, 0 for none
                                (default: 0.8 for felzenszwalb, 0 for slic)
          --gray                segment the gray image (as read by imread GRAYSCALE) instead of the colours

        felzenszwalb options:
          --scale S             observation level, larger gives larger segments (default: 1)
          --min-size N          smallest segment in pixels, smaller ones are merged (default: 20)

        slic options (colour images are clustered in CIE Lab):
          --n-segments N        approximate number of superpixels (default: 100)
          --compactness C       weight of position against colour, higher gives squarer superpixels;
                                try 0.01..100 on a log scale (default: 10)
          --max-iter N          k-means iterations (default: 10)
          --no-enforce-connectivity
                                keep disconnected and tiny pieces as k-means left them
          --slic-zero           SLICO: scale each superpixel's colour distance by its largest one

        output options:
          --overlay FILE        the input with segment boundaries in yellow, as skimage's mark_boundaries (.png)
          --json                print a one-line JSON summary

        examples:
          segment superpixels coffee.png segments.png --scale 100 --sigma 0.5 --min-size 50 --overlay edges.png
          segment superpixels coffee.png slic.png --method slic --n-segments 250 --compactness 20 --overlay edges.png

        exit codes: 0 success, 1 the input could not be read or an output written, 2 usage error

        """;

    internal sealed class Options
    {
        public string Input = "", Output = "";
        public string? Overlay;
        public bool Json, Gray, Slic, EnforceConnectivity = true, SlicZero;
        public double Scale = 1, Compactness = 10;
        public double? Sigma;
        public int MinSize = 20, NSegments = 100, MaxIter = 10;
    }

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
        => CommandRunner.Run(Prog, Usage, args, stdout, stderr, Parse, Execute);

    internal static Options Parse(IReadOnlyList<string> args, TextWriter stdout)
    {
        var o = new Options();
        string? felzenszwalbOnly = null, slicOnly = null;
        var flags = new List<FlagSpec>
        {
            new("--help", null, _ => { stdout.Write(Help); throw new EarlyExitException(); }, "-h"),
            new("--method", "METHOD", v => o.Slic = FlagValues.Choice(v!, ["felzenszwalb", "slic"]) == 1),
            new("--scale", "S", v => { o.Scale = FlagValues.Double(v!, 0, 1e9, "scale"); felzenszwalbOnly ??= "--scale"; }),
            new("--sigma", "S", v => o.Sigma = FlagValues.Double(v!, 0, 1000, "sigma")),
            new("--min-size", "N", v => { o.MinSize = FlagValues.Int(v!, 0, int.MaxValue, "min size"); felzenszwalbOnly ??= "--min-size"; }),
            new("--n-segments", "N", v => { o.NSegments = FlagValues.Int(v!, 1, int.MaxValue, "n segments"); slicOnly ??= "--n-segments"; }),
            new("--compactness", "C", v => { o.Compactness = FlagValues.Double(v!, 1e-9, 1e9, "compactness"); slicOnly ??= "--compactness"; }),
            new("--max-iter", "N", v => { o.MaxIter = FlagValues.Int(v!, 1, 10000, "max iter"); slicOnly ??= "--max-iter"; }),
            new("--no-enforce-connectivity", null, _ => { o.EnforceConnectivity = false; slicOnly ??= "--no-enforce-connectivity"; }),
            new("--slic-zero", null, _ => { o.SlicZero = true; slicOnly ??= "--slic-zero"; }),
            new("--gray", null, _ => o.Gray = true),
            new("--overlay", "FILE", v => o.Overlay = v),
            new("--json", null, _ => o.Json = true),
        };
        var pos = ArgParser.Parse(args, flags, ["INPUT", "OUTPUT"]);
        (o.Input, o.Output) = (pos[0], pos[1]);
        if (o.Slic && felzenszwalbOnly is not null)
            throw new UsageException($"argument {felzenszwalbOnly}: not allowed with --method slic (use --n-segments and --compactness)");
        if (!o.Slic && slicOnly is not null)
            throw new UsageException($"argument {slicOnly}: only allowed with --method slic");
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
        var labels = o.Slic
            ? Slic.Segment(source, o.NSegments, o.Compactness, o.MaxIter, o.Sigma ?? 0, enforceConnectivity: o.EnforceConnectivity, slicZero: o.SlicZero)
            : Felzenszwalb.Segment(source, o.Scale, o.Sigma ?? 0.8, o.MinSize);
        long t2 = Stopwatch.GetTimestamp();
        int count = CountLabels(labels.Data);
        string method = o.Slic ? "slic" : "felzenszwalb";
        CommandRunner.Write(o.Output, "labels", p => ImageFile.WriteLabels(p, labels));
        if (o.Overlay is string op)
            CommandRunner.Write(op, "overlay", p => ImageFile.Write(p, RegionOverlay.Boundaries(picture, labels)));
        long t3 = Stopwatch.GetTimestamp();
        if (o.Json)
            stdout.WriteLine(Json.Object(("input", Json.Str(o.Input)), ("output", Json.Str(o.Output)), ("method", Json.Str(method)),
                ("segments", Json.Num(count)), ("overlay", Json.Str(o.Overlay)),
                ("timings_ms", Json.Object(("read", Json.Ms(t0, t1)), ("segment", Json.Ms(t1, t2)), ("outputs", Json.Ms(t2, t3))))));
        else
        {
            stdout.WriteLine($"input: {o.Input}");
            stdout.WriteLine($"superpixels: {method}, {count} segments");
            stdout.WriteLine($"output: {o.Output}");
        }
        return ExitCodes.Ok;
    }

    /// <summary>Distinct labels: SLIC without the connectivity pass can leave gaps in its numbering.</summary>
    private static int CountLabels(int[] labels)
    {
        int max = 0;
        foreach (int v in labels) max = Math.Max(max, v);
        var seen = new bool[max + 1];
        int count = 0;
        foreach (int v in labels)
            if (!seen[v]) { seen[v] = true; count++; }
        return count;
    }
}
