using CsCheck;
using OpenCvSharp;
using SegmentSharp.Components;
using SegmentSharp.Imaging;
using SegmentSharp.Segmentation;

namespace SegmentSharp.OracleTests.Segmentation;

public class FloodFillOracleTests
{
    [Fact]
    public void EqualsOpenCvOnRandomImages()
    {
        var gen = Gen.Select(Gen.Int[1, 40], Gen.Int[1, 40], Gen.Int[1, 3], Gen.Int, Gen.Int[0, 15]).Select(Gen.Int[0, 20], Gen.Int[0, 15],
            (a, up, flags) => (a.Item1, a.Item2, a.Item3, a.Item4, a.Item5, up, flags));
        gen.Sample(t =>
        {
            var (w, h, cn, seed, lo, up, flags) = t;
            if (cn == 2) cn = 3;
            var rnd = new Random(seed);
            var img = new Image<byte>(w, h, cn);
            // Few levels, smoothly varying, so regions are neither single pixels nor the whole image.
            for (int y = 0; y < h; y++)
                for (int x = 0; x < w * cn; x++)
                    img.Row(y)[x] = (byte)((x / cn + y) * 3 % 40 + rnd.Next(6) * 10);
            int sx = rnd.Next(w), sy = rnd.Next(h);
            bool eight = (flags & 1) != 0, fixedRange = (flags & 2) != 0, withMask = (flags & 4) != 0, maskOnly = false;
            // FLOODFILL_MASK_ONLY is checked by MaskOnlyMarksWhatAPaintingFillPaints below: the official OpenCvSharp
            // build answers it from an optimized path that writes 255 into the mask, unlike OpenCV's own code.
            var maskImg = new Image<byte>(w + 2, h + 2);
            if (withMask) for (int i = 0; i < maskImg.Data.Length; i++) maskImg.Data[i] = rnd.Next(10) == 0 ? (byte)1 : (byte)0;

            using var mat = Oracle.ToMat(img);
            using var cvMask = Oracle.ToMat(maskImg);
            var cvFlags = (FloodFillFlags)(eight ? 8 : 4) | (fixedRange ? FloodFillFlags.FixedRange : 0) | (maskOnly ? FloodFillFlags.MaskOnly : 0) | (FloodFillFlags)(7 << 8);
            Scalar newVal = new(200, 100, 50);
            int cvArea = withMask
                ? Cv2.FloodFill(mat, cvMask, new OpenCvSharp.Point(sx, sy), newVal, out Rect rect, new Scalar(lo, lo, lo), new Scalar(up, up, up), cvFlags)
                : Cv2.FloodFill(mat, new OpenCvSharp.Point(sx, sy), newVal, out rect, new Scalar(lo, lo, lo), new Scalar(up, up, up), cvFlags);

            var opts = new FloodFillOptions
            {
                Connectivity = eight ? Connectivity.Eight : Connectivity.Four, LowDiff = [lo, lo, lo], HighDiff = [up, up, up],
                FixedRange = fixedRange, MaskValue = 7, MaskOnly = maskOnly,
            };
            var r = FloodFill.Apply(img, sx, sy, [200, 100, 50], opts, withMask ? maskImg.View : default);
            string ctx = $"{w}x{h}x{cn} seed ({sx},{sy}) lo {lo} up {up} eight {eight} fixed {fixedRange} mask {withMask} mask-only {maskOnly}";
            Assert.True(cvArea == r.Area, $"{ctx}: area {r.Area} vs OpenCV {cvArea}");
            if (cvArea > 0) Assert.Equal((rect.X, rect.Y, rect.Width, rect.Height), (r.Left, r.Top, r.Width, r.Height));
            Oracle.AssertEqual(mat, img, ctx);
            if (withMask)
            {
                var cvMaskImage = Oracle.ToImage(cvMask);
                Assert.True(cvMaskImage.Data.AsSpan().SequenceEqual(maskImg.Data), ctx + " (mask)");
            }
        }, iter: 600);
    }

    [Fact]
    public void MaskOnlyMarksWhatAPaintingFillPaints()
    {
        Gen.Select(Gen.Int[1, 30], Gen.Int[1, 30], Gen.Int, Gen.Int[0, 3]).Sample((w, h, seed, flags) =>
        {
            var rnd = new Random(seed);
            var img = new Image<byte>(w, h);
            for (int i = 0; i < img.Data.Length; i++) img.Data[i] = (byte)(rnd.Next(8) * 4);
            var painted = img.Clone();
            int sx = rnd.Next(w), sy = rnd.Next(h);
            var opts = new FloodFillOptions
            {
                Connectivity = (flags & 1) != 0 ? Connectivity.Eight : Connectivity.Four, LowDiff = [4], HighDiff = [4],
                FixedRange = (flags & 2) != 0, MaskValue = 9,
            };
            var maskA = new Image<byte>(w + 2, h + 2);
            var maskB = new Image<byte>(w + 2, h + 2);
            var a = FloodFill.Apply(painted, sx, sy, [255], opts, maskA.View);
            var b = FloodFill.Apply(img, sx, sy, [255], opts with { MaskOnly = true }, maskB.View);
            Assert.Equal(a, b);
            Assert.Equal(maskA.Data, maskB.Data);
            for (int i = 0; i < img.Data.Length; i++) Assert.NotEqual(255, img.Data[i]);
        }, iter: 300);
    }
}
