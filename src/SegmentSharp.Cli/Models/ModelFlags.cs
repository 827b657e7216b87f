using SegmentSharp.Onnx;

namespace SegmentSharp.Cli;

/// <summary>
/// The flags every model command shares (--model, --threads, --optimization) and the mapping of model failures to
/// exit codes: a model file that cannot be loaded is a read failure (1); a model that loads but whose inputs or
/// outputs follow another convention than the command's is exit 4, with the model's declared tensors in the message.
/// </summary>
internal sealed class ModelFlags
{
    public string? Model;
    public int Threads;
    public OnnxOptimization Optimization = OnnxOptimization.All;

    public const string Help = """
        model options:
          --model FILE          the .onnx model (required)
          --threads N           threads ONNX Runtime may use inside one operator (default: 0 = one per core)
          --optimization {disabled,basic,extended,all}
                                graph optimisation when the session is created (default: all)
        """;

    public void AddFlags(List<FlagSpec> flags)
    {
        flags.Add(new("--model", "FILE", v => Model = v));
        flags.Add(new("--threads", "N", v => Threads = FlagValues.Int(v!, 0, 1024, "threads")));
        flags.Add(new("--optimization", "LEVEL", v => Optimization = (OnnxOptimization)FlagValues.Choice(v!, ["disabled", "basic", "extended", "all"])));
    }

    public void Validate()
    {
        if (Model is null) throw new UsageException("the following arguments are required: --model");
    }

    /// <summary>Adds the model and input flags to <paramref name="flags"/>, parses, checks --model; returns the positionals.</summary>
    public List<string> Parse(IReadOnlyList<string> args, List<FlagSpec> flags, string[] positionals, PreprocessFlags pre)
    {
        AddFlags(flags);
        pre.AddFlags(flags);
        var pos = ArgParser.Parse(args, flags, positionals);
        Validate();
        return pos;
    }

    /// <summary>Reads the image (as BGR), then loads the model and settles its preprocessing; the caller disposes the model.</summary>
    public (SegmentSharp.Imaging.Image<byte> Image, OnnxModel Model, ModelPreprocessing Spec) Open(string input, PreprocessFlags pre)
    {
        var image = CommandRunner.ReadColor(input);
        var model = Load();
        try { return (image, model, pre.For(model)); }
        catch { model.Dispose(); throw; }
    }

    /// <summary>Loads the model; an unloadable file fails with exit 1.</summary>
    public OnnxModel Load()
    {
        try { return OnnxModel.Load(Model!, new OnnxModelOptions { IntraOpThreads = Threads, Optimization = Optimization }); }
        catch (OnnxModelException e) { throw new CommandFailedException(e.Message); }
    }

    /// <summary>The phases of a model step and the whole command, in milliseconds, for --json.</summary>
    public static string TimingsJson(StepTimings t, long start, long end) => Json.Object(
        ("preprocess", Json.Num(Math.Round(t.Preprocess.TotalMilliseconds, 3))),
        ("inference", Json.Num(Math.Round(t.Inference.TotalMilliseconds, 3))),
        ("postprocess", Json.Num(Math.Round(t.Postprocess.TotalMilliseconds, 3))),
        ("total", Json.Ms(start, end)));

    /// <summary>Runs <paramref name="body"/>; a model whose tensors do not fit fails with exit 4.</summary>
    public static T Guard<T>(Func<T> body)
    {
        try { return body(); }
        catch (OnnxModelException e) { throw new CommandFailedException(e.Message, ExitCodes.ModelMismatch); }
    }
}
