using System.Text.Json;
using SegmentSharp.Imaging;
using SegmentSharp.Pipelines.Binarization;
using SegmentSharp.Thresholding;

namespace SegmentSharp.Pipelines.Steps;

/// <summary>
/// <c>binarize</c>: turns <see cref="PipelineContext.Gray"/> into the mask with any method of `segment threshold`
/// (cv2.threshold, cv2.adaptiveThreshold, Otsu/triangle, the ImageJ global methods, multi-Otsu, the local methods,
/// the automatic document binarizer), then optionally despeckles. The engine is <see cref="BinarizeSettings"/>, the
/// same code the commands run.
/// </summary>
public sealed class BinarizeStep : IPipelineStep
{
    /// <summary>JSON parameter names in the order they are written; each is the command-line flag without "--", '-' as '_'.</summary>
    internal static readonly string[] ParameterNames =
    [
        "threshold", "invert", "block_size", "c", "adaptive_method", "type", "max_value", "classes", "window", "k", "r", "t", "p",
        "q", "p1", "p2", "contrast_threshold", "offset", "min_high_contrast", "despeckle", "despeckle_color",
    ];

    private readonly BinarizeSettings _settings;

    internal BinarizeStep(BinarizeSettings settings, bool passMasks)
    {
        _settings = settings;
        PassMasks = passMasks;
    }

    /// <inheritdoc/>
    public string Name => "binarize";

    /// <summary>The method name (see `segment threshold --help`).</summary>
    public string Method => _settings.Method.Name;

    /// <summary>
    /// When set, an image holding at most two gray levels is taken as the mask unchanged (what `segment components`
    /// and `segment contours` do without binarization flags).
    /// </summary>
    public bool PassMasks { get; }

    /// <summary>The foreground value of the mask.</summary>
    internal byte Foreground => _settings.Method.HasTypes ? (byte)_settings.MaxValue : (byte)255;

    internal BinarizeSettings Settings => _settings;

    /// <inheritdoc/>
    public void Run(PipelineContext c)
    {
        if (PassMasks && AtMostTwoLevels(c.Gray))
        {
            c.Mask = c.Gray;
            return;
        }
        BinarizeResult r;
        try
        {
            if (_settings.IsSingleThreshold && _settings.Despeckle is null)
            {
                // The common case without the engine's allocations: one pooled mask.
                var mask = c.RentBytes(c.Gray.Width, c.Gray.Height);
                c.Threshold = _settings.ThresholdInto(c.Gray.ReadOnlyView, mask.View);
                c.Mask = mask;
                return;
            }
            if (_settings.HasLocalInto && _settings.Despeckle is null)
            {
                var mask = c.RentBytes(c.Gray.Width, c.Gray.Height);
                _settings.LocalInto(c.Gray.ReadOnlyView, mask.View, out _);
                if (_settings.Invert) Enhancement.Invert.Apply(mask.ReadOnlyView, mask.View);
                c.Mask = mask;
                return;
            }
            r = _settings.Run(c.Gray);
        }
        catch (Exception e) when (e is ArgumentException or NotImplementedException)
        {
            string m = e.Message;
            int p = m.IndexOf(" (Parameter '", StringComparison.Ordinal);
            if (p > 0) m = m[..p];
            throw new PipelineException($"step 'binarize': method {Method} cannot process '{c.InputPath}': {m}", e);
        }
        c.Mask = r.Mask;
        c.Threshold = r.Threshold;
    }

    /// <summary>True when <paramref name="img"/> holds at most two distinct gray levels (is already a mask).</summary>
    internal static bool AtMostTwoLevels(Image<byte> img)
    {
        Span<bool> seen = stackalloc bool[256];
        int distinct = 0;
        for (int y = 0; y < img.Height; y++)
            foreach (byte v in img.Row(y))
                if (!seen[v]) { seen[v] = true; if (++distinct > 2) return false; }
        return true;
    }

    /// <inheritdoc/>
    public IEnumerable<string> OutputPaths(string outputStem) => [];

    /// <inheritdoc/>
    public void WriteParameters(Utf8JsonWriter w)
    {
        var s = _settings;
        w.WriteString("method", s.Method.Name);
        foreach (string name in ParameterNames)
        {
            if (!s.Given.Contains(Flag(name))) continue;
            switch (name)
            {
                case "threshold": w.WriteNumber(name, s.Threshold); break;
                case "invert": w.WriteBoolean(name, s.Invert); break;
                case "block_size": w.WriteNumber(name, s.BlockSize); break;
                case "c": w.WriteNumber(name, s.C); break;
                case "adaptive_method": w.WriteString(name, s.AdaptiveMethod == AdaptiveMethod.Gaussian ? "gaussian" : "mean"); break;
                case "type": w.WriteString(name, BinarizeSettings.TypeName(s.Type ?? ThresholdType.Binary)); break;
                case "max_value": w.WriteNumber(name, s.MaxValue); break;
                case "classes": w.WriteNumber(name, s.Classes); break;
                case "window": w.WriteNumber(name, s.Window ?? 0); break;
                case "k": w.WriteNumber(name, s.K ?? 0); break;
                case "r": w.WriteNumber(name, s.R ?? 0); break;
                case "t": w.WriteNumber(name, s.T ?? 0); break;
                case "p": w.WriteNumber(name, s.P ?? 0); break;
                case "q": w.WriteNumber(name, s.Q ?? 0); break;
                case "p1": w.WriteNumber(name, s.P1 ?? 0); break;
                case "p2": w.WriteNumber(name, s.P2 ?? 0); break;
                case "contrast_threshold": w.WriteNumber(name, s.ContrastThreshold ?? 0); break;
                case "offset": w.WriteNumber(name, s.Offset ?? 0); break;
                case "min_high_contrast": w.WriteNumber(name, s.MinHighContrast ?? 0); break;
                case "despeckle": w.WriteNumber(name, s.Despeckle ?? 0); break;
                case "despeckle_color": w.WriteString(name, SpeckColorNames[(int)s.DespeckleColor]); break;
            }
        }
        if (PassMasks) w.WriteBoolean("pass_masks", true);
    }

    private static readonly string[] SpeckColorNames = ["text", "black", "white"];
    private static readonly string[] TypeNames = ["binary", "binary-inv", "trunc", "tozero", "tozero-inv"];

    internal static string Flag(string name) => "--" + name.Replace('_', '-');

    /// <summary>
    /// The threshold part of <paramref name="cli"/> (method, parameters, despeckle) as a step; its preprocessing becomes
    /// separate steps (see Pipeline.FromSettings).
    /// </summary>
    internal static BinarizeStep FromSettings(BinarizeSettings cli, bool passMasks)
    {
        var s = new BinarizeSettings
        {
            Method = cli.Method, Threshold = cli.Threshold, Invert = cli.Invert, BlockSize = cli.BlockSize, C = cli.C,
            AdaptiveMethod = cli.AdaptiveMethod, Type = cli.Type, MaxValue = cli.MaxValue, Classes = cli.Classes, Window = cli.Window,
            K = cli.K, R = cli.R, T = cli.T, P = cli.P, Q = cli.Q, P1 = cli.P1, P2 = cli.P2, ContrastThreshold = cli.ContrastThreshold,
            Offset = cli.Offset, MinHighContrast = cli.MinHighContrast, Despeckle = cli.Despeckle, DespeckleColor = cli.DespeckleColor,
        };
        foreach (string name in ParameterNames)
            if (cli.Given.Contains(Flag(name))) s.Given.Add(Flag(name));
        s.Given.Add("--method");
        return new BinarizeStep(s, passMasks);
    }

    internal static BinarizeStep FromJson(StepParameters p)
    {
        string method = p.String("method", [.. BinarizeMethod.All.Select(m => m.Name)]);
        var s = new BinarizeSettings { Method = BinarizeMethod.Find(method)! };
        s.Given.Add("--method");
        foreach (string name in p.Present())
            if (Array.IndexOf(ParameterNames, name) >= 0) s.Given.Add(Flag(name));
        if (p.OptionalInt("threshold", -100000, 100000) is int th) s.Threshold = th;
        if (p.OptionalBool("invert") is bool inv) s.Invert = inv;
        if (p.OptionalInt("block_size", 3, int.MaxValue, odd: true) is int bs) s.BlockSize = bs;
        if (p.OptionalInt("c", -100000, 100000) is int c) s.C = c;
        if (p.OptionalString("adaptive_method", ["gaussian", "mean"]) is string am)
            s.AdaptiveMethod = am == "gaussian" ? AdaptiveMethod.Gaussian : AdaptiveMethod.Mean;
        if (p.OptionalString("type", TypeNames) is string type) s.Type = (ThresholdType)Array.IndexOf(TypeNames, type);
        if (p.OptionalInt("max_value", 0, 255) is int mv) s.MaxValue = mv;
        if (p.OptionalInt("classes", 2, 5) is int k) s.Classes = k;
        s.Window = p.OptionalInt("window", 0, 99999);
        s.K = p.OptionalDouble("k");
        s.R = p.OptionalDouble("r", double.Epsilon);
        s.T = p.OptionalDouble("t");
        s.P = p.OptionalDouble("p");
        s.Q = p.OptionalDouble("q");
        s.P1 = p.OptionalDouble("p1");
        s.P2 = p.OptionalDouble("p2");
        s.ContrastThreshold = p.OptionalInt("contrast_threshold", 0, 255);
        s.Offset = p.OptionalInt("offset", -255, 255);
        s.MinHighContrast = p.OptionalInt("min_high_contrast", 0, int.MaxValue);
        s.Despeckle = p.OptionalInt("despeckle", 0, int.MaxValue);
        if (p.OptionalString("despeckle_color", SpeckColorNames) is string sc) s.DespeckleColor = (SpeckColor)Array.IndexOf(SpeckColorNames, sc);
        bool pass = p.OptionalBool("pass_masks") ?? false;
        if (s.Problem() is string problem)
            throw p.Error(problem.Replace("argument --", "parameter ").Replace("--method ", "method ").Replace(" --", " "));
        return new BinarizeStep(s, pass);
    }
}
