using SegmentSharp.Thresholding.Document;

namespace SegmentSharp.Tests.Thresholding;

/// <summary>
/// The edge vote of the document binarizer against a direct reference that sums every (clipped) window from scratch
/// (its column update is <see cref="SegmentSharp.Thresholding.Local.MaskedWindowSums.AddMasked"/>, twin-tested with
/// the masked window sums).
/// </summary>
public class EdgeVoteTests
{
    private static byte[] Reference(byte[] img, byte[] edge, int w, int h, int radius, int nMin, double k)
    {
        var text = new byte[w * h];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                long n = 0, s1 = 0, s2 = 0;
                for (int yy = Math.Max(0, y - radius); yy <= Math.Min(h - 1, y + radius); yy++)
                    for (int xx = Math.Max(0, x - radius); xx <= Math.Min(w - 1, x + radius); xx++)
                        if (edge[yy * w + xx] != 0) { long v = img[yy * w + xx]; n++; s1 += v; s2 += v * v; }
                byte t = EdgeVote.Undecided;
                if (n >= nMin && n > 0)
                {
                    long dv = img[y * w + x] * n - s1;
                    t = dv <= 0 || (double)dv * dv <= k * k * Math.Max(0, (double)n * s2 - (double)s1 * s1) ? (byte)1 : (byte)0;
                }
                text[y * w + x] = t;
            }
        return text;
    }

    [Fact]
    public void RunEqualsDirectWindowSums()
    {
        var rng = new Random(71);
        int cases = 0;
        foreach (var (w, h) in new[] { (1, 1), (1, 9), (9, 1), (7, 5), (17, 13), (40, 23), (65, 30) })
            foreach (int radius in new[] { 1, 2, 5, 12, 40 })
                foreach (double k in new[] { 0.5, 0.0 })
                {
                    var img = new byte[w * h]; var edge = new byte[w * h];
                    rng.NextBytes(img);
                    for (int i = 0; i < edge.Length; i++) edge[i] = (byte)(rng.Next(3) == 0 ? 1 : 0);
                    int nMin = rng.Next(0, 2 * radius + 2);
                    var got = new byte[w * h];
                    EdgeVote.Run(img, edge, w, h, radius, nMin, k, got);
                    Assert.True(Reference(img, edge, w, h, radius, nMin, k).AsSpan().SequenceEqual(got),
                        $"{w}x{h} radius {radius} nMin {nMin} k {k}");
                    cases++;
                }
        Assert.Equal(70, cases);
    }
}

