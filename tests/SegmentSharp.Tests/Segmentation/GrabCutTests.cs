using SegmentSharp.Geometry;
using SegmentSharp.Imaging;
using SegmentSharp.Segmentation;

namespace SegmentSharp.Tests.Segmentation;

public class GrabCutTests
{
    private static Image<byte> TwoTone(int w, int h)
    {
        // A red square on a blue-ish noisy background.
        var img = new Image<byte>(w, h, 3);
        var rnd = new Random(1);
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                var px = img.Row(y).Slice(3 * x, 3);
                bool inside = x >= w / 4 && x < 3 * w / 4 && y >= h / 4 && y < 3 * h / 4;
                px[0] = (byte)(inside ? 20 + rnd.Next(20) : 180 + rnd.Next(40));
                px[1] = (byte)(inside ? 30 + rnd.Next(20) : 120 + rnd.Next(40));
                px[2] = (byte)(inside ? 200 + rnd.Next(40) : 40 + rnd.Next(30));
            }
        return img;
    }

    [Fact]
    public void FindsTheSquareInsideALooseRectangle()
    {
        var img = TwoTone(64, 48);
        var mask = GrabCut.FromRect(img, new Rect(6, 4, 52, 40));
        for (int y = 0; y < 48; y++)
            for (int x = 0; x < 64; x++)
            {
                bool inside = x >= 16 && x < 48 && y >= 12 && y < 36;
                Assert.Equal(inside, GrabCut.IsForeground(mask.Row(y)[x]));
            }
    }

    [Fact]
    public void CertainLabelsNeverChange()
    {
        var img = TwoTone(40, 30);
        var mask = new Image<byte>(40, 30);
        Array.Fill(mask.Data, (byte)GrabCutClass.ProbableBackground);
        mask.Row(0)[0] = (byte)GrabCutClass.Foreground;     // a certain-foreground pixel in the background
        mask.Row(15)[20] = (byte)GrabCutClass.Background;   // a certain-background pixel inside the square
        for (int y = 10; y < 20; y++) mask.Row(y)[15] = (byte)GrabCutClass.Foreground;
        GrabCut.Apply(img, mask, default, new double[65], new double[65], 3, GrabCutMode.InitWithMask);
        Assert.Equal((byte)GrabCutClass.Foreground, mask.Row(0)[0]);
        Assert.Equal((byte)GrabCutClass.Background, mask.Row(15)[20]);
        Assert.All(mask.Data, v => Assert.InRange(v, (byte)0, (byte)3));
    }

    [Fact]
    public void WorksOnOneRowAndOneColumnImages()
    {
        foreach (var (w, h) in new[] { (9, 1), (1, 9), (2, 1) })
        {
            var img = TwoTone(w, h);
            var mask = GrabCut.FromRect(img, new Rect(0, 0, Math.Max(1, w / 2), Math.Max(1, h / 2)), 2);
            Assert.Equal(w * h, mask.Data.Length);
            Assert.All(mask.Data, v => Assert.InRange(v, (byte)0, (byte)3));
        }
    }

    [Fact]
    public void FrozenModelIsLeftUntouched()
    {
        var img = TwoTone(32, 32);
        var mask = new Image<byte>(32, 32);
        double[] bgd = new double[65], fgd = new double[65];
        GrabCut.Apply(img, mask, new Rect(4, 4, 24, 24), bgd, fgd, 1, GrabCutMode.InitWithRect);
        double[] b0 = (double[])bgd.Clone(), f0 = (double[])fgd.Clone();
        GrabCut.Apply(img, mask, default, bgd, fgd, 5, GrabCutMode.EvalFreezeModel);
        Assert.Equal(b0, bgd);
        Assert.Equal(f0, fgd);
        GrabCut.Apply(img, mask, default, bgd, fgd, 1, GrabCutMode.Eval);
        Assert.NotEqual(b0, bgd);
    }

    [Fact]
    public void RejectsBadArguments()
    {
        var img = TwoTone(10, 8);
        var mask = new Image<byte>(10, 8);
        double[] m = new double[65];
        Assert.Throws<ArgumentException>(() => GrabCut.Apply(new Image<byte>(10, 8), mask, new Rect(1, 1, 5, 5), m, m, 1, GrabCutMode.InitWithRect));
        Assert.Throws<ArgumentException>(() => GrabCut.Apply(img, new Image<byte>(9, 8), new Rect(1, 1, 5, 5), m, m, 1, GrabCutMode.InitWithRect));
        Assert.Throws<ArgumentException>(() => GrabCut.Apply(img, mask, new Rect(1, 1, 5, 5), new double[13], m, 1, GrabCutMode.InitWithRect));
        // Outside the image, or covering all of it (no background left).
        Assert.Throws<ArgumentException>(() => GrabCut.Apply(img, mask, new Rect(20, 1, 5, 5), m, m, 1, GrabCutMode.InitWithRect));
        Assert.Throws<ArgumentException>(() => GrabCut.Apply(img, mask, new Rect(0, 0, 10, 8), m, m, 1, GrabCutMode.InitWithRect));
        mask.Data[3] = 4;
        Assert.Throws<ArgumentException>(() => GrabCut.Apply(img, mask, default, m, m, 1, GrabCutMode.InitWithMask));
        Array.Clear(mask.Data);
        Assert.Throws<ArgumentException>(() => GrabCut.Apply(img, mask, default, m, m, 1, GrabCutMode.InitWithMask));
    }
}
