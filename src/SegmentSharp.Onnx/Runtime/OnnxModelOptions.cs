namespace SegmentSharp.Onnx;

/// <summary>How much ONNX Runtime rewrites the graph when a session is created (<c>GraphOptimizationLevel</c>).</summary>
public enum OnnxOptimization
{
    /// <summary>No rewriting: the graph runs as stored.</summary>
    Disabled,
    /// <summary>Constant folding and redundant-node removal.</summary>
    Basic,
    /// <summary>Basic plus operator fusions.</summary>
    Extended,
    /// <summary>Every optimisation, including layout changes (ONNX Runtime's default).</summary>
    All,
}

/// <summary>Session settings of an <see cref="OnnxModel"/>; the CPU execution provider is always used.</summary>
public sealed record OnnxModelOptions
{
    /// <summary>Threads one operator may use; 0 lets ONNX Runtime choose (one per physical core).</summary>
    public int IntraOpThreads { get; init; }

    /// <summary>Graph optimisation level applied once, when the session is created.</summary>
    public OnnxOptimization Optimization { get; init; } = OnnxOptimization.All;

    /// <summary>The defaults: runtime-chosen threads, every optimisation.</summary>
    public static OnnxModelOptions Default { get; } = new();
}
