namespace SegmentSharp.Color;

/// <summary>
/// OpenCV's HSV/HLS code runs two formulas: a SIMD one for whole vector blocks and a scalar one for the leftover pixels,
/// and on 8-bit data they can round differently. This records where the split falls for OpenCV's AVX2 build
/// (8 float lanes), so every pixel takes the formula OpenCV would have used for it.
/// </summary>
internal static class HueVector
{
    /// <summary>Float lanes of OpenCV's dispatched colour kernels on x86-64 (AVX2).</summary>
    internal const int Lanes = 8;

    /// <summary>Pixels per block of OpenCV's 8-bit-via-float kernels (<c>BLOCK_SIZE</c>).</summary>
    internal const int BlockSize = 256;

    /// <summary>Whether pixel <paramref name="x"/> of a <paramref name="width"/>-pixel row is in a vector group of <paramref name="group"/> pixels.</summary>
    internal static bool InVector(int x, int width, int group) => x < width / group * group;

    /// <summary>For the block-buffered kernels: vector groups of <see cref="Lanes"/> inside each 256-pixel block.</summary>
    internal static bool InBlockVector(int x, int width)
    {
        int blockStart = x / BlockSize * BlockSize;
        int dn = Math.Min(width - blockStart, BlockSize);
        return x - blockStart < dn / Lanes * Lanes;
    }

    /// <summary><c>saturate_cast&lt;uchar&gt;(v)</c> of a float: round half to even, then clamp.</summary>
    internal static byte RoundSat(float v)
    {
        float r = MathF.Round(v, MidpointRounding.ToEven);
        return r <= 0 ? (byte)0 : r >= 255 ? (byte)255 : (byte)r;
    }

    /// <summary>Truncation then unsigned saturation, the SIMD HSV→RGB path's conversion.</summary>
    internal static byte TruncSat(float v)
    {
        float r = MathF.Truncate(v);
        return r <= 0 ? (byte)0 : r >= 255 ? (byte)255 : (byte)r;
    }
}
