using System.Text.Json;
using SegmentSharp.Cli;
using SegmentSharp.Codecs;
using SegmentSharp.Coco;
using SegmentSharp.Imaging;

namespace SegmentSharp.OnnxTests;

public sealed class CliModelTests : IDisposable
{
    private readonly Scratch _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var o = new StringWriter { NewLine = "\n" };
        var e = new StringWriter { NewLine = "\n" };
        int code = CliApp.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    private string Png(Image<byte> image, string name)
    {
        string p = _tmp.File(name);
        ImageFile.Write(p, image);
        return p;
    }

    private static readonly string[] RawInput = ["--scale", "1", "--mean", "0,0,0", "--std", "1,1,1"];

    /// <summary>Argmax of the fed channels R, G, B; ties go to the lowest index as in NumPy.</summary>
    private static int ArgmaxRgb(Image<byte> img, int i)
    {
        byte b = img.Data[3 * i], g = img.Data[3 * i + 1], r = img.Data[3 * i + 2];
        return r >= g && r >= b ? 0 : g >= b ? 1 : 2;
    }

    [Fact]
    public void Semantic_TorchVisionOut_IsArgmaxed_AuxIgnored()
    {
        var img = PreprocessTests.Pattern(23, 17);
        string model = _tmp.Save(TestModels.TorchVisionLogits(), "tv.onnx");
        var r = Run(["semantic", Png(img, "in.png"), _tmp.File("labels.png"), "--model", model, "--resize", "none",
            "--stats", _tmp.File("stats.csv"), "--color", _tmp.File("color.png"), "--overlay", _tmp.File("over.png"), .. RawInput]);
        Assert.True(r.Code == 0, r.Stderr);
        var labels = ImageFile.ReadGray(_tmp.File("labels.png"));
        for (int i = 0; i < labels.Data.Length; i++) Assert.Equal(ArgmaxRgb(img, i), labels.Data[i]);
        var csv = File.ReadAllLines(_tmp.File("stats.csv"));
        Assert.Equal("class,name,pixels,share", csv[0]);
        long sum = csv.Skip(1).Sum(l => long.Parse(l.Split(',')[2]));
        Assert.Equal(23 * 17, sum);
        Assert.Contains("logits (argmax), 3 classes, map 23x17", r.Stdout);
    }

    [Fact]
    public void Semantic_ModelArgmax_EqualsOurArgmax()
    {
        var img = PreprocessTests.Pattern(31, 9);
        string input = Png(img, "in.png");
        var a = Run(["semantic", input, _tmp.File("a.png"), "--model", _tmp.Save(TestModels.ArgmaxLabels(), "am.onnx"), "--resize", "none", .. RawInput]);
        var b = Run(["semantic", input, _tmp.File("b.png"), "--model", _tmp.Save(TestModels.TorchVisionLogits(), "tv.onnx"), "--resize", "none", .. RawInput]);
        Assert.True(a.Code == 0 && b.Code == 0, a.Stderr + b.Stderr);
        Assert.Equal(ImageFile.ReadGray(_tmp.File("b.png")).Data, ImageFile.ReadGray(_tmp.File("a.png")).Data);
    }

    [Fact]
    public void Semantic_QuarterResolutionLogits_AreArgmaxedThenNearestResized()
    {
        var img = PreprocessTests.Pattern(32, 24);
        var r = Run(["semantic", Png(img, "in.png"), _tmp.File("l.png"), "--model", _tmp.Save(TestModels.QuarterLogits(), "q.onnx"),
            "--resize", "none", "--json", .. RawInput]);
        Assert.True(r.Code == 0, r.Stderr);
        Assert.Contains("\"map_size\": [8, 6]", r.Stdout);
        var labels = ImageFile.ReadGray(_tmp.File("l.png"));
        for (int y = 0; y < 24; y++)
            for (int x = 0; x < 32; x++)
            {
                // The 4×4 block's channel sums (AveragePool's /16 keeps the order); R, G, B order, lowest index on ties.
                var s = new long[3];
                for (int dy = 0; dy < 4; dy++)
                    for (int dx = 0; dx < 4; dx++)
                    {
                        int i = (y / 4 * 4 + dy) * 32 + x / 4 * 4 + dx;
                        s[0] += img.Data[3 * i + 2]; s[1] += img.Data[3 * i + 1]; s[2] += img.Data[3 * i];
                    }
                int best = s[0] >= s[1] && s[0] >= s[2] ? 0 : s[1] >= s[2] ? 1 : 2;
                Assert.Equal(best, labels.Data[y * 32 + x]);
            }
    }

    [Fact]
    public void Semantic_ProbabilityMap_IsThresholded()
    {
        var img = new Image<byte>(9, 4, 3);
        for (int x = 0; x < 9; x++) for (int y = 0; y < 4; y++) img.Row(y).Slice(3 * x, 3).Fill((byte)(x * 30));
        // Fed (v/255 − 0.5): sigmoid > 0.5 exactly where v > 127.5.
        var r = Run(["semantic", Png(img, "in.png"), _tmp.File("p.png"), "--model", _tmp.Save(TestModels.MeanSigmoid(), "p.onnx"),
            "--resize", "none", "--mean", "0.5,0.5,0.5", "--std", "1,1,1"]);
        Assert.True(r.Code == 0, r.Stderr);
        var labels = ImageFile.ReadGray(_tmp.File("p.png"));
        for (int x = 0; x < 9; x++) Assert.Equal(x * 30 > 127.5 ? 1 : 0, labels.Data[x]);
    }

    [Fact]
    public void Instances_FullSizeMasks_BecomeCocoResults()
    {
        const int w = 40, h = 30;
        var masks = new float[2 * h * w];
        var expected = new Image<byte>(w, h);
        for (int y = 5; y < 20; y++) for (int x = 10; x < 31; x++) { masks[y * w + x] = 0.8f; expected.Data[y * w + x] = 255; }
        masks[0] = 0.5f;                                  // not above the threshold
        for (int i = 0; i < h * w; i++) masks[h * w + i] = 0.9f;
        string model = _tmp.Save(TestModels.MaskRcnn([10.25f, 5.5f, 30.75f, 19.5f, 0, 0, 40, 30], [18, 1], [0.93f, 0.2f], masks, h, w), "mrcnn.onnx");
        string coco = _tmp.File("out.json");
        var r = Run(["instances", Png(PreprocessTests.Pattern(w, h), "in.png"), "--model", model, "--coco", coco, "--image-id", "42",
            "--overlay", _tmp.File("over.png")]);
        Assert.True(r.Code == 0, r.Stderr);
        using var doc = JsonDocument.Parse(File.ReadAllText(coco));
        var item = Assert.Single(doc.RootElement.EnumerateArray());
        Assert.Equal(42, item.GetProperty("image_id").GetInt32());
        Assert.Equal(18, item.GetProperty("category_id").GetInt32());
        Assert.Equal([10.25, 5.5, 20.5, 14], item.GetProperty("bbox").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(0.93, item.GetProperty("score").GetDouble(), 5);
        var seg = item.GetProperty("segmentation");
        Assert.Equal([h, w], seg.GetProperty("size").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(Rle.Encode(expected).ToCompressedString(), seg.GetProperty("counts").GetString());
        Assert.Equal(expected.Data, Rle.FromCompressedString(seg.GetProperty("counts").GetString()!, h, w).Decode(255).Data);
    }

    [Fact]
    public void Instances_SmallMasks_ArePastedAtTheirFractionalBoxes()
    {
        const int w = 37, h = 29, m = 4;
        var masks = new float[2 * m * m];
        for (int i = 0; i < m * m; i++) { masks[i] = (i % m + i / m) / 6f; masks[m * m + i] = 1f; }
        float[] boxes = [3.4f, 5.7f, 20.2f, 17.1f, 30.5f, 20.25f, 36.9f, 28.6f];
        string model = _tmp.Save(TestModels.MaskRcnn(boxes, [3, 7], [0.8f, 0.7f], masks, m, m), "small.onnx");
        string coco = _tmp.File("small.json");
        var r = Run(["instances", Png(PreprocessTests.Pattern(w, h), "in.png"), "--model", model, "--coco", coco, "--mask-threshold", "0.4"]);
        Assert.True(r.Code == 0, r.Stderr);
        using var doc = JsonDocument.Parse(File.ReadAllText(coco));
        var items = doc.RootElement.EnumerateArray().ToArray();
        Assert.Equal(2, items.Length);
        for (int k = 0; k < 2; k++)
        {
            var expected = Models.MaskPaste.Paste(masks.AsSpan(k * m * m, m * m), m, boxes[4 * k], boxes[4 * k + 1], boxes[4 * k + 2], boxes[4 * k + 3], w, h, 0.4f);
            Assert.Equal(Rle.Encode(expected).ToCompressedString(), items[k].GetProperty("segmentation").GetProperty("counts").GetString());
            Assert.True(expected.Data.Any(v => v != 0));
        }
        // The second box reaches the right and bottom edges: the paste is clipped to the image.
        var second = Rle.FromCompressedString(items[1].GetProperty("segmentation").GetProperty("counts").GetString()!, h, w).Decode(255);
        Assert.Equal(255, second.Data[(h - 1) * w + w - 1]);
        Assert.Equal(0, second.Data[0]);
    }

    [Fact]
    public void Cutout_MinMaxNormalisesTheSaliency_IntoAlpha()
    {
        var img = PreprocessTests.Pattern(16, 16);
        string model = _tmp.Save(TestModels.Saliency(16), "sal.onnx");
        var r = Run(["cutout", Png(img, "in.png"), _tmp.File("cut.png"), "--model", model, "--mask", _tmp.File("mask.png")]);
        Assert.True(r.Code == 0, r.Stderr);
        var mask = ImageFile.ReadGray(_tmp.File("mask.png"));
        Assert.Equal(0, mask.Data.Min());
        Assert.Equal(255, mask.Data.Max());
        // The brightest pixel (largest channel mean) is the most salient.
        int brightest = Enumerable.Range(0, 256).MaxBy(i => img.Data[3 * i] + img.Data[3 * i + 1] + img.Data[3 * i + 2]);
        Assert.Equal(255, mask.Data[brightest]);
        var cut = PngRgba(_tmp.File("cut.png"));
        Assert.Equal(mask.Data, cut.Alpha);
    }

    private static (byte[] Alpha, int Width) PngRgba(string path)
    {
        // The cutout is RGBA; our decoder drops alpha, so check the file's colour type and read alpha from the mask twin.
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(6, bytes[25]);                        // IHDR colour type 6 = RGBA
        return (ImageFile.ReadGray(Path.Combine(Path.GetDirectoryName(path)!, "mask.png")).Data, 0);
    }

    [Fact]
    public void WrongModelForTheCommand_Exits4_AndListsTheOutputs()
    {
        string logits = _tmp.Save(TestModels.TorchVisionLogits(), "tv.onnx");
        string input = Png(PreprocessTests.Pattern(8, 8), "in.png");
        var r = Run(["instances", input, "--model", logits, "--coco", _tmp.File("o.json")]);
        Assert.Equal(4, r.Code);
        Assert.StartsWith("segment instances: error: model", r.Stderr);
        Assert.Contains("does not give Mask R-CNN outputs", r.Stderr);
        Assert.Contains("out float32 [1,3,8,8]", r.Stderr);
        Assert.Equal(1, r.Stderr.Count(c => c == '\n'));

        r = Run(["cutout", input, _tmp.File("c.png"), "--model", logits]);
        Assert.Equal(4, r.Code);
        Assert.Contains("not a saliency map", r.Stderr);

        var masks = new float[64];
        string mrcnn = _tmp.Save(TestModels.MaskRcnn([0, 0, 4, 4], [1], [0.9f], masks, 8, 8), "m.onnx");
        r = Run(["semantic", input, _tmp.File("s.png"), "--model", mrcnn]);
        Assert.Equal(4, r.Code);
        Assert.Contains("not a segmentation map", r.Stderr);
        Assert.False(File.Exists(_tmp.File("s.png")));
    }

    [Fact]
    public void MissingCorruptOrNonOnnxModel_Exits1()
    {
        string input = Png(PreprocessTests.Pattern(8, 8), "in.png");
        var r = Run(["semantic", input, _tmp.File("s.png"), "--model", _tmp.File("missing.onnx")]);
        Assert.Equal(1, r.Code);
        Assert.Equal($"segment semantic: error: cannot load model '{_tmp.File("missing.onnx")}': no such file\n", r.Stderr);

        string corrupt = _tmp.File("corrupt.onnx");
        var bytes = TestModels.TorchVisionLogits().ToBytes();
        File.WriteAllBytes(corrupt, bytes[..^7]);
        r = Run(["text-regions", input, "--model", corrupt, "--out", _tmp.File("r.json")]);
        Assert.Equal(1, r.Code);
        Assert.Contains("corrupt.onnx", r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);

        r = Run(["cutout", input, _tmp.File("c.png"), "--model", input]);
        Assert.Equal(1, r.Code);
        Assert.Contains("not a valid ONNX model", r.Stderr);
    }

    [Theory]
    [InlineData("the following arguments are required: --model", "semantic", "IN", "OUT.png")]
    [InlineData("the following arguments are required: --coco", "instances", "IN", "--model", "m.onnx")]
    [InlineData("the following arguments are required: --out", "text-regions", "IN", "--model", "m.onnx")]
    [InlineData("argument --stats: 'x.txt' must end in .csv, .json", "semantic", "IN", "OUT.png", "--model", "m.onnx", "--stats", "x.txt")]
    [InlineData("argument --mean: expected three comma-separated numbers, not '1,2'", "cutout", "IN", "OUT.png", "--model", "m.onnx", "--mean", "1,2")]
    [InlineData("argument --resize: invalid choice: 'crop' (choose from 'stretch', 'letterbox', 'keep', 'none')", "semantic", "IN", "O.png", "--model", "m", "--resize", "crop")]
    [InlineData("argument OUTPUT: 'OUT.jpg' must end in .png", "cutout", "IN", "OUT.jpg", "--model", "m.onnx")]
    public void UsageErrors_Exit2(string message, params string[] args)
    {
        var r = Run(args);
        Assert.Equal(2, r.Code);
        Assert.EndsWith($": error: {message}\n", r.Stderr);
    }
}
