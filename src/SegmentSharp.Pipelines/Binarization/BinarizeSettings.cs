using System.Diagnostics;
using System.Globalization;
using System.Text;
using SegmentSharp.Components;
using SegmentSharp.Enhancement;
using SegmentSharp.Filters;
using SegmentSharp.Histograms;
using SegmentSharp.Imaging;
using SegmentSharp.Thresholding;
using SegmentSharp.Thresholding.Document;
using SegmentSharp.Thresholding.Local;
using SegmentSharp.Pipelines.Text;

namespace SegmentSharp.Pipelines.Binarization;

/// <summary>Which colour --despeckle removes.</summary>
internal enum SpeckColor
{
    /// <summary>The text's colour: black (0), or white when the mask is inverted (--invert or --type binary-inv).</summary>
    Text,
    /// <summary>Black specks (0 pixels).</summary>
    Black,
    /// <summary>White specks (non-zero pixels).</summary>
    White,
}

/// <summary>CLAHE settings of --clahe CLIP[:TXxTY].</summary>
internal readonly record struct ClaheSettings(double ClipLimit, int TilesX, int TilesY);

/// <summary>
/// Everything that turns a gray image into a mask: preprocessing, the threshold method and its parameters, and
/// despeckling. Filled by BinarizeFlags.Add (CLI), checked by Problem, executed by
/// <see cref="Run"/>. Independent of any command's input/output, so every command that binarizes shares it.
/// </summary>
/// <remarks>
/// Fixed order of the steps (each only when asked for): --invert-input → --deskew → --median → --clahe →
/// --normalize-background → --stretch → --blur → threshold (with --invert) → --despeckle.
/// </remarks>
internal class BinarizeSettings
{
    /// <summary>Flags that were given on the command line (long names), for the "does not apply" checks.</summary>
    public HashSet<string> Given { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Cross-flag checks after parsing: flags that do not apply to the chosen method, and combinations that make no
    /// sense. The seed's own flags (--threshold, --block-size, --c, --adaptive-method) stay accepted and ignored with the
    /// seed-era methods, as the seed accepted them.
    /// </summary>
    /// <returns>The first problem found, worded as a usage error ("argument --k: ..."), or null.</returns>
    public string? Problem()
    {
        var m = Method;
        foreach (string flag in BinarizeMethod.AllParameterFlags)
        {
            if (!Given.Contains(flag) || m.Parameters.Contains(flag)) continue;
            var users = BinarizeMethod.All.Where(x => x.Parameters.Contains(flag)).Select(x => x.Name).ToList();
            string hint = users.Count <= 6 ? $" (it applies to {string.Join(", ", users)})" : "";
            return $"argument {flag}: not allowed with --method {m.Name}{hint}";
        }
        if (m.Kind == MethodKind.Adaptive && Type is not (null or ThresholdType.Binary or ThresholdType.BinaryInv))
            return $"argument --type: adaptive thresholding supports only binary and binary-inv, not {TypeName(Type.Value)}";
        if (Invert && Type is ThresholdType.BinaryInv or ThresholdType.ToZeroInv or ThresholdType.Trunc)
            return $"argument --invert: not allowed with argument --type {TypeName(Type.Value)}";
        if (m.Kind == MethodKind.MultiOtsu && Invert)
            return "argument --invert: not allowed with --method multi-otsu (its output is a label image)";
        if (Given.Contains("--despeckle"))
        {
            if (m.Kind == MethodKind.MultiOtsu)
                return "argument --despeckle: not allowed with --method multi-otsu (its output is a label image)";
            if (m.HasTypes && Type is ThresholdType.Trunc or ThresholdType.ToZero or ThresholdType.ToZeroInv)
                return $"argument --despeckle: needs a two-level mask, not --type {TypeName(Type.Value)}";
        }
        if (Given.Contains("--despeckle-color") && !Given.Contains("--despeckle"))
            return "argument --despeckle-color: only applies together with --despeckle";
        if (m.Kind == MethodKind.Local && Window is int w && !(w == 0 && m.WindowMayBeAuto) && (w < 3 || w % 2 == 0))
            return (m.WindowMayBeAuto
                ? "argument --window: the window must be 0 (automatic) or an odd integer >= 3"
                : "argument --window: the window must be an odd integer >= 3");
        return null;
    }

    public BinarizeMethod Method { get; set; } = BinarizeMethod.All[0];

    // The seed's flags.
    public long Threshold { get; set; } = 127;
    public bool Invert { get; set; }
    public long BlockSize { get; set; } = 31;
    public long C { get; set; } = 5;
    public AdaptiveMethod AdaptiveMethod { get; set; } = AdaptiveMethod.Gaussian;
    /// <summary>The --type flag as given (null = not given, i.e. binary).</summary>
    public ThresholdType? Type { get; set; }
    public int MaxValue { get; set; } = 255;

    // Method parameters; null = the library's default.
    public int Classes { get; set; } = 3;
    public int? Window { get; set; }
    public double? K { get; set; }
    public double? R { get; set; }
    public double? T { get; set; }
    public double? P { get; set; }
    public double? Q { get; set; }
    public double? P1 { get; set; }
    public double? P2 { get; set; }
    public int? ContrastThreshold { get; set; }
    public int? Offset { get; set; }
    public int? MinHighContrast { get; set; }

    // Preprocessing and post-processing.
    public bool InvertInput { get; set; }
    public bool Deskew { get; set; }
    public int? Median { get; set; }
    public ClaheSettings? Clahe { get; set; }
    /// <summary>--normalize-background: null = off, 0 = window chosen from the image size, else the window.</summary>
    public int? NormalizeBackground { get; set; }
    public (double Low, double High)? Stretch { get; set; }
    /// <summary>Gaussian pre-blur kernel size; null = no blur.</summary>
    public int? Blur { get; set; }
    public int? Despeckle { get; set; }
    public SpeckColor DespeckleColor { get; set; } = SpeckColor.Text;

    /// <summary>The deskew rotation is skipped below this many degrees (the page is left untouched).</summary>
    public const double MinDeskewAngle = 0.05;

    /// <summary>The type actually applied: --type, turned into its inverse variant by --invert.</summary>
    public ThresholdType EffectiveType => (Type ?? ThresholdType.Binary, Invert) switch
    {
        (ThresholdType.Binary, true) => ThresholdType.BinaryInv,
        (ThresholdType.ToZero, true) => ThresholdType.ToZeroInv,
        (var t, _) => t,
    };

    /// <summary>True when the mask holds white text (inverted output).</summary>
    public bool TextIsWhite => Method.HasTypes ? EffectiveType is ThresholdType.BinaryInv or ThresholdType.ToZeroInv : Invert;

    /// <summary>Flag spelling of a type, as accepted by --type and printed in JSON.</summary>
    public static string TypeName(ThresholdType t) => t switch
    {
        ThresholdType.Binary => "binary",
        ThresholdType.BinaryInv => "binary-inv",
        ThresholdType.Trunc => "trunc",
        ThresholdType.ToZero => "tozero",
        ThresholdType.ToZeroInv => "tozero-inv",
        _ => throw new ArgumentOutOfRangeException(nameof(t)),
    };

    /// <summary>
    /// The "method:" line. For the seed's two cases this is exactly its text ("global binary", "adaptive gaussian
    /// inverse"); new combinations follow the same pattern: method, adaptive statistic, type, "inverse".
    /// </summary>
    public string Label
    {
        get
        {
            if (Method.Kind == MethodKind.MultiOtsu) return $"multi-otsu {Classes} classes";
            if (!Method.HasTypes) return Invert ? $"{Method.Name} binary inverse" : $"{Method.Name} binary";
            string type = EffectiveType switch
            {
                ThresholdType.Binary => "binary",
                ThresholdType.BinaryInv => "binary inverse",
                ThresholdType.Trunc => "trunc",
                ThresholdType.ToZero => "tozero",
                ThresholdType.ToZeroInv => "tozero inverse",
                _ => "?",
            };
            if (Method.Kind == MethodKind.Adaptive)
            {
                string stat = AdaptiveMethod == AdaptiveMethod.Gaussian ? "gaussian" : "mean";
                return EffectiveType == ThresholdType.BinaryInv ? $"adaptive {stat} inverse" : $"adaptive {stat}";
            }
            return $"{Method.Name} {type}";
        }
    }

    /// <summary>
    /// Runs preprocessing, the threshold and post-processing on <paramref name="gray"/> (single-channel 8-bit; it is not
    /// modified).
    /// </summary>
    /// <exception cref="ArgumentException">The library rejected the image for this method (e.g. multi-otsu on an image with
    /// fewer distinct levels than classes).</exception>
    /// <exception cref="NotImplementedException">The method is not available in this build.</exception>
    public BinarizeResult Run(Image<byte> gray)
    {
        var pre = new List<StepReport>();
        var post = new List<StepReport>();
        Image<byte> img = gray;
        double? angle = null;

        if (InvertInput)
        {
            long t0 = Stopwatch.GetTimestamp();
            img = Enhancement.Invert.Apply(img.ReadOnlyView);
            pre.Add(new("invert-input", "invert input", Ms(t0)));
        }
        if (Deskew)
        {
            long t0 = Stopwatch.GetTimestamp();
            img = Straighten(img, out double a);
            angle = a;
            pre.Add(new("deskew", $"deskew: {F(a, 2)} degrees", Ms(t0)));
        }
        if (Median is int mk)
        {
            long t0 = Stopwatch.GetTimestamp();
            img = MedianBlur.Apply(img, mk);
            pre.Add(new("median", $"median: {mk}x{mk}", Ms(t0)));
        }
        if (Clahe is ClaheSettings c)
        {
            long t0 = Stopwatch.GetTimestamp();
            img = Enhancement.Clahe.Apply(img, c.ClipLimit, c.TilesX, c.TilesY);
            pre.Add(new("clahe", $"clahe: clip {F(c.ClipLimit)}, tiles {c.TilesX}x{c.TilesY}", Ms(t0)));
        }
        if (NormalizeBackground is int nb)
        {
            long t0 = Stopwatch.GetTimestamp();
            img = NormalizeBackgroundOf(img, nb, out int window);
            pre.Add(new("normalize-background", $"normalize background: window {window}", Ms(t0)));
        }
        if (Stretch is var (lo, hi))
        {
            long t0 = Stopwatch.GetTimestamp();
            Span<byte> lut = stackalloc byte[256];
            ContrastStretch.BuildLut(Histogram.Compute(img.ReadOnlyView), lo, hi, lut, out double low, out double high);
            img = ContrastStretch.Apply(img.ReadOnlyView, lo, hi);
            pre.Add(new("stretch", $"stretch: percentiles {F(lo)}-{F(hi)} (levels {F(low)}-{F(high)})", Ms(t0)));
        }
        if (Blur is int k)
        {
            long t0 = Stopwatch.GetTimestamp();
            img = GaussianBlur.Apply(img, k, 0);
            pre.Add(new("blur", $"blur: gaussian {k}x{k}", Ms(t0)));
        }

        long th0 = Stopwatch.GetTimestamp();
        Image<byte> mask;
        double? used = null;
        int[]? levels = null;
        int? windowUsed = null;
        DocumentEstimate? estimate = null;
        switch (Method.Kind)
        {
            case MethodKind.Adaptive:
                mask = AdaptiveThreshold.Apply(img, MaxValue, AdaptiveMethod, EffectiveType, (int)Math.Min(BlockSize, int.MaxValue), C);
                break;
            case MethodKind.Fixed or MethodKind.Global:
                mask = img.CloneEmpty();
                used = ThresholdInto(img, mask);
                break;
            case MethodKind.MultiOtsu:
                levels = MultiOtsu.Thresholds(Histogram.Compute(img.ReadOnlyView), Classes);
                mask = MultiOtsu.Apply(img.ReadOnlyView, Classes);
                break;
            case MethodKind.Auto:
                mask = DocumentBinarizer.Binarize(img.ReadOnlyView, out var est);
                estimate = est;
                windowUsed = est.Window;
                if (Invert) Enhancement.Invert.Apply(mask.ReadOnlyView, mask.View);
                break;
            default:
                mask = RunLocal(img, out windowUsed);
                if (Invert) Enhancement.Invert.Apply(mask.ReadOnlyView, mask.View);
                break;
        }
        double thresholdMs = Ms(th0);

        int removed = 0;
        if (Despeckle is int n)
        {
            long t0 = Stopwatch.GetTimestamp();
            bool white = DespeckleColor == SpeckColor.White || (DespeckleColor == SpeckColor.Text && TextIsWhite);
            byte light = Method.HasTypes ? (byte)MaxValue : (byte)255;
            mask = Components.Despeckle.Apply(mask.ReadOnlyView, n, out removed, white ? SpeckPolarity.Light : SpeckPolarity.Dark,
                Connectivity.Eight, light);
            post.Add(new("despeckle", $"despeckle: removed {removed} {(white ? "white" : "black")} specks under {n} pixels", Ms(t0)));
        }

        return new BinarizeResult
        {
            Mask = mask,
            Threshold = used,
            Thresholds = levels,
            DeskewAngle = angle,
            Window = windowUsed,
            Estimate = estimate,
            SpecksRemoved = removed,
            Preprocessing = pre,
            Postprocessing = post,
            ThresholdMilliseconds = thresholdMs,
        };
    }

    /// <summary>True when the method maps each pixel against one threshold (<see cref="ThresholdInto"/> applies).</summary>
    public bool IsSingleThreshold => Method.Kind is MethodKind.Fixed or MethodKind.Global;

    /// <summary>
    /// The single-threshold methods (fixed, Otsu, triangle, the ImageJ histogram methods) into a caller-owned
    /// <paramref name="dst"/>, so a pipeline can reuse pooled buffers; returns the threshold used.
    /// </summary>
    public double ThresholdInto(ReadOnlyImageView<byte> img, ImageView<byte> dst)
    {
        if (Method.Kind == MethodKind.Fixed)
            return Thresholding.Threshold.Apply(img, dst, Threshold, MaxValue, EffectiveType);
        if (Method.Global is GlobalMethod.Otsu or GlobalMethod.Triangle)
            return Thresholding.Threshold.Apply(img, dst, Threshold, MaxValue, EffectiveType,
                Method.Global == GlobalMethod.Otsu ? AutoThreshold.Otsu : AutoThreshold.Triangle);
        int t = GlobalThreshold.Compute(Method.Global, img);
        return Thresholding.Threshold.Apply(img, dst, t, MaxValue, EffectiveType);
    }

    /// <summary>Measures the skew and rotates the page straight unless the angle is below <see cref="MinDeskewAngle"/>.</summary>
    public static Image<byte> Straighten(Image<byte> img, out double angle)
    {
        angle = Enhancement.Deskew.EstimateAngle(img.ReadOnlyView);
        return Math.Abs(angle) >= MinDeskewAngle ? Enhancement.Deskew.Rotate(img.ReadOnlyView, -angle) : img;
    }

    /// <summary>Background normalization with window <paramref name="window"/>, 0 meaning the size-based default.</summary>
    public static Image<byte> NormalizeBackgroundOf(Image<byte> img, int window, out int used)
    {
        used = window == 0 ? BackgroundNormalization.DefaultWindow(img.Width, img.Height) : window;
        return BackgroundNormalization.Apply(img.ReadOnlyView, used);
    }

    /// <summary>The library defaults of every local method, used when a flag is not given (and shown in reports).</summary>
    public static class Defaults
    {
        public static int Window(LocalMethod m) => m is LocalMethod.Bradley or LocalMethod.Su or LocalMethod.Gatos ? 0 : 15;
        public static double K(LocalMethod m) => m switch
        {
            LocalMethod.Wolf => 0.5,
            LocalMethod.Nick => -0.1,
            LocalMethod.Phansalkar => 0.25,
            _ => 0.2,
        };
        public static double R(LocalMethod m) => m == LocalMethod.Phansalkar ? 0.5 : 127.5;
        public const double T = 0.15;
        public const double P = 2;
        public static double Q(LocalMethod m) => m == LocalMethod.Gatos ? 0.6 : 10;
        public const double P1 = 0.5;
        public const double P2 = 0.8;
        public const int ContrastThreshold = 15;
        public const int Offset = 0;
        public const int MinHighContrast = 0;
    }

    private Image<byte> RunLocal(Image<byte> img, out int? windowUsed)
    {
        if (HasLocalInto)
        {
            var mask = img.CloneEmpty();
            LocalInto(img.ReadOnlyView, mask.View, out windowUsed);
            return mask;
        }
        var lm = Method.Local;
        int w = Window ?? Defaults.Window(lm);
        var src = img.ReadOnlyView;
        windowUsed = w == 0 ? null : w;
        return lm switch
        {
            LocalMethod.LocalOtsu => LocalThreshold.LocalOtsu(src, w),
            LocalMethod.Su => LocalThreshold.Su(src, w, MinHighContrast ?? Defaults.MinHighContrast),
            LocalMethod.Gatos => LocalThreshold.Gatos(src, w, Q ?? Defaults.Q(lm), P1 ?? Defaults.P1, P2 ?? Defaults.P2),
            _ => throw new ArgumentOutOfRangeException(nameof(Method)),
        };
    }

    /// <summary>True for the local methods that write into a caller's mask (all but local Otsu, Su and Gatos).</summary>
    public bool HasLocalInto =>
        Method.Kind == MethodKind.Local && Method.Local is not (LocalMethod.LocalOtsu or LocalMethod.Su or LocalMethod.Gatos);

    /// <summary>
    /// A local method with <see cref="HasLocalInto"/> into a caller-owned <paramref name="dst"/> (before
    /// <see cref="Invert"/>), so a pipeline can reuse pooled buffers.
    /// </summary>
    public void LocalInto(ReadOnlyImageView<byte> src, ImageView<byte> dst, out int? windowUsed)
    {
        var lm = Method.Local;
        int w = Window ?? Defaults.Window(lm);
        double k = K ?? Defaults.K(lm), r = R ?? Defaults.R(lm), q = Q ?? Defaults.Q(lm);
        windowUsed = w == 0 && lm == LocalMethod.Bradley ? Math.Max(3, (src.Width / 8) | 1) : w == 0 ? null : w;
        switch (lm)
        {
            case LocalMethod.Niblack: LocalThreshold.Niblack(src, dst, w, k); break;
            case LocalMethod.Sauvola: LocalThreshold.Sauvola(src, dst, w, k, r); break;
            case LocalMethod.Wolf: LocalThreshold.Wolf(src, dst, w, k); break;
            case LocalMethod.Nick: LocalThreshold.Nick(src, dst, w, k); break;
            case LocalMethod.Bradley: LocalThreshold.Bradley(src, dst, w, T ?? Defaults.T); break;
            case LocalMethod.Phansalkar: LocalThreshold.Phansalkar(src, dst, w, k, r, P ?? Defaults.P, q); break;
            case LocalMethod.Bernsen: LocalThreshold.Bernsen(src, dst, w, ContrastThreshold ?? Defaults.ContrastThreshold); break;
            case LocalMethod.Contrast: LocalThreshold.Contrast(src, dst, w); break;
            case LocalMethod.MidGrey: LocalThreshold.MidGrey(src, dst, w, Offset ?? Defaults.Offset); break;
            case LocalMethod.Median: LocalThreshold.Median(src, dst, w, Offset ?? Defaults.Offset); break;
            default: throw new ArgumentOutOfRangeException(nameof(Method));
        }
    }

    /// <summary>
    /// The parameters of the chosen local method as (name, value) pairs in display order, defaults filled in; empty
    /// for other methods.
    /// </summary>
    public List<(string Name, double Value)> LocalParameters()
    {
        var list = new List<(string, double)>();
        if (Method.Kind != MethodKind.Local) return list;
        var lm = Method.Local;
        foreach (string flag in Method.Parameters)
        {
            switch (flag)
            {
                case "--k": list.Add(("k", K ?? Defaults.K(lm))); break;
                case "--r": list.Add(("r", R ?? Defaults.R(lm))); break;
                case "--t": list.Add(("t", T ?? Defaults.T)); break;
                case "--p": list.Add(("p", P ?? Defaults.P)); break;
                case "--q": list.Add(("q", Q ?? Defaults.Q(lm))); break;
                case "--p1": list.Add(("p1", P1 ?? Defaults.P1)); break;
                case "--p2": list.Add(("p2", P2 ?? Defaults.P2)); break;
                case "--contrast-threshold": list.Add(("contrast_threshold", ContrastThreshold ?? Defaults.ContrastThreshold)); break;
                case "--offset": list.Add(("offset", Offset ?? Defaults.Offset)); break;
                case "--min-high-contrast": list.Add(("min_high_contrast", MinHighContrast ?? Defaults.MinHighContrast)); break;
            }
        }
        return list;
    }

    private static double Ms(long start) => Stopwatch.GetElapsedTime(start).TotalMilliseconds;

    /// <summary>Shortest round-trip invariant text of a number ("0.2", "127.5", "15").</summary>
    public static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static string F(double v, int decimals) => PythonFormat.Fixed(v, decimals);
}
