using SegmentSharp.Onnx;

namespace SegmentSharp.OnnxTests;

public sealed class RunnerTests : IDisposable
{
    private readonly Scratch _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void Identity_ReturnsTheFedTensor_AndDeclaresItsShape()
    {
        string path = _tmp.Save(TestModels.Identity(1, 3, -1, -1), "id.onnx");
        using var model = OnnxModel.Load(path);
        Assert.Equal("x float32 [1,3,x_d2,x_d3]", model.Inputs.Single().ToString());
        Assert.Equal("y", model.Outputs.Single().Name);
        var data = Enumerable.Range(0, 3 * 4 * 5).Select(i => i * 0.25f - 3).ToArray();
        var outputs = model.Run(data, [1, 3, 4, 5]);
        var y = Assert.Single(outputs);
        Assert.Equal([1, 3, 4, 5], y.Shape);
        Assert.Equal("float32", y.ElementType);
        Assert.Equal(data, y.Floats);
    }

    [Fact]
    public void SharedSession_RunsConcurrently()
    {
        string path = _tmp.Save(new OnnxModelWriter()
            .Input("x", OnnxType.Float, 1, 1, -1, -1).Output("y", OnnxType.Float, 1, 1, -1, -1)
            .Initializer("two", [1], [2f])
            .Node("Mul", ["x", "two"], ["y"]), "mul.onnx");
        using var model = OnnxModel.Load(path, new OnnxModelOptions { IntraOpThreads = 1, Optimization = OnnxOptimization.Basic });
        var bad = 0;
        Parallel.For(0, 64, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var data = Enumerable.Range(0, 10 + i).Select(v => (float)(v + i)).ToArray();
            var y = model.Run(data, [1, 1, 1, data.Length])[0].Floats!;
            for (int k = 0; k < data.Length; k++) if (y[k] != 2 * data[k]) Interlocked.Increment(ref bad);
        });
        Assert.Equal(0, bad);
    }

    [Fact]
    public void IntegerOutputs_AreReadAsIntegers()
    {
        string path = _tmp.Save(new OnnxModelWriter()
            .Input("x", OnnxType.Float, 1, 2, 2).Output("labels", OnnxType.Int64, 1, 2, 2)
            .Node("Cast", ["x"], ["labels"], OnnxModelWriter.IntAttribute("to", (long)OnnxType.Int64)), "cast.onnx");
        using var model = OnnxModel.Load(path);
        var t = model.Run([0, 1, 2, 7], [1, 2, 2])[0];
        Assert.True(t.IsInteger);
        Assert.Equal("int64", t.ElementType);
        Assert.Equal([0L, 1, 2, 7], t.Integers);
    }

    [Fact]
    public void MissingModel_IsNamed()
    {
        var e = Assert.Throws<OnnxModelException>(() => OnnxModel.Load(_tmp.File("nope.onnx")));
        Assert.Contains("nope.onnx", e.Message);
        Assert.Contains("no such file", e.Message);
    }

    [Fact]
    public void EmptyFile_IsRefused()
    {
        string p = _tmp.File("empty.onnx");
        File.WriteAllBytes(p, []);
        var e = Assert.Throws<OnnxModelException>(() => OnnxModel.Load(p));
        Assert.Contains("empty", e.Message);
    }

    [Fact]
    public void NotOnnx_IsRefused()
    {
        string p = _tmp.File("page.onnx");
        File.Copy(RepoPaths.Sample("page.png"), p);
        var e = Assert.Throws<OnnxModelException>(() => OnnxModel.Load(p));
        Assert.Contains("not a valid ONNX model", e.Message);
        Assert.DoesNotContain("\n", e.Message);
    }

    [Fact]
    public void TruncatedModel_IsRefused()
    {
        var bytes = TestModels.Identity(1, 3, -1, -1).ToBytes();
        string p = _tmp.File("cut.onnx");
        File.WriteAllBytes(p, bytes[..(bytes.Length / 2)]);
        var e = Assert.Throws<OnnxModelException>(() => OnnxModel.Load(p));
        Assert.Contains("cut.onnx", e.Message);
    }

    [Fact]
    public void Folder_IsRefused()
    {
        var e = Assert.Throws<OnnxModelException>(() => OnnxModel.Load(_tmp.Dir));
        Assert.Contains("folder", e.Message);
    }

    [Fact]
    public void WrongInputName_NamesTheModelsInputs()
    {
        using var model = OnnxModel.Load(_tmp.Save(TestModels.Identity(1, 3, -1, -1), "id.onnx"));
        var e = Assert.Throws<OnnxModelException>(() => model.Run(new float[3], [1, 3, 1, 1], "image"));
        Assert.Contains("no input 'image'", e.Message);
        Assert.Contains("x float32 [1,3,x_d2,x_d3]", e.Message);
    }

    [Fact]
    public void WrongShape_NamesTheExpectedShape()
    {
        using var model = OnnxModel.Load(_tmp.Save(TestModels.Identity(1, 3, 8, 8), "fixed.onnx"));
        var e = Assert.Throws<OnnxModelException>(() => model.Run(new float[3 * 16], [1, 3, 4, 4]));
        Assert.Contains("expects float32 [1,3,8,8]", e.Message);
        Assert.Contains("got [1,3,4,4]", e.Message);
        e = Assert.Throws<OnnxModelException>(() => model.Run(new float[16], [1, 1, 4, 4]));
        Assert.Contains("[1,3,8,8]", e.Message);
    }

    [Fact]
    public void NonFloatInput_IsRefusedAsImageInput()
    {
        using var model = OnnxModel.Load(_tmp.Save(new OnnxModelWriter()
            .Input("ids", OnnxType.Int64, 1, 4).Output("y", OnnxType.Int64, 1, 4).Node("Identity", ["ids"], ["y"]), "ids.onnx"));
        var e = Assert.Throws<OnnxModelException>(() => model.ImageInput);
        Assert.Contains("int64", e.Message);
    }

    [Fact]
    public void BatchOfOne_IsDroppedForChwModels()
    {
        using var model = OnnxModel.Load(_tmp.Save(TestModels.Identity(3, -1, -1), "chw.onnx"));
        var y = model.Run(new float[3 * 2 * 2], [1, 3, 2, 2])[0];
        Assert.Equal([3, 2, 2], y.Shape);
    }
}
