using OpenCvSharp;
using SegmentSharp.Filters;
using SegmentSharp.Imaging;
using static SegmentSharp.OracleTests.Filters.FilterOracleData;

namespace SegmentSharp.OracleTests.Filters;

/// <summary>
/// The adaptive Gaussian threshold rounds a float32 blur; rounding hides most float differences, so compare the
/// float image itself, bit for bit, with OpenCV's <c>GaussianBlur</c> on <c>CV_32F</c> (BORDER_REPLICATE, sigma 0).
/// </summary>
public class GaussianFloatOracleTests
{
    private static void Check(Image<byte> img, int k, string ctx)
    {
        using var m = Oracle.ToMat(img);
        using var f = new Mat();
        m.ConvertTo(f, MatType.CV_32F);
        using var expected = new Mat();
        Cv2.GaussianBlur(f, expected, new OpenCvSharp.Size(k, k), 0, 0, BorderTypes.Replicate);
        var ours = GaussianFloatRows.BlurToFloat(img.ReadOnlyView, k);
        int w = img.Width;
        long diffs = 0; string? first = null;
        for (int y = 0; y < img.Height; y++)
            for (int x = 0; x < w; x++)
            {
                float e = expected.At<float>(y, x), a = ours[(long)y * w + x];
                if (BitConverter.SingleToInt32Bits(e) == BitConverter.SingleToInt32Bits(a)) continue;
                diffs++;
                first ??= $"x={x} y={y}: OpenCV {e:R}, ours {a:R}";
            }
        Assert.True(diffs == 0, $"{ctx} {w}x{img.Height} k={k}: {diffs} floats differ; first {first}");
    }

    [Fact]
    public void AllTailWidths()
    {
        foreach (int k in new[] { 3, 5, 7, 9, 11, 13, 15, 17, 21, 31 })
            for (int w = 1; w <= 41; w++)
                Check(Random(w, 13, 1, w * 7 + k), k, "noise");
    }

    [Fact]
    public void BlockSizes()
    {
        var page = Random(203, 61, 1, 3, kind: 3);
        var noise = Random(150, 40, 1, 4);
        foreach (int k in AdaptiveBlocks)
        {
            Check(page, k, "page");
            Check(noise, k, "noise");
        }
        Check(Random(1, 50, 1, 5), 7, "column");
        Check(Random(50, 1, 1, 6), 7, "row");
        Check(Random(1, 1, 1, 7), 5, "pixel");
    }

    /// <summary>Above ~1 Mpixel OpenCV switches to a tiled, multi-threaded engine; tiles must not move the float tails.</summary>
    [Fact]
    public void LargeImageUsesOpenCVsTiledPath()
    {
        var img = Random(1283, 830, 1, 12, kind: 3);
        Check(img, 11, "tiled");
        Check(img, 31, "tiled");
    }

    [Fact]
    public void Samples()
    {
        foreach (var path in SamplePaths())
            foreach (int k in new[] { 3, 5, 11, 31 })
                Check(LoadGray(path), k, Path.GetFileName(path));
    }

    internal static readonly int[] AdaptiveBlocks = [3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 25, 31, 51, 75, 99, 151, 201, 255];
}
