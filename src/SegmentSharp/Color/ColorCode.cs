namespace SegmentSharp.Color;

/// <summary>
/// Colour-conversion codes for <see cref="ColorConversion.Convert(SegmentSharp.Imaging.ReadOnlyImageView{byte}, SegmentSharp.Imaging.ImageView{byte}, ColorCode)"/>,
/// named and numbered like OpenCV's <c>cv::ColorConversionCodes</c> (<c>cv2.COLOR_*</c>). Codes whose source is BGR or RGB also
/// accept a 4-channel BGRA/RGBA source (alpha ignored), and codes whose destination is BGR or RGB write BGRA/RGBA (alpha at
/// the maximum) into a 4-channel destination, as OpenCV does with its <c>dstCn</c> argument.
/// </summary>
public enum ColorCode
{
    /// <summary><c>cv2.COLOR_BGR2GRAY</c>: BGR to gray (luma, BT.601 weights).</summary>
    BGR2GRAY = 6,
    /// <summary><c>cv2.COLOR_RGB2GRAY</c>: RGB to gray.</summary>
    RGB2GRAY = 7,
    /// <summary><c>cv2.COLOR_GRAY2BGR</c>: gray to BGR (the value copied to every channel).</summary>
    GRAY2BGR = 8,
    /// <summary><c>cv2.COLOR_GRAY2BGRA</c>: gray to BGRA (alpha 255).</summary>
    GRAY2BGRA = 9,
    /// <summary><c>cv2.COLOR_BGRA2GRAY</c>: BGRA to gray (alpha ignored).</summary>
    BGRA2GRAY = 10,
    /// <summary><c>cv2.COLOR_RGBA2GRAY</c>: RGBA to gray (alpha ignored).</summary>
    RGBA2GRAY = 11,
    /// <summary><c>cv2.COLOR_BGR2XYZ</c>: BGR to CIE XYZ (D65).</summary>
    BGR2XYZ = 32,
    /// <summary><c>cv2.COLOR_RGB2XYZ</c>: RGB to CIE XYZ (D65).</summary>
    RGB2XYZ = 33,
    /// <summary><c>cv2.COLOR_XYZ2BGR</c>: CIE XYZ to BGR.</summary>
    XYZ2BGR = 34,
    /// <summary><c>cv2.COLOR_XYZ2RGB</c>: CIE XYZ to RGB.</summary>
    XYZ2RGB = 35,
    /// <summary><c>cv2.COLOR_BGR2YCrCb</c>: BGR to Y'CrCb (BT.601, JPEG full range).</summary>
    BGR2YCrCb = 36,
    /// <summary><c>cv2.COLOR_RGB2YCrCb</c>: RGB to Y'CrCb.</summary>
    RGB2YCrCb = 37,
    /// <summary><c>cv2.COLOR_YCrCb2BGR</c>: Y'CrCb to BGR.</summary>
    YCrCb2BGR = 38,
    /// <summary><c>cv2.COLOR_YCrCb2RGB</c>: Y'CrCb to RGB.</summary>
    YCrCb2RGB = 39,
    /// <summary><c>cv2.COLOR_BGR2HSV</c>: BGR to HSV; 8-bit hue is degrees / 2 (0..179).</summary>
    BGR2HSV = 40,
    /// <summary><c>cv2.COLOR_RGB2HSV</c>: RGB to HSV; 8-bit hue is degrees / 2 (0..179).</summary>
    RGB2HSV = 41,
    /// <summary><c>cv2.COLOR_BGR2Lab</c>: BGR (sRGB) to CIE L*a*b* (D65).</summary>
    BGR2Lab = 44,
    /// <summary><c>cv2.COLOR_RGB2Lab</c>: RGB (sRGB) to CIE L*a*b* (D65).</summary>
    RGB2Lab = 45,
    /// <summary><c>cv2.COLOR_BGR2Luv</c>: BGR (sRGB) to CIE L*u*v* (D65).</summary>
    BGR2Luv = 50,
    /// <summary><c>cv2.COLOR_RGB2Luv</c>: RGB (sRGB) to CIE L*u*v* (D65).</summary>
    RGB2Luv = 51,
    /// <summary><c>cv2.COLOR_BGR2HLS</c>: BGR to HLS; 8-bit hue is degrees / 2 (0..179).</summary>
    BGR2HLS = 52,
    /// <summary><c>cv2.COLOR_RGB2HLS</c>: RGB to HLS; 8-bit hue is degrees / 2 (0..179).</summary>
    RGB2HLS = 53,
    /// <summary><c>cv2.COLOR_HSV2BGR</c>: HSV (8-bit hue 0..179) to BGR.</summary>
    HSV2BGR = 54,
    /// <summary><c>cv2.COLOR_HSV2RGB</c>: HSV (8-bit hue 0..179) to RGB.</summary>
    HSV2RGB = 55,
    /// <summary><c>cv2.COLOR_Lab2BGR</c>: CIE L*a*b* to BGR (sRGB).</summary>
    Lab2BGR = 56,
    /// <summary><c>cv2.COLOR_Lab2RGB</c>: CIE L*a*b* to RGB (sRGB).</summary>
    Lab2RGB = 57,
    /// <summary><c>cv2.COLOR_Luv2BGR</c>: CIE L*u*v* to BGR (sRGB).</summary>
    Luv2BGR = 58,
    /// <summary><c>cv2.COLOR_Luv2RGB</c>: CIE L*u*v* to RGB (sRGB).</summary>
    Luv2RGB = 59,
    /// <summary><c>cv2.COLOR_HLS2BGR</c>: HLS (8-bit hue 0..179) to BGR.</summary>
    HLS2BGR = 60,
    /// <summary><c>cv2.COLOR_HLS2RGB</c>: HLS (8-bit hue 0..179) to RGB.</summary>
    HLS2RGB = 61,
    /// <summary><c>cv2.COLOR_BGR2HSV_FULL</c>: BGR to HSV with the 8-bit hue over the full byte range (degrees × 256 / 360).</summary>
    BGR2HSV_FULL = 66,
    /// <summary><c>cv2.COLOR_RGB2HSV_FULL</c>: RGB to HSV with the full-range 8-bit hue.</summary>
    RGB2HSV_FULL = 67,
    /// <summary><c>cv2.COLOR_BGR2HLS_FULL</c>: BGR to HLS with the full-range 8-bit hue.</summary>
    BGR2HLS_FULL = 68,
    /// <summary><c>cv2.COLOR_RGB2HLS_FULL</c>: RGB to HLS with the full-range 8-bit hue.</summary>
    RGB2HLS_FULL = 69,
    /// <summary><c>cv2.COLOR_HSV2BGR_FULL</c>: full-range HSV to BGR.</summary>
    HSV2BGR_FULL = 70,
    /// <summary><c>cv2.COLOR_HSV2RGB_FULL</c>: full-range HSV to RGB.</summary>
    HSV2RGB_FULL = 71,
    /// <summary><c>cv2.COLOR_HLS2BGR_FULL</c>: full-range HLS to BGR.</summary>
    HLS2BGR_FULL = 72,
    /// <summary><c>cv2.COLOR_HLS2RGB_FULL</c>: full-range HLS to RGB.</summary>
    HLS2RGB_FULL = 73,
    /// <summary><c>cv2.COLOR_LBGR2Lab</c>: linear BGR (no sRGB gamma) to CIE L*a*b*.</summary>
    LBGR2Lab = 74,
    /// <summary><c>cv2.COLOR_LRGB2Lab</c>: linear RGB to CIE L*a*b*.</summary>
    LRGB2Lab = 75,
    /// <summary><c>cv2.COLOR_LBGR2Luv</c>: linear BGR to CIE L*u*v*.</summary>
    LBGR2Luv = 76,
    /// <summary><c>cv2.COLOR_LRGB2Luv</c>: linear RGB to CIE L*u*v*.</summary>
    LRGB2Luv = 77,
    /// <summary><c>cv2.COLOR_Lab2LBGR</c>: CIE L*a*b* to linear BGR.</summary>
    Lab2LBGR = 78,
    /// <summary><c>cv2.COLOR_Lab2LRGB</c>: CIE L*a*b* to linear RGB.</summary>
    Lab2LRGB = 79,
    /// <summary><c>cv2.COLOR_Luv2LBGR</c>: CIE L*u*v* to linear BGR.</summary>
    Luv2LBGR = 80,
    /// <summary><c>cv2.COLOR_Luv2LRGB</c>: CIE L*u*v* to linear RGB.</summary>
    Luv2LRGB = 81,
}
