using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SegmentSharp.Morphology;

/// <summary>Minimum (erosion) or maximum (dilation) of bytes, as a static strategy so loops specialise per operation.</summary>
internal interface IMinMax
{
    static abstract byte Of(byte a, byte b);
    static abstract Vector256<byte> Of(Vector256<byte> a, Vector256<byte> b);
    static abstract Vector128<byte> Of(Vector128<byte> a, Vector128<byte> b);
    /// <summary>The value that never wins (OpenCV's default constant border for this operation).</summary>
    static abstract byte Neutral { get; }
}

internal struct MinOp : IMinMax
{
    public static byte Of(byte a, byte b) => a < b ? a : b;
    public static Vector256<byte> Of(Vector256<byte> a, Vector256<byte> b) => Vector256.Min(a, b);
    public static Vector128<byte> Of(Vector128<byte> a, Vector128<byte> b) => Vector128.Min(a, b);
    public static byte Neutral => 255;
}

internal struct MaxOp : IMinMax
{
    public static byte Of(byte a, byte b) => a > b ? a : b;
    public static Vector256<byte> Of(Vector256<byte> a, Vector256<byte> b) => Vector256.Max(a, b);
    public static Vector128<byte> Of(Vector128<byte> a, Vector128<byte> b) => Vector128.Max(a, b);
    public static byte Neutral => 0;
}

/// <summary>
/// Element-wise min/max of byte rows, vectorised (Vector256, then Vector128) with scalar twins used for the tails
/// and, when <c>vectorize</c> is false, for whole rows (the twin tests compare both).
/// Destinations may alias a source at the same index: each block is loaded before it is stored.
/// </summary>
internal static unsafe class MinMaxRows
{
    /// <summary>d[i] = op(a[i], b[i]) for i &lt; n.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public static void Op2<T>(byte* a, byte* b, byte* d, int n, bool vectorize) where T : struct, IMinMax
    {
        int i = 0;
        if (vectorize)
        {
            if (Vector256.IsHardwareAccelerated)
            {
                for (; i <= n - 64; i += 64)
                {
                    var x0 = T.Of(Vector256.Load(a + i), Vector256.Load(b + i));
                    var x1 = T.Of(Vector256.Load(a + i + 32), Vector256.Load(b + i + 32));
                    x0.Store(d + i);
                    x1.Store(d + i + 32);
                }
                for (; i <= n - 32; i += 32) T.Of(Vector256.Load(a + i), Vector256.Load(b + i)).Store(d + i);
            }
            if (Vector128.IsHardwareAccelerated)
                for (; i <= n - 16; i += 16) T.Of(Vector128.Load(a + i), Vector128.Load(b + i)).Store(d + i);
        }
        for (; i < n; i++) d[i] = T.Of(a[i], b[i]);
    }

    /// <summary>d[i] = op(acc[i], op(a[i], b[i])) for i &lt; n.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public static void Op3<T>(byte* acc, byte* a, byte* b, byte* d, int n, bool vectorize) where T : struct, IMinMax
    {
        int i = 0;
        if (vectorize)
        {
            if (Vector256.IsHardwareAccelerated)
                for (; i <= n - 32; i += 32)
                    T.Of(Vector256.Load(acc + i), T.Of(Vector256.Load(a + i), Vector256.Load(b + i))).Store(d + i);
            if (Vector128.IsHardwareAccelerated)
                for (; i <= n - 16; i += 16)
                    T.Of(Vector128.Load(acc + i), T.Of(Vector128.Load(a + i), Vector128.Load(b + i))).Store(d + i);
        }
        for (; i < n; i++) d[i] = T.Of(acc[i], T.Of(a[i], b[i]));
    }

    /// <summary>
    /// d[i] = op over k &lt; n of src[k][i], keeping the running extremum in a register so each output block costs
    /// n loads and one store (n ≥ 1).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void OpMany<T>(byte** src, int n, byte* d, int len, bool vectorize) where T : struct, IMinMax
    {
        int i = 0;
        if (vectorize)
        {
            if (Vector256.IsHardwareAccelerated)
                for (; i <= len - 32; i += 32)
                {
                    var v = Vector256.Load(src[0] + i);
                    for (int k = 1; k < n; k++) v = T.Of(v, Vector256.Load(src[k] + i));
                    v.Store(d + i);
                }
            if (Vector128.IsHardwareAccelerated)
                for (; i <= len - 16; i += 16)
                {
                    var v = Vector128.Load(src[0] + i);
                    for (int k = 1; k < n; k++) v = T.Of(v, Vector128.Load(src[k] + i));
                    v.Store(d + i);
                }
        }
        for (; i < len; i++)
        {
            byte v = src[0][i];
            for (int k = 1; k < n; k++) v = T.Of(v, src[k][i]);
            d[i] = v;
        }
    }

    /// <summary>
    /// Running op over <paramref name="k"/> samples spaced <paramref name="step"/> apart, in O(1) per sample whatever
    /// <paramref name="k"/>: van Herk (1992) / Gil &amp; Werman (1993). For each residue class (channel) the sequence is cut
    /// into blocks of k; within a block g is the prefix and h the suffix extremum, and the window starting at x is
    /// op(h[x], g[x + k − 1]). <c>d[x] = op(s[x], s[x+step], …, s[x+(k−1)·step])</c> for the <paramref name="outCount"/>
    /// first positions of each class; s must hold <c>(outCount + k − 1)·step</c> samples. g and h are scratch of that size.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void VanHerk<T>(byte* s, byte* d, int outCount, int step, int k, byte* g, byte* h) where T : struct, IMinMax
    {
        int n = outCount + k - 1;
        for (int c = 0; c < step; c++)
        {
            for (int start = 0; start < n; start += k)
            {
                int end = Math.Min(start + k, n);
                byte run = s[start * step + c];
                g[start] = run;
                for (int x = start + 1; x < end; x++) g[x] = run = T.Of(run, s[x * step + c]);
                run = s[(end - 1) * step + c];
                h[end - 1] = run;
                for (int x = end - 2; x >= start; x--) h[x] = run = T.Of(run, s[x * step + c]);
            }
            for (int x = 0; x < outCount; x++) d[x * step + c] = T.Of(h[x], g[x + k - 1]);
        }
    }
}
