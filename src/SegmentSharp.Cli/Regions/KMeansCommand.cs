using System.Diagnostics;
using System.Globalization;
using SegmentSharp.Clustering;
using SegmentSharp.Codecs;

namespace SegmentSharp.Cli;

/// <summary>
/// `segment kmeans INPUT OUTPUT`: colour segmentation by k-means (cv2.kmeans semantics), the image painted with its
/// cluster colours, as OpenCV's tutorial recipe (seed 004) does.
/// </summary>
internal static class KMeansCommand
{
    public const string Prog = "segment kmeans";

    public const string Usage =
        """
        usage: segment kmeans [-h] [--k K] [--space {lab,rgb,hsv}] [--xy WEIGHT] [--attempts N] [--seed N]
                              [--init {pp,random}] [--max-iter N] [--epsilon E] [--labels FILE]
                              [--overlay FILE] [--json]
                              INPUT OUTPUT
        """;

    public static readonly string Help = Usage + """


        Cluster the pixels by colour with k-means (the algorithm of cv2.kmeans: k-means++ or random first centres,
        several attempts, the most compact kept) and paint every pixel with its cluster's colour: the centre cast to
        bytes and converted back to BGR.

        positional arguments:
          INPUT                 image to segment (gray is replicated to BGR)
          OUTPUT                the painted image (.png, .tif, .tiff or .bmp)

        options:
          -h, --help            show this help message and exit
          --k K                 number of clusters, 1-256 (default: 4)
          --space {lab,rgb,hsv} colour features on OpenCV's 8-bit scales (default: lab)
          --xy WEIGHT           add the pixel position as two features, scaled so that at weight 1 the longer
                                side of the image spans as much as one colour channel's full range (0-255);
                                0 = colour only (default: 0)
          --attempts N          runs from fresh centres; the most compact is kept (default: 3)
          --seed N              random generator state; the same seed gives the same result (default: 1)
          --init {pp,random}    k-means++ (KMEANS_PP_CENTERS) or random centres in the colour box (default: pp)
          --max-iter N          at most N iterations per attempt, 2-100 (default: 20)
          --epsilon E           stop when no centre moves more than E (default: 0.5)
          --labels FILE         the cluster of every pixel, 0..K-1 (.png 8/16-bit, or .tif 32-bit)
          --overlay FILE        the input with the cluster boundaries marked in yellow (.png, .tif or .bmp)
          --json                print a one-line JSON summary

        examples:
          segment kmeans fruit.png fruit-k4.png --k 4 --labels fruit-labels.png
          segment kmeans scene.png regions.png --k 8 --xy 0.5 --overlay edges.png

        exit codes: 0 success, 1 the input could not be read or an output written, 2 usage error

        """;

    internal sealed class Options
    {
        public string Input = "", Output = "";
        public string? Labels, Overlay;
        public bool Json;
        public int K = 4, Attempts = 3, MaxIter = 20;
        public double Epsilon = 0.5, Xy;
        public ulong Seed = 1;
        public ColorFeatureSpace Space = ColorFeatureSpace.Lab;
        public KMeansInit Init = KMeansInit.PlusPlus;
    }

    private static readonly string[] SpaceNames = ["lab", "rgb", "hsv"];

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
        => CommandRunner.Run(Prog, Usage, args, stdout, stderr, Parse, Execute);

    internal static Options Parse(IReadOnlyList<string> args, TextWriter stdout)
    {
        var o = new Options();
        var flags = new List<FlagSpec>
        {
            new("--help", null, _ => { stdout.Write(Help); throw new EarlyExitException(); }, "-h"),
            new("--k", "K", v => o.K = FlagValues.Int(v!, 1, 256, "K")),
            new("--space", "SPACE", v => o.Space = (ColorFeatureSpace)FlagValues.Choice(v!, SpaceNames)),
            new("--xy", "WEIGHT", v => o.Xy = FlagValues.Double(v!, 0, 1e6, "position weight")),
            new("--attempts", "N", v => o.Attempts = FlagValues.Int(v!, 1, 1000, "attempts")),
            new("--seed", "N", v => o.Seed = (ulong)FlagValues.Int(v!, 0, int.MaxValue, "seed")),
            new("--init", "INIT", v => o.Init = FlagValues.Choice(v!, ["pp", "random"]) == 0 ? KMeansInit.PlusPlus : KMeansInit.Random),
            new("--max-iter", "N", v => o.MaxIter = FlagValues.Int(v!, 2, 100, "max iterations")),
            new("--epsilon", "E", v => o.Epsilon = FlagValues.Double(v!, 0, 1e9, "epsilon")),
            new("--labels", "FILE", v => o.Labels = v),
            new("--overlay", "FILE", v => o.Overlay = v),
            new("--json", null, _ => o.Json = true),
        };
        var pos = ArgParser.Parse(args, flags, ["INPUT", "OUTPUT"]);
        (o.Input, o.Output) = (pos[0], pos[1]);
        ImageOutputs.CheckPicturePath("OUTPUT", o.Output);
        if (o.Labels is not null) ImageOutputs.CheckLabelPath("--labels", o.Labels);
        if (o.Overlay is not null) ImageOutputs.CheckPicturePath("--overlay", o.Overlay);
        return o;
    }

    private static int Execute(Options o, TextWriter stdout, TextWriter stderr)
    {
        long t0 = Stopwatch.GetTimestamp();
        var picture = CommandRunner.ReadColor(o.Input);
        if (picture.PixelCount < o.K)
            throw new CommandFailedException($"'{o.Input}' has {picture.PixelCount} pixels, fewer than --k {o.K}; lower --k", ExitCodes.Usage);
        long t1 = Stopwatch.GetTimestamp();
        var r = ColorKMeans.Segment(picture, new ColorKMeansOptions
        {
            Space = o.Space,
            XyWeight = o.Xy,
            KMeans = new KMeansOptions
            {
                K = o.K, Attempts = o.Attempts, Init = o.Init, Seed = o.Seed,
                Criteria = Clustering.TermCriteria.CountOrEps(o.MaxIter, o.Epsilon),
            },
        });
        long t2 = Stopwatch.GetTimestamp();
        CommandRunner.Write(o.Output, "painted image", p => ImageFile.Write(p, r.Painted));
        if (o.Labels is string lp) CommandRunner.Write(lp, "labels", p => ImageFile.WriteLabels(p, r.Labels));
        if (o.Overlay is string op)
            CommandRunner.Write(op, "overlay", p => ImageFile.Write(p, RegionOverlay.Boundaries(picture, r.Labels)));
        long t3 = Stopwatch.GetTimestamp();

        var sizes = new long[o.K];
        foreach (int l in r.Labels.Data) sizes[l]++;
        string Colour(int c) => $"#{r.Palette[3 * c + 2]:x2}{r.Palette[3 * c + 1]:x2}{r.Palette[3 * c]:x2}";
        if (o.Json)
            stdout.WriteLine(Json.Object(("input", Json.Str(o.Input)), ("output", Json.Str(o.Output)),
                ("space", Json.Str(SpaceNames[(int)o.Space])), ("k", Json.Num(o.K)), ("compactness", Json.Num(r.Clusters.Compactness)),
                ("clusters", Json.Array(Enumerable.Range(0, o.K).Select(c => Json.Object(("label", Json.Num(c)),
                    ("pixels", Json.Num(sizes[c])), ("colour", Json.Str(Colour(c))),
                    ("center", Json.Array(r.Clusters.Center(c).ToArray().Select(v => Json.Num((double)v)))))))),
                ("labels", Json.Str(o.Labels)), ("overlay", Json.Str(o.Overlay)),
                ("timings_ms", Json.Object(("read", Json.Ms(t0, t1)), ("kmeans", Json.Ms(t1, t2)), ("outputs", Json.Ms(t2, t3))))));
        else
        {
            stdout.WriteLine($"input: {o.Input}");
            stdout.WriteLine($"kmeans: k {o.K}, {SpaceNames[(int)o.Space]}{(o.Xy > 0 ? $" + xy x{o.Xy.ToString(CultureInfo.InvariantCulture)}" : "")}, compactness {r.Clusters.Compactness.ToString("0.###", CultureInfo.InvariantCulture)}");
            for (int c = 0; c < o.K; c++) stdout.WriteLine($"  cluster {c}: {sizes[c]} pixels, colour {Colour(c)}");
            stdout.WriteLine($"output: {o.Output}");
        }
        return ExitCodes.Ok;
    }
}
