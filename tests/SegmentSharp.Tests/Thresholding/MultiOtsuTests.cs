using CsCheck;
using SegmentSharp.Codecs;
using SegmentSharp.Imaging;
using SegmentSharp.Thresholding;

namespace SegmentSharp.Tests.Thresholding;

public class MultiOtsuTests
{
    private static IEnumerable<(string Name, int Classes, int[]? Thresholds)> Goldens() =>
        File.ReadLines(Path.Combine(GlobalGoldens.Dir, "multiotsu.txt")).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(f => (f[0], int.Parse(f[1]), f[2] == "ERR" ? null : f.Skip(2).Select(int.Parse).ToArray()));

    [Fact]
    public void EqualsScikitImageOnGoldens()
    {
        int count = 0;
        foreach (var (name, classes, expected) in Goldens())
        {
            var hist = GlobalGoldens.Histograms[name];
            if (expected is null)
                Assert.Throws<ArgumentException>(() => MultiOtsu.Thresholds(hist, classes));
            else
                Assert.True(expected.SequenceEqual(MultiOtsu.Thresholds(hist, classes)),
                    $"{name} K={classes}: skimage {string.Join(",", expected)}, ours {string.Join(",", MultiOtsu.Thresholds(hist, classes))}");
            count++;
        }
        Assert.True(count >= 60);
    }

    [Fact]
    public void TwoClassesIsAnOtsuSplit()
    {
        // With two classes the search is Otsu's criterion; it must split between occupied levels.
        Gen.Long[0, 1000].Array[256].Where(h => h.Count(c => c > 0) >= 3).Sample(h =>
        {
            int[] t = MultiOtsu.Thresholds(h, 2);
            Assert.Single(t);
            Assert.True(h.Take(t[0] + 1).Sum() > 0 && h.Skip(t[0] + 1).Sum() > 0);
        }, iter: 50);
    }

    [Fact]
    public void ThresholdsAscendAndSplitOccupiedLevels()
    {
        Gen.Long[0, 50].Array[256].Select(Gen.Int[2, 4]).Where((h, k) => h.Count(c => c > 0) >= k).Sample((h, k) =>
        {
            int[] t = MultiOtsu.Thresholds(h, k);
            Assert.Equal(k - 1, t.Length);
            for (int i = 1; i < t.Length; i++) Assert.True(t[i] > t[i - 1]);
        }, iter: 10);
    }

    [Fact]
    public void ApplyLabelsByNumberOfThresholdsExceeded()
    {
        var gray = ImageFile.ReadGray(RepoPaths.Sample("coins.png"));
        var view = gray.ReadOnlyView.Slice(3, 1, 201, 150);
        for (int k = 2; k <= 4; k++)
        {
            var viewHist = new long[256];
            for (int y = 0; y < view.Height; y++) foreach (byte v in view.Row(y)) viewHist[v]++;
            int[] t = MultiOtsu.Thresholds(viewHist, k);
            var labels = MultiOtsu.Apply(view, k);
            Assert.Equal((view.Width, view.Height), (labels.Width, labels.Height));
            for (int y = 0; y < view.Height; y++)
                for (int x = 0; x < view.Width; x++)
                {
                    byte v = view.Row(y)[x];
                    Assert.Equal(t.Count(th => v > th), labels.Row(y)[x]);
                }
        }
    }

    [Fact]
    public void RejectsBadInput()
    {
        var h = new long[256];
        h[10] = 5; h[20] = 5;
        Assert.Throws<ArgumentOutOfRangeException>(() => MultiOtsu.Thresholds(h, 1));
        Assert.Throws<ArgumentException>(() => MultiOtsu.Thresholds(h, 3));
        Assert.Equal(new[] { 10 }, MultiOtsu.Thresholds(h, 2));
        Assert.Throws<ArgumentException>(() => MultiOtsu.Apply(new Image<byte>(2, 2, 3).ReadOnlyView, 2));
    }
}

public class MultiOtsuTwinTests
{
    [Fact]
    public void VectorBlockSearchEqualsScalarTwin()
    {
        var rng = new Random(11);
        foreach (int len in new[] { 0, 1, 7, 8, 9, 29, 250 })
            for (int rep = 0; rep < 50; rep++)
            {
                var tail = new float[len];
                var last = new float[len];
                for (int i = 0; i < len; i++)
                {
                    // Few distinct values so that ties are common and order matters.
                    tail[i] = rng.Next(4) * 0.1f + (float)rng.NextDouble() * (rep % 2);
                    last[i] = rng.Next(4) * 0.3f;
                }
                float[] fixedTerms = Enumerable.Range(0, rep % 4).Select(_ => (float)rng.NextDouble()).ToArray();
                float first = (float)rng.NextDouble(), start = rep % 3 == 0 ? 0f : 1.5f;
                float a = start, b = start;
                int va = MultiOtsu.BlockArgMax(tail, last, first, fixedTerms, ref a);
                int vb = MultiOtsu.BlockArgMaxScalar(tail, last, first, fixedTerms, ref b);
                Assert.Equal(vb, va);
                Assert.Equal(b, a);
            }
    }
}
