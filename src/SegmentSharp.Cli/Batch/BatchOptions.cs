namespace SegmentSharp.Cli.Batch;

/// <summary>How `segment batch` shows progress on stderr.</summary>
internal enum ProgressMode { Auto, Bar, Plain, None }

/// <summary>Everything `segment batch` was asked to do, after parsing.</summary>
internal sealed class BatchOptions
{
    public string PipelinePath { get; set; } = "";
    public List<string> Inputs { get; } = [];
    public string OutDir { get; set; } = "";
    /// <summary>Glob patterns a file inside a folder input must match; empty = the known image extensions.</summary>
    public List<string> Include { get; } = [];
    public List<string> Exclude { get; } = [];
    public int Jobs { get; set; } = Environment.ProcessorCount;
    /// <summary>Memory budget in bytes for the images in flight at once.</summary>
    public long MaxMemory { get; set; } = DefaultMaxMemory();
    public long MaxPixels { get; set; } = 1L << 30;
    public int ShardIndex { get; set; }
    public int ShardCount { get; set; } = 1;
    public bool Force { get; set; }
    public ProgressMode Progress { get; set; } = ProgressMode.Auto;
    /// <summary>The JSON-lines manifest; null = OUT/manifest.jsonl (OUT/manifest.shard-I-of-N.jsonl when sharded).</summary>
    public string? ManifestPath { get; set; }

    public string ManifestJsonl => ManifestPath ?? Path.Combine(OutDir,
        ShardCount == 1 ? "manifest.jsonl" : $"manifest.shard-{ShardIndex}-of-{ShardCount}.jsonl");

    /// <summary>Three quarters of the memory the runtime may use (the container limit when there is one).</summary>
    private static long DefaultMaxMemory()
    {
        long total = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        return total > 0 ? total / 4 * 3 : 4L << 30;
    }
}
