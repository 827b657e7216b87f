using System.Globalization;
using SegmentSharp.Filters;
using SegmentSharp.Thresholding;

namespace SegmentSharp.Cli.Binarization;

/// <summary>
/// Registers every binarization and preprocessing flag on a command's flag list, writing into one
/// <see cref="BinarizeOptions"/>. A command adds its own flags (input/output, --json, ...) around these, then calls
/// <see cref="ArgPrepass.Expand"/> on the raw arguments, <see cref="ArgParser.Parse"/>, and <see cref="BinarizeOptions.Validate"/>.
/// </summary>
internal static class BinarizeFlags
{
    public static readonly string[] AdaptiveMethods = ["gaussian", "mean"];
    public static readonly string[] Types = ["binary", "binary-inv", "trunc", "tozero", "tozero-inv"];
    public static readonly string[] SpeckColors = ["text", "black", "white"];

    /// <summary>Largest --classes: the exhaustive multi-Otsu search costs C(255, K−1) evaluations (~1.7·10⁸ at K = 5).</summary>
    public const int MaxClasses = 5;

    /// <summary>Flags whose value may be left out; <see cref="ArgPrepass"/> supplies "auto" then.</summary>
    public static readonly IReadOnlyDictionary<string, Func<string, bool>> OptionalValues = new Dictionary<string, Func<string, bool>>
    {
        ["--normalize-background"] = v => v == "auto" || PythonFormat.TryParseInt(v, out _),
        ["--stretch"] = v => v == "auto" || TryPair(v, out _, out _),
    };

    /// <summary>Adds the flags to <paramref name="flags"/>; each records its long name in <see cref="BinarizeOptions.Given"/>.</summary>
    public static void Add(List<FlagSpec> flags, BinarizeOptions o)
    {
        void Flag(string name, string? metavar, Action<string?> onValue)
            => flags.Add(new FlagSpec(name, metavar, v => { onValue(v); o.Given.Add(name); }));

        Flag("--method", "METHOD", v => o.Method = BinarizeMethod.Find(v!) ?? throw new ArgumentValueException(
            $"invalid choice: '{v}' (choose from {string.Join(", ", BinarizeMethod.SeedChoices.Select(c => $"'{c}'"))})"));
        Flag("--threshold", "THRESHOLD", v => o.Threshold = Int(v!));
        Flag("--invert", null, _ => o.Invert = true);
        Flag("--block-size", "BLOCK_SIZE", v =>
        {
            long b = Int(v!);
            if (b < 3 || b % 2 == 0)
                throw new ArgumentValueException("block size must be an odd integer greater than or equal to 3");
            o.BlockSize = b;
        });
        Flag("--c", "C", v => o.C = Int(v!));
        Flag("--adaptive-method", "ADAPTIVE_METHOD",
            v => o.AdaptiveMethod = Choice(v!, AdaptiveMethods) == 0 ? AdaptiveMethod.Gaussian : AdaptiveMethod.Mean);
        Flag("--type", "TYPE", v => o.Type = (ThresholdType)Choice(v!, Types));
        Flag("--max-value", "MAX_VALUE", v =>
        {
            long m = Int(v!);
            if (m is < 0 or > 255) throw new ArgumentValueException("max value must be an integer from 0 to 255");
            o.MaxValue = (int)m;
        });
        Flag("--blur", "K", v =>
        {
            long k = Int(v!);
            if (k < 1 || k % 2 == 0 || k > 9999)
                throw new ArgumentValueException("blur size must be an odd integer from 1 to 9999");
            o.Blur = (int)k;
        });

        // Method parameters.
        Flag("--classes", "K", v =>
        {
            long k = Int(v!);
            if (k < 2 || k > MaxClasses) throw new ArgumentValueException($"classes must be an integer from 2 to {MaxClasses}");
            o.Classes = (int)k;
        });
        Flag("--window", "W", v =>
        {
            long w = Int(v!);
            if (w < 0 || w > 99999) throw new ArgumentValueException("window must be an odd integer from 3 to 99999 (0 = automatic where allowed)");
            o.Window = (int)w;
        });
        Flag("--k", "K", v => o.K = Real(v!));
        Flag("--r", "R", v => o.R = Positive(v!, "r"));
        Flag("--t", "T", v => o.T = Real(v!));
        Flag("--p", "P", v => o.P = Real(v!));
        Flag("--q", "Q", v => o.Q = Real(v!));
        Flag("--p1", "P1", v => o.P1 = Real(v!));
        Flag("--p2", "P2", v => o.P2 = Real(v!));
        Flag("--contrast-threshold", "N", v => o.ContrastThreshold = IntRange(v!, 0, 255, "contrast threshold"));
        Flag("--offset", "N", v => o.Offset = IntRange(v!, -255, 255, "offset"));
        Flag("--min-high-contrast", "N", v => o.MinHighContrast = IntRange(v!, 0, int.MaxValue, "minimum high-contrast count"));

        // Preprocessing and post-processing.
        Flag("--invert-input", null, _ => o.InvertInput = true);
        Flag("--deskew", null, _ => o.Deskew = true);
        Flag("--median", "K", v =>
        {
            long k = Int(v!);
            if (k < 1 || k % 2 == 0 || k > MedianBlur.MaxKernelSize)
                throw new ArgumentValueException($"median size must be an odd integer from 1 to {MedianBlur.MaxKernelSize}");
            o.Median = (int)k;
        });
        Flag("--clahe", "CLIP[:TXxTY]", v => o.Clahe = ParseClahe(v!));
        Flag("--normalize-background", "WINDOW", v =>
        {
            if (v == "auto") { o.NormalizeBackground = 0; return; }
            long w = Int(v!);
            if (w != 0 && (w < 3 || w > 99999))
                throw new ArgumentValueException("window must be 'auto', 0 or an integer from 3 to 99999");
            o.NormalizeBackground = (int)w;
        });
        Flag("--stretch", "LOW,HIGH", v =>
        {
            if (v == "auto") { o.Stretch = (2, 98); return; }
            if (!TryPair(v!, out double lo, out double hi))
                throw new ArgumentValueException($"expected two percentiles LOW,HIGH such as 2,98, got '{v}'");
            if (!(lo >= 0 && lo <= hi && hi <= 100))
                throw new ArgumentValueException("percentiles must satisfy 0 <= LOW <= HIGH <= 100");
            o.Stretch = (lo, hi);
        });
        Flag("--despeckle", "N", v => o.Despeckle = IntRange(v!, 0, int.MaxValue, "despeckle size"));
        Flag("--despeckle-color", "COLOR", v => o.DespeckleColor = (SpeckColor)Choice(v!, SpeckColors));
    }

    private static ClaheSettings ParseClahe(string v)
    {
        string clip = v, tiles = "8x8";
        int colon = v.IndexOf(':');
        if (colon >= 0) { clip = v[..colon]; tiles = v[(colon + 1)..]; }
        if (!TryReal(clip, out double c) || c < 0)
            throw new ArgumentValueException($"expected CLIP[:TXxTY] with a clip limit >= 0 such as 2 or 2:8x8, got '{v}'");
        int x = tiles.IndexOfAny(['x', 'X']);
        if (x < 0 || !PythonFormat.TryParseInt(tiles[..x], out long tx) || !PythonFormat.TryParseInt(tiles[(x + 1)..], out long ty)
            || tx is < 1 or > 1024 || ty is < 1 or > 1024)
            throw new ArgumentValueException($"expected CLIP[:TXxTY] with tile counts from 1 to 1024 such as 2:8x8, got '{v}'");
        return new ClaheSettings(c, (int)tx, (int)ty);
    }

    private static bool TryPair(string v, out double lo, out double hi)
    {
        lo = hi = 0;
        int comma = v.IndexOf(',');
        return comma > 0 && TryReal(v[..comma], out lo) && TryReal(v[(comma + 1)..], out hi);
    }

    internal static long Int(string text)
        => PythonFormat.TryParseInt(text, out long v) ? v : throw new ArgumentValueException($"invalid int value: '{text}'");

    private static int IntRange(string text, long min, long max, string what)
    {
        long v = Int(text);
        if (v < min || v > max)
            throw new ArgumentValueException(max == int.MaxValue ? $"{what} must be an integer >= {min}" : $"{what} must be an integer from {min} to {max}");
        return (int)v;
    }

    private static bool TryReal(string text, out double v)
        => double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out v) && double.IsFinite(v);

    private static double Real(string text)
        => TryReal(text, out double v) ? v : throw new ArgumentValueException($"invalid float value: '{text}'");

    private static double Positive(string text, string what)
    {
        double v = Real(text);
        if (!(v > 0)) throw new ArgumentValueException($"{what} must be a positive number");
        return v;
    }

    internal static int Choice(string text, string[] choices)
    {
        int i = Array.IndexOf(choices, text);
        if (i < 0)
            throw new ArgumentValueException(
                $"invalid choice: '{text}' (choose from {string.Join(", ", choices.Select(c => $"'{c}'"))})");
        return i;
    }
}
