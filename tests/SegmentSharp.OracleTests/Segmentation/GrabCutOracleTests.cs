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
}
