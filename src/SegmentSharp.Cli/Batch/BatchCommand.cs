using SegmentSharp.Pipelines;

namespace SegmentSharp.Cli.Batch;

/// <summary>
/// `segment batch --pipeline FILE INPUTS... --out DIR`: runs a pipeline file over many images in parallel, resumably,
/// with a crash-safe manifest; `segment batch merge` joins the manifests of shards.
/// </summary>
internal static class BatchCommand
{
    private const string Prog = "segment batch";

    public const string Usage = "usage: segment batch [-h] --pipeline FILE --out DIR [--include GLOB] [--exclude GLOB] [--jobs N]\n" +
                                "                     [--max-memory SIZE] [--max-pixels N] [--shard I/N] [--force]\n" +
                                "                     [--progress {auto,bar,plain,none}] [--manifest FILE] INPUTS [INPUTS ...]\n" +
                                "       segment batch merge [-h] --out STEM MANIFESTS [MANIFESTS ...]\n";

    public const string Help = Usage + """

        Run a pipeline file over many images: files, folders (walked recursively) and quoted globs ('scans/**/*.png').
        Outputs mirror the input tree under --out: an input's path below its folder (or glob base), without its
        extension, is its output stem. Images run in parallel; a failed image is reported on one line and the batch
        goes on. A rerun skips images whose outputs all exist and are newer than the input and the pipeline file.

        positional arguments:
          INPUTS                image files, folders or globs (* within a name, ** across folders)

        options:
          -h, --help            show this help message and exit
          --pipeline FILE       the pipeline file (JSON) to run on every image
          --out DIR             output folder; the manifest goes there too
          --include GLOB        files inside folders to take (repeatable; default: known image extensions)
          --exclude GLOB        files inside folders or globs to leave out (repeatable)
          --jobs N              images processed at once (default: the number of cores)
          --max-memory SIZE     memory budget for the images in flight, e.g. 2G (default: 3/4 of the memory available);
                                an image is started only when its estimate fits in what is left
          --max-pixels N        refuse images with more pixels than this (default: 1073741824)
          --shard I/N           process only shard I of N (0 <= I < N), chosen by a stable hash of the relative path
          --force               redo images even when their outputs are up to date
          --progress MODE       auto (a bar on a terminal, plain otherwise), bar, plain (a line every 2 s), none
          --manifest FILE       the JSON-lines manifest (default: DIR/manifest.jsonl, or
                                DIR/manifest.shard-I-of-N.jsonl with --shard); a .csv is written beside it

        merge: join shard manifests (JSON lines) into STEM.jsonl and STEM.csv, sorted by input.

        exit codes: 0 every image ok or skipped, 1 nothing could run (bad pipeline file, no inputs, cannot write the
        manifest), 2 usage error, 3 some images failed, 130 interrupted

        """;

    public const string MergeUsage = "usage: segment batch merge [-h] --out STEM MANIFESTS [MANIFESTS ...]\n";

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Count > 0 && args[0] == "merge")
            return CommandRunner.Run(Prog + " merge", MergeUsage, args.Skip(1).ToArray(), stdout, stderr, ParseMerge, ExecuteMerge);
        return CommandRunner.Run(Prog, Usage, args, stdout, stderr, Parse, Execute);
    }

    private static BatchOptions Parse(IReadOnlyList<string> args, TextWriter stdout)
    {
        var o = new BatchOptions();
        bool pipelineSeen = false, outSeen = false;
        var flags = new List<FlagSpec>
        {
            new("--help", null, _ => { stdout.Write(Help); throw new EarlyExitException(); }, "-h"),
            new("--pipeline", "FILE", v => { o.PipelinePath = v!; pipelineSeen = true; }),
            new("--out", "DIR", v => { o.OutDir = v!; outSeen = true; }),
            new("--include", "GLOB", v => o.Include.Add(v!)),
            new("--exclude", "GLOB", v => o.Exclude.Add(v!)),
            new("--jobs", "N", v => o.Jobs = FlagValues.Int(v!, 1, 1024, "jobs")),
            new("--max-memory", "SIZE", v => o.MaxMemory = ByteSize.Parse(v!)),
            new("--max-pixels", "N", v => o.MaxPixels = FlagValues.Int(v!) is > 0 and var p ? p
                : throw new ArgumentValueException($"max pixels must be a positive integer, not {v}")),
            new("--shard", "I/N", v => (o.ShardIndex, o.ShardCount) = ParseShard(v!)),
            new("--force", null, _ => o.Force = true),
            new("--progress", "MODE", v => o.Progress = (ProgressMode)FlagValues.Choice(v!, ["auto", "bar", "plain", "none"])),
            new("--manifest", "FILE", v => o.ManifestPath = v!),
        };
        var positionals = ArgParser.Parse(args, flags, ["INPUTS"], lastIsVariadic: true);
        if (!pipelineSeen) throw new UsageException("the following arguments are required: --pipeline");
        if (!outSeen) throw new UsageException("the following arguments are required: --out");
        if (o.ManifestPath is not null && !o.ManifestPath.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
            throw new UsageException($"argument --manifest: '{o.ManifestPath}' must end in .jsonl (the .csv is written beside it)");
        o.Inputs.AddRange(positionals);
        return o;
    }

    private static (int, int) ParseShard(string text)
    {
        string[] parts = text.Split('/');
        if (parts.Length == 2 && int.TryParse(parts[0], out int i) && int.TryParse(parts[1], out int n) && n >= 1 && i >= 0 && i < n)
            return (i, n);
        throw new ArgumentValueException($"shard must be I/N with 0 <= I < N (e.g. 0/4), not '{text}'");
    }

    /// <summary>Input problems found only after expanding INPUTS (two images, one output stem) are usage errors too.</summary>
    private static int Execute(BatchOptions o, TextWriter stdout, TextWriter stderr)
    {
        try { return ExecuteChecked(o, stdout, stderr); }
        catch (UsageException e)
        {
            stderr.Write(Usage);
            stderr.WriteLine();
            stderr.WriteLine($"{Prog}: error: {e.Message}");
            return ExitCodes.Usage;
        }
    }

    private static int ExecuteChecked(BatchOptions o, TextWriter stdout, TextWriter stderr)
    {
        Pipeline pipeline;
        DateTime pipelineTime;
        try
        {
            pipeline = Pipeline.Load(o.PipelinePath);
            pipelineTime = File.GetLastWriteTimeUtc(o.PipelinePath);
        }
        catch (PipelineException e) { throw new CommandFailedException(e.Message + "; fix the pipeline file and run again"); }

        var inputs = InputCollector.Collect(o.Inputs, o.Include, o.Exclude);
        if (InputCollector.FindCollision(inputs) is var (a, b))
            throw new UsageException($"'{a.Source}' and '{b.Source}' would write the same outputs under --out; " +
                                     "pass their common parent folder instead, or rename one");
        int all = inputs.Count;
        if (o.ShardCount > 1) inputs = inputs.Where(i => ShardHash.ShardOf(i.Relative, o.ShardCount) == o.ShardIndex).ToList();
        if (all == 0)
            throw new CommandFailedException($"no input images found in {string.Join(", ", o.Inputs.Select(i => $"'{i}'"))}; " +
                                             "check the paths and --include/--exclude");

        string journalPath = o.ManifestJsonl;
        var manifestFiles = new HashSet<string>(StringComparer.Ordinal)
            { Path.GetFullPath(journalPath), Path.GetFullPath(Path.ChangeExtension(journalPath, ".csv")) };
        foreach (var input in inputs)
            foreach (string output in pipeline.OutputPaths(input.OutputStem(o.OutDir)))
                if (manifestFiles.Contains(Path.GetFullPath(output)))
                    throw new UsageException($"the outputs of '{input.Source}' would overwrite the manifest '{output}'; " +
                                             "pass --manifest with another name");
        Dictionary<string, BatchRow> previous;
        ManifestJournal journal;
        try
        {
            Directory.CreateDirectory(o.OutDir);
            string? dir = Path.GetDirectoryName(Path.GetFullPath(journalPath));
            if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
            previous = new Dictionary<string, BatchRow>(StringComparer.Ordinal);
            // Later rows win: a row appended by a rerun supersedes the one of the run before.
            foreach (var row in Manifest.ReadJsonl(journalPath)) previous[row.Input] = row;
            journal = new ManifestJournal(journalPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandFailedException($"cannot open manifest '{journalPath}' under --out: {e.Message}");
        }

        using var cts = new CancellationTokenSource();
        ConsoleCancelEventHandler? onCancel = null;
        if (CliApp.UsesProcessConsole)
        {
            onCancel = (_, e) => { e.Cancel = true; cts.Cancel(); };
            Console.CancelKeyPress += onCancel;
        }
        try
        {
            using (journal)
            {
                var mode = o.Progress == ProgressMode.Auto
                    ? (CliApp.UsesProcessConsole && !Console.IsErrorRedirected ? ProgressMode.Bar : ProgressMode.Plain)
                    : o.Progress;
                return new BatchRunner(o, pipeline, pipelineTime).Run(inputs, journal, previous, mode, stdout, stderr, cts.Token);
            }
        }
        finally
        {
            if (onCancel is not null) Console.CancelKeyPress -= onCancel;
        }
    }

    private sealed class MergeOptions
    {
        public string Out { get; set; } = "";
        public List<string> Manifests { get; } = [];
    }

    private static MergeOptions ParseMerge(IReadOnlyList<string> args, TextWriter stdout)
    {
        var o = new MergeOptions();
        bool outSeen = false;
        var flags = new List<FlagSpec>
        {
            new("--help", null, _ => { stdout.Write(MergeUsage + "\nJoin shard manifests (JSON lines) into STEM.jsonl and STEM.csv, one row per input sorted by input;\nan input in several manifests keeps its row from the last one given.\n"); throw new EarlyExitException(); }, "-h"),
            new("--out", "STEM", v => { o.Out = v!; outSeen = true; }),
        };
        o.Manifests.AddRange(ArgParser.Parse(args, flags, ["MANIFESTS"], lastIsVariadic: true));
        if (!outSeen) throw new UsageException("the following arguments are required: --out");
        foreach (string m in o.Manifests)
            if (!m.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
                throw new UsageException($"argument MANIFESTS: '{m}' must be a .jsonl manifest (the CSV cannot be merged exactly)");
        return o;
    }

    private static int ExecuteMerge(MergeOptions o, TextWriter stdout, TextWriter stderr)
    {
        var rows = new Dictionary<string, BatchRow>(StringComparer.Ordinal);
        foreach (string m in o.Manifests)
        {
            if (!File.Exists(m)) throw new CommandFailedException($"cannot read manifest '{m}': no such file");
            try { foreach (var r in Manifest.ReadJsonl(m)) rows[r.Input] = r; }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            { throw new CommandFailedException($"cannot read manifest '{m}': {e.Message}"); }
        }
        string stem = o.Out.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || o.Out.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
            ? Path.ChangeExtension(o.Out, null) : o.Out;
        var sorted = rows.Values.OrderBy(r => r.Input, StringComparer.Ordinal).ToList();
        CommandRunner.Write(stem + ".jsonl", "merged manifest", p => Manifest.WriteBoth(p, sorted));
        int failed = sorted.Count(r => r.Status == BatchRow.Failed);
        stdout.WriteLine($"segment batch merge: {sorted.Count} rows from {o.Manifests.Count} manifests ({failed} failed) -> {stem}.jsonl, {stem}.csv");
        return ExitCodes.Ok;
    }
}
