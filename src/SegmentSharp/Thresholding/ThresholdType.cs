namespace SegmentSharp.Thresholding;

/// <summary>
/// How a global or adaptive threshold maps a pixel to its output. Values equal OpenCV's
/// <c>THRESH_BINARY</c> … <c>THRESH_TOZERO_INV</c>. Foreground is always <c>src &gt; thresh</c>.
/// </summary>
/// <remarks>
/// For 8-bit (16-bit) data OpenCV floors the threshold to an integer t and, when t &lt; 0 or t ≥ 255 (65535),
/// skips the comparison: Binary/BinaryInv fill with maxValue or 0, Trunc and ToZeroInv give 0 for t &lt; 0,
/// ToZero gives 0 for t ≥ 255, and every other case copies the source — the same results the formulas give.
/// </remarks>
public enum ThresholdType
{
    /// <summary><c>src &gt; t ? maxValue : 0</c> (OpenCV <c>THRESH_BINARY</c>).</summary>
    Binary = 0,
    /// <summary><c>src &gt; t ? 0 : maxValue</c> (OpenCV <c>THRESH_BINARY_INV</c>).</summary>
    BinaryInv = 1,
    /// <summary><c>min(src, t)</c> (OpenCV <c>THRESH_TRUNC</c>).</summary>
    Trunc = 2,
    /// <summary><c>src &gt; t ? src : 0</c> (OpenCV <c>THRESH_TOZERO</c>).</summary>
    ToZero = 3,
    /// <summary><c>src &gt; t ? 0 : src</c> (OpenCV <c>THRESH_TOZERO_INV</c>).</summary>
    ToZeroInv = 4,
}

/// <summary>Automatic threshold selection for <see cref="Threshold.Apply(SegmentSharp.Imaging.ReadOnlyImageView{byte}, SegmentSharp.Imaging.ImageView{byte}, double, double, ThresholdType, AutoThreshold)"/>.</summary>
public enum AutoThreshold
{
    /// <summary>Use the given threshold.</summary>
    None = 0,
    /// <summary>Otsu's method (OpenCV <c>THRESH_OTSU</c>); single-channel 8-bit or 16-bit images.</summary>
    Otsu = 8,
    /// <summary>Zack's triangle method (OpenCV <c>THRESH_TRIANGLE</c>); single-channel 8-bit images only, as in OpenCV.</summary>
    Triangle = 16,
}

/// <summary>The statistic an adaptive threshold compares each pixel with. Values equal OpenCV's.</summary>
public enum AdaptiveMethod
{
    /// <summary>Mean of the block (OpenCV <c>ADAPTIVE_THRESH_MEAN_C</c>).</summary>
    Mean = 0,
    /// <summary>Gaussian-weighted mean of the block (OpenCV <c>ADAPTIVE_THRESH_GAUSSIAN_C</c>).</summary>
    Gaussian = 1,
}
