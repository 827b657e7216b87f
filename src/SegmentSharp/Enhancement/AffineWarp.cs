using System.Runtime.CompilerServices;
using SegmentSharp.Imaging;

namespace SegmentSharp.Enhancement;

/// <summary>
/// Bilinear affine warp of 8-bit images with a constant border, reproducing <c>cv::warpAffine</c> (<c>INTER_LINEAR</c>,
/// <c>BORDER_CONSTANT</c>) exactly as OpenCvSharp 4.13 computes it (verified by the oracle tests): the forward matrix is
/// inverted in double precision; source coordinates are formed in 10-bit fixed point per column (<c>round(M[0]·x·1024)</c>)
/// and per row (<c>round((M[1]·y + M[2])·1024)</c> + 16), cut to 5 fractional bits (INTER_BITS), and the four neighbours are
/// weighted with OpenCV's 15-bit bilinear table, <c>(32 − fy)(32 − fx)·32</c> and its siblings, then rounded by
/// <c>(Σ + 2¹⁴) &gt;&gt; 15</c>. Neighbours outside the source read the fill value; a pixel whose 2×2 block lies wholly outside is
/// the fill value. (Newer OpenCV builds may use a float path for the same call, which differs by ±1 at some pixels.)
/// </summary>
internal static class AffineWarp
{
    /// <summary>OpenCV's <c>getRotationMatrix2D</c>: the 2×3 forward matrix of a rotation by <paramref name="angleDegrees"/> (CCW) and scale.</summary>
    public static double[] RotationMatrix(float centerX, float centerY, double angleDegrees, double scale)
    {
        double a = angleDegrees * (Math.PI / 180);
        double alpha = Math.Cos(a) * scale, beta = Math.Sin(a) * scale;
        return
        [
            alpha, beta, (1 - alpha) * centerX - beta * centerY,
            -beta, alpha, beta * centerX + (1 - alpha) * centerY,
        ];
    }

    /// <summary>The inverse of a 2×3 affine matrix in the order of operations of <c>cv::warpAffine</c> (a singular matrix maps to 0).</summary>
    public static double[] Invert(ReadOnlySpan<double> m)
    {
        double d = m[0] * m[4] - m[1] * m[3];
        d = d != 0 ? 1.0 / d : 0;
        double a11 = m[4] * d, a22 = m[0] * d, a12 = -m[1] * d, a21 = -m[3] * d;
        double b1 = -a11 * m[2] - a12 * m[5];
        double b2 = -a21 * m[2] - a22 * m[5];
        return [a11, a12, b1, a21, a22, b2];
    }

    /// <summary>
    /// dst(x, y) = src(M⁻¹·(x, y)) bilinearly, for a forward matrix <paramref name="forward"/>; samples outside the source read
    /// <paramref name="fill"/>, and destination pixels whose 2×2 neighbourhood lies wholly outside get <paramref name="fill"/>.
    /// </summary>
    public static unsafe void WarpLinear(ReadOnlyImageView<byte> src, ImageView<byte> dst, ReadOnlySpan<double> forward, byte fill)
    {
        if (src.Channels != dst.Channels) throw new ArgumentException("Source and destination channel counts differ.", nameof(dst));
        var m = Invert(forward);
        int dw = dst.Width;
        var adelta = new int[dw];
        var bdelta = new int[dw];
        for (int x = 0; x < dw; x++)
        {
            adelta[x] = SatRound(m[0] * x * AbScale);
            bdelta[x] = SatRound(m[3] * x * AbScale);
        }
        int sw = src.Width, sh = src.Height, cn = src.Channels, sStride = src.Stride, sLen = src.Data.Length;
        int dh = dst.Height, dStride = dst.Stride, dLen = dst.Data.Length;
        fixed (byte* ps = src.Data)
        fixed (byte* pd = dst.Data)
        {
            nint s0 = (nint)ps, d0 = (nint)pd;
            // Rows are independent; the views are rebuilt per band from the pinned buffers.
            Parallelism.ForBands(dh, (long)dw * cn * 8, (y0, y1) =>
            {
                var sv = new ReadOnlyImageView<byte>(new ReadOnlySpan<byte>((byte*)s0, sLen), sw, sh, cn, sStride);
                var dv = new ImageView<byte>(new Span<byte>((byte*)d0, dLen), dw, dh, cn, dStride);
                Rows(sv, dv, m, adelta, bdelta, fill, y0, y1);
            });
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Rows(ReadOnlyImageView<byte> src, ImageView<byte> dst, double[] m, int[] adelta, int[] bdelta, byte fill,
        int yStart, int yEnd)
    {
        int cn = src.Channels, sw = src.Width, sh = src.Height;
        for (int y = yStart; y < yEnd; y++)
        {
            var d = dst.Row(y);
            int x0 = SatRound((m[1] * y + m[2]) * AbScale) + RoundDelta;
            int y0 = SatRound((m[4] * y + m[5]) * AbScale) + RoundDelta;
            for (int x = 0; x < dst.Width; x++)
            {
                int X = (x0 + adelta[x]) >> (AbBits - InterBits);
                int Y = (y0 + bdelta[x]) >> (AbBits - InterBits);
                int ix = SatShort(X >> InterBits), iy = SatShort(Y >> InterBits);
                int fx = X & (TabSize - 1), fy = Y & (TabSize - 1);
                int w00 = (TabSize - fy) * (TabSize - fx) * 32, w01 = (TabSize - fy) * fx * 32;
                int w10 = fy * (TabSize - fx) * 32, w11 = fy * fx * 32;
                int o = x * cn;
                if ((uint)ix < (uint)(sw - 1) && (uint)iy < (uint)(sh - 1))
                {
                    var r0 = src.Row(iy);
                    var r1 = src.Row(iy + 1);
                    int s = ix * cn;
                    for (int c = 0; c < cn; c++)
                        d[o + c] = Mix(r0[s + c], r0[s + cn + c], r1[s + c], r1[s + cn + c], w00, w01, w10, w11);
                    continue;
                }
                if (ix >= sw || ix + 1 < 0 || iy >= sh || iy + 1 < 0)
                {
                    d.Slice(o, cn).Fill(fill);
                    continue;
                }
                for (int c = 0; c < cn; c++)
                {
                    byte p00 = Sample(src, ix, iy, c, fill), p01 = Sample(src, ix + 1, iy, c, fill);
                    byte p10 = Sample(src, ix, iy + 1, c, fill), p11 = Sample(src, ix + 1, iy + 1, c, fill);
                    d[o + c] = Mix(p00, p01, p10, p11, w00, w01, w10, w11);
                }
            }
        }
    }

    private const int AbBits = 10, AbScale = 1 << AbBits, InterBits = 5, TabSize = 1 << InterBits;
    private const int RoundDelta = AbScale / TabSize / 2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static byte Mix(byte p00, byte p01, byte p10, byte p11, int w00, int w01, int w10, int w11)
    {
        int v = (p00 * w00 + p01 * w01 + p10 * w10 + p11 * w11 + (1 << 14)) >> 15;
        return v < 0 ? (byte)0 : v > 255 ? (byte)255 : (byte)v;
    }

    /// <summary>OpenCV's saturate_cast&lt;int&gt;(double): round half to even, saturate.</summary>
    private static int SatRound(double v)
    {
        double r = Math.Round(v, MidpointRounding.ToEven);
        return r >= int.MaxValue ? int.MaxValue : r <= int.MinValue ? int.MinValue : double.IsNaN(r) ? int.MinValue : (int)r;
    }

    private static int SatShort(int v) => v < short.MinValue ? short.MinValue : v > short.MaxValue ? short.MaxValue : v;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static byte Sample(ReadOnlyImageView<byte> src, int x, int y, int c, byte fill)
        => (uint)x < (uint)src.Width && (uint)y < (uint)src.Height ? src.Row(y)[x * src.Channels + c] : fill;
}
