using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using SegmentSharp.Filters;
using SegmentSharp.Imaging;

namespace SegmentSharp.Enhancement;

/// <summary>
/// Contrast Limited Adaptive Histogram Equalization on 8-bit gray images, equal bit for bit to OpenCV's
/// <c>cv::createCLAHE(clipLimit, Size(tilesX, tilesY))-&gt;apply(src, dst)</c>.
/// </summary>
/// <remarks>
/// <para>Algorithm: K. Zuiderveld, "Contrast Limited Adaptive Histogram Equalization", Graphics Gems IV, 1994. The
/// image is cut into <c>tilesX × tilesY</c> tiles; each tile's histogram is clipped and turned into an equalizing
/// lookup table, and every pixel blends the tables of the four nearest tile centres bilinearly.</para>
/// <para>OpenCV's details, all reproduced here: when either dimension is not a multiple of its tile count, the image
/// is extended on the right and bottom by <c>BORDER_REFLECT_101</c> by <c>tiles − size mod tiles</c> pixels in
/// <em>both</em> directions (so an exactly divisible dimension still grows by a whole tile row or column) and only
/// the tables see the extension. The clip limit in counts is <c>max((int)(clipLimit · tileArea / 256), 1)</c>, and a
/// <c>clipLimit</c> ≤ 0 turns clipping off (plain adaptive equalization). Clipped counts are spread
/// evenly over all 256 bins, and the remainder one count per bin every <c>max(256 / remainder, 1)</c> bins from bin 0.
/// Table entries are <c>round(cumulative count · (float)(255 / tileArea))</c> with ties to even; blending uses
/// single-precision weights <c>x / tileWidth − 0.5</c> in OpenCV's order of operations, then rounds half to even.</para>
/// <para>scikit-image's <c>skimage.exposure.equalize_adapthist</c> implements the same paper differently: its
/// <c>clip_limit</c> is a fraction in [0, 1] (OpenCV's is a multiple of the mean bin count), it takes a kernel size in
/// pixels rather than a tile count, pads and maps the borders its own way, redistributes clipped counts in further
/// passes, and returns a float image rescaled to [0, 1]: results look alike but are not equal.</para>
/// </remarks>
public static class Clahe
{
    private const int Bins = 256;

    /// <summary>
    /// Equalizes <paramref name="src"/> into <paramref name="dst"/> (same size, single channel; they may share
    /// memory). Equivalent to <c>cv2.createCLAHE(clipLimit, (tilesX, tilesY)).apply(src)</c>.
    /// </summary>
    /// <param name="src">8-bit single-channel image.</param>
    /// <param name="dst">Output, the size of <paramref name="src"/>.</param>
    /// <param name="clipLimit">Histogram clip as a multiple of the mean bin count (OpenCV's default 40); ≤ 0 disables clipping.</param>
    /// <param name="tilesX">Tiles across (OpenCV's <c>tileGridSize.width</c>).</param>
    /// <param name="tilesY">Tiles down (OpenCV's <c>tileGridSize.height</c>).</param>
    /// <exception cref="ArgumentException">Sizes differ, the image is not single-channel, a tile count is not
    /// positive, or <paramref name="clipLimit"/> is NaN.</exception>
    public static void Apply(ReadOnlyImageView<byte> src, ImageView<byte> dst, double clipLimit = 40, int tilesX = 8, int tilesY = 8)
    {
        ImageGuard.SameSize(src, dst, nameof(dst));
        ImageGuard.SingleChannel(src, nameof(src));
        if (tilesX <= 0) throw new ArgumentException($"The tile grid needs at least one tile across, got {tilesX}.", nameof(tilesX));
        if (tilesY <= 0) throw new ArgumentException($"The tile grid needs at least one tile down, got {tilesY}.", nameof(tilesY));
        if (double.IsNaN(clipLimit)) throw new ArgumentException("The clip limit is NaN.", nameof(clipLimit));

        int w = src.Width, h = src.Height;
        bool extend = w % tilesX != 0 || h % tilesY != 0;
        int extW = extend ? w + tilesX - w % tilesX : w;
        int extH = extend ? h + tilesY - h % tilesY : h;
        if ((long)extW * extH > int.MaxValue)
            throw new ArgumentException($"A {w}×{h} image with a {tilesX}×{tilesY} grid is too large.", nameof(src));
        int tileW = extW / tilesX, tileH = extH / tilesY;
        int tileArea = tileW * tileH;

        int clip = 0;
        if (clipLimit > 0)
        {
            double c = clipLimit * tileArea / Bins;
            clip = c >= int.MaxValue ? int.MaxValue : Math.Max((int)c, 1);
        }
        float lutScale = (float)(Bins - 1) / tileArea;

        // Three spare bytes: the vector blend gathers 32 bits per table entry.
        var luts = new byte[tilesX * tilesY * Bins + 3];
        ClaheCore.BuildLuts(src, luts, tilesX, tilesY, tileW, tileH, clip, lutScale);

        // The tables are built before any output is written, so in-place calls are safe.
        ClaheCore.Interpolate(src, dst, luts, tilesX, tilesY, tileW, tileH);
    }

    /// <summary>Allocating convenience overload of <see cref="Apply(ReadOnlyImageView{byte}, ImageView{byte}, double, int, int)"/>.</summary>
    public static Image<byte> Apply(Image<byte> src, double clipLimit = 40, int tilesX = 8, int tilesY = 8)
    {
        ArgumentNullException.ThrowIfNull(src);
        var dst = src.CloneEmpty();
        Apply(src.ReadOnlyView, dst.View, clipLimit, tilesX, tilesY);
        return dst;
    }
}

internal static unsafe class ClaheCore
{
    private const int Bins = 256;

    public static void BuildLuts(ReadOnlyImageView<byte> src, byte[] luts, int tilesX, int tilesY, int tileW, int tileH, int clip, float lutScale)
    {
        int w = src.Width, h = src.Height, ss = src.Stride;
        // Extended coordinates map back into the image by BORDER_REFLECT_101.
        var xmap = new int[tilesX * tileW];
        for (int x = 0; x < xmap.Length; x++) xmap[x] = BorderInterpolation.Map(x, w, BorderType.Reflect101);
        var ymap = new int[tilesY * tileH];
        for (int y = 0; y < ymap.Length; y++) ymap[y] = BorderInterpolation.Map(y, h, BorderType.Reflect101);
        fixed (byte* ps = src.Data)
        {
            nint sp = (nint)ps;
            Parallelism.ForBands(tilesY, (long)tilesX * tileW * tileH,
                (t0, t1) => BuildTileRows((byte*)sp, ss, w, luts, xmap, ymap, tilesX, tileW, tileH, clip, lutScale, t0, t1), minRowsPerBand: 1);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BuildTileRows(byte* src, int ss, int w, byte[] luts, int[] xmap, int[] ymap, int tilesX, int tileW, int tileH,
        int clip, float lutScale, int t0, int t1)
    {
        Span<int> hist = stackalloc int[Bins];
        for (int ty = t0; ty < t1; ty++)
            for (int tx = 0; tx < tilesX; tx++)
            {
                hist.Clear();
                int x0 = tx * tileW, x1 = x0 + tileW;
                bool inside = x1 <= w;
                for (int y = ty * tileH; y < (ty + 1) * tileH; y++)
                {
                    byte* row = src + (long)ymap[y] * ss;
                    if (inside) for (int x = x0; x < x1; x++) hist[row[x]]++;
                    else for (int x = x0; x < x1; x++) hist[row[xmap[x]]]++;
                }
                ClipAndMap(hist, luts.AsSpan((ty * tilesX + tx) * Bins, Bins), clip, lutScale);
            }
    }

    /// <summary>Clips one tile histogram, redistributes the excess as OpenCV does and writes the tile's table.</summary>
    internal static void ClipAndMap(Span<int> hist, Span<byte> lut, int clip, float lutScale)
    {
        if (clip > 0)
        {
            long clipped = 0;
            for (int i = 0; i < Bins; i++)
                if (hist[i] > clip) { clipped += hist[i] - clip; hist[i] = clip; }
            int batch = (int)(clipped / Bins);
            int residual = (int)(clipped - (long)batch * Bins);
            for (int i = 0; i < Bins; i++) hist[i] += batch;
            if (residual != 0)
            {
                int step = Math.Max(Bins / residual, 1);
                for (int i = 0; i < Bins && residual > 0; i += step, residual--) hist[i]++;
            }
        }
        int sum = 0;
        for (int i = 0; i < Bins; i++)
        {
            sum += hist[i];
            lut[i] = SaturateRound(sum * lutScale);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static byte SaturateRound(float v)
    {
        // OpenCV's saturate_cast<uchar>(float): round half to even, then clamp.
        float r = MathF.Round(v);
        return r <= 0 ? (byte)0 : r >= 255 ? (byte)255 : (byte)(int)r;
    }

    public static void Interpolate(ReadOnlyImageView<byte> src, ImageView<byte> dst, byte[] luts, int tilesX, int tilesY, int tileW, int tileH)
    {
        int w = src.Width, h = src.Height, ss = src.Stride, ds = dst.Stride;
        var ind1 = new int[w];
        var ind2 = new int[w];
        var xa = new float[w];
        var xa1 = new float[w];
        float invTw = 1.0f / tileW;
        for (int x = 0; x < w; x++)
        {
            float txf = x * invTw - 0.5f;
            int tx1 = (int)MathF.Floor(txf);
            int tx2 = tx1 + 1;
            xa[x] = txf - tx1;
            xa1[x] = 1.0f - xa[x];
            ind1[x] = Math.Max(tx1, 0) * Bins;
            ind2[x] = Math.Min(tx2, tilesX - 1) * Bins;
        }
        fixed (byte* ps = src.Data)
        fixed (byte* pd = dst.Data)
        {
            nint sp = (nint)ps, dp = (nint)pd;
            Parallelism.ForBands(h, (long)w * 4,
                (y0, y1) => InterpolateRows((byte*)sp, ss, (byte*)dp, ds, w, luts, ind1, ind2, xa, xa1, tilesX, tilesY, tileH, y0, y1));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void InterpolateRows(byte* src, int ss, byte* dst, int ds, int w, byte[] luts, int[] ind1, int[] ind2,
        float[] xa, float[] xa1, int tilesX, int tilesY, int tileH, int y0, int y1)
    {
        float invTh = 1.0f / tileH;
        fixed (byte* lut = luts)
        fixed (int* i1 = ind1)
        fixed (int* i2 = ind2)
        fixed (float* pa = xa)
        fixed (float* pa1 = xa1)
        {
            for (int y = y0; y < y1; y++)
            {
                float tyf = y * invTh - 0.5f;
                int ty1 = (int)MathF.Floor(tyf);
                int ty2 = ty1 + 1;
                float ya = tyf - ty1, ya1 = 1.0f - ya;
                byte* plane1 = lut + Math.Max(ty1, 0) * tilesX * Bins;
                byte* plane2 = lut + Math.Min(ty2, tilesY - 1) * tilesX * Bins;
                byte* s = src + (long)y * ss;
                byte* d = dst + (long)y * ds;
                int done = Avx2.IsSupported ? InterpolateRowAvx2(s, d, w, plane1, plane2, i1, i2, pa, pa1, ya, ya1) : 0;
                InterpolateRowScalar(s, d, done, w, plane1, plane2, i1, i2, pa, pa1, ya, ya1);
            }
        }
    }

    /// <summary>Blends the four tile tables for pixels <c>[start, w)</c> of one row, in OpenCV's float order.</summary>
    internal static void InterpolateRowScalar(byte* s, byte* d, int start, int w, byte* plane1, byte* plane2, int* i1, int* i2,
        float* pa, float* pa1, float ya, float ya1)
    {
        for (int x = start; x < w; x++)
        {
            int v = s[x];
            int a = i1[x] + v, b = i2[x] + v;
            float res = (plane1[a] * pa1[x] + plane1[b] * pa[x]) * ya1 + (plane2[a] * pa1[x] + plane2[b] * pa[x]) * ya;
            d[x] = SaturateRound(res);
        }
    }

    /// <summary>
    /// Vector twin of <see cref="InterpolateRowScalar"/> for 8 pixels at a time (AVX2 gathers of the table entries);
    /// returns how many pixels it wrote. Products and sums are separate roundings, as in OpenCV (no fused multiply-add).
    /// The tables must be followed by 3 readable bytes, since each gather reads 32 bits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int InterpolateRowAvx2(byte* s, byte* d, int w, byte* plane1, byte* plane2, int* i1, int* i2,
        float* pa, float* pa1, float ya, float ya1)
    {
        var mask = Vector256.Create(0xFF);
        var vya = Vector256.Create(ya);
        var vya1 = Vector256.Create(ya1);
        var zero = Vector256<int>.Zero;
        var max = Vector256.Create(255);
        int x = 0;
        for (; x + 8 <= w; x += 8)
        {
            Vector256<int> v = Avx2.ConvertToVector256Int32(s + x);
            Vector256<int> a = Avx2.Add(Avx.LoadVector256(i1 + x), v);
            Vector256<int> b = Avx2.Add(Avx.LoadVector256(i2 + x), v);
            Vector256<float> p1a = Avx.ConvertToVector256Single(Avx2.And(Avx2.GatherVector256((int*)plane1, a, 1), mask));
            Vector256<float> p1b = Avx.ConvertToVector256Single(Avx2.And(Avx2.GatherVector256((int*)plane1, b, 1), mask));
            Vector256<float> p2a = Avx.ConvertToVector256Single(Avx2.And(Avx2.GatherVector256((int*)plane2, a, 1), mask));
            Vector256<float> p2b = Avx.ConvertToVector256Single(Avx2.And(Avx2.GatherVector256((int*)plane2, b, 1), mask));
            Vector256<float> xa = Avx.LoadVector256(pa + x), xa1 = Avx.LoadVector256(pa1 + x);
            Vector256<float> top = Avx.Multiply(Avx.Add(Avx.Multiply(p1a, xa1), Avx.Multiply(p1b, xa)), vya1);
            Vector256<float> bottom = Avx.Multiply(Avx.Add(Avx.Multiply(p2a, xa1), Avx.Multiply(p2b, xa)), vya);
            Vector256<int> r = Avx.ConvertToVector256Int32(Avx.RoundToNearestInteger(Avx.Add(top, bottom)));
            r = Avx2.Min(Avx2.Max(r, zero), max);
            Vector128<short> shorts = Vector128.Narrow(r.GetLower(), r.GetUpper());
            Vector128<byte> bytes = Vector128.Narrow(shorts, shorts).AsByte();
            Unsafe.WriteUnaligned(d + x, bytes.AsUInt64().ToScalar());
        }
        return x;
    }
}
