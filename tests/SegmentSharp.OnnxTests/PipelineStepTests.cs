using SegmentSharp.Cli;
using SegmentSharp.Codecs;
using SegmentSharp.Onnx.Pipelines;
using SegmentSharp.Pipelines;

namespace SegmentSharp.OnnxTests;

public sealed class PipelineStepTests : IDisposable
{
    private readonly Scratch _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static int Run(params string[] args) => CliApp.Run(args, new StringWriter(), new StringWriter());

    [Fact]
    public void BatchRunsAModelMaskEqualToTheSemanticCommand()
    {
        string model = _tmp.Save(TestModels.TorchVisionLogits(), "tv.onnx");
        Directory.CreateDirectory(_tmp.File("in"));
        for (int k = 0; k < 3; k++) ImageFile.Write(_tmp.File($"in/p{k}.png"), PreprocessTests.Pattern(40 + 7 * k, 23 + k));
        File.WriteAllText(_tmp.File("p.json"), $$"""
            {"version": 1, "steps": [{"step": "model-mask", "model": {{System.Text.Json.JsonSerializer.Serialize(model)}}, "class": 2},
              {"step": "components", "connectivity": 8}, {"step": "write-mask", "format": "png"}, {"step": "write-stats", "format": "csv"}]}
            """);
        Assert.Equal(0, Run("batch", "--pipeline", _tmp.File("p.json"), _tmp.File("in"), "--out", _tmp.File("out"), "--jobs", "2", "--progress", "none"));
        for (int k = 0; k < 3; k++)
        {
            Assert.Equal(0, Run("semantic", _tmp.File($"in/p{k}.png"), _tmp.File($"l{k}.png"), "--model", model));
            var labels = ImageFile.ReadGray(_tmp.File($"l{k}.png"));
            var mask = ImageFile.ReadGray(_tmp.File($"out/p{k}.png"));
            Assert.Equal(labels.Data.Select(c => c == 2 ? (byte)255 : (byte)0), mask.Data);
            Assert.Contains(mask.Data, v => v == 255);
            Assert.True(File.Exists(_tmp.File($"out/p{k}.csv")));
        }
    }

    [Fact]
    public void TheStepRoundTripsAndReportsABadModel()
    {
        ModelMaskStep.Register();
        var p = Pipeline.FromJson("""{"version": 1, "steps": [{"step": "model-mask", "model": "m.onnx", "kind": "saliency", "size": 320}, {"step": "write-mask"}]}""");
        Assert.Equal(p.ToJson(), Pipeline.FromJson(p.ToJson()).ToJson());
        Assert.Throws<PipelineException>(() => Pipeline.FromJson("""{"version": 1, "steps": [{"step": "model-mask", "model": "m.onnx", "kind": "depth"}]}"""));
        File.WriteAllText(_tmp.File("bad.onnx"), "not a model");
        ImageFile.Write(_tmp.File("x.png"), PreprocessTests.Pattern(8, 8));
        var bad = Pipeline.Create().Step("model-mask", new System.Text.Json.Nodes.JsonObject { ["model"] = _tmp.File("bad.onnx") }).WriteMask();
        var e = Assert.Throws<PipelineException>(() => bad.Run(_tmp.File("x.png"), _tmp.File("x-out")));
        Assert.Contains("bad.onnx", e.Message);
    }
}
