using SegmentSharp.Thresholding.Document;

namespace SegmentSharp.Tests.Thresholding;

/// <summary>The document binarizer's whole-page vector loops against their scalar twins.</summary>
public class PageLoopsTests
{
    private static readonly int[] Lengths = [0, 1, 7, 8, 9, 15, 16, 17, 31, 32, 33, 100, 1000];

    [Fact]
    public void VectorLoopsEqualTheirScalarTwins()
    {
        var rng = new Random(79);
        foreach (int len in Lengths)
        {
            var bg = new byte[len]; var img = new byte[len];
            rng.NextBytes(bg); rng.NextBytes(img);
            var text = new byte[len];
            for (int i = 0; i < len; i++) text[i] = (byte)rng.Next(3);   // 0, 1 and EdgeVote.Undecided
            var wide = new byte[len];
            for (int i = 0; i < len; i++) wide[i] = (byte)rng.Next(3);

            var s1 = (byte[])text.Clone(); var s2 = (byte[])text.Clone();
            PageLoops.Settle(s1, wide, EdgeVote.Undecided);
            PageLoops.SettleScalar(s2, wide, EdgeVote.Undecided);
            Assert.Equal(s2, s1);

            Assert.Equal(PageLoops.DepthsScalar(s2, bg, img), PageLoops.Depths(s1, bg, img));

            foreach (int depth in new[] { -300, -5, 0, 7, 254, 255, 1000 })
            {
                var v1 = (byte[])s1.Clone(); var v2 = (byte[])s1.Clone();
                PageLoops.Veto(v1, bg, img, depth);
                PageLoops.VetoScalar(v2, bg, img, depth);
                Assert.Equal(v2, v1);
            }

        }
    }
}
