using CsCheck;
using OpenCvSharp;
using SegmentSharp.Imaging;
using SegmentSharp.Segmentation;
using Xunit.Abstractions;
using GcRect = SegmentSharp.Geometry.Rect;
using SegGrabCut = SegmentSharp.Segmentation.GrabCut;

namespace SegmentSharp.OracleTests.Segmentation;

public class GrabCutOracleTests(ITestOutputHelper output)
{
    // Each test runs OpenCV on its own thread state: the k-means++ seeding draws from cv::theRNG().
    private const ulong RngState = ulong.MaxValue;

    public static TheoryData<string, int, int, int, int> Samples => new()
    {
        { "astronaut.png", 60, 20, 400, 490 },
        { "camera.png", 140, 40, 240, 420 },
        { "chelsea.png", 80, 20, 300, 270 },
        { "coffee.png", 60, 30, 470, 340 },
        { "coins.png", 20, 20, 340, 260 },
        { "horse.png", 30, 20, 340, 290 },
    };

    private static Image<byte> ReadBgr(string name) => Oracle.ToImage(Cv2.ImRead(RepoPaths.Sample(name), ImreadModes.Color));

    private static (byte[] Mask, double[] Bgd, double[] Fgd) Cv(Image<byte> bgr, byte[] maskIn, GcRect r, double[]? bgd, double[]? fgd,
        int iterations, GrabCutModes mode)
    {
        using var img = Oracle.ToMat(bgr);
        using var mask = new Mat(bgr.Height, bgr.Width, MatType.CV_8UC1);
        mask.SetArray(maskIn);
        using var bm = new Mat(1, 65, MatType.CV_64FC1);
        using var fm = new Mat(1, 65, MatType.CV_64FC1);
        bm.SetArray(bgd ?? new double[65]);
        fm.SetArray(fgd ?? new double[65]);
        Cv2.SetTheRNG(RngState);
        Cv2.GrabCut(img, mask, new OpenCvSharp.Rect(r.X, r.Y, r.Width, r.Height), bm, fm, iterations, mode);
        mask.GetArray(out byte[] m);
        bm.GetArray(out double[] b);
        fm.GetArray(out double[] f);
        return (m, b, f);
    }

    private static double IoU(byte[] a, byte[] b)
    {
        long inter = 0, union = 0;
        for (int i = 0; i < a.Length; i++)
        {
            bool x = SegGrabCut.IsForeground(a[i]), y = SegGrabCut.IsForeground(b[i]);
            if (x && y) inter++;
            if (x || y) union++;
        }
        return union == 0 ? 1 : (double)inter / union;
    }

    private static int Differences(byte[] a, byte[] b)
    {
        int n = 0;
        for (int i = 0; i < a.Length; i++) if (a[i] != b[i]) n++;
        return n;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void RectangleOnSamplesMatchesOpenCv(string name, int x, int y, int w, int h)
    {
        var bgr = ReadBgr(name);
        var rect = new GcRect(x, y, w, h);
        var want = Cv(bgr, new byte[bgr.Width * bgr.Height], rect, null, null, 5, GrabCutModes.InitWithRect);
        var mask = new Image<byte>(bgr.Width, bgr.Height);
        double[] bgd = new double[65], fgd = new double[65];
        SegGrabCut.Apply(bgr, mask, rect, bgd, fgd, 5, GrabCutMode.InitWithRect, RngState);
        double iou = IoU(want.Mask, mask.Data);
        output.WriteLine($"{name} rect {x},{y},{w},{h}: IoU {iou:0.00000}, {Differences(want.Mask, mask.Data)} pixels differ");
        Assert.True(iou >= 0.99, $"IoU {iou}");
        Assert.Equal(want.Mask, mask.Data);
        Assert.Equal(want.Bgd, bgd);
        Assert.Equal(want.Fgd, fgd);
    }

    private static Image<byte> RandomImage(int w, int h, int levels, int seed)
    {
        var rnd = new Random(seed);
        var img = new Image<byte>(w, h, 3);
        rnd.NextBytes(img.Data);
        // Few colour levels give flat components (the singular-covariance fix) and many equal-cost cuts.
        int step = 256 / levels;
        for (int i = 0; i < img.Data.Length; i++) img.Data[i] = (byte)(img.Data[i] / step * step);
        // A brighter blob so the two classes differ.
        for (int y = h / 4; y < 3 * h / 4; y++)
            for (int x = w / 4; x < 3 * w / 4; x++) img.Row(y)[3 * x + 2] = (byte)Math.Min(255, img.Row(y)[3 * x + 2] + 120);
        return img;
    }

    private void AssertSame((byte[] Mask, double[] Bgd, double[] Fgd) want, byte[] mask, double[] bgd, double[] fgd, string context)
    {
        if (!want.Mask.AsSpan().SequenceEqual(mask))
            output.WriteLine($"{context}: IoU {IoU(want.Mask, mask):0.00000}, {Differences(want.Mask, mask)} pixels differ");
        Assert.Equal(want.Mask, mask);
        Assert.Equal(want.Bgd, bgd);
        Assert.Equal(want.Fgd, fgd);
    }

    [Fact]
    public void RectangleOnRandomImagesEqualsOpenCv()
    {
        Gen.Select(Gen.Int[2, 40], Gen.Int[2, 40], Gen.Int[1, 8], Gen.Int, Gen.Int[1, 4]).Sample((w, h, levels, seed, iters) =>
        {
            var bgr = RandomImage(w, h, 1 << levels, seed);
            var rnd = new Random(seed);
            int x = rnd.Next(-2, w - 1), y = rnd.Next(-2, h - 1);
            var rect = new GcRect(x, y, rnd.Next(1, w + 2), rnd.Next(1, h + 2));
            var mask = new Image<byte>(w, h);
            // Both classes must be present (OpenCV asserts it); skip rectangles that cover everything or nothing.
            int x0 = Math.Max(0, x), y0 = Math.Max(0, y), rw = Math.Min(rect.Width, w - x0), rh = Math.Min(rect.Height, h - y0);
            if (rw <= 0 || rh <= 0 || (long)rw * rh == (long)w * h) return;
            var want = Cv(bgr, mask.Data, rect, null, null, iters, GrabCutModes.InitWithRect);
            double[] bgd = new double[65], fgd = new double[65];
            SegGrabCut.Apply(bgr, mask, rect, bgd, fgd, iters, GrabCutMode.InitWithRect, RngState);
            AssertSame(want, mask.Data, bgd, fgd, $"{w}x{h} levels {levels} seed {seed} rect {rect}");
        }, iter: 300);
    }

    [Fact]
    public void MaskInitialisationOnRandomImagesEqualsOpenCv()
    {
        Gen.Select(Gen.Int[2, 40], Gen.Int[2, 40], Gen.Int[1, 8], Gen.Int, Gen.Int[0, 3]).Sample((w, h, levels, seed, iters) =>
        {
            var bgr = RandomImage(w, h, 1 << levels, seed);
            var rnd = new Random(seed ^ 0x5bd1e995);
            var mask = new Image<byte>(w, h);
            for (int i = 0; i < mask.Data.Length; i++) mask.Data[i] = (byte)rnd.Next(4);
            bool hasB = mask.Data.Any(v => (v & 1) == 0), hasF = mask.Data.Any(v => (v & 1) == 1);
            if (!hasB || !hasF) return;
            var want = Cv(bgr, mask.Data, default, null, null, iters, GrabCutModes.InitWithMask);
            double[] bgd = new double[65], fgd = new double[65];
            SegGrabCut.Apply(bgr, mask, default, bgd, fgd, iters, GrabCutMode.InitWithMask, RngState);
            AssertSame(want, mask.Data, bgd, fgd, $"{w}x{h} levels {levels} seed {seed}");
        }, iter: 300);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void ScribblesAndContinuationOnSamplesMatchOpenCv(string name, int x, int y, int w, int h)
    {
        var bgr = ReadBgr(name);
        int n = bgr.Width * bgr.Height;
        // Scribbles: probable background everywhere, probable foreground in the rectangle, a certain-foreground
        // cross at its centre and a certain-background band along the top.
        var hints = new byte[n];
        for (int i = 0; i < n; i++)
        {
            int px = i % bgr.Width, py = i / bgr.Width;
            bool inside = px >= x && px < x + w && py >= y && py < y + h;
            hints[i] = inside ? (byte)3 : (byte)2;
            if (py < 6) hints[i] = 0;
            if ((Math.Abs(px - (x + w / 2)) < 3 && Math.Abs(py - (y + h / 2)) < h / 6) || (Math.Abs(py - (y + h / 2)) < 3 && Math.Abs(px - (x + w / 2)) < w / 6))
                hints[i] = 1;
        }
        var mask = new Image<byte>(bgr.Width, bgr.Height);
        hints.CopyTo(mask.Data, 0);
        double[] bgd = new double[65], fgd = new double[65];
        var want = Cv(bgr, hints, default, null, null, 2, GrabCutModes.InitWithMask);
        SegGrabCut.Apply(bgr, mask, default, bgd, fgd, 2, GrabCutMode.InitWithMask, RngState);
        output.WriteLine($"{name} scribbles: IoU {IoU(want.Mask, mask.Data):0.00000}");
        AssertSame(want, mask.Data, bgd, fgd, $"{name} mask init");

        // Continue with OpenCV's own output (mask and models) on both sides.
        var cont = Cv(bgr, want.Mask, default, want.Bgd, want.Fgd, 2, GrabCutModes.Eval);
        SegGrabCut.Apply(bgr, mask, default, bgd, fgd, 2, GrabCutMode.Eval);
        output.WriteLine($"{name} eval: IoU {IoU(cont.Mask, mask.Data):0.00000}");
        AssertSame(cont, mask.Data, bgd, fgd, $"{name} eval");

        var frozen = Cv(bgr, cont.Mask, default, cont.Bgd, cont.Fgd, 7, (GrabCutModes)3 /* GC_EVAL_FREEZE_MODEL, missing from OpenCvSharp's enum */);
        double[] bgdBefore = (double[])bgd.Clone(), fgdBefore = (double[])fgd.Clone();
        SegGrabCut.Apply(bgr, mask, default, bgd, fgd, 7, GrabCutMode.EvalFreezeModel);
        output.WriteLine($"{name} freeze: IoU {IoU(frozen.Mask, mask.Data):0.00000}");
        AssertSame(frozen, mask.Data, bgd, fgd, $"{name} freeze");
        Assert.Equal(bgdBefore, bgd);
        Assert.Equal(fgdBefore, fgd);
    }

    [Fact]
    public void ZeroIterationsOnlyInitialiseTheMaskAndModels()
    {
        var bgr = RandomImage(30, 20, 16, 4);
        var rect = new GcRect(5, 4, 18, 10);
        var want = Cv(bgr, new byte[600], rect, null, null, 0, GrabCutModes.InitWithRect);
        var mask = new Image<byte>(30, 20);
        double[] bgd = new double[65], fgd = new double[65];
        SegGrabCut.Apply(bgr, mask, rect, bgd, fgd, 0, GrabCutMode.InitWithRect, RngState);
        AssertSame(want, mask.Data, bgd, fgd, "zero iterations");
    }

    [Fact]
    public void UniformImageEqualsOpenCv()
    {
        var bgr = new Image<byte>(17, 9, 3);
        Array.Fill(bgr.Data, (byte)77);
        var rect = new GcRect(3, 2, 9, 5);
        var want = Cv(bgr, new byte[17 * 9], rect, null, null, 3, GrabCutModes.InitWithRect);
        var mask = new Image<byte>(17, 9);
        double[] bgd = new double[65], fgd = new double[65];
        SegGrabCut.Apply(bgr, mask, rect, bgd, fgd, 3, GrabCutMode.InitWithRect, RngState);
        AssertSame(want, mask.Data, bgd, fgd, "uniform");
    }

    [Fact]
    public void StridedViewsGiveTheSameResult()
    {
        var bgr = RandomImage(23, 19, 32, 8);
        var rect = new GcRect(4, 3, 12, 11);
        var want = SegGrabCut.FromRect(bgr, rect, 3);
        var paddedImg = new byte[19 * 80];
        for (int y = 0; y < 19; y++) bgr.Row(y).CopyTo(paddedImg.AsSpan(y * 80));
        var paddedMask = new byte[19 * 30];
        SegGrabCut.Apply(new ReadOnlyImageView<byte>(paddedImg, 23, 19, 3, 80), new ImageView<byte>(paddedMask, 23, 19, 1, 30), rect,
            new double[65], new double[65], 3, GrabCutMode.InitWithRect);
        for (int y = 0; y < 19; y++) Assert.Equal(want.Row(y).ToArray(), paddedMask.AsSpan(y * 30, 23).ToArray());
    }
}
