using System.Text;

namespace SegmentSharp.Cli.Batch;

/// <summary>
/// Deterministic shard assignment: FNV-1a (64-bit) of the input's relative path with '/' separators, modulo the shard
/// count. Unlike string.GetHashCode it is the same in every process, on every machine and in every .NET version, so
/// independent workers given the same inputs split them without talking to each other.
/// </summary>
internal static class ShardHash
{
    public static ulong Fnv1a64(string relativePath)
    {
        ulong h = 14695981039346656037UL;
        foreach (byte b in Encoding.UTF8.GetBytes(relativePath))
        {
            h ^= b;
            h *= 1099511628211UL;
        }
        return h;
    }

    public static int ShardOf(string relativePath, int shardCount) => (int)(Fnv1a64(relativePath) % (ulong)shardCount);
}
