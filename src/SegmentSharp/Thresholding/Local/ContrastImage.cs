using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using SegmentSharp.Imaging;

namespace SegmentSharp.Thresholding.Local;

/// <summary>
/// Su, Lu and Tan's (2010) local contrast image and the high-contrast mask derived from it, plus the stroke scale
/// estimate that sizes their window.
/// </summary>
internal static unsafe class ContrastImage
{
    /// <summary>
    /// The high-contrast mask of Su et al.: the contrast <c>C = (max − min)/(max + min)</c> of each 3×3 neighbourhood
    /// (reflect-101 borders; the paper's ε only guards max + min = 0, where C is taken as 0) is quantised to
    /// <c>round(255·C)</c> in exact integers, Otsu's threshold t of that 8-bit image (as OpenCV computes it) splits it,
    /// and the mask is 255 where the contrast byte is above t, else 0. A flat image has no high-contrast pixel.
    /// </summary>
    public static Image<byte> HighContrastMask(LocalPlane src)
    {
        int w = src.Width, h = src.Height;
        var mask = new Image<byte>(w, h);
        fixed (byte* pm = mask.Data)
        {
            nint mp = (nint)pm;
            Parallelism.ForBands(h, (long)w * 12, (y0, y1) =>
            {
                for (int y = y0; y < y1; y++) ContrastRow(src, y, (byte*)mp + (long)y * w);
            });
        }
        var hist = Histograms.Histogram.Compute(mask.ReadOnlyView);
        Threshold.Apply(mask.ReadOnlyView, mask.View, Threshold.Otsu(hist), 255, ThresholdType.Binary);
        return mask;
    }

    /// <summary>round(255·(max − min)/(max + min)) over the 3×3 neighbourhoods of one row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void ContrastRow(LocalPlane src, int y, byte* dst)
    {
        int w = src.Width, h = src.Height;
        byte* a = src.Row(Reflect101.Map(y - 1, h)), b = src.Row(y), c = src.Row(Reflect101.Map(y + 1, h));
        int x1 = Vector256.IsHardwareAccelerated ? ContrastInterior(a, b, c, w, dst) : 1;
        ContrastRange(a, b, c, w, 0, Math.Min(1, w), dst);
        ContrastRange(a, b, c, w, Math.Max(x1, 1), w, dst);
    }

    /// <summary>The scalar twin of <see cref="ContrastRow"/> (the reference the vector path is tested against).</summary>
    internal static void ContrastRowScalar(LocalPlane src, int y, byte* dst)
    {
        int w = src.Width, h = src.Height;
        ContrastRange(src.Row(Reflect101.Map(y - 1, h)), src.Row(y), src.Row(Reflect101.Map(y + 1, h)), w, 0, w, dst);
    }

    private static void ContrastRange(byte* a, byte* b, byte* c, int w, int x0, int x1, byte* dst)
    {
        for (int x = x0; x < x1; x++)
        {
            int xl = x == 0 ? Reflect101.Map(-1, w) : x - 1, xr = x == w - 1 ? Reflect101.Map(w, w) : x + 1;
            int mn = 255, mx = 0;
            Take(a, xl, x, xr, ref mn, ref mx);
            Take(b, xl, x, xr, ref mn, ref mx);
            Take(c, xl, x, xr, ref mn, ref mx);
            dst[x] = Quantise(mn, mx);
        }
    }

    /// <summary>
    /// The interior pixels 1 … of a row, 16 at a time, as long as the neighbourhood stays inside the row; returns the
    /// first pixel left for the scalar loop. The quotient is taken in float32: numerator (≤ 130560) and denominator
    /// (≤ 1020) are exact, and a non-integer quotient lies at least 1/1020 from an integer, far beyond float32's
    /// rounding of a value below 256, so its floor is the integer division's.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int ContrastInterior(byte* a, byte* b, byte* c, int w, byte* dst)
    {
        int x = 1;
        for (; x + 17 <= w; x += 16)
        {
            var l0 = Vector128.Load(a + x - 1); var l1 = Vector128.Load(b + x - 1); var l2 = Vector128.Load(c + x - 1);
            var m0 = Vector128.Load(a + x); var m1 = Vector128.Load(b + x); var m2 = Vector128.Load(c + x);
            var r0 = Vector128.Load(a + x + 1); var r1 = Vector128.Load(b + x + 1); var r2 = Vector128.Load(c + x + 1);
            var mn = Vector128.Min(Vector128.Min(Vector128.Min(l0, l1), Vector128.Min(l2, m0)),
                Vector128.Min(Vector128.Min(m1, m2), Vector128.Min(Vector128.Min(r0, r1), r2)));
            var mx = Vector128.Max(Vector128.Max(Vector128.Max(l0, l1), Vector128.Max(l2, m0)),
                Vector128.Max(Vector128.Max(m1, m2), Vector128.Max(Vector128.Max(r0, r1), r2)));
            var (mnLo, mnHi) = Vector128.Widen(mn);
            var (mxLo, mxHi) = Vector128.Widen(mx);
            Vector128.Narrow(Quantise8(mnLo, mxLo), Quantise8(mnHi, mxHi)).Store(dst + x);
        }
        return x;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<ushort> Quantise8(Vector128<ushort> mn, Vector128<ushort> mx)
    {
        var (a0, a1) = Vector128.Widen(mn);
        var (b0, b1) = Vector128.Widen(mx);
        var lo = Vector256.Create(a0, a1).AsInt32();
        var hi = Vector256.Create(b0, b1).AsInt32();
        var s = hi + lo;
        var num = Vector256.ConvertToSingle((hi - lo) * 510 + s);
        var q = Vector256.ConvertToInt32(Vector256.Floor(num / Vector256.ConvertToSingle(s + s)));
        q = Vector256.AndNot(q, Vector256.Equals(s, Vector256<int>.Zero));
        return Vector128.Narrow(q.GetLower(), q.GetUpper()).AsUInt16();
    }

    /// <summary>round(255·(max − min)/(max + min)), halves up, in integers; 0 when max + min = 0.</summary>
    internal static byte Quantise(int mn, int mx)
    {
        int s = mx + mn;
        return s == 0 ? (byte)0 : (byte)((510 * (mx - mn) + s) / (2 * s));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Take(byte* r, int xl, int x, int xr, ref int mn, ref int mx)
    {
        int p = r[xl], q = r[x], s = r[xr];
        int lo = Math.Min(p, Math.Min(q, s)), hi = Math.Max(p, Math.Max(q, s));
        if (lo < mn) mn = lo;
        if (hi > mx) mx = hi;
    }

    /// <summary>
    /// A stroke scale from the high-contrast mask, after Su, Lu and Tan's 2013 paper ("Robust document image
    /// binarization technique for degraded document images", IEEE TIP 22(4)), which takes the most frequent distance
    /// between adjacent edge pixels along rows as the stroke edge width: here, the most frequent distance (2 to 255;
    /// the smallest on ties) between the starts of consecutive high-contrast runs within a row. 0 when the mask has
    /// no such pair.
    /// </summary>
    public static int EstimateStrokeWidth(Image<byte> mask)
    {
        var hist = new long[256];
        for (int y = 0; y < mask.Height; y++)
        {
            var row = mask.Row(y);
            int last = -1;
            for (int x = 0; x < row.Length; x++)
            {
                if (row[x] == 0 || (x > 0 && row[x - 1] != 0)) continue;
                if (last >= 0 && x - last < 256) hist[x - last]++;
                last = x;
            }
        }
        int best = 0;
        for (int d = 2; d < 256; d++) if (hist[d] > 0 && (best == 0 || hist[d] > hist[best])) best = d;
        return best;
    }
}
