using System.Diagnostics;
using SegmentSharp.Codecs;
using SegmentSharp.Drawing;
using SegmentSharp.Geometry;
using SegmentSharp.Imaging;
using SegmentSharp.Segmentation;

namespace SegmentSharp.Cli;

/// <summary>
/// `segment grabcut INPUT OUTPUT --rect x,y,w,h`: foreground extraction with GrabCut, equal to cv2.grabCut, from a
/// rectangle and/or a hints image, writing the binary mask, an RGBA cut-out and an overlay.
/// </summary>
internal static class GrabCutCommand
{
    public const string Prog = "segment grabcut";

    public const string Usage =
        """
        usage: segment grabcut [-h] [--rect X,Y,W,H] [--hints FILE] [--iterations N] [--cutout FILE]
                               [--overlay FILE] [--json]
                               INPUT OUTPUT
        """;

    public static readonly string Help = Usage + """


        Cut an object out of its background with GrabCut (cv2.grabCut, identical output): colour models of
        5 Gaussians each for object and background, refined with a graph cut for N iterations.

        positional arguments:
          INPUT                 colour image (gray is replicated to three channels)
          OUTPUT                binary mask: 255 = object, 0 = background (.png, .tif, .bmp, .pgm)

        options:
          -h, --help            show this help message and exit
          --rect X,Y,W,H        the object lies inside this rectangle (pixels; left, top, width, height):
                                outside is certain background, inside probable object
          --hints FILE          8-bit gray image of the input's size with hand-drawn hints; gray levels
                                  0-31     certain background   (black strokes)
                                  32-95    probable background  (64)
                                  96-159   no hint: the rectangle decides (draw on a 128 gray canvas)
                                  160-223  probable object      (192)
                                  224-255  certain object       (white strokes)
                                without --rect, unhinted pixels are probable background
          --iterations N        graph-cut rounds, 1-100 (default: 5)
          --cutout FILE         the input with a transparent background (.png, 8-bit RGBA)
          --overlay FILE        the input with the object tinted green (.png, .tif, .bmp)
          --json                print a one-line JSON summary

        examples:
          segment grabcut cat.png cat-mask.png --rect 80,20,300,270 --cutout cat.png.cutout.png
          segment grabcut cat.png cat-mask.png --rect 80,20,300,270 --hints strokes.png --iterations 8

        exit codes: 0 success, 1 an input could not be read or an output written, 2 usage error (also a
        rectangle outside the image, or hints that leave no object or no background)

        """;

    internal sealed class Options
    {
        public string Input = "", Output = "";
        public Rect? Rect;
        public string? Hints, Cutout, Overlay;
        public int Iterations = 5;
        public bool Json;
    }

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
        => CommandRunner.Run(Prog, Usage, args, stdout, stderr, Parse, Execute);

    internal static Options Parse(IReadOnlyList<string> args, TextWriter stdout)
    {
        var o = new Options();
        var flags = new List<FlagSpec>
        {
            new("--help", null, _ => { stdout.Write(Help); throw new EarlyExitException(); }, "-h"),
            new("--rect", "X,Y,W,H", v => o.Rect = ParseRect(v!)),
            new("--hints", "FILE", v => o.Hints = v),
            new("--iterations", "N", v => o.Iterations = FlagValues.Int(v!, 1, 100, "iterations")),
            new("--cutout", "FILE", v => o.Cutout = v),
            new("--overlay", "FILE", v => o.Overlay = v),
            new("--json", null, _ => o.Json = true),
        };
        var pos = ArgParser.Parse(args, flags, ["INPUT", "OUTPUT"]);
        (o.Input, o.Output) = (pos[0], pos[1]);
        if (o.Rect is null && o.Hints is null) throw new UsageException("one of the arguments --rect --hints is required");
        ImageOutputs.CheckMaskPath("OUTPUT", o.Output);
        if (o.Cutout is not null) CommandRunner.CheckExtension("--cutout", o.Cutout, ".png");
        if (o.Overlay is not null) ImageOutputs.CheckPicturePath("--overlay", o.Overlay);
        return o;
    }

    private static Rect ParseRect(string text)
    {
        var parts = text.Split(',');
        if (parts.Length != 4) throw new ArgumentValueException($"expected X,Y,W,H (four integers), not '{text}'");
        int x = FlagValues.Int(parts[0], 0, int.MaxValue, "X"), y = FlagValues.Int(parts[1], 0, int.MaxValue, "Y");
        int w = FlagValues.Int(parts[2], 1, int.MaxValue, "W"), h = FlagValues.Int(parts[3], 1, int.MaxValue, "H");
        return new Rect(x, y, w, h);
    }

    /// <summary>The GrabCut class of a hints-image gray level (null: no hint).</summary>
    internal static GrabCutClass? HintClass(byte v) => v switch
    {
        < 32 => GrabCutClass.Background,
        < 96 => GrabCutClass.ProbableBackground,
        < 160 => null,
        < 224 => GrabCutClass.ProbableForeground,
        _ => GrabCutClass.Foreground,
    };

    private static int Execute(Options o, TextWriter stdout, TextWriter stderr)
    {
        long t0 = Stopwatch.GetTimestamp();
        var picture = CommandRunner.ReadColor(o.Input);
        int w = picture.Width, h = picture.Height;
        if (o.Rect is Rect r)
        {
            if (r.X >= w || r.Y >= h)
                throw new CommandFailedException($"argument --rect: {r.X},{r.Y},{r.Width},{r.Height} lies outside the {w}x{h} image '{o.Input}'; give a rectangle inside it", ExitCodes.Usage);
            o.Rect = r with { Width = Math.Min(r.Width, w - r.X), Height = Math.Min(r.Height, h - r.Y) };
        }
        var mask = new Image<byte>(w, h);
        GrabCutMode mode = GrabCutMode.InitWithRect;
        if (o.Hints is string hp)
        {
            var hints = CommandRunner.ReadGray(hp);
            if (hints.Width != w || hints.Height != h)
                throw new CommandFailedException($"the hints '{hp}' are {hints.Width}x{hints.Height} but '{o.Input}' is {w}x{h}", ExitCodes.Usage);
            for (int y = 0; y < h; y++)
                for (int x = 0; x < w; x++)
                {
                    GrabCutClass c = o.Rect is Rect rr
                        ? (x >= rr.X && x < rr.X + rr.Width && y >= rr.Y && y < rr.Y + rr.Height ? GrabCutClass.ProbableForeground : GrabCutClass.Background)
                        : GrabCutClass.ProbableBackground;
                    mask.Row(y)[x] = (byte)(HintClass(hints.Row(y)[x]) ?? c);
                }
            mode = GrabCutMode.InitWithMask;
        }
        else
        {
            var rr = o.Rect!.Value;
            if ((long)rr.Width * rr.Height == (long)w * h)
                throw new CommandFailedException($"argument --rect: {rr.X},{rr.Y},{rr.Width},{rr.Height} covers the whole {w}x{h} image '{o.Input}', leaving no background; draw it inside the border", ExitCodes.Usage);
        }
        bool anyBackground = false, anyObject = false;
        foreach (byte v in mask.Data) { if (GrabCut.IsForeground(v)) anyObject = true; else anyBackground = true; }
        if (mode == GrabCutMode.InitWithMask && !(anyBackground && anyObject))
            throw new CommandFailedException($"the hints '{o.Hints}'{(o.Rect is null ? "" : " and --rect")} leave no {(anyObject ? "background" : "object")} pixels; mark some", ExitCodes.Usage);

        GrabCut.Apply(picture, mask, o.Rect ?? default, new double[65], new double[65], o.Iterations, mode);
        long t1 = Stopwatch.GetTimestamp();

        var binary = new Image<byte>(w, h);
        int objectPixels = 0;
        for (int i = 0; i < mask.Data.Length; i++)
            if (GrabCut.IsForeground(mask.Data[i])) { binary.Data[i] = 255; objectPixels++; }
        CommandRunner.Write(o.Output, "mask", p => ImageFile.Write(p, binary));
        if (o.Cutout is string cp)
        {
            var cut = new Image<byte>(w, h, 4);
            for (int i = 0; i < binary.Data.Length; i++)
            {
                if (binary.Data[i] == 0) continue;
                cut.Data[4 * i] = picture.Data[3 * i];
                cut.Data[4 * i + 1] = picture.Data[3 * i + 1];
                cut.Data[4 * i + 2] = picture.Data[3 * i + 2];
                cut.Data[4 * i + 3] = 255;
            }
            CommandRunner.Write(cp, "cutout", p => ImageFile.Write(p, cut));
        }
        if (o.Overlay is string op)
            CommandRunner.Write(op, "overlay", p => ImageFile.Write(p, Overlay.Mask(picture, binary, new Rgb(0, 200, 0), 0.45)));
        long t2 = Stopwatch.GetTimestamp();

        string how = mode == GrabCutMode.InitWithRect ? "rectangle" : o.Rect is null ? "hints" : "rectangle and hints";
        string rectText = o.Rect is Rect fr ? $"{fr.X},{fr.Y},{fr.Width},{fr.Height}" : "none";
        double fraction = (double)objectPixels / ((long)w * h);
        if (o.Json)
            stdout.WriteLine(Json.Object(("input", Json.Str(o.Input)), ("output", Json.Str(o.Output)), ("init", Json.Str(how)),
                ("rect", o.Rect is null ? "null" : Json.Str(rectText)), ("iterations", Json.Num(o.Iterations)),
                ("object_pixels", Json.Num(objectPixels)), ("object_fraction", Json.Num(Math.Round(fraction, 6))),
                ("cutout", Json.Str(o.Cutout)), ("overlay", Json.Str(o.Overlay)),
                ("timings_ms", Json.Object(("grabcut", Json.Ms(t0, t1)), ("outputs", Json.Ms(t1, t2))))));
        else
        {
            stdout.WriteLine($"input: {o.Input}");
            stdout.WriteLine($"init: {how} (rect {rectText}), {o.Iterations} iterations");
            stdout.WriteLine($"object: {objectPixels} pixels ({100 * fraction:0.##}%)");
            stdout.WriteLine($"output: {o.Output}");
        }
        return ExitCodes.Ok;
    }
}
