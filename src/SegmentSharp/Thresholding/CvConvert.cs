namespace SegmentSharp.Thresholding;

/// <summary>
/// OpenCV's double → int conversions as they behave on x86-64, where an out-of-range or NaN input
/// yields the "integer indefinite" value <see cref="int.MinValue"/>. .NET's own casts saturate instead,
/// so they cannot be used where OpenCV's odd results (e.g. a threshold of 1e10 behaving like a negative
/// one) must be reproduced.
/// </summary>
internal static class CvConvert
{
    /// <summary><c>cvFloor</c>: the floor, converted as <c>cvttsd2si</c> does (the oracle shows no wrap-around below int.MinValue).</summary>
    public static int Floor(double value) => Truncate(Math.Floor(value));

    /// <summary><c>cvRound</c>: <c>cvtsd2si</c> under the default round-half-to-even mode.</summary>
    public static int Round(double value) => Truncate(Math.Round(value, MidpointRounding.ToEven));

    /// <summary><c>cvCeil</c>: the ceiling, converted as <c>cvttsd2si</c> does.</summary>
    public static int Ceiling(double value) => Truncate(Math.Ceiling(value));

    private static int Truncate(double value)
    {
        // The negated range test is also false for NaN, which must map to int.MinValue too.
        if (!(value > -2147483649.0 && value < 2147483648.0)) return int.MinValue;
        return (int)value;
    }

    /// <summary><c>saturate_cast&lt;uchar&gt;(int)</c>.</summary>
    public static byte SaturateByte(int v) => (byte)Math.Clamp(v, 0, 255);

    /// <summary><c>saturate_cast&lt;ushort&gt;(int)</c>.</summary>
    public static ushort SaturateUInt16(int v) => (ushort)Math.Clamp(v, 0, 65535);
}
