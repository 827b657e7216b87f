namespace SegmentSharp.Metrics;

/// <summary>
/// Which gray values of an 8-bit image mean "text" (foreground) when it is read as a binary mask.
/// The metrics themselves always take masks where a nonzero byte (255) is text; <see cref="BinaryMask.ToTextMask"/>
/// converts other conventions. DIBCO ground truth and most binarization outputs draw text black on white
/// (<see cref="Dark"/>); SegmentSharp masks and scikit-image boolean masks mark text as 255 / <c>True</c> (<see cref="Bright"/>).
/// </summary>
public enum TextPolarity
{
    /// <summary>Text is a value ≥ 128 (255 in a 0/255 mask).</summary>
    Bright,

    /// <summary>Text is a value &lt; 128 (0 in a 0/255 image): the DIBCO ground-truth convention.</summary>
    Dark,
}
