using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using SegmentSharp.Imaging;

namespace SegmentSharp.Enhancement;

/// <summary>
/// Flattens uneven illumination of a page (shading, vignetting, a phone's light fall-off) by estimating the paper's
/// brightness at every pixel and dividing by it, so a dark-on-light document gets a uniform white background before a
/// global or local threshold.
/// </summary>
/// <remarks>
/// <para>What is estimated: the background B is the local <em>maximum</em> brightness over a window larger than the ink
/// strokes (a grey-level dilation, i.e. a morphological closing of the dark text), smoothed by a box mean of the same
/// size. Dark text narrower than the window disappears from B, the slow illumination remains. The output is
/// <c>out = min(255, round(255 · src / max(B, 1)))</c> (ties away from zero): paper goes to ≈ 255, ink keeps its
/// contrast relative to the local paper. This is the "divide by the background" flat-field correction of scanned
/// documents (e.g. Gatos, Pratikakis and Perantonis 2006 estimate the background surface for the same reason; Leptonica's
/// <c>pixBackgroundNormSimple</c> normalizes by a downscaled background map); with OpenCV the same idea is written
/// <c>bg = cv2.blur(cv2.dilate(small, kernel), k)</c> on <c>cv2.resize(...)</c> and <c>cv2.divide(src, bg, scale=255)</c>.
/// scikit-image has no single call; it is <c>img / ndi.maximum_filter(img, w)</c> rescaled.</para>
/// <para>How, so that a 12 MP page takes a few milliseconds and little memory: the image is first reduced by an
/// integer factor <c>s = max(1, window / 8)</c>, each cell holding the maximum of its s×s block (cells at the right and
/// bottom edges are partial); on that small grid a (2r+1)×(2r+1) maximum filter and then a (2r+1)×(2r+1) box mean run with
/// <c>r = max(1, round(window / (2s)))</c>, edges replicated. B at a full-resolution pixel is the bilinear interpolation
/// of the cell values at the cell centres (edges clamped). Working memory is about <c>2 · (W/s) · (H/s)</c> floats plus one
/// row per thread — O(W·H / window²), never a full-size copy besides the output.</para>
/// <para>Light text on a dark ground: invert first (<see cref="Invert"/>); this estimate follows the paper, which must be
/// the bright side.</para>
/// </remarks>
public static class BackgroundNormalization
{
    /// <summary>The window chosen when none is given: about 1/30 of the shorter side, odd, at least 15 pixels.</summary>
    public static int DefaultWindow(int width, int height) => Math.Max(15, (Math.Min(width, height) / 30) | 1);

    /// <summary>
    /// Divides <paramref name="src"/> by its estimated background into <paramref name="dst"/> (same size; it may be
    /// <paramref name="src"/> itself, since the background is estimated before any pixel is written).
    /// </summary>
    /// <param name="src">8-bit single-channel image, dark content on a light background.</param>
    /// <param name="dst">Output, the size of <paramref name="src"/>.</param>
    /// <param name="window">Size in pixels of the neighbourhood over which the paper's brightness is taken: larger than
    /// the thickest stroke or dark blob to keep (a character height is a safe choice), smaller than the scale of the
    /// illumination changes. 0 (default) chooses <see cref="DefaultWindow"/>.</param>
    /// <exception cref="ArgumentException">Sizes differ or the image is not single-channel.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="window"/> is negative or 1..2.</exception>
    public static void Apply(ReadOnlyImageView<byte> src, ImageView<byte> dst, int window = 0)
    {
        ImageGuard.SameSize(src, dst, nameof(dst));
        ImageGuard.SingleChannel(src, nameof(src));
        if (window < 0 || window is 1 or 2)
            throw new ArgumentOutOfRangeException(nameof(window), window, "The background window must be 0 (automatic) or at least 3 pixels.");
        int w = src.Width, h = src.Height;
        if (w == 0 || h == 0) return;
        if (window == 0) window = DefaultWindow(w, h);

        float[] bg = EstimateGrid(src, window, out int s, out int gw, out int gh);
        Divide(src, dst, bg, s, gw, gh);
    }

    /// <summary>Allocating overload of <see cref="Apply(ReadOnlyImageView{byte}, ImageView{byte}, int)"/>.</summary>
    public static Image<byte> Apply(ReadOnlyImageView<byte> src, int window = 0)
    {
        var dst = new Image<byte>(src.Width, src.Height);
        Apply(src, dst.View, window);
        return dst;
    }

    /// <summary>
    /// The smoothed background grid (<paramref name="gw"/>×<paramref name="gh"/> cells of <paramref name="s"/>×<paramref name="s"/>
    /// pixels, row-major): block maximum, then maximum filter, then box mean.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static float[] EstimateGrid(ReadOnlyImageView<byte> src, int window, out int s, out int gw, out int gh)
    {
        int w = src.Width, h = src.Height;
        s = Math.Max(1, window / 8);
        gw = (w + s - 1) / s;
        gh = (h + s - 1) / s;
        int r = Math.Max(1, (int)Math.Round(window / (2.0 * s), MidpointRounding.AwayFromZero));

        // Block maxima: first the element-wise maximum of the s rows of a cell row (vectorized), then the maximum of
        // each s-wide run of that, so the per-pixel work is one SIMD max.
        var cells = new float[gw * gh];
        var rowMax = new byte[w];
        for (int gy = 0; gy < gh; gy++)
        {
            int y0 = gy * s, y1 = Math.Min(h, y0 + s);
            src.Row(y0).CopyTo(rowMax);
            for (int y = y0 + 1; y < y1; y++) MaxInto(rowMax, src.Row(y));
            for (int gx = 0, x = 0; gx < gw; gx++)
            {
                int x1 = Math.Min(w, x + s);
                byte m = 0;
                for (; x < x1; x++) if (rowMax[x] > m) m = rowMax[x];
                cells[gy * gw + gx] = m;
            }
        }

        var tmp = new float[gw * gh];
        MaxRows(cells, tmp, gw, gh, r);
        MaxCols(tmp, cells, gw, gh, r);
        MeanRows(cells, tmp, gw, gh, r);
        MeanCols(tmp, cells, gw, gh, r);
        return cells;
    }

    // The grid passes are written as whole-row element-wise operations on shifted spans (max or sum of 2r + 1 rows or
    // shifted copies), which the JIT vectorizes and which need no per-tap bounds clamping: edges are replicated by
    // padding the row once, or by clamping the row index once per tap.

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MaxRows(float[] a, float[] b, int gw, int gh, int r)
    {
        var padded = new float[gw + 2 * r];
        for (int y = 0; y < gh; y++)
        {
            PadRow(a.AsSpan(y * gw, gw), padded, r);
            Span<float> dst = b.AsSpan(y * gw, gw);
            padded.AsSpan(0, gw).CopyTo(dst);
            for (int d = 1; d <= 2 * r; d++) MaxInto(dst, padded.AsSpan(d, gw));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MaxCols(float[] a, float[] b, int gw, int gh, int r)
    {
        for (int y = 0; y < gh; y++)
        {
            Span<float> dst = b.AsSpan(y * gw, gw);
            a.AsSpan(Math.Clamp(y - r, 0, gh - 1) * gw, gw).CopyTo(dst);
            for (int d = -r + 1; d <= r; d++) MaxInto(dst, a.AsSpan(Math.Clamp(y + d, 0, gh - 1) * gw, gw));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MeanRows(float[] a, float[] b, int gw, int gh, int r)
    {
        float inv = 1f / (2 * r + 1);
        var padded = new float[gw + 2 * r];
        for (int y = 0; y < gh; y++)
        {
            PadRow(a.AsSpan(y * gw, gw), padded, r);
            Span<float> dst = b.AsSpan(y * gw, gw);
            padded.AsSpan(0, gw).CopyTo(dst);
            for (int d = 1; d <= 2 * r; d++) AddInto(dst, padded.AsSpan(d, gw));
            Scale(dst, inv);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MeanCols(float[] a, float[] b, int gw, int gh, int r)
    {
        float inv = 1f / (2 * r + 1);
        for (int y = 0; y < gh; y++)
        {
            Span<float> dst = b.AsSpan(y * gw, gw);
            a.AsSpan(Math.Clamp(y - r, 0, gh - 1) * gw, gw).CopyTo(dst);
            for (int d = -r + 1; d <= r; d++) AddInto(dst, a.AsSpan(Math.Clamp(y + d, 0, gh - 1) * gw, gw));
            Scale(dst, inv);
        }
    }

    /// <summary>Copies a row into the middle of <paramref name="padded"/>, replicating its end values <paramref name="r"/> times.</summary>
    private static void PadRow(ReadOnlySpan<float> row, float[] padded, int r)
    {
        row.CopyTo(padded.AsSpan(r));
        padded.AsSpan(0, r).Fill(row[0]);
        padded.AsSpan(r + row.Length, r).Fill(row[^1]);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MaxInto(Span<float> acc, ReadOnlySpan<float> src)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
            for (; i <= acc.Length - Vector256<float>.Count; i += Vector256<float>.Count)
                Vector256.Max(Vector256.Create(acc.Slice(i)), Vector256.Create(src.Slice(i))).CopyTo(acc.Slice(i));
        for (; i < acc.Length; i++) acc[i] = Math.Max(acc[i], src[i]);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MaxInto(Span<byte> acc, ReadOnlySpan<byte> src)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
            for (; i <= acc.Length - Vector256<byte>.Count; i += Vector256<byte>.Count)
                Vector256.Max(Vector256.Create(acc.Slice(i)), Vector256.Create(src.Slice(i))).CopyTo(acc.Slice(i));
        for (; i < acc.Length; i++) acc[i] = Math.Max(acc[i], src[i]);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddInto(Span<float> acc, ReadOnlySpan<float> src)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
            for (; i <= acc.Length - Vector256<float>.Count; i += Vector256<float>.Count)
                (Vector256.Create(acc.Slice(i)) + Vector256.Create(src.Slice(i))).CopyTo(acc.Slice(i));
        for (; i < acc.Length; i++) acc[i] += src[i];
    }

    private static void Scale(Span<float> acc, float factor)
    {
        for (int i = 0; i < acc.Length; i++) acc[i] *= factor;
    }

    /// <summary>Bilinear background per pixel from the cell centres, then the clamped, rounded quotient.</summary>
    private static unsafe void Divide(ReadOnlyImageView<byte> src, ImageView<byte> dst, float[] bg, int s, int gw, int gh)
    {
        int w = src.Width, h = src.Height;
        // Horizontal interpolation indices and weights are the same for every row.
        var x0 = new int[w];
        var fx = new float[w];
        for (int x = 0; x < w; x++) Coordinate(x, s, gw, out x0[x], out fx[x]);

        fixed (byte* ps = src.Data)
        fixed (byte* pd = dst.Data)
        {
            nint sAddr = (nint)ps, dAddr = (nint)pd;
            int ss = src.Stride, ds = dst.Stride;
            Parallelism.ForBands(h, w, (start, end) => DivideBand((byte*)sAddr, ss, (byte*)dAddr, ds, w, start, end, bg, s, gw, gh, x0, fx));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void DivideBand(byte* sp, int ss, byte* dp, int ds, int w, int start, int end, float[] bg, int s, int gw, int gh,
        int[] x0, float[] fx)
    {
        var upper = new float[w];
        var lower = new float[w];
        int cached = -1;
        for (int y = start; y < end; y++)
        {
            Coordinate(y, s, gh, out int y0, out float fy);
            if (y0 != cached)
            {
                // Consecutive rows share their two grid rows (s rows per cell): interpolate them across once.
                InterpolateRow(bg, y0 * gw, x0, fx, gw, upper);
                InterpolateRow(bg, Math.Min(y0 + 1, gh - 1) * gw, x0, fx, gw, lower);
                cached = y0;
            }
            byte* srow = sp + (long)y * ss;
            byte* drow = dp + (long)y * ds;
            int x = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                // Same float operations in the same order as the scalar tail below, eight pixels at a time.
                var vfy = Vector256.Create(fy);
                var one = Vector256.Create(1f);
                var k255 = Vector256.Create(255f);
                var half = Vector256.Create(0.5f);
                var top = Vector256.Create(255);
                ref float u0 = ref upper[0], l0 = ref lower[0];
                for (; x <= w - 8; x += 8)
                {
                    var u = Vector256.LoadUnsafe(ref u0, (nuint)x);
                    var l = Vector256.LoadUnsafe(ref l0, (nuint)x);
                    var b = Vector256.Max(u + (l - u) * vfy, one);
                    var p16 = Vector128.WidenLower(Vector128.CreateScalar(*(ulong*)(srow + x)).AsByte());
                    var p32 = Vector256.Create(Vector128.WidenLower(p16), Vector128.WidenUpper(p16)).AsInt32();
                    var q = k255 * Vector256.ConvertToSingle(p32) / b;
                    var r = Vector256.Min(Vector256.ConvertToInt32(q + half), top);
                    var n16 = Vector128.Narrow(r.GetLower(), r.GetUpper());
                    *(ulong*)(drow + x) = Vector128.Narrow(n16, n16).AsUInt64().ToScalar();
                }
            }
            for (; x < w; x++)
            {
                float b = upper[x] + (lower[x] - upper[x]) * fy;
                if (b < 1) b = 1;
                float q = 255f * srow[x] / b;
                drow[x] = q >= 254.5f ? (byte)255 : (byte)(q + 0.5f);
            }
        }
    }

    /// <summary>Cell index left of/above pixel <paramref name="p"/> and the fraction towards the next cell centre.</summary>
    private static void Coordinate(int p, int s, int cells, out int c0, out float f)
    {
        float pos = (p + 0.5f) / s - 0.5f;
        if (pos <= 0) { c0 = 0; f = 0; return; }
        c0 = (int)pos;
        if (c0 >= cells - 1) { c0 = cells - 1; f = 0; return; }
        f = pos - c0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void InterpolateRow(float[] bg, int rowStart, int[] x0, float[] fx, int gw, float[] row)
    {
        for (int x = 0; x < row.Length; x++)
        {
            int c = rowStart + x0[x];
            float a = bg[c];
            float b = x0[x] + 1 < gw ? bg[c + 1] : a;
            row[x] = a + (b - a) * fx[x];
        }
    }
}
