namespace SegmentSharp.Color;

/// <summary>The colour families a <see cref="ColorCode"/> converts between.</summary>
internal enum ColorFamily { Gray, Xyz, YCrCb, Hsv, Hls, Lab, Luv }

/// <summary>
/// What a <see cref="ColorCode"/> means: the family, the direction, where blue sits in the BGR/RGB side
/// (<see cref="BlueIdx"/> 0 for BGR, 2 for RGB), the 8-bit hue range and whether sRGB gamma applies.
/// </summary>
internal readonly record struct ColorSpec(ColorFamily Family, bool Forward, int BlueIdx, int HueRange = 180, bool Srgb = true)
{
    public static ColorSpec For(ColorCode code) => code switch
    {
        ColorCode.BGR2GRAY or ColorCode.BGRA2GRAY => new(ColorFamily.Gray, true, 0),
        ColorCode.RGB2GRAY or ColorCode.RGBA2GRAY => new(ColorFamily.Gray, true, 2),
        ColorCode.GRAY2BGR or ColorCode.GRAY2BGRA => new(ColorFamily.Gray, false, 0),
        ColorCode.BGR2XYZ => new(ColorFamily.Xyz, true, 0),
        ColorCode.RGB2XYZ => new(ColorFamily.Xyz, true, 2),
        ColorCode.XYZ2BGR => new(ColorFamily.Xyz, false, 0),
        ColorCode.XYZ2RGB => new(ColorFamily.Xyz, false, 2),
        ColorCode.BGR2YCrCb => new(ColorFamily.YCrCb, true, 0),
        ColorCode.RGB2YCrCb => new(ColorFamily.YCrCb, true, 2),
        ColorCode.YCrCb2BGR => new(ColorFamily.YCrCb, false, 0),
        ColorCode.YCrCb2RGB => new(ColorFamily.YCrCb, false, 2),
        ColorCode.BGR2HSV => new(ColorFamily.Hsv, true, 0),
        ColorCode.RGB2HSV => new(ColorFamily.Hsv, true, 2),
        ColorCode.HSV2BGR => new(ColorFamily.Hsv, false, 0),
        ColorCode.HSV2RGB => new(ColorFamily.Hsv, false, 2),
        ColorCode.BGR2HSV_FULL => new(ColorFamily.Hsv, true, 0, 256),
        ColorCode.RGB2HSV_FULL => new(ColorFamily.Hsv, true, 2, 256),
        ColorCode.HSV2BGR_FULL => new(ColorFamily.Hsv, false, 0, 256),
        ColorCode.HSV2RGB_FULL => new(ColorFamily.Hsv, false, 2, 256),
        ColorCode.BGR2HLS => new(ColorFamily.Hls, true, 0),
        ColorCode.RGB2HLS => new(ColorFamily.Hls, true, 2),
        ColorCode.HLS2BGR => new(ColorFamily.Hls, false, 0),
        ColorCode.HLS2RGB => new(ColorFamily.Hls, false, 2),
        ColorCode.BGR2HLS_FULL => new(ColorFamily.Hls, true, 0, 256),
        ColorCode.RGB2HLS_FULL => new(ColorFamily.Hls, true, 2, 256),
        ColorCode.HLS2BGR_FULL => new(ColorFamily.Hls, false, 0, 256),
        ColorCode.HLS2RGB_FULL => new(ColorFamily.Hls, false, 2, 256),
        ColorCode.BGR2Lab => new(ColorFamily.Lab, true, 0),
        ColorCode.RGB2Lab => new(ColorFamily.Lab, true, 2),
        ColorCode.Lab2BGR => new(ColorFamily.Lab, false, 0),
        ColorCode.Lab2RGB => new(ColorFamily.Lab, false, 2),
        ColorCode.LBGR2Lab => new(ColorFamily.Lab, true, 0, Srgb: false),
        ColorCode.LRGB2Lab => new(ColorFamily.Lab, true, 2, Srgb: false),
        ColorCode.Lab2LBGR => new(ColorFamily.Lab, false, 0, Srgb: false),
        ColorCode.Lab2LRGB => new(ColorFamily.Lab, false, 2, Srgb: false),
        ColorCode.BGR2Luv => new(ColorFamily.Luv, true, 0),
        ColorCode.RGB2Luv => new(ColorFamily.Luv, true, 2),
        ColorCode.Luv2BGR => new(ColorFamily.Luv, false, 0),
        ColorCode.Luv2RGB => new(ColorFamily.Luv, false, 2),
        ColorCode.LBGR2Luv => new(ColorFamily.Luv, true, 0, Srgb: false),
        ColorCode.LRGB2Luv => new(ColorFamily.Luv, true, 2, Srgb: false),
        ColorCode.Luv2LBGR => new(ColorFamily.Luv, false, 0, Srgb: false),
        ColorCode.Luv2LRGB => new(ColorFamily.Luv, false, 2, Srgb: false),
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Not a supported colour conversion code."),
    };

    /// <summary>Source channel counts the code accepts (OpenCV's <c>CvtHelper</c> sets).</summary>
    public bool AcceptsSource(int cn) => Family == ColorFamily.Gray
        ? (Forward ? cn is 3 or 4 : cn == 1)
        : (Forward ? cn is 3 or 4 : cn == 3);

    /// <summary>Destination channel counts the code can write.</summary>
    public bool AcceptsDestination(int cn) => Family == ColorFamily.Gray
        ? (Forward ? cn == 1 : cn is 3 or 4)
        : (Forward ? cn == 3 : cn is 3 or 4);

    /// <summary>The destination channel count when none is asked for (OpenCV's <c>dcn = 0</c>).</summary>
    public static int DefaultDestinationChannels(ColorCode code) => code switch
    {
        ColorCode.GRAY2BGRA => 4,
        _ => For(code) is { Family: ColorFamily.Gray, Forward: true } ? 1 : 3,
    };
}
