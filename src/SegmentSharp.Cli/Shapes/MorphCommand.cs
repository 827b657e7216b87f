using System.Diagnostics;
using SegmentSharp.Codecs;
using SegmentSharp.Filters;
using SegmentSharp.Imaging;
using SegmentSharp.Morphology;

namespace SegmentSharp.Cli;

/// <summary>
/// `segment morph INPUT OUTPUT --op OP`: OpenCV's morphology (cv2.erode, dilate, morphologyEx) on the 8-bit gray
/// image, with the structuring element, anchor, iterations and border of the library call.
/// </summary>
internal static class MorphCommand
{
    public const string Prog = "segment morph";

    public const string Usage =
        """
        usage: segment morph [-h] --op OP [--kernel KERNEL] [--iterations N] [--anchor X,Y]
                             [--border {constant,replicate,reflect,reflect101}] [--border-value V]
                             [--min-size N] [--connectivity {4,8}] [--buffer N]
                             [--bilevel {auto,never}] [--json]
                             INPUT OUTPUT
        """;

    public const string Help = Usage + """


        Apply a morphological operation to an image read as 8-bit gray and write the result. The operations
        equal OpenCV's cv2.erode, cv2.dilate and cv2.morphologyEx pixel for pixel.

        positional arguments:
          INPUT                 image to read (colour is converted to gray)
          OUTPUT                image to write (.png, .tif, .bmp, .pgm, .pbm); replaced atomically

        options:
          -h, --help            show this help message and exit
          --op OP               erode, dilate, open, close, gradient, tophat, blackhat or hitmiss (OpenCV, on
                                gray levels), or on a mask (nonzero = foreground, output 0/255, as
                                scikit-image / SciPy define them): fill-holes, remove-small-objects,
                                remove-small-holes, clear-border, skeletonize (required)
          --kernel KERNEL       structuring element: rect:WxH, cross:WxH, ellipse:WxH or custom:ROWS with
                                rows separated by '/' ('1' in, '0' out; for hitmiss '-' = must be background)
                                (default: rect:3x3)
          --iterations N        repeat count, as OpenCV's iterations (default: 1)
          --anchor X,Y          anchor inside the kernel (default: the centre)
          --border {constant,replicate,reflect,reflect101}
                                how pixels outside the image are treated (default: constant, which as in
                                OpenCV never lets the border win: +inf for erosion, -inf for dilation)
          --border-value V      value of constant-border pixels instead of OpenCV's default
          --min-size N          remove-small-objects / remove-small-holes: objects or holes with fewer than N
                                pixels go (default: 64, as scikit-image)
          --connectivity {4,8}  connectivity of objects (remove-small-*, clear-border) or of the background
                                (fill-holes) (default: 4, except clear-border 8, as scikit-image / SciPy)
          --buffer N            clear-border: also remove objects within N pixels of the edge (default: 0)
          --bilevel {auto,never}
                                auto stores a 0/255 result as 1 bit per pixel (default: auto)
          --json                print a one-line JSON summary

        examples:
          segment morph mask.png opened.png --op open --kernel ellipse:5x5
          segment morph scan.png thick.png --op dilate --kernel rect:3x3 --iterations 2
          segment morph mask.png filled.png --op fill-holes
          segment morph mask.png clean.png --op remove-small-objects --min-size 100 --connectivity 8

        exit codes: 0 success, 1 the input could not be read or the output written, 2 usage error

        """;

    private static readonly string[] Ops = ["erode", "dilate", "open", "close", "gradient", "tophat", "blackhat", "hitmiss"];
    private static readonly string[] MaskOps = ["fill-holes", "remove-small-objects", "remove-small-holes", "clear-border", "skeletonize"];
    private static readonly string[] Borders = ["constant", "replicate", "reflect", "reflect101"];

    internal sealed class Options
    {
        public string Input = "", Output = "";
        public MorphOperation? Op;
        public string? MaskOp;
        public int MinSize = 64, Buffer;
        public Components.Connectivity? Connectivity;
        public bool KernelGiven;
        public KernelSpec Kernel = KernelSpec.Parse("rect:3x3");
        public int Iterations = 1;
        public int AnchorX = -1, AnchorY = -1;
        public BorderType Border = BorderType.Constant;
        public double? BorderValue;
        public BilevelMode Bilevel = BilevelMode.Auto;
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
            new("--op", "OP", v =>
            {
                int i = FlagValues.Choice(v!, [.. Ops, .. MaskOps]);
                (o.Op, o.MaskOp) = i < Ops.Length ? ((MorphOperation?)i, (string?)null) : (null, MaskOps[i - Ops.Length]);
            }),
            new("--kernel", "KERNEL", v => { o.Kernel = KernelSpec.Parse(v!); o.KernelGiven = true; }),
            new("--min-size", "N", v => o.MinSize = FlagValues.Int(v!, 0, int.MaxValue, "min size")),
            new("--connectivity", "{4,8}", v => o.Connectivity = FlagValues.Choice(v!, ["4", "8"]) == 0 ? Components.Connectivity.Four : Components.Connectivity.Eight),
            new("--buffer", "N", v => o.Buffer = FlagValues.Int(v!, 0, int.MaxValue, "buffer")),
            new("--iterations", "N", v => o.Iterations = FlagValues.Int(v!, 1, 10000, "iterations")),
            new("--anchor", "X,Y", v =>
            {
                string[] p = v!.Split(',');
                if (p.Length != 2 || !int.TryParse(p[0], out int x) || !int.TryParse(p[1], out int y))
                    throw new ArgumentValueException($"invalid anchor '{v}': expected X,Y");
                (o.AnchorX, o.AnchorY) = (x, y);
            }),
            new("--border", "BORDER", v => o.Border = FlagValues.Choice(v!, Borders) switch
            {
                0 => BorderType.Constant, 1 => BorderType.Replicate, 2 => BorderType.Reflect, _ => BorderType.Reflect101,
            }),
            new("--border-value", "V", v => o.BorderValue = FlagValues.Double(v!, 0, 255, "border value")),
            new("--bilevel", "BILEVEL", v => o.Bilevel = FlagValues.Choice(v!, ["auto", "never"]) == 0 ? BilevelMode.Auto : BilevelMode.Never),
            new("--json", null, _ => o.Json = true),
        };
        var pos = ArgParser.Parse(args, flags, ["INPUT", "OUTPUT"]);
        (o.Input, o.Output) = (pos[0], pos[1]);
        if (o.Op is null && o.MaskOp is null) throw new UsageException("the following arguments are required: --op");
        if (o.MaskOp is not null && o.KernelGiven)
            throw new UsageException($"argument --kernel: not used by --op {o.MaskOp}");
        if (o.MaskOp is null && (o.Connectivity is not null || o.MinSize != 64 || o.Buffer != 0))
            throw new UsageException("arguments --min-size, --connectivity and --buffer apply to the mask operations only");
        var k = o.Kernel.Element;
        if (o.AnchorX >= k.Width || o.AnchorY >= k.Height || o.AnchorX < -1 || o.AnchorY < -1)
            throw new UsageException($"argument --anchor: {o.AnchorX},{o.AnchorY} lies outside the {k.Width}x{k.Height} kernel");
        if (o.Op == MorphOperation.HitMiss && o.Kernel.HitMiss is null)
            throw new UsageException("argument --kernel: hitmiss needs a custom kernel, e.g. custom:-1-/111/-1-");
        if (o.Op != MorphOperation.HitMiss && o.Kernel.HitMiss is not null && o.Kernel.HitMiss.Contains(-1))
            throw new UsageException("argument --kernel: '-' cells are only meaningful for --op hitmiss");
        ImageOutputs.CheckMaskPath("OUTPUT", o.Output);
        return o;
    }

    private static int Execute(Options o, TextWriter stdout, TextWriter stderr)
    {
        long t0 = Stopwatch.GetTimestamp();
        var gray = CommandRunner.ReadGray(o.Input);
        long t1 = Stopwatch.GetTimestamp();
        var dst = new Image<byte>(gray.Width, gray.Height);
        var k = o.Kernel;
        if (o.MaskOp is string mop)
        {
            var four = Components.Connectivity.Four;
            switch (mop)
            {
                case "fill-holes": BinaryMorphology.FillHoles(gray, dst, o.Connectivity ?? four); break;
                case "remove-small-objects": BinaryMorphology.RemoveSmallObjects(gray, dst, o.MinSize, o.Connectivity ?? four); break;
                case "remove-small-holes": BinaryMorphology.RemoveSmallHoles(gray, dst, o.MinSize, o.Connectivity ?? four); break;
                case "clear-border": BinaryMorphology.ClearBorder(gray, dst, o.Buffer, o.Connectivity ?? Components.Connectivity.Eight); break;
                default: BinaryMorphology.Skeletonize(gray, dst); break;
            }
        }
        else if (o.Op == MorphOperation.HitMiss)
            Morphology.Morphology.HitOrMiss(gray, dst, k.HitMiss!, k.Element.Width, k.Element.Height, o.AnchorX, o.AnchorY,
                o.Iterations, o.Border, o.BorderValue);
        else
            Morphology.Morphology.Apply(o.Op!.Value, gray, dst, k.Element, o.AnchorX, o.AnchorY, o.Iterations, o.Border, o.BorderValue);
        long t2 = Stopwatch.GetTimestamp();
        CommandRunner.Write(o.Output, "output", p => ImageFile.Write(p, dst, new ImageWriteOptions { Bilevel = o.Bilevel }));
        long t3 = Stopwatch.GetTimestamp();
        string op = o.MaskOp ?? Ops[(int)o.Op!.Value];
        if (o.Json)
        {
            stdout.WriteLine(Json.Object(
                ("input", Json.Str(o.Input)), ("output", Json.Str(o.Output)), ("op", Json.Str(op)), ("kernel", Json.Str(k.Text)),
                ("iterations", Json.Num(o.Iterations)), ("width", Json.Num(dst.Width)), ("height", Json.Num(dst.Height)),
                ("timings_ms", Json.Object(("read", Json.Ms(t0, t1)), ("morph", Json.Ms(t1, t2)), ("write", Json.Ms(t2, t3))))));
        }
        else
        {
            stdout.WriteLine($"input: {o.Input}");
            stdout.WriteLine($"output: {o.Output}");
            stdout.WriteLine(o.MaskOp is null ? $"operation: {op} {k.Text} x{o.Iterations}" : $"operation: {op}");
            stdout.WriteLine($"size: {dst.Width}x{dst.Height}");
        }
        return ExitCodes.Ok;
    }
}
