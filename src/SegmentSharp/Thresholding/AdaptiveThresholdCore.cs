using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using SegmentSharp.Filters;
using SegmentSharp.Imaging;

namespace SegmentSharp.Thresholding;

/// <summary>Row-fused local mean + comparison for <see cref="AdaptiveThreshold"/>.</summary>
internal static unsafe class AdaptiveThresholdCore
{
    public static void Run(ReadOnlyImageView<byte> src, ImageView<byte> dst, byte maxv, AdaptiveMethod method,
        bool inverse, int blockSize, int idelta)
    {
        int w = src.Width, h = src.Height;
        if (src.Data.Overlaps(dst.Data))
        {
            // Rows of the source are still needed after the matching destination rows are written.
            var copy = new Image<byte>(w, h);
            GaussianBlur.Copy(src, copy.View);
            Run(copy.ReadOnlyView, dst, maxv, method, inverse, blockSize, idelta);
            return;
        }
        int ss = src.Stride, ds = dst.Stride;
        fixed (byte* ps = src.Data)
        fixed (byte* pd = dst.Data)
        {
            nint sp = (nint)ps, dp = (nint)pd;
            if (method == AdaptiveMethod.Mean)
            {
                // OpenCV runs boxFilter with BORDER_REPLICATE|BORDER_ISOLATED, which drops the kernel along a 1-pixel axis.
                int kw = w == 1 ? 1 : blockSize, kh = h == 1 ? 1 : blockSize;
                var norm = new BoxSums.Normalizer(kw * kh, mean: true);
                BoxSums.ForEachRow(src, kw, kh, BorderType.Replicate, norm, (_, scratch) => scratch, (y, mean, len) =>
                    Compare((byte*)sp + (long)y * ss, mean, (byte*)dp + (long)y * ds, len, idelta, maxv, inverse));
            }
            else
            {
                GaussianFloatRows.ForEachRow(src, blockSize, (y, mean, len) =>
                    Compare((byte*)sp + (long)y * ss, mean, (byte*)dp + (long)y * ds, len, idelta, maxv, inverse));
            }
        }
    }

    /// <summary>
    /// OpenCV's table <c>tab[src − mean + 255]</c>: Binary sets maxv where <c>src − mean &gt; −idelta</c>,
    /// BinaryInv where <c>src − mean ≤ −idelta</c>.
    /// </summary>
    internal static void Compare(byte* s, byte* m, byte* d, int len, int idelta, byte maxv, bool inverse)
    {
        int i = 0;
        // |idelta| > 256 decides every pixel the same way; clamping keeps the 16-bit lanes exact.
        int t = Math.Clamp(idelta, -300, 300);
        if (Vector256.IsHardwareAccelerated) i = CompareVector(s, m, d, len, t, maxv, inverse);
        CompareScalar(s, m, d, i, len, t, maxv, inverse);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void CompareScalar(byte* s, byte* m, byte* d, int start, int len, int idelta, byte maxv, bool inverse)
    {
        for (int i = start; i < len; i++)
        {
            bool above = s[i] - m[i] > -idelta;
            d[i] = above != inverse ? maxv : (byte)0;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int CompareVector(byte* s, byte* m, byte* d, int len, int idelta, byte maxv, bool inverse)
    {
        int i = 0;
        var bias = Vector256.Create((short)idelta);
        var mv = Vector256.Create(maxv);
        for (; i <= len - 32; i += 32)
        {
            var (sl, sh) = Vector256.Widen(Vector256.Load(s + i));
            var (ml, mh) = Vector256.Widen(Vector256.Load(m + i));
            // src − mean + idelta > 0, in 16-bit lanes.
            var gl = Vector256.GreaterThan(sl.AsInt16() - ml.AsInt16() + bias, Vector256<short>.Zero);
            var gh = Vector256.GreaterThan(sh.AsInt16() - mh.AsInt16() + bias, Vector256<short>.Zero);
            var mask = Vector256.Narrow(gl, gh).AsByte();
            var r = inverse ? Vector256.AndNot(mv, mask) : mask & mv;
            r.Store(d + i);
        }
        return i;
    }
}
