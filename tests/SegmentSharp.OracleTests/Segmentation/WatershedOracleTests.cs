using CsCheck;
using OpenCvSharp;
using SegmentSharp.Imaging;
using SegmentSharp.Segmentation;

namespace SegmentSharp.OracleTests.Segmentation;

public class WatershedOracleTests
{
    private static (Image<byte> Bgr, Image<int> Markers) Random(int w, int h, int seeds, int smooth, int seed)
    {
        var rnd = new Random(seed);
        var img = new Image<byte>(w, h, 3);
        rnd.NextBytes(img.Data);
        if (smooth > 0)
        {
            // Smooth images have long equal-priority plateaus, where the FIFO tie order matters.
            for (int i = 0; i < img.Data.Length; i++) img.Data[i] = (byte)(img.Data[i] / smooth * smooth);
        }
        var markers = new Image<int>(w, h);
        for (int i = 0; i < seeds; i++)
        {
            int x = rnd.Next(w), y = rnd.Next(h);
            markers.Row(y)[x] = rnd.Next(10) == 0 ? -rnd.Next(1, 3) : rnd.Next(1, 6);
        }
        return (img, markers);
    }

    private static int[] Cv(Image<byte> bgr, Image<int> markers)
    {
        using var src = Oracle.ToMat(bgr);
        using var m = new Mat(markers.Height, markers.Width, MatType.CV_32SC1);
        for (int y = 0; y < markers.Height; y++) for (int x = 0; x < markers.Width; x++) m.Set(y, x, markers.Row(y)[x]);
        Cv2.Watershed(src, m);
        var result = new int[markers.Width * markers.Height];
        for (int y = 0; y < markers.Height; y++) for (int x = 0; x < markers.Width; x++) result[y * markers.Width + x] = m.At<int>(y, x);
        return result;
    }

    [Fact]
    public void EqualsOpenCvOnRandomImagesAndMarkers()
    {
        Gen.Select(Gen.Int[1, 90], Gen.Int[1, 90], Gen.Int[0, 40], Gen.Int[0, 3].Select(i => new[] { 0, 16, 64, 256 }[i]), Gen.Int).Sample((w, h, seeds, smooth, seed) =>
        {
            var (bgr, markers) = Random(w, h, seeds, smooth, seed);
            int[] want = Cv(bgr, markers);
            Watershed.Apply(bgr, markers);
            Assert.Equal(want, markers.Data);
        }, iter: 400);
    }

    [Fact]
    public void EqualsOpenCvOnCoinsWithTheAutomaticMarkers()
    {
        var bgr = Oracle.ToImage(Cv2.ImRead(SegmentSharp.Testing.RepoPaths.Sample("coins.png"), ImreadModes.Color));
        var markers = new Image<int>(bgr.Width, bgr.Height);
        // A background seed along a band and one seed per coin-ish bright spot.
        for (int y = 0; y < bgr.Height; y += 37)
            for (int x = 0; x < bgr.Width; x += 41)
                markers.Row(y)[x] = bgr.Row(y)[3 * x] > 120 ? 2 + (y * 7 + x) % 50 : 1;
        int[] want = Cv(bgr, markers);
        Watershed.Apply(bgr, markers);
        Assert.Equal(want, markers.Data);
    }

    [Fact]
    public void WorksOnStridedViews()
    {
        var (bgr, markers) = Random(40, 30, 12, 32, 9);
        int[] want = Cv(bgr, markers);
        var paddedImg = new byte[30 * 130];
        var paddedLab = new int[30 * 45];
        for (int y = 0; y < 30; y++)
        {
            bgr.Row(y).CopyTo(paddedImg.AsSpan(y * 130));
            markers.Row(y).CopyTo(paddedLab.AsSpan(y * 45));
        }
        var labView = new ImageView<int>(paddedLab, 40, 30, 1, 45);
        Watershed.Apply(new ReadOnlyImageView<byte>(paddedImg, 40, 30, 3, 130), labView);
        for (int y = 0; y < 30; y++) Assert.Equal(want.AsSpan(y * 40, 40).ToArray(), paddedLab.AsSpan(y * 45, 40).ToArray());
    }
}
