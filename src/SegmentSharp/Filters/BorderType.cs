namespace SegmentSharp.Filters;

/// <summary>How filters extrapolate pixels beyond the image edge. Values equal OpenCV's <c>BORDER_*</c>.</summary>
public enum BorderType
{
    /// <summary><c>iiiiii|abcdefgh|iiiiiii</c> with a given value (OpenCV <c>BORDER_CONSTANT</c>).</summary>
    Constant = 0,
    /// <summary><c>aaaaaa|abcdefgh|hhhhhhh</c> (OpenCV <c>BORDER_REPLICATE</c>).</summary>
    Replicate = 1,
    /// <summary><c>fedcba|abcdefgh|hgfedcb</c> (OpenCV <c>BORDER_REFLECT</c>).</summary>
    Reflect = 2,
    /// <summary><c>cdefgh|abcdefgh|abcdefg</c> (OpenCV <c>BORDER_WRAP</c>).</summary>
    Wrap = 3,
    /// <summary><c>gfedcb|abcdefgh|gfedcba</c> (OpenCV <c>BORDER_REFLECT_101</c>, OpenCV's default).</summary>
    Reflect101 = 4,
}
