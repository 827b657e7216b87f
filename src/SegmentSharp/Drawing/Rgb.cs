namespace SegmentSharp.Drawing;

/// <summary>
/// A colour for drawing, given as red, green, blue. The library's colour images are BGR (as OpenCV's), so drawing
/// functions store <c>B, G, R</c> into 3-channel images and <c>B, G, R, 255</c> into 4-channel ones.
/// </summary>
/// <param name="R">Red 0–255.</param>
/// <param name="G">Green 0–255.</param>
/// <param name="B">Blue 0–255.</param>
public readonly record struct Rgb(byte R, byte G, byte B)
{
    /// <summary>Pure red, the boundary colour of the watershed overlay.</summary>
    public static Rgb Red => new(255, 0, 0);
    /// <summary>Pure green, the default contour colour.</summary>
    public static Rgb Green => new(0, 255, 0);
    /// <summary>Pure blue.</summary>
    public static Rgb Blue => new(0, 0, 255);
    /// <summary>Yellow, scikit-image's default <c>mark_boundaries</c> colour.</summary>
    public static Rgb Yellow => new(255, 255, 0);
    /// <summary>White.</summary>
    public static Rgb White => new(255, 255, 255);
    /// <summary>Black.</summary>
    public static Rgb Black => new(0, 0, 0);

    /// <summary>The gray level used when drawing this colour into a single-channel image (OpenCV's BGR→gray weights).</summary>
    public byte Gray => (byte)((B * 3735 + G * 19235 + R * 9798 + (1 << 14)) >> 15);
}
