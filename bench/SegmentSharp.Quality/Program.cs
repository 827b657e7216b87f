using System.Globalization;
using System.Text;
using SegmentSharp.Codecs;
using SegmentSharp.Metrics;
using SegmentSharp.Quality;

// segment-quality: quality checks that read data kept outside the repository (../shared/data/fetched).
//   check-doxa [FIXTURE_DIR]   metric acceptance check on Doxa's doxa_2johnc1v3 fixture; exit 1 on a mismatch,
//                              exit 0 with "fixture not found at PATH; skipped" when the folder is absent.
//   weights GT.pbm PREFIX      write our own pseudo-F weights as PREFIX_RWeights.dat / PREFIX_PWeights.dat.
//   dibco [options]            mean FM / pseudo-FM / PSNR / DRD per DIBCO year (2009-2012) for auto, otsu and the local
//                              methods; --write docs/quality.md regenerates its section of the report.
//   nuclei [options]           count error and matched IoU of watershed --auto against connected components on the
//                              DSB 2018 nuclei sample; --write docs/quality.md regenerates its section.
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine("usage: segment-quality check-doxa [FIXTURE_DIR]");
    Console.WriteLine("       segment-quality weights GT_IMAGE OUT_PREFIX");
    Console.WriteLine("       segment-quality dibco [--data DIR] [--methods a,b] [--no-pfm] [--per-image] [--write docs/quality.md]");
    Console.WriteLine("       segment-quality nuclei [--data DIR] [--per-image] [--write docs/quality.md]");
    Console.WriteLine("  FIXTURE_DIR defaults to $SEGMENTSHARP_SHARED/data/fetched/doxa_2johnc1v3,");
    Console.WriteLine("  else ../shared/data/fetched/doxa_2johnc1v3 beside the repository root.");
    return args.Length == 0 ? 2 : 0;
}

switch (args[0])
{
    case "check-doxa":
    {
        string dir = args.Length > 1 ? Path.GetFullPath(args[1]) : DoxaCheck.DefaultFixtureDir(RepoRoot());
        var result = DoxaCheck.Run(dir);
        Console.Write(result.Report);
        if (result.Outcome == DoxaCheck.Outcome.Skipped) Console.WriteLine();
        return result.ExitCode;
    }
    case "weights" when args.Length == 3:
    {
        // Our own pseudo-F weights of a ground truth (text = black), written in the DIBCO BinEvalWeights text format.
        var gt = BinaryMask.ToTextMask(ImageFile.ReadGray(args[1]), TextPolarity.Dark);
        var w = PseudoFWeights.Compute(gt);
        WriteDat(args[2] + "_RWeights.dat", w.Recall, gt.Width);
        WriteDat(args[2] + "_PWeights.dat", w.PrecisionExcess, gt.Width);
        Console.WriteLine($"wrote {args[2]}_RWeights.dat and {args[2]}_PWeights.dat ({gt.Width}×{gt.Height})");
        return 0;
    }
    case "dibco":
        return DibcoBench.Run(args, RepoRoot());
    case "nuclei":
        return NucleiBench.Run(args, RepoRoot());
    default:
        Console.Error.WriteLine($"unknown mode '{args[0]}'; try --help");
        return 2;
}

static string RepoRoot()
{
    // The program runs from bench/SegmentSharp.Quality/bin/…, or from anywhere via --project: look above both.
    foreach (string start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        for (var d = new DirectoryInfo(start); d != null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "SegmentSharp.slnx"))) return d.FullName;
    return Directory.GetCurrentDirectory();
}

static void WriteDat(string path, double[] values, int width)
{
    // Same layout as DIBCO's files: six decimals, two spaces between values, one image row per line.
    var sb = new StringBuilder();
    for (int i = 0; i < values.Length; i++)
    {
        sb.Append(values[i].ToString("F6", CultureInfo.InvariantCulture)).Append("  ");
        if ((i + 1) % width == 0) sb.Append('\n');
    }
    File.WriteAllText(path, sb.ToString());
}
