namespace SegmentSharp.OnnxTests;

/// <summary>A scratch folder per test class under the test output, with the generated models written into it.</summary>
internal sealed class Scratch : IDisposable
{
    public Scratch()
    {
        Dir = Path.Combine(AppContext.BaseDirectory, "scratch", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Dir);
    }

    public string Dir { get; }

    public string File(string name) => Path.Combine(Dir, name);

    public string Save(OnnxModelWriter model, string name) => model.Save(File(name));

    public void Dispose()
    {
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { }
    }
}

/// <summary>The small graphs the tests feed, one per output convention.</summary>
internal static class TestModels
{
    /// <summary>y = x for a float tensor of any NCHW shape (dynamic dimensions).</summary>
    public static OnnxModelWriter Identity(params long[] dims) => new OnnxModelWriter()
        .Input("x", OnnxType.Float, dims).Output("y", OnnxType.Float, dims)
        .Node("Identity", ["x"], ["y"]);
}
