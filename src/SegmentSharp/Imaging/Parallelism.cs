namespace SegmentSharp.Imaging;

/// <summary>
/// Process-wide switch for the row- and tile-parallel loops. Set <see cref="MaxDegreeOfParallelism"/>
/// to 1 to run every operation single-threaded (what the single-threaded benchmarks do).
/// </summary>
public static class Parallelism
{
    private static int _max = Environment.ProcessorCount;

    /// <summary>Maximum worker threads an operation may use; defaults to the processor count.</summary>
    public static int MaxDegreeOfParallelism
    {
        get => _max;
        set => _max = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), "Must be at least 1.");
    }

    /// <summary>
    /// Runs <paramref name="body"/> over row bands <c>[start, end)</c> covering <c>[0, rows)</c>, on at most
    /// <see cref="MaxDegreeOfParallelism"/> threads. Small jobs (under about 64k samples of work, or too few rows to
    /// give each band <paramref name="minRowsPerBand"/>) run inline on the calling thread. The operations and the
    /// codecs use it, so one setting governs them all.
    /// </summary>
    /// <param name="rows">Rows to cover.</param>
    /// <param name="workPerRow">A rough cost of one row (e.g. samples touched), used only to skip tiny jobs.</param>
    /// <param name="body">Processes rows <c>[start, end)</c>; bands never overlap.</param>
    /// <param name="minRowsPerBand">The fewest rows worth a band of its own.</param>
    public static void ForBands(int rows, long workPerRow, Action<int, int> body, int minRowsPerBand = 16)
    {
        int workers = _max;
        // Below ~64k samples of work a thread hop costs more than it saves.
        if (workers <= 1 || rows < 2 * minRowsPerBand || rows * workPerRow < 65536)
        {
            body(0, rows);
            return;
        }
        int bands = Math.Min(workers * 4, rows / minRowsPerBand);
        bands = Math.Max(bands, 1);
        Parallel.For(0, bands, new ParallelOptions { MaxDegreeOfParallelism = workers }, b =>
        {
            int start = (int)((long)rows * b / bands);
            int end = (int)((long)rows * (b + 1) / bands);
            if (end > start) body(start, end);
        });
    }
}
