using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using SegmentSharp.Imaging;

namespace SegmentSharp.Contours;

/// <summary>
/// The working copy the border follower marks: the mask as 0/1 bytes inside a one-pixel frame of zeros, so every
/// neighbour of a foreground pixel exists and a border never runs off the image. OpenCV builds the same copy
/// (<c>copyMakeBorder</c> with 0, then <c>threshold(…, 0, 1, THRESH_BINARY)</c>).
/// </summary>
internal static class BinaryFrame
{
    /// <summary>
    /// Builds the framed copy: <c>(width + 2) × (height + 2)</c> bytes, row stride <c>width + 2</c>, in an array rented from
    /// the shared pool (possibly longer; give it back with <see cref="Return"/>).
    /// </summary>
    public static byte[] Build(ReadOnlyImageView<byte> mask)
    {
        int w = mask.Width, h = mask.Height, step = w + 2;
        long total = (long)step * (h + 2);
        if (total > Array.MaxLength)
            throw new ArgumentException($"The mask ({w}×{h}) is too large for contour extraction.", nameof(mask));
        var frame = ArrayPool<byte>.Shared.Rent((int)total);
        frame.AsSpan(0, step).Clear();
        frame.AsSpan((h + 1) * step, step).Clear();
        int stride = mask.Stride;
        if ((long)w * h < 1 << 18)
        {
            for (int y = 0; y < h; y++) Row(mask.Row(y), frame.AsSpan((y + 1) * step, step));
            return frame;
        }
        // A ref struct cannot enter the band lambda, so the bands read the pinned samples through a pointer.
        unsafe
        {
            fixed (byte* p = mask.Data)
            {
                byte* basePtr = p;
                Parallelism.ForBands(h, w, (y0, y1) =>
                {
                    for (int y = y0; y < y1; y++)
                        Row(new ReadOnlySpan<byte>(basePtr + (long)y * stride, w), frame.AsSpan((y + 1) * step, step));
                }, minRowsPerBand: 64);
            }
        }
        return frame;
    }

    /// <summary>Gives a frame from <see cref="Build"/> back to the pool.</summary>
    public static void Return(byte[] frame) => ArrayPool<byte>.Shared.Return(frame);

    private static void Row(ReadOnlySpan<byte> src, Span<byte> dst)
    {
        dst[0] = 0;
        dst[^1] = 0;
        ToBinary(src, dst.Slice(1, src.Length));
    }

    /// <summary>Writes 1 for every nonzero source byte and 0 otherwise (min(v, 1)), vectorized.</summary>
    public static void ToBinary(ReadOnlySpan<byte> src, Span<byte> dst)
    {
        int n = src.Length, i = 0;
        if (Vector256.IsHardwareAccelerated && n >= Vector256<byte>.Count)
        {
            ref byte s = ref MemoryMarshal.GetReference(src);
            ref byte d = ref MemoryMarshal.GetReference(dst);
            for (; i <= n - Vector256<byte>.Count; i += Vector256<byte>.Count)
                Vector256.Min(Vector256.LoadUnsafe(ref s, (nuint)i), Vector256<byte>.One).StoreUnsafe(ref d, (nuint)i);
            if (i < n)
            {
                // One overlapping last vector instead of a scalar tail; rewriting equal bytes is harmless.
                i = n - Vector256<byte>.Count;
                Vector256.Min(Vector256.LoadUnsafe(ref s, (nuint)i), Vector256<byte>.One).StoreUnsafe(ref d, (nuint)i);
            }
            return;
        }
        ToBinaryScalar(src.Slice(i), dst.Slice(i));
    }

    /// <summary>The scalar twin of <see cref="ToBinary"/>, kept for testing and for hardware without 256-bit vectors.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ToBinaryScalar(ReadOnlySpan<byte> src, Span<byte> dst)
    {
        for (int i = 0; i < src.Length; i++) dst[i] = src[i] != 0 ? (byte)1 : (byte)0;
    }
}
