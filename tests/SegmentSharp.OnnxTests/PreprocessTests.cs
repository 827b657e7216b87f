using System.Text.Json;
using SegmentSharp.Codecs;
using SegmentSharp.Imaging;
using SegmentSharp.Onnx;

namespace SegmentSharp.OnnxTests;

public sealed class PreprocessTests : IDisposable
{
    private readonly Scratch _tmp = new();

    public void Dispose() => _tmp.Dispose();

    /// <summary>
    /// The tensor an Identity model receives equals cv2.resize INTER_LINEAR + NumPy float32 normalisation bit for bit
    /// (golden values from tests/fixtures/onnx/make_golden.py).
    /// </summary>
    [Fact]
    public void IdentityModel_ReceivesTheGoldenTensor()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Fixtures("onnx"), "preprocess.json")));
        var crop = doc.RootElement.GetProperty("crop").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var full = ImageFile.ReadColor(RepoPaths.Sample("astronaut.png"));
        var image = new Image<byte>(crop[2], crop[3], 3);
        for (int y = 0; y < crop[3]; y++) full.Row(crop[1] + y).Slice(crop[0] * 3, crop[2] * 3).CopyTo(image.Row(y));
        using var model = OnnxModel.Load(_tmp.Save(TestModels.Identity(1, 3, -1, -1), "id.onnx"));
        int cases = 0;
        foreach (var c in doc.RootElement.GetProperty("cases").EnumerateArray())
        {
            var spec = new ModelPreprocessing
            {
                Resize = ResizeMode.Stretch, Width = c.GetProperty("width").GetInt32(), Height = c.GetProperty("height").GetInt32(),
                Rgb = c.GetProperty("rgb").GetBoolean(), Scale = (float)c.GetProperty("scale").GetDouble(),
                Mean = c.GetProperty("mean").EnumerateArray().Select(e => (float)e.GetDouble()).ToArray(),
                Std = c.GetProperty("std").EnumerateArray().Select(e => (float)e.GetDouble()).ToArray(),
            };
            var expected = c.GetProperty("values").EnumerateArray().Select(e => (float)e.GetDouble()).ToArray();
            var t = ImageTensor.Create(image, spec);
            Assert.Equal([1, 3, spec.Height, spec.Width], t.Shape);
            var fed = model.Run(t.Data, t.Shape)[0].Floats!;
            Assert.Equal(expected.Length, fed.Length);
            for (int i = 0; i < expected.Length; i++)
                Assert.True(BitConverter.SingleToInt32Bits(expected[i]) == BitConverter.SingleToInt32Bits(fed[i]),
                    $"{c.GetProperty("name").GetString()}[{i}]: expected {expected[i]:R}, fed {fed[i]:R}");
            cases++;
        }
        Assert.Equal(3, cases);
    }

    [Fact]
    public void Nhwc_IsTheTransposeOfNchw()
    {
        var image = Pattern(7, 5);
        var spec = new ModelPreprocessing { Resize = ResizeMode.None, Mean = [1, 2, 3], Std = [2, 4, 8], Scale = 1 };
        var a = ImageTensor.Create(image, spec);
        var b = ImageTensor.Create(image, spec with { Layout = Models.TensorLayout.Nhwc });
        Assert.Equal([1, 5, 7, 3], b.Shape);
        for (int c = 0; c < 3; c++)
            for (int i = 0; i < 35; i++)
                Assert.Equal(a.Data[c * 35 + i], b.Data[i * 3 + c]);
        // RGB order: channel 0 is R (index 2 of BGR), value (v − 1) / 2.
        Assert.Equal((image.Data[2] - 1f) / 2f, a.Data[0]);
    }

    [Fact]
    public void Letterbox_CentresTheImage_AndPadsWithNormalisedBlack()
    {
        var image = Pattern(40, 20);
        var spec = new ModelPreprocessing { Resize = ResizeMode.Letterbox, Width = 16, Height = 16, Mean = [0.5f, 0.5f, 0.5f] };
        var t = ImageTensor.Create(image, spec);
        var g = t.Geometry;
        Assert.Equal((16, 8, 0, 4), (g.ResizedWidth, g.ResizedHeight, g.PadLeft, g.PadTop));
        Assert.Equal(-0.5f, t.Data[0]);                   // padding row 0
        Assert.Equal(-0.5f, t.Data[15 * 16 + 15]);        // padding row 15
        Assert.Equal(0.4, g.ScaleX);
        Assert.Equal(10.0, g.ToSource(0, 8).Y);               // row 8 of the input is source row 10
    }

    [Theory]
    [InlineData(384, 191, 960, 384, 192)]     // no shrink; 191/32 = 5.97 → 6
    [InlineData(2000, 1000, 960, 960, 480)]
    [InlineData(100, 48, 960, 96, 64)]        // 48/32 = 1.5 → 2 (ties to even)
    [InlineData(100, 80, 960, 96, 64)]        // 80/32 = 2.5 → 2 (ties to even, Python's round)
    [InlineData(10, 10, 960, 32, 32)]         // at least one multiple
    [InlineData(1241, 1754, 960, 672, 960)]   // A4 at 150 dpi: 1241·960/1754 = 679.2 → int 679 → 21.2 → 672
    public void KeepAspect_FollowsPaddleOcrDetResize(int w, int h, int limit, int ew, int eh)
    {
        var g = ModelPreprocessing.PaddleOcrDetection(limit).Geometry(w, h);
        Assert.Equal((ew, eh), (g.InputWidth, g.InputHeight));
    }

    internal static Image<byte> Pattern(int w, int h)
    {
        var img = new Image<byte>(w, h, 3);
        for (int i = 0; i < img.Data.Length; i++) img.Data[i] = (byte)((i * 37 + i / 7) & 255);
        return img;
    }
}
