namespace SegmentSharp.Cli.Batch;

/// <summary>
/// Admits images while the sum of their memory estimates stays within the budget. An image that alone fits the budget
/// always starts once nothing else runs, so the batch never stalls; one that alone does not fit is refused up front.
/// </summary>
internal sealed class MemoryBudget(long limit)
{
    private readonly object _gate = new();
    private long _used;

    public long Limit => limit;
    /// <summary>The largest sum of estimates admitted at once.</summary>
    public long Peak { get; private set; }

    /// <summary>
    /// Bytes one image is expected to need while the pipeline runs: the file itself plus 16 bytes per pixel (decoded
    /// colour 3, gray 1, blurred 1, mask 1, morphology scratch 1, int32 labels 4, BGR overlay 3, and 2 for the encoders'
    /// buffers). Without dimensions (unknown format) the pixel count is guessed as 8 per file byte, a generous bound
    /// for compressed images of documents and scenes.
    /// </summary>
    public static long Estimate(long fileBytes, long? pixels) => fileBytes + 16 * (pixels ?? fileBytes * 8);

    public void Acquire(long bytes, CancellationToken cancel)
    {
        lock (_gate)
        {
            while (_used > 0 && _used + bytes > limit)
            {
                cancel.ThrowIfCancellationRequested();
                Monitor.Wait(_gate, 200);
            }
            _used += bytes;
            if (_used > Peak) Peak = _used;
        }
    }

    public void Release(long bytes)
    {
        lock (_gate)
        {
            _used -= bytes;
            Monitor.PulseAll(_gate);
        }
    }
}
