using System.Diagnostics;
using SegmentSharp.Codecs;
using SegmentSharp.Components;
using SegmentSharp.Distance;
using SegmentSharp.Drawing;
using SegmentSharp.Imaging;
using SegmentSharp.Segmentation;

namespace SegmentSharp.Cli;

/// <summary>
/// `segment watershed INPUT OUTPUT`: marker watershed equal to cv2.watershed, from a marker image or from seed 004's
/// automatic recipe (Otsu, open, dilate, distance peaks, components), with overlay and per-object stats.
/// </summary>
internal static class WatershedCommand
{
    public const string Prog = "segment watershed";

    public const string Usage =
        """
        usage: segment watershed [-h] [--markers FILE | --auto] [--objects {dark,bright,auto}] [--kernel KERNEL]
                                 [--open-iterations N] [--dilate-iterations N] [--seeds {fraction,peaks}]
                                 [--fg-fraction F] [--peak-height H]
                                 [--dist-type {l1,l2,c}] [--dist-mask {3,5,precise}] [--overlay FILE]
                                 [--stats FILE] [--json] [binarization flags] ...
                                 INPUT OUTPUT
        """;

    public static readonly string Help = Usage + """


        Split touching objects with OpenCV's marker watershed (cv2.watershed, identical output). The markers come
        from a file or from the automatic recipe of OpenCV's watershed tutorial (seed 004):
          1. a mask: Otsu's threshold (inverse for --objects dark), or any binarization flags;
          2. opening with KERNEL, --open-iterations times;  3. dilation, --dilate-iterations times (sure
          background);  4. distance transform of the opening;  5. sure foreground = distance above
          --fg-fraction of its maximum (or, with --seeds peaks, the distance's peaks at least --peak-height
          high);  6. connected components of the sure foreground = markers;  7. flood.

        positional arguments:
          INPUT                 image to segment (colour is used as is, gray is replicated)
          OUTPUT                labels: .png holds objects 1..N with background and boundary lines 0 (8- or
                                16-bit); .tif holds OpenCV's raw markers (32-bit: -1 boundaries, 1 background
                                in --auto, object labels)

        options:
          -h, --help            show this help message and exit
          --markers FILE        marker image read as 8-bit gray: 0 = unknown, every other value a seed
          --auto                use the automatic recipe (the default when --markers is not given)
          --objects {dark,bright,auto}
                                without binarization flags, objects are darker (Otsu inverse, the seed's
                                recipe) or brighter than the background, or auto: whichever side of
                                Otsu's threshold has fewer pixels (default: dark)
          --kernel KERNEL       element of the opening and dilation (default: rect:3x3)
          --open-iterations N   (default: 2)   --dilate-iterations N (default: 3)
          --seeds {fraction,peaks}
                                sure foreground: distance above a fraction of the image's largest distance
                                (the seed's recipe), or one seed per distance peak (h-maxima), which also
                                seeds small objects beside large ones (default: fraction)
          --fg-fraction F       sure-foreground fraction of the largest distance, 0-1 (default: 0.5)
          --peak-height H       with --seeds peaks: minimum height of a peak, in pixels (default: 1)
          --dist-type {l1,l2,c} (default: l2)  --dist-mask {3,5,precise} (default: 5)
          --overlay FILE        the input with tinted objects and red boundary lines (.png)
          --stats FILE          per-object statistics, .csv or .json, in the format of 'segment components'
          --json                print a one-line JSON summary

        """ + MaskSource.FlagsHelp + """


        examples:
          segment watershed coins.png labels.png --objects bright --overlay overlay.png --stats coins.csv
          segment watershed cells.tif labels.tif --markers seeds.png

        exit codes: 0 success, 1 the input could not be read or an output written, 2 usage error

        """;

    internal sealed class Options
    {
        public string Input = "", Output = "";
        public string? Markers, Overlay, Stats;
        public bool Auto, ObjectsGiven, Json;
        public ObjectPolarity Objects = ObjectPolarity.Dark;
        public MaskSource Mask = new();
        public WatershedRecipe Recipe = new();
        public bool RecipeGiven;
    }

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
        => CommandRunner.Run(Prog, Usage, args, stdout, stderr, Parse, Execute);

    internal static Options Parse(IReadOnlyList<string> args, TextWriter stdout)
    {
        var o = new Options();
        void R(Func<WatershedRecipe, WatershedRecipe> f) { o.Recipe = f(o.Recipe); o.RecipeGiven = true; }
        var flags = new List<FlagSpec>
        {
            new("--help", null, _ => { stdout.Write(Help); throw new EarlyExitException(); }, "-h"),
            new("--markers", "FILE", v => o.Markers = v),
            new("--auto", null, _ => o.Auto = true),
            new("--objects", "OBJECTS", v => { o.Objects = (ObjectPolarity)FlagValues.Choice(v!, ["dark", "bright", "auto"]); o.ObjectsGiven = true; }),
            new("--kernel", "KERNEL", v => { var k = KernelSpec.Parse(v!); R(r => r with { Kernel = k.Element }); }),
            new("--open-iterations", "N", v => { int n = FlagValues.Int(v!, 0, 1000, "open iterations"); R(r => r with { OpenIterations = n }); }),
            new("--dilate-iterations", "N", v => { int n = FlagValues.Int(v!, 0, 1000, "dilate iterations"); R(r => r with { DilateIterations = n }); }),
            new("--seeds", "SEEDS", v => { var m = (WatershedSeeds)FlagValues.Choice(v!, ["fraction", "peaks"]); R(r => r with { Seeds = m }); }),
            new("--peak-height", "H", v => { double ph = FlagValues.Double(v!, 1e-6, 1e6, "peak height"); R(r => r with { PeakHeight = ph }); }),
            new("--fg-fraction", "F", v => { double f = FlagValues.Double(v!, 0, 0.999999, "foreground fraction"); R(r => r with { ForegroundFraction = f }); }),
            new("--dist-type", "TYPE", v =>
            {
                var t = FlagValues.Choice(v!, ["l1", "l2", "c"]) switch { 0 => DistanceType.L1, 1 => DistanceType.L2, _ => DistanceType.C };
                R(r => r with { DistanceType = t });
            }),
            new("--dist-mask", "MASK", v =>
            {
                var m = FlagValues.Choice(v!, ["3", "5", "precise"]) switch { 0 => DistanceMask.Mask3, 1 => DistanceMask.Mask5, _ => DistanceMask.Precise };
                R(r => r with { DistanceMask = m });
            }),
            new("--overlay", "FILE", v => o.Overlay = v),
            new("--stats", "FILE", v => o.Stats = v),
            new("--json", null, _ => o.Json = true),
        };
        o.Mask.AddFlags(flags);
        var expanded = ArgPrepass.Expand(args, flags, Binarization.BinarizeFlags.OptionalValues);
        var pos = ArgParser.Parse(expanded, flags, ["INPUT", "OUTPUT"]);
        (o.Input, o.Output) = (pos[0], pos[1]);
        o.Mask.Validate();
        bool binarizeGiven = o.Mask.Binarize.Given.Count > 0 || o.Mask.Morph.Count > 0;
        if (o.Markers is not null)
        {
            if (o.Auto) throw new UsageException("argument --auto: not allowed with argument --markers");
            if (o.RecipeGiven || binarizeGiven || o.ObjectsGiven)
                throw new UsageException("argument --markers: the recipe and binarization flags apply to --auto only");
        }
        if (o.ObjectsGiven && binarizeGiven)
            throw new UsageException("argument --objects: only without binarization flags (with them, objects are the mask's nonzero pixels)");
        if (o.Recipe.DistanceMask == DistanceMask.Precise && o.Recipe.DistanceType != DistanceType.L2)
            throw new UsageException("argument --dist-mask: precise applies to --dist-type l2 only");
        ImageOutputs.CheckLabelPath("OUTPUT", o.Output);
        if (o.Overlay is not null) ImageOutputs.CheckPicturePath("--overlay", o.Overlay);
        if (o.Stats is not null) CommandRunner.CheckExtension("--stats", o.Stats, ".csv", ".json");
        return o;
    }

    private static int Execute(Options o, TextWriter stdout, TextWriter stderr)
    {
        long t0 = Stopwatch.GetTimestamp();
        var picture = CommandRunner.ReadColor(o.Input);
        Image<byte>? pictureGray = null;
        Image<byte> Gray() => pictureGray ??= Color.ColorConversion.BgrToGray(picture);
        Image<int> markers;
        int count;
        string how;
        if (o.Markers is string mp)
        {
            var seeds = CommandRunner.ReadGray(mp);
            if (seeds.Width != picture.Width || seeds.Height != picture.Height)
                throw new CommandFailedException($"the markers '{mp}' are {seeds.Width}x{seeds.Height} but '{o.Input}' is {picture.Width}x{picture.Height}");
            markers = new Image<int>(seeds.Width, seeds.Height);
            for (int i = 0; i < seeds.Data.Length; i++) markers.Data[i] = seeds.Data[i];
            count = 0;
            foreach (int v in markers.Data) count = Math.Max(count, v);
            Watershed.Apply(picture, markers);
            how = $"markers from {mp}";
        }
        else
        {
            Image<byte> mask;
            bool binarizeGiven = o.Mask.Binarize.Given.Count > 0 || o.Mask.Morph.Count > 0;
            if (binarizeGiven)
            {
                var src = o.Mask.Produce(o.Input);
                mask = src.Mask;
                how = $"auto: {src.How}";
            }
            else
            {
                mask = ObjectMask.Otsu(Gray(), o.Objects, out double t, out bool bright);
                how = $"auto: otsu {(bright ? "binary" : "binary inverse")} at {t:0.##}";
            }
            var r = WatershedRecipes.Split(picture, mask, o.Recipe);
            markers = r.Markers;
            count = r.Count;
            how += o.Recipe.Seeds == WatershedSeeds.Peaks ? $", peaks of height {o.Recipe.PeakHeight:0.###}" : $", fg fraction {o.Recipe.ForegroundFraction:0.###}";
        }
        long t1 = Stopwatch.GetTimestamp();

        // Objects 1..N for the PNG, the overlay and the stats: the auto recipe's background is marker 1.
        bool autoMarkers = o.Markers is null;
        var objects = new Image<int>(markers.Width, markers.Height);
        int maxLabel = 0;
        for (int i = 0; i < markers.Data.Length; i++)
        {
            int v = markers.Data[i];
            int l = v <= 0 ? 0 : autoMarkers ? v - 1 : v;
            objects.Data[i] = l;
            if (l > maxLabel) maxLabel = l;
        }
        int objectCount = autoMarkers ? count : maxLabel;

        if (ImageFile.FormatFromExtension(o.Output) == ImageFormat.Tiff)
            CommandRunner.Write(o.Output, "labels", p => ImageFile.WriteLabels(p, markers));
        else CommandRunner.Write(o.Output, "labels", p => ImageFile.WriteLabels(p, objects));
        if (o.Overlay is string op)
        {
            var over = Overlay.Labels(picture, objects, 0.35);
            for (int i = 0; i < markers.Data.Length; i++)
                if (markers.Data[i] == -1) { over.Data[3 * i] = 0; over.Data[3 * i + 1] = 0; over.Data[3 * i + 2] = 255; }
            CommandRunner.Write(op, "overlay", p => ImageFile.Write(p, over));
        }
        if (o.Stats is string sp)
        {
            var stats = LabelStatistics.Compute(objects, objectCount + 1);
            var table = ComponentTable.Build(objects, stats, Gray());
            CommandRunner.WriteText(sp, "stats", sp.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? table.ToJson() : table.ToCsv());
        }
        long t2 = Stopwatch.GetTimestamp();

        int boundary = 0;
        foreach (int v in markers.Data) if (v == -1) boundary++;
        if (o.Json)
            stdout.WriteLine(Json.Object(("input", Json.Str(o.Input)), ("output", Json.Str(o.Output)), ("markers", Json.Str(how)),
                ("objects", Json.Num(objectCount)), ("boundary_pixels", Json.Num(boundary)),
                ("overlay", Json.Str(o.Overlay)), ("stats", Json.Str(o.Stats)),
                ("timings_ms", Json.Object(("watershed", Json.Ms(t0, t1)), ("outputs", Json.Ms(t1, t2))))));
        else
        {
            stdout.WriteLine($"input: {o.Input}");
            stdout.WriteLine($"markers: {how}");
            stdout.WriteLine($"objects: {objectCount}");
            stdout.WriteLine($"output: {o.Output}");
        }
        return ExitCodes.Ok;
    }
}
