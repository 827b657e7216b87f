using OpenCvSharp;
using SegmentSharp.Filters;
using SegmentSharp.Imaging;
using static SegmentSharp.OracleTests.Filters.FilterOracleData;

namespace SegmentSharp.OracleTests.Filters;

public class MedianBlurOracleTests
{
    private static readonly int[] Kernels = [3, 5, 7, 9, 15, 31, 51, 101];

    private static void Check(Image<byte> img, int k, string ctx)
    {
        using var m = Oracle.ToMat(img);
        using var expected = new Mat();
        Cv2.MedianBlur(m, expected, k);
        var actual = MedianBlur.Apply(img, k);
        Oracle.AssertEqual(expected, actual, $"{ctx} k={k}");
    }

    public static IEnumerable<object[]> SizeCases()
    {
        foreach (var (w, h) in Sizes) yield return [w, h];
        yield return [15, 2];
        yield return [33, 31];
        yield return [127, 5];
        yield return [700, 3];
    }

    [Theory]
    [MemberData(nameof(SizeCases))]
    public void RandomSizesAllKernelsAllChannels(int w, int h)
    {
        foreach (int cn in new[] { 1, 3, 4 })
            foreach (int kind in new[] { 0, 3 })
            {
                var img = Random(w, h, cn, w * 1000 + h * 10 + cn + kind, kind);
                foreach (int k in Kernels) Check(img, k, $"{w}x{h}x{cn} kind{kind}");
            }
    }

    [Fact]
    public void ConstantImages()
    {
        foreach (int kind in new[] { 1, 2 })
            foreach (int cn in new[] { 1, 3 })
            {
                var img = Random(45, 23, cn, 1, kind);
                foreach (int k in Kernels) Check(img, k, $"const{kind} cn{cn}");
            }
    }

    [Fact]
    public void LargeRandom()
    {
        var noise = Random(1000, 700, 1, 11);
        foreach (int k in new[] { 3, 5, 7, 21 }) Check(noise, k, "1000x700 noise");
        var page = Random(1000, 700, 1, 12, kind: 3);
        foreach (int k in new[] { 5, 51, 101 }) Check(page, k, "1000x700 page");
        var color = Random(523, 311, 3, 13);
        foreach (int k in new[] { 3, 5, 9, 31 }) Check(color, k, "523x311 bgr");
        var bgra = Random(301, 257, 4, 14, kind: 3);
        foreach (int k in new[] { 3, 5, 15 }) Check(bgra, k, "301x257 bgra");
    }

    [Fact]
    public void WindowsBeyond16BitCounts()
    {
        var gray = Random(300, 200, 1, 31, kind: 3);
        foreach (int k in new[] { 255, 257, 301 }) Check(gray, k, "300x200 gray");
        var color = Random(97, 41, 3, 32);
        Check(color, 259, "97x41 bgr");
    }

    [Fact]
    public void Samples()
    {
        foreach (var path in SamplePaths())
        {
            var gray = LoadGray(path);
            foreach (int k in new[] { 3, 5, 7, 15, 31 }) Check(gray, k, Path.GetFileName(path) + " gray");
            var color = LoadColor(path, 3);
            foreach (int k in new[] { 3, 5, 9 }) Check(color, k, Path.GetFileName(path) + " bgr");
        }
    }

    [Fact]
    public void KernelOneCopiesAndInPlaceWorks()
    {
        var img = Random(37, 19, 3, 5);
        Check(img, 1, "k=1");
        foreach (int k in new[] { 3, 5, 9 })
        {
            using var m = Oracle.ToMat(img);
            using var expected = new Mat();
            Cv2.MedianBlur(m, expected, k);
            var inPlace = img.Clone();
            MedianBlur.Apply(inPlace.ReadOnlyView, inPlace.View, k);
            Oracle.AssertEqual(expected, inPlace, $"in place k={k}");
        }
    }

    [Fact]
    public void StridedViews()
    {
        var big = Random(90, 60, 3, 21);
        var region = big.ReadOnlyView.Slice(7, 5, 61, 41);
        var sub = new Image<byte>(61, 41, 3);
        for (int y = 0; y < 41; y++) region.Row(y).CopyTo(sub.Row(y));
        foreach (int k in new[] { 3, 5, 11 })
        {
            using var m = Oracle.ToMat(sub);
            using var expected = new Mat();
            Cv2.MedianBlur(m, expected, k);
            var outBuf = new Image<byte>(70, 50, 3);
            var dst = outBuf.View.Slice(4, 3, 61, 41);
            MedianBlur.Apply(region, dst, k);
            var actual = new Image<byte>(61, 41, 3);
            for (int y = 0; y < 41; y++) dst.Row(y).CopyTo(actual.Row(y));
            Oracle.AssertEqual(expected, actual, $"strided k={k}");
        }
    }
}
