using SegmentSharp.Thresholding;

namespace SegmentSharp.Pipelines.Binarization;

/// <summary>How a binarization method turns the gray image into the output.</summary>
internal enum MethodKind
{
    /// <summary>The seed's fixed <c>--threshold</c> (cv2.threshold).</summary>
    Fixed,
    /// <summary>The seed's cv2.adaptiveThreshold.</summary>
    Adaptive,
    /// <summary>One threshold from the histogram (GlobalThreshold.Compute; otsu and triangle via OpenCV's THRESH_OTSU/TRIANGLE).</summary>
    Global,
    /// <summary>K-class multi-Otsu; the output is a label image 0..K−1.</summary>
    MultiOtsu,
    /// <summary>A per-pixel threshold from a window (LocalThreshold.*).</summary>
    Local,
    /// <summary>The parameter-free document binarizer.</summary>
    Auto,
}

/// <summary>The local methods of <see cref="Thresholding.Local.LocalThreshold"/>.</summary>
internal enum LocalMethod { Niblack, Sauvola, Wolf, Nick, Bradley, Phansalkar, Bernsen, Contrast, MidGrey, Median, LocalOtsu, Su, Gatos }

/// <summary>One `--method` value: its name, kind, and the method-specific flags it accepts.</summary>
internal sealed record BinarizeMethod(string Name, MethodKind Kind, string[] Parameters, GlobalMethod Global = default,
    LocalMethod Local = default)
{
    /// <summary>Flags the seed accepted with every method and ignored when they did not apply; kept for drop-in use.</summary>
    private static readonly string[] SeedFlags = ["--threshold", "--block-size", "--c", "--adaptive-method"];
    private static readonly string[] Mapping = ["--type", "--max-value"];

    /// <summary>Every method, in the order --help lists them.</summary>
    public static readonly BinarizeMethod[] All =
    [
        new("global", MethodKind.Fixed, [.. SeedFlags, .. Mapping]),
        new("adaptive", MethodKind.Adaptive, [.. SeedFlags, .. Mapping]),
        new("otsu", MethodKind.Global, [.. SeedFlags, .. Mapping], GlobalMethod.Otsu),
        new("triangle", MethodKind.Global, [.. SeedFlags, .. Mapping], GlobalMethod.Triangle),
        new("default", MethodKind.Global, Mapping, GlobalMethod.Default),
        new("huang", MethodKind.Global, Mapping, GlobalMethod.Huang),
        new("intermodes", MethodKind.Global, Mapping, GlobalMethod.Intermodes),
        new("isodata", MethodKind.Global, Mapping, GlobalMethod.IsoData),
        new("li", MethodKind.Global, Mapping, GlobalMethod.Li),
        new("max-entropy", MethodKind.Global, Mapping, GlobalMethod.MaxEntropy),
        new("mean", MethodKind.Global, Mapping, GlobalMethod.Mean),
        new("min-error", MethodKind.Global, Mapping, GlobalMethod.MinError),
        new("minimum", MethodKind.Global, Mapping, GlobalMethod.Minimum),
        new("moments", MethodKind.Global, Mapping, GlobalMethod.Moments),
        new("percentile", MethodKind.Global, Mapping, GlobalMethod.Percentile),
        new("renyi-entropy", MethodKind.Global, Mapping, GlobalMethod.RenyiEntropy),
        new("shanbhag", MethodKind.Global, Mapping, GlobalMethod.Shanbhag),
        new("yen", MethodKind.Global, Mapping, GlobalMethod.Yen),
        new("multi-otsu", MethodKind.MultiOtsu, ["--classes"]),
        new("niblack", MethodKind.Local, ["--window", "--k"], Local: LocalMethod.Niblack),
        new("sauvola", MethodKind.Local, ["--window", "--k", "--r"], Local: LocalMethod.Sauvola),
        new("wolf", MethodKind.Local, ["--window", "--k"], Local: LocalMethod.Wolf),
        new("nick", MethodKind.Local, ["--window", "--k"], Local: LocalMethod.Nick),
        new("bradley", MethodKind.Local, ["--window", "--t"], Local: LocalMethod.Bradley),
        new("phansalkar", MethodKind.Local, ["--window", "--k", "--r", "--p", "--q"], Local: LocalMethod.Phansalkar),
        new("bernsen", MethodKind.Local, ["--window", "--contrast-threshold"], Local: LocalMethod.Bernsen),
        new("contrast", MethodKind.Local, ["--window"], Local: LocalMethod.Contrast),
        new("midgrey", MethodKind.Local, ["--window", "--offset"], Local: LocalMethod.MidGrey),
        new("median", MethodKind.Local, ["--window", "--offset"], Local: LocalMethod.Median),
        new("local-otsu", MethodKind.Local, ["--window"], Local: LocalMethod.LocalOtsu),
        new("su", MethodKind.Local, ["--window", "--min-high-contrast"], Local: LocalMethod.Su),
        new("gatos", MethodKind.Local, ["--window", "--q", "--p1", "--p2"], Local: LocalMethod.Gatos),
        new("auto", MethodKind.Auto, []),
    ];

    /// <summary>The seed's four choices, which its "invalid choice" message lists (kept word for word).</summary>
    public static readonly string[] SeedChoices = ["global", "adaptive", "otsu", "triangle"];

    /// <summary>The method named <paramref name="name"/>, or null.</summary>
    public static BinarizeMethod? Find(string name)
    {
        foreach (var m in All) if (m.Name == name) return m;
        return null;
    }

    /// <summary>The method-specific flags any method accepts (the union of <see cref="Parameters"/>).</summary>
    public static IEnumerable<string> AllParameterFlags => All.SelectMany(m => m.Parameters).Distinct();

    /// <summary>True when the output is a 0/max mask (or, with --type trunc/tozero, a gray mapping) rather than labels.</summary>
    public bool ProducesMask => Kind != MethodKind.MultiOtsu;

    /// <summary>True when --type and --max-value shape the output (the cv2.threshold family).</summary>
    public bool HasTypes => Kind is MethodKind.Fixed or MethodKind.Adaptive or MethodKind.Global;

    /// <summary>
    /// Whether the window is a user-visible choice where 0 means "chosen from the image" (bradley: width/8; su and gatos:
    /// estimated from the strokes) rather than a fixed default.
    /// </summary>
    public bool WindowMayBeAuto => Local is LocalMethod.Bradley or LocalMethod.Su or LocalMethod.Gatos && Kind == MethodKind.Local;
}
