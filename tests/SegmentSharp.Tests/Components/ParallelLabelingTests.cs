using SegmentSharp.Components;
using SegmentSharp.Imaging;

namespace SegmentSharp.Tests.Components;

/// <summary>The band-parallel labeling must number components exactly like the sequential scan, for any band count.</summary>
public class ParallelLabelingTests
{
    [Theory]
    [InlineData(Connectivity.Eight)]
    [InlineData(Connectivity.Four)]
    public void BandCountsDoNotChangeLabelsOrStats(Connectivity c)
    {
        var rng = new Random(2026 + (int)c);
        int saved = Parallelism.MaxDegreeOfParallelism;
        try
        {
            foreach (var (w, h, d) in new[] { (600, 500, 0.5), (513, 771, 0.3), (1024, 257, 0.7), (700, 640, 0.05) })
            {
                var src = new Image<byte>(w, h);
                for (int i = 0; i < src.Data.Length; i++) src.Data[i] = rng.NextDouble() < d ? (byte)255 : (byte)0;
                // Long vertical bars cross every seam and join components only through seam merges.
                for (int x = 5; x < w; x += 97) for (int y = 0; y < h; y++) src.Data[y * w + x] = 255;

                Parallelism.MaxDegreeOfParallelism = 1;
                var seq = ConnectedComponents.LabelWithStats(src.ReadOnlyView, c, out var seqStats);
                var seqOnly = ConnectedComponents.Label(src.ReadOnlyView, c, out int seqCount);
                foreach (int threads in new[] { 2, 3, 7 })
                {
                    Parallelism.MaxDegreeOfParallelism = threads;
                    var par = ConnectedComponents.LabelWithStats(src.ReadOnlyView, c, out var parStats);
                    var parOnly = ConnectedComponents.Label(src.ReadOnlyView, c, out int parCount);
                    Assert.Equal(seqCount, parCount);
                    Assert.True(seq.Data.AsSpan().SequenceEqual(par.Data), $"{w}x{h} threads {threads}: labels differ");
                    Assert.True(seqOnly.Data.AsSpan().SequenceEqual(parOnly.Data), $"{w}x{h} threads {threads}: label-only differs");
                    Assert.Equal(seqStats.Components, parStats.Components);
                }
            }
        }
        finally { Parallelism.MaxDegreeOfParallelism = saved; }
    }
}
