using System.Diagnostics;
using SegmentSharp.Codecs;
using SegmentSharp.Onnx;

namespace SegmentSharp.Cli;

/// <summary>`segment cutout INPUT OUTPUT.png --model M.onnx`: background removal with a saliency model.</summary>
internal static class CutoutCommand
{
    public const string Prog = "segment cutout";

    public const string Usage =
        """
        usage: segment cutout [-h] --model FILE [--mask FILE] [--json] [input options] [model options]
                              INPUT OUTPUT
        """;

    public static readonly string Help = Usage + """


        Background removal with a salient-object model (U²-Net, ISNet, as rembg uses them): the first output,
        one float map, is min-max normalised as rembg does, scaled to 0-255, resized back to the image
        (bilinear) and used as the alpha channel of the cutout.

        positional arguments:
          INPUT                 image
          OUTPUT                RGBA cutout (.png)

        options:
          -h, --help            show this help message and exit
          --mask FILE           also write the 8-bit alpha mask (.png, .tif, .bmp, .pgm)
          --json                print a one-line JSON summary

        """ + PreprocessFlags.Help + """
          (default: 320x320 stretched, RGB, /255, ImageNet mean and std, NCHW; a fixed model size wins)

        """ + ModelFlags.Help + """


        examples:
          segment cutout product.jpg product.png --model u2net.onnx --mask product-mask.png

        exit codes: 0 success, 1 an input, the model or an output could not be read or written, 2 usage error,
        4 the model's inputs or outputs do not fit this command

        """;

    internal sealed class Options
    {
        public string Input = "", Output = "";
        public string? Mask;
        public bool Json;
        public ModelFlags Model = new();
        public PreprocessFlags Pre = new(SaliencyCutout.U2Net());
    }

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
        => CommandRunner.Run(Prog, Usage, args, stdout, stderr, Parse, Execute);

    internal static Options Parse(IReadOnlyList<string> args, TextWriter stdout)
    {
        var o = new Options();
        var flags = new List<FlagSpec>
        {
            new("--help", null, _ => { stdout.Write(Help); throw new EarlyExitException(); }, "-h"),
            new("--mask", "FILE", v => o.Mask = v),
            new("--json", null, _ => o.Json = true),
        };
        var pos = o.Model.Parse(args, flags, ["INPUT", "OUTPUT"], o.Pre);
        (o.Input, o.Output) = (pos[0], pos[1]);
        CommandRunner.CheckExtension("OUTPUT", o.Output, ".png");
        if (o.Mask is not null) ImageOutputs.CheckMaskPath("--mask", o.Mask);
        return o;
    }

    private static int Execute(Options o, TextWriter stdout, TextWriter stderr)
    {
        long t0 = Stopwatch.GetTimestamp();
        var (image, opened, spec) = o.Model.Open(o.Input, o.Pre);
        using var model = opened;
        var r = ModelFlags.Guard(() => new SaliencyCutout(model, spec).Cut(image));
        CommandRunner.Write(o.Output, "cutout", p => ImageFile.Write(p, r.Cutout));
        if (o.Mask is string mp) CommandRunner.Write(mp, "mask", p => ImageFile.Write(p, r.Mask, new ImageWriteOptions { Bilevel = BilevelMode.Never }));
        long t1 = Stopwatch.GetTimestamp();
        long fg = 0;
        foreach (byte v in r.Mask.Data) if (v >= 128) fg++;
        double share = (double)fg / r.Mask.PixelCount;
        if (o.Json)
            stdout.WriteLine(Json.Object(("input", Json.Str(o.Input)), ("output", Json.Str(o.Output)), ("mask", Json.Str(o.Mask)),
                ("model", Json.Str(o.Model.Model)), ("foreground_share", Json.Num(Math.Round(share, 6))),
                ("timings_ms", ModelFlags.TimingsJson(r.Timings, t0, t1))));
        else
        {
            stdout.WriteLine($"input: {o.Input}");
            stdout.WriteLine($"foreground: {100 * share:0.##}% of the pixels (alpha >= 128)");
            stdout.WriteLine($"output: {o.Output}");
        }
        return ExitCodes.Ok;
    }
}
