using System.Globalization;
using System.Text.Json;

namespace SegmentSharp.Pipelines;

/// <summary>
/// The members of one step object of a pipeline file, read with range checks. Every failure is a
/// <see cref="PipelineException"/> naming the step and the parameter; members no reader asked for are reported as
/// unknown after the factory returns, so a typo never passes silently.
/// </summary>
public sealed class StepParameters
{
    private readonly JsonElement _obj;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal) { "step" };

    internal StepParameters(string step, JsonElement obj)
    {
        Step = step;
        _obj = obj;
    }

    /// <summary>The step's name (its <c>"step"</c> member).</summary>
    public string Step { get; }

    /// <summary>Whether the member is present (and marks it as read).</summary>
    public bool Has(string name)
    {
        _read.Add(name);
        return _obj.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null;
    }

    /// <summary>Names of the members present, except <c>"step"</c>.</summary>
    public IEnumerable<string> Present()
    {
        foreach (var p in _obj.EnumerateObject())
            if (p.Name != "step" && p.Value.ValueKind != JsonValueKind.Null) yield return p.Name;
    }

    /// <summary>A required integer in [min, max] (odd when <paramref name="odd"/>).</summary>
    public int Int(string name, int min, int max, bool odd = false)
        => OptionalInt(name, min, max, odd) ?? throw Error(name, "is required");

    /// <summary>An optional integer in [min, max] (odd when <paramref name="odd"/>); null when absent.</summary>
    public int? OptionalInt(string name, int min, int max, bool odd = false)
    {
        if (!Get(name, out var v)) return null;
        if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt64(out long n))
            throw Error(name, $"expected an integer, got {v.GetRawText()}");
        if (n < min || n > max || (odd && n % 2 == 0))
            throw Error(name, $"must be {(odd ? "an odd integer" : "an integer")} from {min} to {max}, got {n}");
        return (int)n;
    }

    /// <summary>An optional finite number in [min, max]; null when absent.</summary>
    public double? OptionalDouble(string name, double min = double.MinValue, double max = double.MaxValue)
    {
        if (!Get(name, out var v)) return null;
        if (v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out double d) || !double.IsFinite(d))
            throw Error(name, $"expected a number, got {v.GetRawText()}");
        if (d < min || d > max)
            throw Error(name, $"must be from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}, got {v.GetRawText()}");
        return d;
    }

    /// <summary>An optional boolean; null when absent.</summary>
    public bool? OptionalBool(string name)
    {
        if (!Get(name, out var v)) return null;
        return v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Error(name, $"expected true or false, got {v.GetRawText()}"),
        };
    }

    /// <summary>An optional string, one of <paramref name="choices"/> when given; null when absent.</summary>
    public string? OptionalString(string name, IReadOnlyCollection<string>? choices = null)
    {
        if (!Get(name, out var v)) return null;
        if (v.ValueKind != JsonValueKind.String) throw Error(name, $"expected a string, got {v.GetRawText()}");
        string s = v.GetString()!;
        if (choices is not null && !choices.Contains(s))
            throw Error(name, $"'{s}' is not one of {string.Join(", ", choices.Select(c => $"'{c}'"))}");
        return s;
    }

    /// <summary>A required string, one of <paramref name="choices"/> when given.</summary>
    public string String(string name, IReadOnlyCollection<string>? choices = null)
        => OptionalString(name, choices) ?? throw Error(name, "is required");

    /// <summary>A <see cref="PipelineException"/> about parameter <paramref name="name"/> of this step.</summary>
    public PipelineException Error(string name, string problem) => new($"step '{Step}': parameter '{name}' {problem}");

    /// <summary>A <see cref="PipelineException"/> about this step.</summary>
    public PipelineException Error(string problem) => new($"step '{Step}': {problem}");

    internal void CheckAllRead()
    {
        foreach (var p in _obj.EnumerateObject())
            if (!_read.Contains(p.Name))
                throw new PipelineException($"step '{Step}': unknown parameter '{p.Name}'");
    }

    private bool Get(string name, out JsonElement value)
    {
        _read.Add(name);
        return _obj.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;
    }
}
