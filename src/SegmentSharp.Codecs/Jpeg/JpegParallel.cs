using SegmentSharp.Imaging;

namespace SegmentSharp.Codecs;

/// <summary>Row-band parallel loop honouring <see cref="Parallelism.MaxDegreeOfParallelism"/> (the core's helper is internal).</summary>
internal static class JpegParallel
{
    internal static void ForBands(int rows, long workPerRow, Action<int, int> body, int minRowsPerBand = 16)
    {
        int workers = Parallelism.MaxDegreeOfParallelism;
        if (workers <= 1 || rows < 2 * minRowsPerBand || rows * workPerRow < 65536)
        {
            body(0, rows);
            return;
        }
        int bands = Math.Max(1, Math.Min(workers * 4, rows / minRowsPerBand));
        Parallel.For(0, bands, new ParallelOptions { MaxDegreeOfParallelism = workers }, b =>
        {
            int start = (int)((long)rows * b / bands), end = (int)((long)rows * (b + 1) / bands);
            if (end > start) body(start, end);
        });
    }
}
