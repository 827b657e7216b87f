using SegmentSharp.Imaging;
using SegmentSharp.Models;

namespace SegmentSharp.Tests.Models;

public class PreprocessingTests
{
    [Fact]
    public void LetterboxMatchesYoloArithmetic()
    {
        // 1280x720 into 640x640: r = 0.5, 640x360, dh = 140 → top round(139.9) = 140.
        var g = ResizeGeometry.Letterbox(1280, 720, 640, 640);
        Assert.Equal((640, 360, 0, 140), (g.ResizedWidth, g.ResizedHeight, g.PadLeft, g.PadTop));
        // 500x333: r = 640/500 = 1.28, 640x426.24 → 426, dh = 214 → 107 (round(106.9)).
        g = ResizeGeometry.Letterbox(500, 333, 640, 640);
        Assert.Equal((640, 426, 0, 107), (g.ResizedWidth, g.ResizedHeight, g.PadLeft, g.PadTop));
        var p = g.ToSource(g.ToInput(123.5, 77.25).X, g.ToInput(123.5, 77.25).Y);
        Assert.Equal(123.5, p.X, 9);
        Assert.Equal(77.25, p.Y, 9);
        Assert.Equal(0, g.ToSource(0, 107).Y, 12);
    }

    [Fact]
    public void KeepAspectMultipleMatchesPaddleDetResize()
    {
        // 1920x1080 with limit 960: ratio 0.5 → 960x540 → 540/32 = 16.875 → 17·32 = 544.
        var g = ResizeGeometry.KeepAspectMultiple(1920, 1080, 960, 32);
        Assert.Equal((960, 544), (g.ResizedWidth, g.ResizedHeight));
        // Small images are not enlarged but still rounded to the multiple, at least one multiple.
        g = ResizeGeometry.KeepAspectMultiple(100, 10, 960, 32);
        Assert.Equal((96, 32), (g.ResizedWidth, g.ResizedHeight));
        Assert.Equal(100.0 / 96, 1 / g.ScaleX, 12);
    }

    [Fact]
    public void PackWritesNormalisedRgbNchwAndPadding()
    {
        var img = new Image<byte>(2, 1, 3);
        img.Data[0] = 10; img.Data[1] = 20; img.Data[2] = 30; // B G R of pixel 0
        img.Data[3] = 255; img.Data[4] = 0; img.Data[5] = 128;
        var g = new ResizeGeometry(2, 1, 2, 1, 3, 2, 1, 1);
        var t = new float[3 * 6];
        TensorPacking.Pack(img.ReadOnlyView, g, TensorNormalization.ImageNet, t, padValue: 114);
        float N(int v, int c) => (v * (1f / 255f) - TensorNormalization.ImageNet.Mean![c]) / TensorNormalization.ImageNet.Std![c];
        // Channel 0 is red: pixel 0 at (1,1) is R=30, pixel 1 at (2,1) is R=128.
        Assert.Equal(N(30, 0), t[0 * 6 + 1 * 3 + 1]);
        Assert.Equal(N(128, 0), t[0 * 6 + 1 * 3 + 2]);
        Assert.Equal(N(20, 1), t[1 * 6 + 4]);
        Assert.Equal(N(10, 2), t[2 * 6 + 4]);
        Assert.Equal(N(255, 2), t[2 * 6 + 5]);
        Assert.Equal(N(114, 0), t[0]);
        Assert.Equal(N(114, 2), t[2 * 6 + 3]);

        var nhwc = new float[18];
        TensorPacking.Pack(img.ReadOnlyView, g, new TensorNormalization(ChannelOrder.Bgr, TensorLayout.Nhwc, 1f, null, null), nhwc);
        Assert.Equal([10f, 20f, 30f, 255f, 0f, 128f], nhwc.AsSpan(12, 6).ToArray());
        Assert.Equal(0f, nhwc[0]);
    }

    [Fact]
    public void PrepareResizesThenPacks()
    {
        var img = new Image<byte>(4, 2, 1);
        for (int i = 0; i < 8; i++) img.Data[i] = (byte)(i * 30);
        var g = ResizeGeometry.Stretch(4, 2, 2, 1);
        float[] t = TensorPacking.Prepare(img.ReadOnlyView, g, new TensorNormalization(ChannelOrder.Rgb, TensorLayout.Nchw, 1f, null, null));
        // Exact halving is the rounded 2x2 mean: (0+30+120+150+2)>>2 = 75, (60+90+180+210+2)>>2 = 135.
        Assert.Equal([75f, 135f], t);
    }
}
