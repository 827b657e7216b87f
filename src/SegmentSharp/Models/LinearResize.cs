using System.Numerics;
using SegmentSharp.Imaging;

namespace SegmentSharp.Models;

/// <summary>
/// Bilinear resizing of 8-bit images, bit-exact with <c>cv2.resize(src, (w, h), interpolation=cv2.INTER_LINEAR)</c>
/// (OpenCV 4.x, 128-bit SIMD build): half-pixel-centre sampling, clamped borders, 11-bit fixed-point weights in each
/// direction, and OpenCV's vertical rounding in two steps (drop 4 bits, keep the high 16 bits of each product, round
/// the sum by 2 bits), which is not the exactly rounded bilinear value. An exact 2× reduction
/// on both axes is, as in OpenCV, the 2×2 mean with rounding (<c>INTER_AREA</c>'s fast path).
/// </summary>
public static class LinearResize
{
    private const int CoefBits = 11;
    private const int CoefScale = 1 << CoefBits;
    // C's DBL_EPSILON; .NET's double.Epsilon is the smallest subnormal instead.
    private const double DblEpsilon = 2.220446049250313e-16;

    /// <summary>Resizes <paramref name="src"/> (any channel count) to <paramref name="width"/> × <paramref name="height"/>.</summary>
    public static Image<byte> Resize(ReadOnlyImageView<byte> src, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        var dst = new Image<byte>(width, height, src.Channels);
        Resize(src, dst.View);
        return dst;
    }

    /// <summary>Resizes into an existing image whose size sets the output size; channel counts must agree.</summary>
    public static unsafe void Resize(ReadOnlyImageView<byte> src, ImageView<byte> dst)
    {
        if (src.Channels != dst.Channels) throw new ArgumentException("Source and destination channel counts differ.", nameof(dst));
        int cn = src.Channels, sw = src.Width, sh = src.Height, dw = dst.Width, dh = dst.Height;
        double scaleX = 1.0 / ((double)dw / sw), scaleY = 1.0 / ((double)dh / sh);
        if (IsExactHalf(scaleX, scaleY)) { HalveArea(src, dst); return; }

        // Horizontal taps per output sample, as OpenCV's xofs/alpha tables.
        int rowLen = dw * cn;
        var x0 = new int[rowLen];
        var x1 = new int[rowLen];
        var alpha0 = new short[rowLen];
        var alpha1 = new short[rowLen];
        for (int dx = 0; dx < dw; dx++)
        {
            float fx = (float)((dx + 0.5) * scaleX - 0.5);
            int sx = (int)MathF.Floor(fx);
            fx -= sx;
            if (sx < 0) { fx = 0; sx = 0; }
            if (sx >= sw - 1) { fx = 0; sx = sw - 1; }
            short a0 = SatShort((1f - fx) * CoefScale), a1 = SatShort(fx * CoefScale);
            for (int k = 0; k < cn; k++)
            {
                int i = dx * cn + k;
                x0[i] = sx * cn + k;
                // Past the last column the second tap has weight 0; point it at the first so it is never out of range.
                x1[i] = sx + 1 < sw ? (sx + 1) * cn + k : x0[i];
                alpha0[i] = a0;
                alpha1[i] = a1;
            }
        }

        // Output rows are independent (a band only recomputes the source rows it needs), so bands run in parallel
        // and give the same bytes as one pass.
        fixed (byte* ps = src.Data)
        fixed (byte* pd = dst.Data)
        {
            nint sp = (nint)ps, dp = (nint)pd;
            int sLen = src.Data.Length, dLen = dst.Data.Length, ss = src.Stride, ds = dst.Stride;
            Parallelism.ForBands(dh, (long)rowLen * 4, (y0, y1) =>
            {
                var s = new ReadOnlyImageView<byte>(new ReadOnlySpan<byte>((byte*)sp, sLen), sw, sh, cn, ss);
                var d = new ImageView<byte>(new Span<byte>((byte*)dp, dLen), dw, dh, cn, ds);
                Rows(s, d, y0, y1, scaleY, x0, x1, alpha0, alpha1);
            });
        }
    }

    private static void Rows(ReadOnlyImageView<byte> src, ImageView<byte> dst, int yStart, int yEnd, double scaleY,
        int[] x0, int[] x1, short[] alpha0, short[] alpha1)
    {
        int sh = src.Height, rowLen = dst.Width * dst.Channels;
        var row0 = new int[rowLen];
        var row1 = new int[rowLen];
        int cached0 = -1, cached1 = -1;
        for (int dy = yStart; dy < yEnd; dy++)
        {
            float fy = (float)((dy + 0.5) * scaleY - 0.5);
            int sy = (int)MathF.Floor(fy);
            fy -= sy;
            short b0 = SatShort((1f - fy) * CoefScale), b1 = SatShort(fy * CoefScale);
            int y0 = Math.Clamp(sy, 0, sh - 1), y1 = Math.Clamp(sy + 1, 0, sh - 1);
            // Rows are reused while consecutive output rows fall between the same source rows.
            if (y0 != cached0)
            {
                if (y0 == cached1) { (row0, row1) = (row1, row0); cached0 = y0; cached1 = -1; }
                else { HorizontalPass(src.Row(y0), row0, x0, x1, alpha0, alpha1); cached0 = y0; }
            }
            if (y1 != cached1) { HorizontalPass(src.Row(y1), row1, x0, x1, alpha0, alpha1); cached1 = y1; }
            VerticalPass(row0, row1, b0, b1, dst.Row(dy));
        }
    }

    private static void HorizontalPass(ReadOnlySpan<byte> s, Span<int> d, int[] x0, int[] x1, short[] a0, short[] a1)
    {
        for (int i = 0; i < d.Length; i++) d[i] = s[x0[i]] * a0[i] + s[x1[i]] * a1[i];
    }

    internal static void VerticalPass(int[] s0, int[] s1, short b0, short b1, Span<byte> d)
    {
        // OpenCV's vector kernel drops 4 bits, keeps the high half of each 16-bit product and rounds the sum by 2 bits;
        // OpenCV 4.13 gives this result for every column (checked against it for widths 1..90), so no exact-sum tail.
        // Rows hold at most 255·2048, so the 16-bit packing never saturates and the result never leaves 0…255.
        int x = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int n = Vector<int>.Count;
            var vb0 = new Vector<int>(b0);
            var vb1 = new Vector<int>(b1);
            var two = new Vector<int>(2);
            for (; x <= d.Length - 4 * n; x += 4 * n)
            {
                var r0 = Blend(s0, s1, x, vb0, vb1, two);
                var r1 = Blend(s0, s1, x + n, vb0, vb1, two);
                var r2 = Blend(s0, s1, x + 2 * n, vb0, vb1, two);
                var r3 = Blend(s0, s1, x + 3 * n, vb0, vb1, two);
                var lo = Vector.Narrow(Vector.AsVectorUInt32(r0), Vector.AsVectorUInt32(r1));
                var hi = Vector.Narrow(Vector.AsVectorUInt32(r2), Vector.AsVectorUInt32(r3));
                Vector.Narrow(lo, hi).CopyTo(d.Slice(x));
            }
        }
        VerticalScalar(s0, s1, b0, b1, d, x);
    }

    private static Vector<int> Blend(int[] s0, int[] s1, int x, Vector<int> b0, Vector<int> b1, Vector<int> two)
    {
        var a = Vector.ShiftRightArithmetic(Vector.ShiftRightArithmetic(new Vector<int>(s0, x), 4) * b0, 16);
        var b = Vector.ShiftRightArithmetic(Vector.ShiftRightArithmetic(new Vector<int>(s1, x), 4) * b1, 16);
        return Vector.ShiftRightArithmetic(a + b + two, 2);
    }

    /// <summary>The scalar reference of the vertical pass, from column <paramref name="start"/> on.</summary>
    internal static void VerticalScalar(int[] s0, int[] s1, short b0, short b1, Span<byte> d, int start)
    {
        for (int x = start; x < d.Length; x++)
        {
            int v = ((SatShort16(s0[x] >> 4) * b0) >> 16) + ((SatShort16(s1[x] >> 4) * b1) >> 16);
            d[x] = SatByte((v + 2) >> 2);
        }
    }

    private static bool IsExactHalf(double scaleX, double scaleY)
    {
        int ix = (int)Math.Round(scaleX), iy = (int)Math.Round(scaleY);
        return ix == 2 && iy == 2 && Math.Abs(scaleX - ix) < DblEpsilon
            && Math.Abs(scaleY - iy) < DblEpsilon;
    }

    private static void HalveArea(ReadOnlyImageView<byte> src, ImageView<byte> dst)
    {
        int cn = src.Channels;
        for (int dy = 0; dy < dst.Height; dy++)
        {
            var r0 = src.Row(2 * dy);
            var r1 = src.Row(2 * dy + 1);
            var d = dst.Row(dy);
            for (int dx = 0; dx < dst.Width; dx++)
                for (int k = 0; k < cn; k++)
                {
                    int a = 2 * dx * cn + k;
                    d[dx * cn + k] = (byte)((r0[a] + r0[a + cn] + r1[a] + r1[a + cn] + 2) >> 2);
                }
        }
    }

    private static short SatShort(float v)
    {
        int r = (int)MathF.Round(v, MidpointRounding.ToEven);
        return (short)Math.Clamp(r, short.MinValue, short.MaxValue);
    }

    private static int SatShort16(int v) => Math.Clamp(v, short.MinValue, short.MaxValue);

    private static byte SatByte(int v) => (byte)Math.Clamp(v, 0, 255);
}
