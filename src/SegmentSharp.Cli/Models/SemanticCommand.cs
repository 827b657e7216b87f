using System.Diagnostics;
using System.Globalization;
using System.Text;
using SegmentSharp.Codecs;
using SegmentSharp.Drawing;
using SegmentSharp.Imaging;
using SegmentSharp.Onnx;

namespace SegmentSharp.Cli;

/// <summary>`segment semantic INPUT OUTPUT --model M.onnx`: a class per pixel from an ONNX semantic-segmentation model.</summary>
internal static class SemanticCommand
{
    public const string Prog = "segment semantic";

    public const string Usage =
        """
        usage: segment semantic [-h] --model FILE [--labels FILE] [--color FILE] [--overlay FILE] [--stats FILE]
                                [--threshold T] [--json] [input options] [model options]
                                INPUT OUTPUT
        """;

    public static readonly string Help = Usage + """


        Semantic segmentation with an ONNX model. Understood outputs: float logits [1,C,h,w] (torchvision
        DeepLabV3/FCN 'out', its 'aux' head ignored; SegFormer logits at 1/4 size) reduced by argmax; one float
        probability map [1,1,h,w] thresholded; the model's own class ids, int64/int32 [1,h,w]. The class map is
        taken at the model's resolution and resized back to the image by nearest neighbour.

        positional arguments:
          INPUT                 image to segment
          OUTPUT                class ids per pixel: .png (8-bit, or 16-bit past 255 classes) or .tif (32-bit)

        options:
          -h, --help            show this help message and exit
          --labels FILE         class names, one per line (line 1 = class 0), used in --stats and the summary
          --color FILE          the class map in the PASCAL VOC colour palette (RGB .png)
          --overlay FILE        the input with each class tinted in its palette colour (.png)
          --stats FILE          pixels and share of each class present, .csv or .json
          --threshold T         foreground threshold of a probability map, 0-1 (default: 0.5)
          --json                print a one-line JSON summary

        """ + PreprocessFlags.Help + """
          (default: RGB, /255, ImageNet mean and std, NCHW, the model's fixed size, else --resize keep --size 520)

        """ + ModelFlags.Help + """


        examples:
          segment semantic street.jpg classes.png --model deeplabv3_resnet50.onnx --labels voc.txt --color color.png
          segment semantic photo.png person.png --model segformer.onnx --size 512 --resize stretch --stats stats.csv

        exit codes: 0 success, 1 an input, the model or an output could not be read or written, 2 usage error,
        4 the model's inputs or outputs do not fit this command

        """;

    internal sealed class Options
    {
        public string Input = "", Output = "";
        public string? Labels, Color, Overlay, Stats;
        public float Threshold = 0.5f;
        public bool Json;
        public ModelFlags Model = new();
        public PreprocessFlags Pre = new(ModelPreprocessing.TorchVision(ResizeMode.KeepAspect, 520, 520));
    }

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
        => CommandRunner.Run(Prog, Usage, args, stdout, stderr, Parse, Execute);

    internal static Options Parse(IReadOnlyList<string> args, TextWriter stdout)
    {
        var o = new Options();
        var flags = new List<FlagSpec>
        {
            new("--help", null, _ => { stdout.Write(Help); throw new EarlyExitException(); }, "-h"),
            new("--labels", "FILE", v => o.Labels = v),
            new("--color", "FILE", v => o.Color = v),
            new("--overlay", "FILE", v => o.Overlay = v),
            new("--stats", "FILE", v => o.Stats = v),
            new("--threshold", "T", v => o.Threshold = (float)FlagValues.Double(v!, 1e-6, 1 - 1e-6, "threshold")),
            new("--json", null, _ => o.Json = true),
        };
        var pos = o.Model.Parse(args, flags, ["INPUT", "OUTPUT"], o.Pre);
        (o.Input, o.Output) = (pos[0], pos[1]);
        ImageOutputs.CheckLabelPath("OUTPUT", o.Output);
        if (o.Color is not null) CommandRunner.CheckExtension("--color", o.Color, ".png");
        if (o.Overlay is not null) ImageOutputs.CheckPicturePath("--overlay", o.Overlay);
        if (o.Stats is not null) CommandRunner.CheckExtension("--stats", o.Stats, ".csv", ".json");
        return o;
    }

    private static int Execute(Options o, TextWriter stdout, TextWriter stderr)
    {
        long t0 = Stopwatch.GetTimestamp();
        string[] names = o.Labels is null ? [] : ReadLabels(o.Labels);
        var (image, opened, spec) = o.Model.Open(o.Input, o.Pre);
        using var model = opened;
        var r = ModelFlags.Guard(() => new SemanticSegmenter(model, spec, o.Threshold).Segment(image));
        long t1 = Stopwatch.GetTimestamp();

        int classes = Math.Max(r.Classes, names.Length);
        var narrow = Narrow(r.Labels);
        long[] counts;
        if (narrow is not null) counts = Models.SemanticMaps.ClassCounts(narrow);
        else
        {
            counts = new long[classes];
            foreach (int v in r.Labels.Data) if ((uint)v < (uint)counts.Length) counts[v]++;
        }
        CommandRunner.Write(o.Output, "labels", p => ImageFile.WriteLabels(p, r.Labels));
        if (o.Color is string cp)
        {
            if (narrow is null) throw new CommandFailedException($"cannot write colour map '{cp}': the VOC palette has 256 colours and the model gives {classes} classes");
            CommandRunner.Write(cp, "colour map", p => ImageFile.Write(p, Models.VocPalette.Colorize(narrow)));
        }
        if (o.Overlay is string op)
            CommandRunner.Write(op, "overlay", p => ImageFile.Write(p, Overlay.Labels(image, r.Labels, 0.5, Palette())));
        string Name(int c) => c < names.Length ? names[c] : c.ToString(CultureInfo.InvariantCulture);
        long total = r.Labels.PixelCount;
        var present = Enumerable.Range(0, counts.Length).Where(c => counts[c] > 0).ToArray();
        if (o.Stats is string sp)
        {
            string text;
            if (sp.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                text = Json.Array(present.Select(c => Json.Object(("class", Json.Num(c)), ("name", Json.Str(Name(c))),
                    ("pixels", Json.Num(counts[c])), ("share", Json.Num(Math.Round((double)counts[c] / total, 6)))))) + "\n";
            else
            {
                var sb = new StringBuilder("class,name,pixels,share\n");
                foreach (int c in present)
                    sb.Append(CultureInfo.InvariantCulture, $"{c},{Csv(Name(c))},{counts[c]},{Math.Round((double)counts[c] / total, 6).ToString("0.######", CultureInfo.InvariantCulture)}\n");
                text = sb.ToString();
            }
            CommandRunner.WriteText(sp, "stats", text);
        }
        long t2 = Stopwatch.GetTimestamp();
        string kind = r.Kind switch { SemanticOutputKind.Logits => "logits (argmax)", SemanticOutputKind.Probability => "probability (threshold)", _ => "class ids" };
        if (o.Json)
            stdout.WriteLine(Json.Object(("input", Json.Str(o.Input)), ("output", Json.Str(o.Output)), ("model", Json.Str(o.Model.Model)),
                ("output_kind", Json.Str(r.Kind.ToString().ToLowerInvariant())), ("classes", Json.Num(classes)),
                ("map_size", Json.Array([Json.Num(r.MapWidth), Json.Num(r.MapHeight)])),
                ("present", Json.Array(present.Select(c => Json.Str(Name(c))))),
                ("timings_ms", ModelFlags.TimingsJson(r.Timings, t0, t2))));
        else
        {
            stdout.WriteLine($"input: {o.Input}");
            stdout.WriteLine($"model: {o.Model.Model} ({kind}, {classes} classes, map {r.MapWidth}x{r.MapHeight})");
            stdout.WriteLine($"classes present: {string.Join(", ", present.Select(c => $"{Name(c)} {100.0 * counts[c] / total:0.##}%"))}");
            stdout.WriteLine($"output: {o.Output}");
        }
        return ExitCodes.Ok;
    }

    private static string Csv(string s) => s.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;

    internal static string[] ReadLabels(string path)
    {
        try { return File.ReadAllLines(path).Select(l => l.Trim()).ToArray(); }
        catch (FileNotFoundException) { throw new CommandFailedException($"cannot read labels '{path}': no such file"); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandFailedException($"cannot read labels '{path}': {e.Message}");
        }
    }

    private static LabelPalette Palette() => new(Models.VocPalette.All.ToArray());

    /// <summary>The class map as 8-bit ids, or null past 256 classes.</summary>
    private static Image<byte>? Narrow(Image<int> labels)
    {
        var dst = new Image<byte>(labels.Width, labels.Height);
        for (int i = 0; i < labels.Data.Length; i++)
        {
            int v = labels.Data[i];
            if ((uint)v > 255) return null;
            dst.Data[i] = (byte)v;
        }
        return dst;
    }
}
