using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SegmentSharp.Thresholding;

/// <summary>
/// Per-sample mapping of one threshold type. Implemented by value types so that the JIT specialises
/// every row loop for its type and inlines the operation (no per-pixel branch or call).
/// </summary>
internal interface IThresholdOp
{
    static abstract Vector256<T> Apply<T>(Vector256<T> v, Vector256<T> t, Vector256<T> max) where T : unmanaged;
    static abstract Vector128<T> Apply<T>(Vector128<T> v, Vector128<T> t, Vector128<T> max) where T : unmanaged;
    static abstract T Apply<T>(T v, T t, T max) where T : unmanaged, IBinaryInteger<T>;
}

internal struct BinaryOp : IThresholdOp
{
    public static Vector256<T> Apply<T>(Vector256<T> v, Vector256<T> t, Vector256<T> max) where T : unmanaged
        => Vector256.GreaterThan(v, t) & max;
    public static Vector128<T> Apply<T>(Vector128<T> v, Vector128<T> t, Vector128<T> max) where T : unmanaged
        => Vector128.GreaterThan(v, t) & max;
    public static T Apply<T>(T v, T t, T max) where T : unmanaged, IBinaryInteger<T> => v > t ? max : T.Zero;
}

internal struct BinaryInvOp : IThresholdOp
{
    public static Vector256<T> Apply<T>(Vector256<T> v, Vector256<T> t, Vector256<T> max) where T : unmanaged
        => Vector256.AndNot(max, Vector256.GreaterThan(v, t));
    public static Vector128<T> Apply<T>(Vector128<T> v, Vector128<T> t, Vector128<T> max) where T : unmanaged
        => Vector128.AndNot(max, Vector128.GreaterThan(v, t));
    public static T Apply<T>(T v, T t, T max) where T : unmanaged, IBinaryInteger<T> => v > t ? T.Zero : max;
}

internal struct TruncOp : IThresholdOp
{
    public static Vector256<T> Apply<T>(Vector256<T> v, Vector256<T> t, Vector256<T> max) where T : unmanaged
        => Vector256.Min(v, t);
    public static Vector128<T> Apply<T>(Vector128<T> v, Vector128<T> t, Vector128<T> max) where T : unmanaged
        => Vector128.Min(v, t);
    public static T Apply<T>(T v, T t, T max) where T : unmanaged, IBinaryInteger<T> => v > t ? t : v;
}

internal struct ToZeroOp : IThresholdOp
{
    public static Vector256<T> Apply<T>(Vector256<T> v, Vector256<T> t, Vector256<T> max) where T : unmanaged
        => Vector256.GreaterThan(v, t) & v;
    public static Vector128<T> Apply<T>(Vector128<T> v, Vector128<T> t, Vector128<T> max) where T : unmanaged
        => Vector128.GreaterThan(v, t) & v;
    public static T Apply<T>(T v, T t, T max) where T : unmanaged, IBinaryInteger<T> => v > t ? v : T.Zero;
}

internal struct ToZeroInvOp : IThresholdOp
{
    public static Vector256<T> Apply<T>(Vector256<T> v, Vector256<T> t, Vector256<T> max) where T : unmanaged
        => Vector256.AndNot(v, Vector256.GreaterThan(v, t));
    public static Vector128<T> Apply<T>(Vector128<T> v, Vector128<T> t, Vector128<T> max) where T : unmanaged
        => Vector128.AndNot(v, Vector128.GreaterThan(v, t));
    public static T Apply<T>(T v, T t, T max) where T : unmanaged, IBinaryInteger<T> => v > t ? T.Zero : v;
}

/// <summary>Row kernels of the global threshold: a vector path and its scalar twin.</summary>
internal static class ThresholdKernels
{
    /// <summary>
    /// Thresholds one run of samples. <paramref name="src"/> and <paramref name="dst"/> may be the same
    /// memory: every vector is loaded before it is stored and no lane is processed twice, so in-place
    /// operation is safe (an overlapping last vector would re-threshold already written output).
    /// </summary>
    public static void Row<T>(ReadOnlySpan<T> src, Span<T> dst, T t, T max, ThresholdType type)
        where T : unmanaged, IBinaryInteger<T>
    {
        switch (type)
        {
            case ThresholdType.Binary: Row<T, BinaryOp>(src, dst, t, max); break;
            case ThresholdType.BinaryInv: Row<T, BinaryInvOp>(src, dst, t, max); break;
            case ThresholdType.Trunc: Row<T, TruncOp>(src, dst, t, max); break;
            case ThresholdType.ToZero: Row<T, ToZeroOp>(src, dst, t, max); break;
            default: Row<T, ToZeroInvOp>(src, dst, t, max); break;
        }
    }

    /// <summary>Scalar twin of <see cref="Row{T}"/>, the reference the vector path is tested against.</summary>
    public static void RowScalar<T>(ReadOnlySpan<T> src, Span<T> dst, T t, T max, ThresholdType type)
        where T : unmanaged, IBinaryInteger<T>
    {
        switch (type)
        {
            case ThresholdType.Binary: Scalar<T, BinaryOp>(src, dst, 0, t, max); break;
            case ThresholdType.BinaryInv: Scalar<T, BinaryInvOp>(src, dst, 0, t, max); break;
            case ThresholdType.Trunc: Scalar<T, TruncOp>(src, dst, 0, t, max); break;
            case ThresholdType.ToZero: Scalar<T, ToZeroOp>(src, dst, 0, t, max); break;
            default: Scalar<T, ToZeroInvOp>(src, dst, 0, t, max); break;
        }
    }

    // Kernels are compiled fully optimised at once: a one-shot threshold of a large image would
    // otherwise run most of its rows in tier-0 code before tiered compilation catches up.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Row<T, TOp>(ReadOnlySpan<T> src, Span<T> dst, T t, T max)
        where T : unmanaged, IBinaryInteger<T> where TOp : struct, IThresholdOp
    {
        int n = src.Length;
        if (dst.Length < n) throw new ArgumentException("Destination row is shorter than the source row.", nameof(dst));
        ref T s = ref MemoryMarshal.GetReference(src);
        ref T d = ref MemoryMarshal.GetReference(dst);
        int i = 0;
        if (Vector256.IsHardwareAccelerated && n >= Vector256<T>.Count)
        {
            var tv = Vector256.Create(t);
            var mv = Vector256.Create(max);
            int w = Vector256<T>.Count;
            // Two vectors per iteration keep two independent load→op→store chains in flight.
            for (; i <= n - 2 * w; i += 2 * w)
            {
                var a = Vector256.LoadUnsafe(ref s, (nuint)i);
                var b = Vector256.LoadUnsafe(ref s, (nuint)(i + w));
                TOp.Apply(a, tv, mv).StoreUnsafe(ref d, (nuint)i);
                TOp.Apply(b, tv, mv).StoreUnsafe(ref d, (nuint)(i + w));
            }
            if (i <= n - w)
            {
                TOp.Apply(Vector256.LoadUnsafe(ref s, (nuint)i), tv, mv).StoreUnsafe(ref d, (nuint)i);
                i += w;
            }
        }
        if (Vector128.IsHardwareAccelerated && i <= n - Vector128<T>.Count)
        {
            var tv = Vector128.Create(t);
            var mv = Vector128.Create(max);
            for (; i <= n - Vector128<T>.Count; i += Vector128<T>.Count)
                TOp.Apply(Vector128.LoadUnsafe(ref s, (nuint)i), tv, mv).StoreUnsafe(ref d, (nuint)i);
        }
        Scalar<T, TOp>(src, dst, i, t, max);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Scalar<T, TOp>(ReadOnlySpan<T> src, Span<T> dst, int start, T t, T max)
        where T : unmanaged, IBinaryInteger<T> where TOp : struct, IThresholdOp
    {
        if (dst.Length < src.Length) throw new ArgumentException("Destination row is shorter than the source row.", nameof(dst));
        for (int i = start; i < src.Length; i++) dst[i] = TOp.Apply(src[i], t, max);
    }
}
