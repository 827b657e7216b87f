using SegmentSharp.Codecs;
using SegmentSharp.Thresholding;

namespace SegmentSharp.Cli;

/// <summary>How the threshold value is chosen.</summary>
internal enum ThresholdMethod { Global, Adaptive, Otsu, Triangle }

/// <summary>Everything `segment threshold` was asked to do, after parsing and cross-flag checks.</summary>
internal sealed class ThresholdOptions
{
    public string Input { get; set; } = "";
    public string Output { get; set; } = "";
    public ThresholdMethod Method { get; set; } = ThresholdMethod.Global;
    public long Threshold { get; set; } = 127;
    public bool Invert { get; set; }
    public long BlockSize { get; set; } = 31;
    public long C { get; set; } = 5;
    public AdaptiveMethod AdaptiveMethod { get; set; } = AdaptiveMethod.Gaussian;
    /// <summary>The --type flag as given (null = not given, i.e. binary).</summary>
    public ThresholdType? Type { get; set; }
    public int MaxValue { get; set; } = 255;
    /// <summary>Gaussian pre-blur kernel size; null = no blur.</summary>
    public int? Blur { get; set; }
    public BilevelMode Bilevel { get; set; } = BilevelMode.Auto;
    public bool Json { get; set; }

    /// <summary>The type actually applied: --type, turned into its inverse variant by --invert.</summary>
    public ThresholdType EffectiveType => (Type ?? ThresholdType.Binary, Invert) switch
    {
        (ThresholdType.Binary, true) => ThresholdType.BinaryInv,
        (ThresholdType.ToZero, true) => ThresholdType.ToZeroInv,
        (var t, _) => t,
    };

    public static string MethodName(ThresholdMethod m) => m switch
    {
        ThresholdMethod.Global => "global",
        ThresholdMethod.Adaptive => "adaptive",
        ThresholdMethod.Otsu => "otsu",
        ThresholdMethod.Triangle => "triangle",
        _ => throw new ArgumentOutOfRangeException(nameof(m)),
    };

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
            string type = EffectiveType switch
            {
                ThresholdType.Binary => "binary",
                ThresholdType.BinaryInv => "binary inverse",
                ThresholdType.Trunc => "trunc",
                ThresholdType.ToZero => "tozero",
                ThresholdType.ToZeroInv => "tozero inverse",
                _ => "?",
            };
            if (Method == ThresholdMethod.Adaptive)
            {
                string stat = AdaptiveMethod == AdaptiveMethod.Gaussian ? "gaussian" : "mean";
                return EffectiveType == ThresholdType.BinaryInv ? $"adaptive {stat} inverse" : $"adaptive {stat}";
            }
            return $"{MethodName(Method)} {type}";
        }
    }
}
