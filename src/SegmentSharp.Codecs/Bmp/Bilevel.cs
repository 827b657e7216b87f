using System.Runtime.CompilerServices;

namespace SegmentSharp.Codecs;

/// <summary>Detection and bit packing of bilevel (0/255) single-channel images for 1-bit output.</summary>
internal static class Bilevel
{
    /// <summary>True when the image is single-channel and holds only 0 and 255.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool Is(in SegmentSharp.Imaging.ReadOnlyImageView<byte> image)
    {
        if (image.Channels != 1) return false;
        for (int y = 0; y < image.Height; y++)
        {
            var row = image.Row(y);
            // IndexOfAnyExcept is vectorized, so the check costs a fraction of the encode.
            if (row.IndexOfAnyExcept((byte)0, (byte)255) >= 0) return false;
        }
        return true;
    }

    /// <summary>Packs a 0/255 row MSB-first; a set bit stands for 255 unless <paramref name="setBitIsZero"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void PackRow(ReadOnlySpan<byte> row, Span<byte> dst, bool setBitIsZero)
    {
        int bytes = (row.Length + 7) >> 3;
        dst[..bytes].Clear();
        byte flip = setBitIsZero ? (byte)1 : (byte)0;
        for (int x = 0; x < row.Length; x++)
        {
            int bit = (row[x] >> 7) ^ flip;
            dst[x >> 3] |= (byte)(bit << (7 - (x & 7)));
        }
    }
}
