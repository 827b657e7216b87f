using System.Collections.Concurrent;
using System.Diagnostics;
using SegmentSharp.Codecs;
using SegmentSharp.Pipelines;

namespace SegmentSharp.Cli.Batch;

/// <summary>
/// Runs one pipeline over many images: resume decisions, a fixed number of worker threads admitted by a memory
/// budget, one journal row per finished image, and the final manifest (one row per input, sorted by input).
/// </summary>
internal sealed class BatchRunner(BatchOptions options, Pipeline pipeline, DateTime pipelineWriteUtc)
{
    private readonly ConcurrentQueue<string> _errors = new();

    /// <summary>Runs every input; returns the exit code.</summary>
    public int Run(IReadOnlyList<BatchInput> inputs, ManifestJournal journal, Dictionary<string, BatchRow> previous,
        ProgressMode progress, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        var final = new BatchRow?[inputs.Count];
        var todo = new List<int>();
        for (int i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            if (!options.Force && previous.TryGetValue(input.Relative, out var prev) && prev.HasResult && IsUpToDate(input))
                final[i] = prev with { Status = BatchRow.Skipped };
            else todo.Add(i);
        }
        RemoveStaleTemporaries(inputs, todo);

        var counters = new BatchCounters(inputs.Count, inputs.Count - todo.Count);
        var budget = new MemoryBudget(options.MaxMemory);
        var runOptions = new PipelineRunOptions { MaxPixels = options.MaxPixels, Cancellation = cancel };
        int next = -1;
        void Worker()
        {
            int k;
            while (!cancel.IsCancellationRequested && (k = Interlocked.Increment(ref next)) < todo.Count)
            {
                int i = todo[k];
                BatchRow? row = RunOne(inputs[i], budget, runOptions, cancel);
                if (row is null) continue; // cancelled: neither done nor failed
                final[i] = row;
                journal.Append(row);
                counters.Count(row);
                if (row.Status == BatchRow.Failed) _errors.Enqueue($"segment batch: error: '{inputs[i].Source}': {row.Error}");
            }
        }
        var threads = Enumerable.Range(0, Math.Max(1, Math.Min(options.Jobs, Math.Max(1, todo.Count))))
            .Select(n => new Thread(Worker) { IsBackground = true, Name = $"batch-{n}" }).ToList();
        threads.ForEach(t => t.Start());
        var work = Task.Run(() => threads.ForEach(t => t.Join()));
        BatchProgress.Run(progress, counters, stderr, work, () => _errors.TryDequeue(out var e) ? e : null);

        var rows = final.Where(r => r is not null).Select(r => r!).ToList();
        try { Manifest.WriteBoth(options.ManifestJsonl, rows); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"segment batch: error: cannot write manifest '{options.ManifestJsonl}': {e.Message} (the journal keeps the rows written so far)");
            return ExitCodes.Failure;
        }

        double secs = counters.Clock.Elapsed.TotalSeconds;
        stdout.WriteLine($"segment batch: {inputs.Count} images: {counters.Ok} ok, {counters.Skipped} skipped, {counters.Failed} failed " +
                         $"in {secs:0.0} s ({counters.Rate:0.0} images/s, peak memory budget used {ByteSize.Format(budget.Peak)}); " +
                         $"manifest {Path.ChangeExtension(options.ManifestJsonl, ".csv")}");
        if (cancel.IsCancellationRequested)
        {
            stderr.WriteLine($"segment batch: error: interrupted after {counters.Done} of {inputs.Count} images; run the same command again to resume");
            return 130;
        }
        return counters.Failed > 0 ? ExitCodes.PartialFailure : ExitCodes.Ok;
    }

    /// <summary>All outputs exist and each is newer than both the input and the pipeline file.</summary>
    private bool IsUpToDate(BatchInput input)
    {
        DateTime inputTime;
        try
        {
            if (!File.Exists(input.Source)) return false;
            inputTime = File.GetLastWriteTimeUtc(input.Source);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
        foreach (string output in pipeline.OutputPaths(input.OutputStem(options.OutDir)))
        {
            var info = new FileInfo(output);
            if (!info.Exists || info.LastWriteTimeUtc <= inputTime || info.LastWriteTimeUtc <= pipelineWriteUtc) return false;
        }
        return true;
    }

    /// <summary>
    /// Deletes the atomic writer's temporaries (".NAME.PID.GUID.tmp") left by a killed run next to outputs this run
    /// redoes. Only names of this run's own outputs are touched, so shards sharing --out never delete each other's files.
    /// </summary>
    private void RemoveStaleTemporaries(IReadOnlyList<BatchInput> inputs, List<int> todo)
    {
        var byFolder = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        void Add(string path)
        {
            string full = Path.GetFullPath(path);
            string dir = Path.GetDirectoryName(full)!;
            if (!byFolder.TryGetValue(dir, out var names)) byFolder[dir] = names = new HashSet<string>(StringComparer.Ordinal);
            names.Add(Path.GetFileName(full));
        }
        foreach (int i in todo)
            foreach (string o in pipeline.OutputPaths(inputs[i].OutputStem(options.OutDir))) Add(o);
        Add(options.ManifestJsonl);
        Add(Path.ChangeExtension(options.ManifestJsonl, ".csv"));
        foreach (var (dir, names) in byFolder)
        {
            if (!Directory.Exists(dir)) continue;
            foreach (string temp in Directory.EnumerateFiles(dir, ".*.tmp"))
            {
                string name = Path.GetFileName(temp);
                // ".NAME.PID.GUID.tmp": drop the leading dot and the last three dot-separated parts.
                string[] parts = name[1..].Split('.');
                if (parts.Length < 4) continue;
                string original = string.Join('.', parts[..^3]);
                if (!names.Contains(original)) continue;
                try { File.Delete(temp); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
            }
        }
    }

    private BatchRow? RunOne(BatchInput input, MemoryBudget budget, PipelineRunOptions runOptions, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        if (input.Problem is not null) return BatchRow.Failure(input.Relative, input.Problem);
        long need;
        try
        {
            need = Admission(input);
        }
        catch (AdmissionException e) { return BatchRow.Failure(input.Relative, e.Message, clock.Elapsed.TotalMilliseconds); }
        try { budget.Acquire(need, cancel); }
        catch (OperationCanceledException) { return null; }
        try
        {
            string stem = input.OutputStem(options.OutDir);
            string? folder = Path.GetDirectoryName(Path.GetFullPath(stem));
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
            var r = pipeline.Run(input.Source, stem, runOptions);
            return new BatchRow(input.Relative, BatchRow.Ok, r.Threshold, r.ForegroundPercent, r.ComponentCount,
                clock.Elapsed.TotalMilliseconds, r.TimingsMs.ToList(), null);
        }
        catch (OperationCanceledException) { return null; }
        catch (Exception e)
        {
            return BatchRow.Failure(input.Relative, Describe(e), clock.Elapsed.TotalMilliseconds);
        }
        finally { budget.Release(need); }
    }

    /// <summary>
    /// Reads the header to refuse what cannot succeed (zero or too many pixels, more memory than the whole budget)
    /// before any decoding, and returns the memory estimate to reserve.
    /// </summary>
    private long Admission(BatchInput input)
    {
        if (Directory.Exists(input.Source)) throw new AdmissionException("it is a folder, not an image file");
        byte[] head;
        long length;
        try
        {
            using var fs = new FileStream(input.Source, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
            head = new byte[HeaderBytes];
            int n = fs.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            Array.Resize(ref head, n);
            length = Math.Max(fs.Length, n);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new AdmissionException(Describe(e)); }
        if (length == 0) throw new AdmissionException("the file is empty, not an image");
        long w = 0, h = 0;
        bool known = HeaderIsWhole(head) && ImageHeader.TryReadSize(head, out w, out h);
        if (known)
        {
            if (w == 0 || h == 0) throw new AdmissionException($"the image is {w}x{h}: zero width or height");
            if (w * h > options.MaxPixels)
                throw new AdmissionException($"the image is {w}x{h} = {w * h} pixels, more than --max-pixels {options.MaxPixels}");
        }
        long need = MemoryBudget.Estimate(length, known ? w * h : null);
        if (need > options.MaxMemory)
            throw new AdmissionException($"it needs about {ByteSize.Format(need)}, more than --max-memory {ByteSize.Format(options.MaxMemory)}");
        return need;
    }

    private static string Describe(Exception e) => e switch
    {
        FileNotFoundException => "no such file",
        DirectoryNotFoundException => $"no such folder: {e.Message}",
        ImageFormatException or PipelineException => e.Message,
        UnauthorizedAccessException => $"permission denied: {e.Message}",
        IOException => $"cannot read or write: {e.Message}",
        OutOfMemoryException => "out of memory: lower --jobs or --max-memory",
        _ => $"internal error: {e.GetType().Name}: {e.Message}",
    };

    /// <summary>
    /// A PNG's size is only trusted when its first chunk really is IHDR; otherwise a damaged file would be refused for
    /// a nonsense size instead of getting the decoder's own reason.
    /// </summary>
    private static bool HeaderIsWhole(ReadOnlySpan<byte> head)
        => head.Length < 16 || head[0] != 0x89 || head[12..16].SequenceEqual("IHDR"u8);

    /// <summary>Enough for every header ImageHeader reads, including JPEG files with large EXIF blocks before SOF.</summary>
    private const int HeaderBytes = 64 * 1024;

    private sealed class AdmissionException(string message) : Exception(message);
}
