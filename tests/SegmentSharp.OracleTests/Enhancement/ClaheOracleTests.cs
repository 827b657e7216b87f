using OpenCvSharp;
using SegmentSharp.Enhancement;
using SegmentSharp.Imaging;
using static SegmentSharp.OracleTests.Filters.FilterOracleData;

namespace SegmentSharp.OracleTests.Enhancement;

public class ClaheOracleTests
{
    private static readonly double[] Clips = [-1, 0, 1, 2, 4, 40, 1000];
    private static readonly (int X, int Y)[] Grids = [(1, 1), (2, 3), (8, 8), (16, 16)];

    private static void Check(Image<byte> img, double clip, int tx, int ty, string ctx)
    {
        using var m = Oracle.ToMat(img);
        using var expected = new Mat();
        using (var clahe = Cv2.CreateCLAHE(clip, new OpenCvSharp.Size(tx, ty)))
            clahe.Apply(m, expected);
        var actual = Clahe.Apply(img, clip, tx, ty);
        Oracle.AssertEqual(expected, actual, $"{ctx} clip={clip} grid={tx}x{ty}");
    }

    public static IEnumerable<object[]> SizeCases()
    {
        foreach (var (w, h) in Sizes) yield return [w, h];
        yield return [64, 64];
        yield return [128, 48];
        yield return [250, 173];
    }

    [Theory]
    [MemberData(nameof(SizeCases))]
    public void RandomSizesClipsGrids(int w, int h)
    {
        foreach (int kind in new[] { 0, 3 })
        {
            var img = Random(w, h, 1, w * 1000 + h + kind, kind);
            foreach (double clip in Clips)
                foreach (var (tx, ty) in Grids)
                    Check(img, clip, tx, ty, $"{w}x{h} kind{kind}");
        }
    }

    [Fact]
    public void ConstantAndLarge()
    {
        foreach (int kind in new[] { 1, 2 })
        {
            var img = Random(77, 50, 1, 3, kind);
            foreach (double clip in Clips) Check(img, clip, 8, 8, $"const{kind}");
        }
        var page = Random(1000, 700, 1, 4, kind: 3);
        foreach (double clip in new[] { 0.0, 2, 40 }) Check(page, clip, 8, 8, "1000x700 page");
        Check(page, 3, 16, 16, "1000x700 page");
        Check(page, 2.5, 7, 5, "1000x700 page");
        var noise = Random(999, 701, 1, 5);
        Check(noise, 40, 8, 8, "999x701 noise");
        Check(noise, 1.5, 3, 11, "999x701 noise");
    }

    [Fact]
    public void Samples()
    {
        foreach (var path in SamplePaths())
        {
            var gray = LoadGray(path);
            foreach (double clip in new[] { 0.0, 2, 40 })
                foreach (var (tx, ty) in Grids)
                    Check(gray, clip, tx, ty, Path.GetFileName(path));
        }
    }

    [Fact]
    public void InPlace()
    {
        var img = Random(123, 77, 1, 9, kind: 3);
        using var m = Oracle.ToMat(img);
        using var expected = new Mat();
        using (var clahe = Cv2.CreateCLAHE(2, new OpenCvSharp.Size(8, 8))) clahe.Apply(m, expected);
        Clahe.Apply(img.ReadOnlyView, img.View, 2);
        Oracle.AssertEqual(expected, img, "in place");
    }
}
