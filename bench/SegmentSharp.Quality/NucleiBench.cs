using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using SegmentSharp.Codecs;
using SegmentSharp.Color;
using SegmentSharp.Components;
using SegmentSharp.Imaging;
using SegmentSharp.Morphology;
using SegmentSharp.Segmentation;

namespace SegmentSharp.Quality;

/// <summary>
/// How well the automatic watershed recipe (<c>segment watershed --auto --objects auto</c>) splits touching nuclei of the
/// DSB 2018 sample, against plain connected components of the same Otsu mask. Ground truth: one mask file per nucleus.
/// </summary>
internal static class NucleiBench
{
    private sealed record Method(string Name, string Command, Func<Image<byte>, Image<byte>, Image<byte>, Image<int>> Run);

    private sealed class Totals
    {
        public int Gt, Pred, Matched, Images;
        public long AbsCountError;
        public double RelCountError, IouSum, Ms;
    }

    private static readonly StructuringElement Square3 = StructuringElement.Rectangle(3, 3);

    private static readonly Method[] Methods =
    [
        new("components", "Otsu mask (objects = smaller side), 8-connected components",
            (_, _, mask) => ConnectedComponents.Label(mask.ReadOnlyView, Connectivity.Eight, out _)),
        new("components after opening", "the recipe's opening (3×3, 2 iterations), then components",
            (_, _, mask) =>
            {
                var open = mask.CloneEmpty();
                Morphology.Morphology.Apply(MorphOperation.Open, mask, open, Square3, iterations: 2);
                return ConnectedComponents.Label(open.ReadOnlyView, Connectivity.Eight, out _);
            }),
        new("watershed --auto", "`segment watershed --auto --objects auto` (fg fraction 0.5, the seed's)",
            (bgr, _, mask) => Objects(WatershedRecipes.Split(bgr.ReadOnlyView, mask.ReadOnlyView).Markers)),
        new("watershed --auto --fg-fraction 0.3", "the same with `--fg-fraction 0.3`",
            (bgr, _, mask) => Objects(WatershedRecipes.Split(bgr.ReadOnlyView, mask.ReadOnlyView,
                new WatershedRecipe { ForegroundFraction = 0.3 }).Markers)),
        Peaks(1), Peaks(2),
    ];

    private static Method Peaks(double h) => new($"watershed --auto --seeds peaks --peak-height {h}", $"seeds at the distance's h-maxima of height {h} px",
        (bgr, _, mask) => Objects(WatershedRecipes.Split(bgr.ReadOnlyView, mask.ReadOnlyView,
            new WatershedRecipe { Seeds = WatershedSeeds.Peaks, PeakHeight = h }).Markers));

    /// <summary>The CLI's PNG labels: background (marker 1) and boundaries (−1) become 0, objects 1..N.</summary>
    private static Image<int> Objects(Image<int> markers)
    {
        var o = new Image<int>(markers.Width, markers.Height);
        for (int i = 0; i < o.Data.Length; i++) o.Data[i] = Math.Max(0, markers.Data[i] - 1);
        return o;
    }

    public static int Run(string[] args, string repoRoot)
    {
        string dataDir = Path.Combine(DibcoBench.DefaultDataDir(repoRoot), "dsb2018_nuclei_sample");
        string? write = null;
        bool perImage = false;
        for (int i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--data" when i + 1 < args.Length: dataDir = Path.GetFullPath(args[++i]); break;
                case "--write" when i + 1 < args.Length: write = args[++i]; break;
                case "--per-image": perImage = true; break;
                default: Console.Error.WriteLine($"nuclei: unknown option '{args[i]}'"); return 2;
            }
        }
        string train = Path.Combine(dataDir, "stage1_train");
        if (!Directory.Exists(train))
        {
            Console.WriteLine($"no DSB 2018 sample found under {dataDir}; skipped");
            return 0;
        }

        var totals = Methods.ToDictionary(m => m.Name, _ => new Totals());
        var rows = new StringBuilder();
        foreach (string dir in Directory.GetDirectories(train).Order(StringComparer.Ordinal))
        {
            string id = Path.GetFileName(dir);
            var bgr = ImageFile.ReadColor(Path.Combine(dir, "images", id + ".png"));
            var gray = ColorConversion.BgrToGray(bgr);
            var gt = GroundTruth(Directory.GetFiles(Path.Combine(dir, "masks"), "*.png").Order(StringComparer.Ordinal).ToArray(),
                bgr.Width, bgr.Height, out int gtCount);
            var mask = ObjectMask.Otsu(gray, ObjectPolarity.Auto, out _, out bool bright);
            foreach (var m in Methods)
            {
                var sw = Stopwatch.StartNew();
                var pred = m.Run(bgr, gray, mask);
                double ms = sw.Elapsed.TotalMilliseconds;
                var s = Match(gt, gtCount, pred);
                var t = totals[m.Name];
                t.Images++; t.Gt += gtCount; t.Pred += s.PredCount; t.Matched += s.Matched; t.IouSum += s.IouSum; t.Ms += ms;
                t.AbsCountError += Math.Abs(s.PredCount - gtCount);
                t.RelCountError += Math.Abs(s.PredCount - gtCount) / (double)gtCount;
                if (perImage)
                    rows.Append(CultureInfo.InvariantCulture,
                        $"| {id[..12]} ({bgr.Width}×{bgr.Height}, {(bright ? "bright" : "dark")}) | {m.Name} | {gtCount} | {s.PredCount} | {s.Matched} | {(s.Matched > 0 ? s.IouSum / s.Matched : 0):F3} |\n");
            }
        }

        var table = new StringBuilder();
        table.Append("| method | GT nuclei | found | total abs. count error | mean rel. count error | matched (IoU > 0.5) | recall | precision | mean IoU of matched | ms/img |\n");
        table.Append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var m in Methods)
        {
            var t = totals[m.Name];
            table.Append(CultureInfo.InvariantCulture,
                $"| {m.Name} | {t.Gt} | {t.Pred} | {t.AbsCountError} | {100 * t.RelCountError / t.Images:F1}% | {t.Matched} | {100.0 * t.Matched / t.Gt:F1}% | {100.0 * t.Matched / Math.Max(1, t.Pred):F1}% | {(t.Matched > 0 ? t.IouSum / t.Matched : 0):F3} | {t.Ms / t.Images:F1} |\n");
        }
        Console.Write(table);
        if (perImage)
        {
            Console.WriteLine();
            Console.WriteLine("| image | method | GT | found | matched | mean IoU |\n|---|---|---:|---:|---:|---:|");
            Console.Write(rows);
        }
        if (write != null)
        {
            string path = Path.IsPathRooted(write) ? write : Path.Combine(repoRoot, write);
            QualityDoc.WriteSection(path, "nuclei", Document(args, table.ToString(), perImage ? rows.ToString() : null));
            Console.WriteLine($"wrote {path}");
        }
        return 0;
    }

    private static Image<int> GroundTruth(string[] maskFiles, int w, int h, out int count)
    {
        var gt = new Image<int>(w, h);
        count = 0;
        foreach (string f in maskFiles)
        {
            var m = ImageFile.ReadGray(f);
            if (m.Width != w || m.Height != h) throw new InvalidDataException($"{f} is {m.Width}×{m.Height}, the image {w}×{h}");
            count++;
            for (int i = 0; i < m.Data.Length; i++) if (m.Data[i] != 0) gt.Data[i] = count;
        }
        return gt;
    }

    private readonly record struct Scores(int PredCount, int Matched, double IouSum);

    /// <summary>
    /// One-to-one matching at IoU &gt; 0.5: two objects of one picture cannot both overlap a third by more than half
    /// of their union, so the pairs above 0.5 are unique without an assignment step (the DSB 2018 metric's rule).
    /// </summary>
    private static Scores Match(Image<int> gt, int gtCount, Image<int> pred)
    {
        int predCount = 0;
        foreach (int v in pred.Data) predCount = Math.Max(predCount, v);
        var gtArea = new long[gtCount + 1];
        var predArea = new long[predCount + 1];
        var inter = new Dictionary<long, long>();
        for (int i = 0; i < gt.Data.Length; i++)
        {
            int g = gt.Data[i], p = pred.Data[i];
            gtArea[g]++;
            predArea[p]++;
            if (g > 0 && p > 0) CollectionsMarshal.GetValueRefOrAddDefault(inter, ((long)g << 32) | (uint)p, out _)++;
        }
        // Labels that own no pixel (numbering gaps) are not objects.
        int present = 0;
        for (int p = 1; p <= predCount; p++) if (predArea[p] > 0) present++;
        int matched = 0;
        double iouSum = 0;
        foreach (var (key, n) in inter)
        {
            int g = (int)(key >> 32), p = (int)(key & 0xFFFFFFFF);
            double iou = n / (double)(gtArea[g] + predArea[p] - n);
            if (iou > 0.5) { matched++; iouSum += iou; }
        }
        return new Scores(present, matched, iouSum);
    }

    private static string Document(string[] args, string table, string? perImage)
    {
        var sb = new StringBuilder();
        sb.Append("## Splitting touching nuclei: DSB 2018 sample\n\n");
        sb.Append("Generated by `dotnet run -c Release --project bench/SegmentSharp.Quality -- ")
          .Append(string.Join(' ', args)).Append("`\n");
        sb.Append(CultureInfo.InvariantCulture, $"on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} logical cores, ")
          .Append(RuntimeInformation.FrameworkDescription).Append(".\n\n");
        sb.Append("""
            Ten images of the 2018 Data Science Bowl (BBBC038; fluorescence, bright-field and stained tissue, 256×256 to
            1388×1040, 1,069 nuclei) are read from `../shared/data/fetched/dsb2018_nuclei_sample` and never committed. The
            ground truth is one mask file per nucleus. Every method starts from the same mask: Otsu's threshold of the gray
            image with the objects on the side that has fewer pixels (`--objects auto`), so fluorescence (bright nuclei) and
            stained slides (dark nuclei) need no per-image switch. A predicted object matches a nucleus when their IoU
            exceeds 0.5 (one-to-one at that level); the count error is |found − GT| per image.


            """);
        sb.Append(table).Append('\n');
        foreach (var m in Methods) sb.Append("- **").Append(m.Name).Append("**: ").Append(m.Command).Append('\n');
        sb.Append('\n').Append("""
            What the table shows: the seed's recipe (one cut-off at half the largest distance in the image) gives seeds to
            the biggest nuclei only: where nuclei differ in size, the small ones never reach half of the largest distance
            and merge into their neighbours or vanish, so it finds fewer nuclei than plain components. Seeds at the
            distance's peaks (`--seeds peaks`) split touching nuclei of any size and give the smallest count error and the
            most matched nuclei. Matched nuclei are slightly less accurate after a watershed (mean IoU a few hundredths
            lower) because the one-pixel boundary lines (−1) between objects belong to no object. Recall is bounded by the
            Otsu mask itself: on the bright-field image (08275a5b1c2d) the global threshold does not separate nuclei from
            the textured background, which no splitting can repair.
            """).Append('\n');
        if (perImage != null)
            sb.Append("\n| image | method | GT | found | matched | mean IoU |\n|---|---|---:|---:|---:|---:|\n").Append(perImage);
        return sb.ToString();
    }
}
