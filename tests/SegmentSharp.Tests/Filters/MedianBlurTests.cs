using CsCheck;
using SegmentSharp.Filters;
using SegmentSharp.Imaging;

namespace SegmentSharp.Tests.Filters;

public unsafe class MedianBlurTests
{
    private static readonly int[] Widths = [16, 32];

    /// <summary>Lengths around both vector widths: w−1, w, w+1, 3w+5, plus a long row.</summary>
    public static IEnumerable<int> LengthsFor(int vw) => [vw, vw + 1, 2 * vw - 1, 2 * vw, 3 * vw + 5, 517];

    private delegate void SortCols(byte** rows, byte* lvl, int ls, int k, int n);
    private delegate void MedRow(byte* lvl, int ls, byte* dst, int n, int cn, int k);

    [Fact]
    public void NetworksMatchScalarTwins()
    {
        var rng = new Random(3);
        var cases = new (int Vw, SortCols Sort, MedRow Med)[]
        {
            (16, MedianSortNet.SortColumnsVector<ByteV128>, MedianSortNet.MedianRowVector<ByteV128>),
            (32, MedianSortNet.SortColumnsVector<ByteV256>, MedianSortNet.MedianRowVector<ByteV256>),
        };
        foreach (var (vw, sort, med) in cases)
            foreach (int k in new[] { 3, 5 })
                foreach (int cn in new[] { 1, 3, 4 })
                    foreach (int n in LengthsFor(vw))
                        foreach (int value in new[] { -1, 0, 255, 7 })
                            CompareTwins(rng, sort, med, k, cn, n, value);
        // The dispatchers also take rows shorter than a vector (scalar only).
        foreach (int n in new[] { 0, 1, 2, 15, 31 })
            CompareTwins(rng, MedianSortNet.SortColumns, MedianSortNet.MedianRow, 5, 1, n, -1);
    }

    private static void CompareTwins(Random rng, SortCols sort, MedRow med, int k, int cn, int n, int value)
    {
        int padded = n + (k - 1) * cn, ls = padded + 64;
        var src = new byte[k * ls];
        if (value < 0) rng.NextBytes(src);
        else if (value == 7) for (int i = 0; i < src.Length; i++) src[i] = (byte)rng.Next(2); // many ties
        else Array.Fill(src, (byte)value);
        var lvlA = new byte[k * ls]; var lvlB = new byte[k * ls];
        var outA = new byte[n + 1]; var outB = new byte[n + 1];
        fixed (byte* s = src) fixed (byte* la = lvlA) fixed (byte* lb = lvlB) fixed (byte* oa = outA) fixed (byte* ob = outB)
        {
            byte** rows = stackalloc byte*[k];
            for (int d = 0; d < k; d++) rows[d] = s + d * ls;
            sort(rows, la, ls, k, padded);
            MedianSortNet.SortColumnsScalar(rows, lb, ls, k, 0, padded);
            Assert.Equal(lvlB, lvlA);
            med(la, ls, oa, n, cn, k);
            MedianSortNet.MedianRowScalar(lb, ls, ob, 0, n, cn, k);
            Assert.Equal(outB, outA);
            if (k == 3 && n >= 32)
            {
                Array.Clear(outA);
                MedianSortNet.Median3Direct<ByteV256>(rows, oa, n, cn);
                Assert.Equal(outB, outA);
                Array.Clear(outA);
                MedianSortNet.Median3Direct<ByteV128>(rows, oa, n, cn);
                Assert.Equal(outB, outA);
            }
        }
    }

    [Fact]
    public void HistogramSearchMatchesScalarTwin()
    {
        var rng = new Random(6);
        ushort* buf = stackalloc ushort[16];
        for (int trial = 0; trial < 20000; trial++)
        {
            var counts = new ushort[16];
            int total = 0, spread = rng.Next(1, 4000);
            for (int i = 0; i < 16; i++) { counts[i] = (ushort)(rng.Next(3) == 0 ? 0 : rng.Next(spread)); total += counts[i]; }
            if (trial % 7 == 0) { Array.Clear(counts); counts[rng.Next(16)] = 60000; total = 60000; }
            if (total == 0) continue;
            int start = rng.Next(0, 100);
            int half = start + rng.Next(total);
            var h = System.Runtime.Intrinsics.Vector256.Create(counts);
            int sumA = start, sumB = start;
            int a = MedianHistogram.Find(h, buf, ref sumA, half);
            int b = MedianHistogram.FindScalar(h, buf, ref sumB, half);
            Assert.Equal(b, a);
            Assert.Equal(sumB, sumA);
        }
    }

    private static Image<byte> NaiveMedian(Image<byte> src, int k)
    {
        int r = k / 2;
        var dst = src.CloneEmpty();
        var win = new byte[k * k];
        for (int y = 0; y < src.Height; y++)
            for (int x = 0; x < src.Width; x++)
                for (int c = 0; c < src.Channels; c++)
                {
                    int t = 0;
                    for (int dy = -r; dy <= r; dy++)
                        for (int dx = -r; dx <= r; dx++)
                            win[t++] = src.Row(Math.Clamp(y + dy, 0, src.Height - 1))[Math.Clamp(x + dx, 0, src.Width - 1) * src.Channels + c];
                    Array.Sort(win);
                    dst.Row(y)[x * src.Channels + c] = win[k * k / 2];
                }
        return dst;
    }

    [Fact]
    public void EqualsNaiveReplicateMedian()
    {
        Gen.Select(Gen.Int[1, 45], Gen.Int[1, 30], Gen.Int[1, 4], Gen.Int[1, 6], Gen.Int[0, 1000], Gen.Int[1, 255])
            .Sample(t =>
            {
                var (w, h, cn, kHalf, seed, levels) = t;
                int k = 2 * kHalf + 1;
                var img = new Image<byte>(w, h, cn);
                var rng = new Random(seed);
                for (int i = 0; i < img.Data.Length; i++) img.Data[i] = (byte)(rng.Next(levels + 1) * 255 / Math.Max(levels, 1));
                Assert.Equal(NaiveMedian(img, k).Data, MedianBlur.Apply(img, k).Data);
            }, iter: 150);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(4097)]
    public void RejectsBadKernelSizes(int k)
    {
        var img = new Image<byte>(9, 7);
        Assert.Throws<ArgumentException>(() => MedianBlur.Apply(img, k));
    }

    [Fact]
    public void RejectsMismatchedDestinationAndCopiesForKernelOne()
    {
        var img = new Image<byte>(9, 7, 3);
        new Random(2).NextBytes(img.Data);
        Assert.Throws<ArgumentException>(() => MedianBlur.Apply(img.ReadOnlyView, new Image<byte>(9, 7, 1).View, 3));
        Assert.Equal(img.Data, MedianBlur.Apply(img, 1).Data);
    }

    [Fact]
    public void MaxKernelOnSmallImageIsTheGlobalMedianWhenReplicationDominates()
    {
        var img = new Image<byte>(1, 1);
        img.Data[0] = 77;
        Assert.Equal(77, MedianBlur.Apply(img, MedianBlur.MaxKernelSize).Data[0]);
    }
}
