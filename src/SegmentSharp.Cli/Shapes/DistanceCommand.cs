using System.Diagnostics;
using SegmentSharp.Codecs;
using SegmentSharp.Distance;
using SegmentSharp.Imaging;

namespace SegmentSharp.Cli;

/// <summary>
/// `segment distance INPUT OUTPUT`: cv2.distanceTransform of the mask (distance of each object pixel to the nearest
/// zero pixel), written as 32-bit float TIFF or as an 8-bit picture normalized to 0–255.
/// </summary>
internal static class DistanceCommand
{
    public const string Prog = "segment distance";

    public const string Usage =
        """
        usage: segment distance [-h] [--type {l1,l2,c}] [--mask {3,5,precise}] [--labels FILE]
                                [--label-type {ccomp,pixel}] [--json] [binarization flags] ...
                                INPUT OUTPUT
        """;

    public static readonly string Help = Usage + """


        Distance transform, equal to cv2.distanceTransform: each nonzero pixel of the mask gets its distance to
        the nearest zero pixel.

        positional arguments:
          INPUT                 image or mask to read
          OUTPUT                .tif/.tiff: 32-bit float distances (cv2.imwrite's CV_32F TIFF); .png, .bmp,
                                .pgm: 8-bit, scaled so the largest distance is 255 (cv2.normalize NORM_MINMAX,
                                rounded)

        options:
          -h, --help            show this help message and exit
          --type {l1,l2,c}      metric: city block, Euclidean or chessboard (default: l2)
          --mask {3,5,precise}  chamfer mask size, or precise (exact Euclidean; l2 only) (default: precise for
                                l2, 3 otherwise)
          --labels FILE         also write the Voronoi labels (cv2.distanceTransformWithLabels): for each pixel
                                the label of its nearest zero component (.png or .tif); as in OpenCV the
                                distances then come from the 5x5 chamfer mask
          --label-type {ccomp,pixel}
                                label zero components (default) or single zero pixels
          --json                print a one-line JSON summary

        """ + MaskSource.FlagsHelp + """


        examples:
          segment distance mask.png dist.tif
          segment distance coins.png dist.png --method otsu --type l1

        exit codes: 0 success, 1 the input could not be read or an output written, 2 usage error

        """;

    internal sealed class Options
    {
        public string Input = "", Output = "";
        public MaskSource Mask = new();
        public DistanceType Type = DistanceType.L2;
        public DistanceMask? KernelMask;
        public string? Labels;
        public DistanceLabelType LabelType = DistanceLabelType.ConnectedComponent;
        public bool LabelTypeGiven, Json;
    }

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
        => CommandRunner.Run(Prog, Usage, args, stdout, stderr, Parse, Execute);

    internal static Options Parse(IReadOnlyList<string> args, TextWriter stdout)
    {
        var o = new Options();
        var flags = new List<FlagSpec>
        {
            new("--help", null, _ => { stdout.Write(Help); throw new EarlyExitException(); }, "-h"),
            new("--type", "TYPE", v => o.Type = FlagValues.Choice(v!, ["l1", "l2", "c"]) switch { 0 => DistanceType.L1, 1 => DistanceType.L2, _ => DistanceType.C }),
            new("--mask", "MASK", v => o.KernelMask = FlagValues.Choice(v!, ["3", "5", "precise"]) switch { 0 => DistanceMask.Mask3, 1 => DistanceMask.Mask5, _ => DistanceMask.Precise }),
            new("--labels", "FILE", v => o.Labels = v),
            new("--label-type", "TYPE", v => { o.LabelType = FlagValues.Choice(v!, ["ccomp", "pixel"]) == 0 ? DistanceLabelType.ConnectedComponent : DistanceLabelType.Pixel; o.LabelTypeGiven = true; }),
            new("--json", null, _ => o.Json = true),
        };
        o.Mask.AddFlags(flags);
        var expanded = ArgPrepass.Expand(args, flags, Binarization.BinarizeFlags.OptionalValues);
        var pos = ArgParser.Parse(expanded, flags, ["INPUT", "OUTPUT"]);
        (o.Input, o.Output) = (pos[0], pos[1]);
        o.Mask.Validate();
        if (o.KernelMask == DistanceMask.Precise && o.Type != DistanceType.L2)
            throw new UsageException("argument --mask: precise applies to --type l2 only");
        if (o.LabelTypeGiven && o.Labels is null) throw new UsageException("argument --label-type: only applies together with --labels");
        ImageOutputs.CheckMaskPath("OUTPUT", o.Output);
        if (o.Labels is not null) ImageOutputs.CheckLabelPath("--labels", o.Labels);
        return o;
    }

    private static int Execute(Options o, TextWriter stdout, TextWriter stderr)
    {
        long t0 = Stopwatch.GetTimestamp();
        var src = o.Mask.Produce(o.Input);
        long t1 = Stopwatch.GetTimestamp();
        var kernel = o.KernelMask ?? (o.Type == DistanceType.L2 ? DistanceMask.Precise : DistanceMask.Mask3);
        Image<float> dist;
        Image<int>? labels = null;
        if (o.Labels is null) dist = DistanceTransform.Apply(src.Mask, o.Type, kernel);
        else dist = DistanceTransform.ApplyWithLabels(src.Mask, o.Type, kernel, o.LabelType, out labels);
        float max = 0;
        foreach (float v in dist.Data) if (v > max) max = v;
        long t2 = Stopwatch.GetTimestamp();

        if (ImageFile.FormatFromExtension(o.Output) == ImageFormat.Tiff)
            CommandRunner.Write(o.Output, "distances", p => ImageFile.WriteFloat(p, dist));
        else
            CommandRunner.Write(o.Output, "distances", p => ImageFile.Write(p, Normalize(dist, max), new ImageWriteOptions { Bilevel = BilevelMode.Never }));
        if (labels is not null) CommandRunner.Write(o.Labels!, "labels", p => ImageFile.WriteLabels(p, labels));
        long t3 = Stopwatch.GetTimestamp();

        string metric = o.Type switch { DistanceType.L1 => "l1", DistanceType.C => "c", _ => "l2" };
        string maskName = o.Labels is not null ? "5" : kernel switch { DistanceMask.Mask3 => "3", DistanceMask.Mask5 => "5", _ => "precise" };
        if (o.Json)
            stdout.WriteLine(Json.Object(("input", Json.Str(o.Input)), ("output", Json.Str(o.Output)), ("mask", Json.Str(src.How)),
                ("type", Json.Str(metric)), ("kernel", Json.Str(maskName)), ("max_distance", Json.Num(max)), ("labels", Json.Str(o.Labels)),
                ("timings_ms", Json.Object(("mask", Json.Ms(t0, t1)), ("distance", Json.Ms(t1, t2)), ("write", Json.Ms(t2, t3))))));
        else
        {
            stdout.WriteLine($"input: {o.Input}");
            stdout.WriteLine($"mask: {src.How}");
            stdout.WriteLine($"distance: {metric} {maskName}, max {max:0.###}");
            stdout.WriteLine($"output: {o.Output}");
        }
        return ExitCodes.Ok;
    }

    /// <summary>cv2.normalize(d, None, 0, 255, NORM_MINMAX) followed by a rounding conversion to 8 bits.</summary>
    internal static Image<byte> Normalize(Image<float> dist, float max)
    {
        float min = float.MaxValue;
        foreach (float v in dist.Data) if (v < min) min = v;
        var dst = new Image<byte>(dist.Width, dist.Height);
        double scale = max > min ? 255.0 / (max - min) : 0;
        for (int y = 0; y < dist.Height; y++)
        {
            ReadOnlySpan<float> s = dist.Row(y);
            Span<byte> d = dst.Row(y);
            for (int x = 0; x < s.Length; x++) d[x] = (byte)Math.Clamp((int)Math.Round((s[x] - min) * scale, MidpointRounding.ToEven), 0, 255);
        }
        return dst;
    }
}
