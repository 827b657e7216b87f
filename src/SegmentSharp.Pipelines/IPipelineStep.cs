using System.Text.Json;

namespace SegmentSharp.Pipelines;

/// <summary>
/// One step of a <see cref="Pipeline"/>. A step is immutable after construction and must be safe to run on many
/// <see cref="PipelineContext"/>s at once: all per-image state lives in the context.
/// </summary>
/// <remarks>
/// New steps plug in through <see cref="StepRegistry.Register"/> under their JSON <c>"step"</c> name; neither the
/// runner nor the batch command knows the concrete step types.
/// </remarks>
public interface IPipelineStep
{
    /// <summary>The JSON <c>"step"</c> name, also the key of the step's timing in <see cref="PipelineResult.TimingsMs"/>.</summary>
    string Name { get; }

    /// <summary>Transforms the context (gray image, mask, labels, contours) or writes an output file.</summary>
    /// <exception cref="PipelineException">The step cannot process this image (the message says why).</exception>
    void Run(PipelineContext context);

    /// <summary>The files this step writes for <paramref name="outputStem"/>; empty for steps that write nothing.</summary>
    IEnumerable<string> OutputPaths(string outputStem);

    /// <summary>Writes the step's parameters (every member except <c>"step"</c>) into the open JSON object.</summary>
    void WriteParameters(Utf8JsonWriter writer);
}
