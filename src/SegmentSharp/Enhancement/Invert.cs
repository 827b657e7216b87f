using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using SegmentSharp.Imaging;

namespace SegmentSharp.Enhancement;

/// <summary>
/// Photometric negative of an 8-bit image, <c>dst = 255 − src</c> per sample, the preprocessing step that turns light
/// text on a dark ground into the dark-on-light polarity every document method of this library assumes.
/// </summary>
/// <remarks>
/// Equivalent to OpenCV's <c>cv::bitwise_not(src, dst)</c> (for 8 bits, <c>255 − p</c> and <c>~p</c> are the same byte),
/// to scikit-image's <c>skimage.util.invert</c> on <c>uint8</c> and to ImageJ's Edit › Invert on 8-bit images.
/// Rows are processed with the widest available SIMD vector (XOR with 0xFF); <see cref="InvertScalar"/> is the
/// reference the tests compare it with.
/// </remarks>
public static class Invert
{
    /// <summary>Writes <c>255 − src</c> into <paramref name="dst"/> (same size and channels; may be the same memory).</summary>
    /// <exception cref="ArgumentException">Sizes or channel counts differ.</exception>
    public static void Apply(ReadOnlyImageView<byte> src, ImageView<byte> dst)
    {
        ImageGuard.SameSize(src, dst, nameof(dst));
        int row = src.Width * src.Channels;
        if (src.Stride == row && dst.Stride == row)
        {
            // Unpadded images are one long run: no per-row call or scalar tail.
            InvertRow(src.Data[..(row * src.Height)], dst.Data[..(row * src.Height)]);
            return;
        }
        for (int y = 0; y < src.Height; y++) InvertRow(src.Row(y), dst.Row(y));
    }

    /// <summary>Allocating overload of <see cref="Apply(ReadOnlyImageView{byte}, ImageView{byte})"/>.</summary>
    public static Image<byte> Apply(ReadOnlyImageView<byte> src)
    {
        var dst = new Image<byte>(src.Width, src.Height, src.Channels);
        Apply(src, dst.View);
        return dst;
    }

    /// <summary>Inverts one run of samples (<paramref name="dst"/> at least as long as <paramref name="src"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void InvertRow(ReadOnlySpan<byte> src, Span<byte> dst)
    {
        if (dst.Length < src.Length) throw new ArgumentException("The destination row is shorter than the source.", nameof(dst));
        int n = src.Length, i = 0;
        ref byte s = ref MemoryMarshal.GetReference(src);
        ref byte d = ref MemoryMarshal.GetReference(dst);
        if (Vector256.IsHardwareAccelerated && n >= Vector256<byte>.Count)
        {
            var ones = Vector256<byte>.AllBitsSet;
            for (; i <= n - Vector256<byte>.Count; i += Vector256<byte>.Count)
                Vector256.StoreUnsafe(Vector256.LoadUnsafe(ref s, (nuint)i) ^ ones, ref d, (nuint)i);
        }
        if (Vector128.IsHardwareAccelerated && n - i >= Vector128<byte>.Count)
        {
            var ones = Vector128<byte>.AllBitsSet;
            for (; i <= n - Vector128<byte>.Count; i += Vector128<byte>.Count)
                Vector128.StoreUnsafe(Vector128.LoadUnsafe(ref s, (nuint)i) ^ ones, ref d, (nuint)i);
        }
        for (; i < n; i++) Unsafe.Add(ref d, i) = (byte)(255 - Unsafe.Add(ref s, i));
    }

    /// <summary>The plain loop <see cref="InvertRow"/> must equal; kept for the SIMD comparison tests.</summary>
    internal static void InvertScalar(ReadOnlySpan<byte> src, Span<byte> dst)
    {
        for (int i = 0; i < src.Length; i++) dst[i] = (byte)(255 - src[i]);
    }
}
