using SegmentSharp.Quality;

// segment-quality: quality checks that read data kept outside the repository (../shared/data/fetched).
//   check-doxa [FIXTURE_DIR]   metric acceptance check on Doxa's doxa_2johnc1v3 fixture; exit 1 on a mismatch,
//                              exit 0 with "fixture not found at PATH; skipped" when the folder is absent.
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine("usage: segment-quality check-doxa [FIXTURE_DIR]");
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
