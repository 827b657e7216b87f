using SegmentSharp.Imaging;

namespace SegmentSharp.Enhancement;

/// <summary>Stub: skew estimation and correction of text pages, being written (issue 3).</summary>
public static class Deskew
{
    /// <summary>Estimates the skew angle of a text page in degrees (positive = counter-clockwise text lines).</summary>
    public static double EstimateAngle(ReadOnlyImageView<byte> gray, double maxAngle = 15)
        => throw new NotImplementedException();

    /// <summary>Rotates the image by <paramref name="angleDegrees"/> about its centre, same size, filling with <paramref name="fill"/>.</summary>
    public static Image<byte> Rotate(ReadOnlyImageView<byte> src, double angleDegrees, byte fill = 255)
        => throw new NotImplementedException();
}
