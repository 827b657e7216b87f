using SegmentSharp.Cli.Batch;

namespace SegmentSharp.CliTests;

/// <summary>--shard splits any file set exactly, and merging the shards' manifests gives the unsharded manifest.</summary>
public sealed class BatchShardTests
{
    [Fact]
    public void Fnv1aMatchesTheReferenceVectors()
    {
        Assert.Equal(0xcbf29ce484222325UL, ShardHash.Fnv1a64(""));
        Assert.Equal(0xaf63dc4c8601ec8cUL, ShardHash.Fnv1a64("a"));
        Assert.Equal(0x85944171f73967e8UL, ShardHash.Fnv1a64("foobar"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void ShardsCoverEveryInputOnceAndMergeToTheUnshardedManifest(int seed)
    {
        var rng = new Random(seed);
        using var cli = new InProcessCli();
        string pipeline = BatchTestFiles.WritePipeline(cli.Dir);
        string dir = cli.Out("in");
        int files = rng.Next(1, 40), shards = rng.Next(1, 7);
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (names.Count < files)
        {
            string folder = rng.Next(3) switch { 0 => "", 1 => $"d{rng.Next(3)}/", _ => $"d{rng.Next(3)}/e{rng.Next(2)}/" };
            names.Add($"{folder}{(char)('a' + rng.Next(26))}{rng.Next(1000)}.png");
        }
        foreach (string n in names) BatchTestFiles.WriteImage(Path.Combine(dir, n), rng.Next(1, 12), rng.Next(1, 12), rng.Next());
        // One corrupt file so the manifests carry a failed row too.
        File.WriteAllBytes(Path.Combine(dir, "zz-broken.png"), [0x89, (byte)'P', (byte)'N', (byte)'G']);
        names.Add("zz-broken.png");

        string outDir = cli.Out("sharded");
        var manifests = new List<string>();
        var seen = new List<string>();
        for (int i = 0; i < shards; i++)
        {
            var r = cli.Run("batch", "--pipeline", pipeline, dir, "--out", outDir, "--shard", $"{i}/{shards}", "--progress", "none");
            Assert.InRange(r.ExitCode, 0, 3);
            string m = Path.Combine(outDir, shards == 1 ? "manifest.jsonl" : $"manifest.shard-{i}-of-{shards}.jsonl");
            manifests.Add(m);
            var rows = BatchTestFiles.Rows(m);
            Assert.All(rows, row => Assert.Equal(i, ShardHash.ShardOf(row.Input, shards)));
            seen.AddRange(rows.Select(row => row.Input));
        }
        Assert.Equal(names.OrderBy(n => n, StringComparer.Ordinal), seen.OrderBy(n => n, StringComparer.Ordinal));

        var whole = cli.Run("batch", "--pipeline", pipeline, dir, "--out", cli.Out("whole"), "--progress", "none");
        Assert.Equal(3, whole.ExitCode);
        var merge = cli.Run(["batch", "merge", .. manifests, "--out", cli.Out("merged")]);
        Assert.True(merge.ExitCode == 0, merge.Stderr);
        Assert.Equal(
            BatchTestFiles.Rows(cli.Out("whole/manifest.jsonl")).Select(BatchTestFiles.Untimed),
            BatchTestFiles.Rows(cli.Out("merged.jsonl")).Select(BatchTestFiles.Untimed));
        Assert.Equal(names.Count + 1, File.ReadAllLines(cli.Out("merged.csv")).Length);
    }
}
