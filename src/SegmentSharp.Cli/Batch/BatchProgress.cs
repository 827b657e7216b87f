using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace SegmentSharp.Cli.Batch;

/// <summary>Counts of a running batch, shared by the workers and the progress display.</summary>
internal sealed class BatchCounters(int total, int skipped)
{
    private int _ok, _failed;
    public int Total { get; } = total;
    public int Skipped { get; } = skipped;
    public int Ok => Volatile.Read(ref _ok);
    public int Failed => Volatile.Read(ref _failed);
    /// <summary>Images finished in this run (ok or failed), the basis of the rate.</summary>
    public int Processed => Ok + Failed;
    public int Done => Processed + Skipped;
    public Stopwatch Clock { get; } = Stopwatch.StartNew();

    public void Count(BatchRow row)
    {
        if (row.Status == BatchRow.Failed) Interlocked.Increment(ref _failed);
        else Interlocked.Increment(ref _ok);
    }

    public double Rate => Processed / Math.Max(1e-9, Clock.Elapsed.TotalSeconds);

    public string Eta
    {
        get
        {
            int left = Total - Done;
            if (left <= 0) return "0s";
            if (Processed == 0) return "?";
            return FormatSeconds(left / Rate);
        }
    }

    public static string FormatSeconds(double s)
    {
        var t = TimeSpan.FromSeconds(Math.Ceiling(s));
        return t.TotalHours >= 1 ? $"{(int)t.TotalHours}h{t.Minutes:00}m" : t.TotalMinutes >= 1 ? $"{t.Minutes}m{t.Seconds:00}s" : $"{t.Seconds}s";
    }

    public string Line() => string.Create(CultureInfo.InvariantCulture,
        $"{Done}/{Total} images ({100.0 * Done / Math.Max(1, Total):0}%), {Rate:0.0} images/s, ETA {Eta}, {Failed} failed");
}

/// <summary>
/// Shows a batch's progress on stderr while <c>work</c> runs on other threads and reports per-image errors as they
/// happen. The live bar (Spectre.Console) is only for a terminal; otherwise plain lines every 2 seconds keep logs
/// readable and tests deterministic (their content is never asserted).
/// </summary>
internal static class BatchProgress
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(2);

    public static void Run(ProgressMode mode, BatchCounters counters, TextWriter stderr, Task work, Func<string?> nextError)
    {
        if (mode == ProgressMode.Bar) RunBar(counters, work, nextError);
        else RunPlain(mode == ProgressMode.Plain, counters, stderr, work, nextError);
    }

    private static void RunPlain(bool lines, BatchCounters counters, TextWriter stderr, Task work, Func<string?> nextError)
    {
        var last = Stopwatch.StartNew();
        while (!work.Wait(100))
        {
            Drain(nextError, stderr.WriteLine);
            if (lines && last.Elapsed >= PlainInterval)
            {
                stderr.WriteLine("segment batch: " + counters.Line());
                last.Restart();
            }
        }
        Drain(nextError, stderr.WriteLine);
    }

    private static void RunBar(BatchCounters counters, Task work, Func<string?> nextError)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Error),
            Interactive = InteractionSupport.Yes,
        });
        console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new ProgressBarColumn(), new TaskDescriptionColumn { Alignment = Justify.Left })
            .Start(ctx =>
            {
                var task = ctx.AddTask("starting", maxValue: Math.Max(1, counters.Total));
                while (true)
                {
                    bool finished = work.Wait(150);
                    // Lines written through the same console while the bar is live appear above it.
                    Drain(nextError, line => console.WriteLine(line, new Style(Spectre.Console.Color.Red)));
                    task.Value = counters.Done;
                    task.Description = Markup.Escape(counters.Line());
                    ctx.Refresh();
                    if (finished) break;
                }
            });
    }

    private static void Drain(Func<string?> nextError, Action<string> write)
    {
        while (nextError() is { } line) write(line);
    }
}
