using System.Diagnostics;
using System.Globalization;
using SegmentSharp.Codecs;
using SegmentSharp.Color;
using SegmentSharp.Drawing;
using SegmentSharp.Imaging;

namespace SegmentSharp.Cli;

/// <summary>
/// `segment inrange INPUT OUTPUT --space SPACE --lower A,B,C --upper A,B,C`: a colour range mask, the input converted
/// with cv2.cvtColor and masked with cv2.inRange (identical output), with hue ranges that may wrap around.
/// </summary>
internal static class InRangeCommand
{
    public const string Prog = "segment inrange";

    public const string Usage =
        """
        usage: segment inrange [-h] [--space SPACE] --lower VALUES --upper VALUES [--no-wrap] [--overlay FILE]
                               [--json] INPUT OUTPUT
        """;

    public static readonly string Help = Usage + """


        Mask the pixels whose colour lies in a range: the input is read as BGR, converted to SPACE exactly as
        cv2.cvtColor does on 8-bit images, and each channel is tested against inclusive bounds exactly as
        cv2.inRange does (255 inside, 0 outside).

        positional arguments:
          INPUT                 image to mask (gray images are replicated to BGR)
          OUTPUT                the mask (.png, .tif, .bmp, .pgm)

        options:
          -h, --help            show this help message and exit
          --space SPACE         bgr, rgb, gray, hsv, hsv-full, hls, lab, luv, ycrcb or xyz
                                (default: hsv). Channel order and 8-bit ranges are OpenCV's: hsv is H 0-179,
                                S 0-255, V 0-255; hsv-full has H 0-255; lab is L*255/100, a+128, b+128;
                                luv is L*255/100, (u+134)*255/354, (v+140)*255/262
          --lower VALUES        comma-separated lower bounds, one per channel (e.g. 35,50,50)
          --upper VALUES        comma-separated upper bounds, one per channel (e.g. 85,255,255)
          --no-wrap             in hsv/hls spaces a lower hue above the upper hue wraps around through 0
                                (170 to 10 is red); --no-wrap keeps cv2.inRange's rule, which matches nothing
          --overlay FILE        the input with the masked pixels tinted green (.png, .tif, .bmp)
          --json                print a one-line JSON summary

        examples:
          segment inrange leaves.jpg green.png --space hsv --lower 35,50,50 --upper 85,255,255
          segment inrange flowers.png red.png --lower 170,80,60 --upper 10,255,255 --overlay red-overlay.png
          segment inrange scan.png ink.png --space lab --lower 0,0,0 --upper 120,255,255

        exit codes: 0 success, 1 the input could not be read or an output written, 2 usage error

        """;

    internal static readonly string[] Spaces = ["bgr", "rgb", "gray", "hsv", "hsv-full", "hls", "lab", "luv", "ycrcb", "xyz"];

    internal sealed class Options
    {
        public string Input = "", Output = "";
        public string Space = "hsv";
        public double[]? Lower, Upper;
        public bool NoWrap, Json;
        public string? Overlay;
    }

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
        => CommandRunner.Run(Prog, Usage, args, stdout, stderr, Parse, Execute);

    internal static Options Parse(IReadOnlyList<string> args, TextWriter stdout)
    {
        var o = new Options();
        var flags = new List<FlagSpec>
        {
            new("--help", null, _ => { stdout.Write(Help); throw new EarlyExitException(); }, "-h"),
            new("--space", "SPACE", v => o.Space = Spaces[FlagValues.Choice(v!, Spaces)]),
            new("--lower", "VALUES", v => o.Lower = Bounds(v!)),
            new("--upper", "VALUES", v => o.Upper = Bounds(v!)),
            new("--no-wrap", null, _ => o.NoWrap = true),
            new("--overlay", "FILE", v => o.Overlay = v),
            new("--json", null, _ => o.Json = true),
        };
        var pos = ArgParser.Parse(args, flags, ["INPUT", "OUTPUT"]);
        (o.Input, o.Output) = (pos[0], pos[1]);
        if (o.Lower is null || o.Upper is null)
            throw new UsageException($"the following arguments are required: {(o.Lower is null ? "--lower" : "--upper")}");
        int cn = o.Space == "gray" ? 1 : 3;
        if (o.Lower.Length != cn)
            throw new UsageException($"argument --lower: {o.Space} has {cn} channel{(cn == 1 ? "" : "s")}, got {o.Lower.Length} value{(o.Lower.Length == 1 ? "" : "s")}");
        if (o.Upper.Length != cn)
            throw new UsageException($"argument --upper: {o.Space} has {cn} channel{(cn == 1 ? "" : "s")}, got {o.Upper.Length} value{(o.Upper.Length == 1 ? "" : "s")}");
        ImageOutputs.CheckMaskPath("OUTPUT", o.Output);
        if (o.Overlay is not null) ImageOutputs.CheckPicturePath("--overlay", o.Overlay);
        return o;
    }

    private static double[] Bounds(string text)
    {
        var parts = text.Split(',');
        var v = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++) v[i] = FlagValues.Double(parts[i]);
        return v;
    }

    private static int Execute(Options o, TextWriter stdout, TextWriter stderr)
    {
        long t0 = Stopwatch.GetTimestamp();
        var bgr = CommandRunner.ReadColor(o.Input);
        var converted = Convert(bgr, o.Space);
        bool hue = o.Space.StartsWith('h');
        bool wraps = hue && !o.NoWrap && o.Lower![0] > o.Upper![0];
        var mask = ColorRange.InRange(converted, o.Lower!, o.Upper!, wraps ? 0 : -1);
        long t1 = Stopwatch.GetTimestamp();
        CommandRunner.Write(o.Output, "mask", p => ImageFile.Write(p, mask));
        if (o.Overlay is string op)
        {
            var over = Overlay.Mask(bgr, mask, new Rgb(0, 255, 0), 0.5);
            CommandRunner.Write(op, "overlay", p => ImageFile.Write(p, over));
        }
        long t2 = Stopwatch.GetTimestamp();
        long count = 0;
        foreach (byte v in mask.Data) if (v != 0) count++;
        double fraction = (double)count / mask.PixelCount;
        string Values(double[] v) => string.Join(",", v.Select(x => x.ToString(CultureInfo.InvariantCulture)));
        if (o.Json)
            stdout.WriteLine(Json.Object(("input", Json.Str(o.Input)), ("output", Json.Str(o.Output)), ("space", Json.Str(o.Space)),
                ("lower", Json.Str(Values(o.Lower!))), ("upper", Json.Str(Values(o.Upper!))), ("hue_wraps", wraps ? "true" : "false"),
                ("pixels", Json.Num(count)), ("fraction", Json.Num(fraction)), ("overlay", Json.Str(o.Overlay)),
                ("timings_ms", Json.Object(("mask", Json.Ms(t0, t1)), ("outputs", Json.Ms(t1, t2))))));
        else
        {
            stdout.WriteLine($"input: {o.Input}");
            stdout.WriteLine($"space: {o.Space}, lower {Values(o.Lower!)}, upper {Values(o.Upper!)}{(wraps ? " (hue wraps through 0)" : "")}");
            stdout.WriteLine($"pixels: {count} ({fraction * 100:0.##}%)");
            stdout.WriteLine($"output: {o.Output}");
        }
        return ExitCodes.Ok;
    }

    /// <summary>The BGR picture in the named space, with cvtColor's 8-bit conversion.</summary>
    internal static Image<byte> Convert(Image<byte> bgr, string space)
    {
        switch (space)
        {
            case "bgr": return bgr;
            case "rgb":
                var rgb = bgr.Clone();
                for (int i = 0; i < rgb.Data.Length; i += 3) (rgb.Data[i], rgb.Data[i + 2]) = (rgb.Data[i + 2], rgb.Data[i]);
                return rgb;
        }
        var code = space switch
        {
            "gray" => ColorCode.BGR2GRAY,
            "hsv" => ColorCode.BGR2HSV,
            "hsv-full" => ColorCode.BGR2HSV_FULL,
            "hls" => ColorCode.BGR2HLS,
            "lab" => ColorCode.BGR2Lab,
            "luv" => ColorCode.BGR2Luv,
            "ycrcb" => ColorCode.BGR2YCrCb,
            _ => ColorCode.BGR2XYZ,
        };
        return ColorConversion.Convert(bgr, code);
    }
}
