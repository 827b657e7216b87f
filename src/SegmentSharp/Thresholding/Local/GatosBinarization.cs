using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using SegmentSharp.Imaging;

namespace SegmentSharp.Thresholding.Local;

/// <summary>
/// Gatos, Pratikakis and Perantonis (2006): Wiener pre-filter, Sauvola seed, background surface from the seed's
/// paper pixels, and the paper's distance threshold. Full-size buffers: the filtered image and the seed mask (bytes);
/// the background surface is recomputed in the second pass instead of being stored.
/// </summary>
internal static unsafe class GatosBinarization
{
    /// <summary>Sauvola's k for the seed, as in the paper.</summary>
    public const double SeedK = 0.2;

    public static Image<byte> Run(ReadOnlyImageView<byte> src, int window, double q, double p1, double p2)
    {
        ImageGuard.SingleChannel(src, nameof(src));
        if (window != 0) SlidingHistogram.CheckWindow(window);
        if (!(q > 0) || double.IsInfinity(q)) throw new ArgumentOutOfRangeException(nameof(q), q, "q must be a positive number.");
        if (!(p1 >= 0 && p1 < 1)) throw new ArgumentOutOfRangeException(nameof(p1), p1, "p1 must be in [0, 1).");
        if (!(p2 >= 0 && p2 <= 1)) throw new ArgumentOutOfRangeException(nameof(p2), p2, "p2 must be in [0, 1].");
        int w = src.Width, h = src.Height;
        var filtered = Wiener(src);
        if (window == 0) window = AutoWindow(filtered);
        var seed = LocalThreshold.Sauvola(filtered, window, SeedK);   // 255 paper, 0 text
        var result = new Image<byte>(w, h);
        fixed (byte* pf = filtered.Data)
        fixed (byte* ps = seed.Data)
        fixed (byte* pr = result.Data)
        {
            var img = new LocalPlane(pf, w, h, w);
            var paper = new LocalPlane(ps, w, h, w);
            int r = window / 2, minRows = Math.Max(16, Math.Min(4 * window, 1024));

            // b: mean of the paper pixels (where B = I); fallback surface value where a window holds no paper.
            long paperCount = 0, paperSum = 0;
            for (int y = 0; y < h; y++)
            {
                var (c, t) = SelectedSum(img.Row(y), paper.Row(y), w);
                paperCount += c;
                paperSum += t;
            }
            if (paperCount == 0) return seed;   // the seed found no paper at all: nothing to estimate a background from
            double b = (double)paperSum / paperCount;

            // δ: mean of B − I over the seed's text pixels. Per-row partial sums, added in row order, keep the result
            // independent of the band split.
            var rowDist = new double[h];
            var rowText = new long[h];
            Parallelism.ForBands(h, (long)w * 8, (y0, y1) =>
            {
                var sums = new MaskedWindowSums(img, paper, r, squares: false);
                for (int y = y0; y < y1; y++)
                {
                    sums.Row(y);
                    byte* f = img.Row(y), s = paper.Row(y);
                    double acc = 0;
                    long n = 0;
                    for (int x = 0; x < w; x++)
                    {
                        if (s[x] != 0) continue;
                        acc += Background(sums.Count[x], sums.Sum[x], b) - f[x];
                        n++;
                    }
                    rowDist[y] = acc; rowText[y] = n;
                }
            }, minRows);
            double dist = 0;
            long text = 0;
            for (int y = 0; y < h; y++) { dist += rowDist[y]; text += rowText[y]; }
            double delta = text > 0 ? dist / text : 0;

            var rule = new Rule(q, p1, p2, delta, b);
            // On the seed's paper B = I, so the decision depends on the level alone: one table instead of an
            // exponential per pixel.
            var paperText = new bool[256];
            for (int v = 0; v < 256; v++) paperText[v] = rule.IsText(v, v);
            nint rp = (nint)pr;
            Parallelism.ForBands(h, (long)w * 8, (y0, y1) =>
            {
                var sums = new MaskedWindowSums(img, paper, r, squares: false);
                for (int y = y0; y < y1; y++)
                {
                    sums.Row(y);
                    byte* f = img.Row(y), s = paper.Row(y), d = (byte*)rp + (long)y * w;
                    for (int x = 0; x < w; x++)
                    {
                        bool isText = s[x] != 0 ? paperText[f[x]] : rule.IsText(Background(sums.Count[x], sums.Sum[x], b), f[x]);
                        d[x] = isText ? (byte)0 : (byte)255;
                    }
                }
            }, minRows);
        }
        return result;
    }

    /// <summary>How many mask bytes of the row are non-zero, and the sum of the values under them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static (long Count, long Sum) SelectedSum(byte* values, byte* mask, int w)
    {
        long count = 0, sum = 0;
        int x = 0;
        if (Avx2.IsSupported)
        {
            var cnt = Vector256<ulong>.Zero;
            var tot = Vector256<ulong>.Zero;
            var one = Vector256.Create((byte)1);
            for (; x <= w - 32; x += 32)
            {
                var sel = ~Vector256.Equals(Vector256.Load(mask + x), Vector256<byte>.Zero);
                // Sums of absolute differences against zero add up the selected bytes eight at a time.
                tot += Avx2.SumAbsoluteDifferences(Vector256.Load(values + x) & sel, Vector256<byte>.Zero).AsUInt64();
                cnt += Avx2.SumAbsoluteDifferences(one & sel, Vector256<byte>.Zero).AsUInt64();
            }
            count = (long)Vector256.Sum(cnt);
            sum = (long)Vector256.Sum(tot);
        }
        var (c, t) = SelectedSumScalar(values + x, mask + x, w - x);
        return (count + c, sum + t);
    }

    /// <summary>The scalar twin of <see cref="SelectedSum"/>.</summary>
    internal static (long Count, long Sum) SelectedSumScalar(byte* values, byte* mask, int w)
    {
        long count = 0, sum = 0;
        for (int x = 0; x < w; x++) if (mask[x] != 0) { count++; sum += values[x]; }
        return (count, sum);
    }

    /// <summary>The background surface at a seed-text pixel: the mean of the window's paper pixels, or b when the
    /// window holds none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Background(long paperCount, long paperSum, double b) => paperCount > 0 ? (double)paperSum / paperCount : b;

    /// <summary>The paper's final rule: text where <c>B − I &gt; d(B)</c>, with
    /// <c>d(B) = q·δ·((1 − p2)/(1 + exp(−4B/(b(1 − p1)) + 2(1 + p1)/(1 − p1))) + p2)</c>.</summary>
    internal readonly struct Rule(double q, double p1, double p2, double delta, double b)
    {
        public bool IsText(double background, int pixel) => background - pixel > D(background);

        public double D(double background) =>
            q * delta * ((1 - p2) / (1 + Math.Exp(-4 * background / (b * (1 - p1)) + 2 * (1 + p1) / (1 - p1))) + p2);
    }

    /// <summary>Window for 0: 8 stroke scales (a character is several strokes tall and the paper's windows must hold
    /// paper beside every character), odd, clamped to 15…255.</summary>
    internal static int AutoWindow(Image<byte> filtered)
    {
        int sw;
        fixed (byte* p = filtered.Data)
            sw = ContrastImage.EstimateStrokeWidth(ContrastImage.HighContrastMask(new LocalPlane(p, filtered.Width, filtered.Height, filtered.Width)));
        return sw <= 0 ? 31 : Math.Clamp(8 * sw + 1, 15, 255) | 1;
    }

    /// <summary>
    /// The paper's pre-filter, an adaptive Wiener filter over 3×3 neighbourhoods (Lee 1980; MATLAB's <c>wiener2</c>):
    /// <c>I = μ + max(σ² − ν², 0)/max(σ², ν²)·(I_s − μ)</c>, with local mean μ and population variance σ²
    /// (reflect-101 borders) and the noise power ν² the mean of all local variances; rounded half up to 8 bits.
    /// The variances are kept as exact integers (81σ² = 9Σp² − (Σp)²), so ν² does not depend on summation order.
    /// </summary>
    internal static Image<byte> Wiener(ReadOnlyImageView<byte> src)
    {
        int w = src.Width, h = src.Height;
        var dst = new Image<byte>(w, h);
        fixed (byte* ps = src.Data)
        fixed (byte* pd = dst.Data)
        {
            var plane = new LocalPlane(ps, w, h, src.Stride);
            var rowVar = new long[h];
            ForColumnSums(plane, (y, cs, cq) => rowVar[y] = WienerRows.VarianceSum(cs, cq, w));
            long total = 0;
            foreach (long v in rowVar) total += v;
            double noise = total / (81.0 * w * h);
            nint dp = (nint)pd;
            ForColumnSums(plane, (y, cs, cq) => WienerRows.Filter(plane.Row(y), cs, cq, w, noise, (byte*)dp + (long)y * w));
        }
        return dst;
    }

    private delegate void ColumnSumsRow(int y, int* cs, int* cq);

    /// <summary>Runs <paramref name="row"/> on every row with <see cref="ColumnSums3"/>'s sums, in parallel bands.</summary>
    private static void ForColumnSums(LocalPlane plane, ColumnSumsRow row)
    {
        int w = plane.Width;
        Parallelism.ForBands(plane.Height, (long)w * 18, (y0, y1) =>
        {
            var cs = new int[w];
            var cq = new int[w];
            fixed (int* a = cs)
            fixed (int* b = cq)
                for (int y = y0; y < y1; y++)
                {
                    ColumnSums3(plane, y, a, b);
                    row(y, a, b);
                }
        });
    }

    /// <summary>One output of <see cref="Wiener"/> from the 3×3 sums.</summary>
    internal static byte WienerPixel(int pixel, long sum, long sumSq, double noise)
    {
        double mean = sum / 9.0, variance = (9 * sumSq - sum * sum) / 81.0;
        double gain = Math.Max(variance - noise, 0) / Math.Max(variance, noise);
        double v = mean + (double.IsNaN(gain) ? 0 : gain) * (pixel - mean);
        return (byte)Math.Clamp(Math.Floor(v + 0.5), 0, 255);
    }

    /// <summary>Σp and Σp² down each column of the 3 rows around <paramref name="y"/> (reflect-101), shared by the
    /// three neighbourhoods that contain the column.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ColumnSums3(LocalPlane p, int y, int* cs, int* cq)
    {
        int h = p.Height, w = p.Width, x = 0;
        byte* a = p.Row(Reflect101.Map(y - 1, h)), b = p.Row(y), c = p.Row(Reflect101.Map(y + 1, h));
        if (Avx2.IsSupported)
            for (; x <= w - 8; x += 8)
            {
                var u = Avx2.ConvertToVector256Int32(a + x);
                var v = Avx2.ConvertToVector256Int32(b + x);
                var t = Avx2.ConvertToVector256Int32(c + x);
                (u + v + t).Store(cs + x);
                (u * u + v * v + t * t).Store(cq + x);
            }
        for (; x < w; x++)
        {
            int u = a[x], v = b[x], t = c[x];
            cs[x] = u + v + t;
            cq[x] = u * u + v * v + t * t;
        }
    }

    /// <summary>The 3×3 sums of one pixel read directly (the reference the row loops are tested against).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static (long Sum, long SumSq) Sums3(LocalPlane p, int x, int y)
    {
        int w = p.Width, h = p.Height;
        int xl = x == 0 ? Reflect101.Map(-1, w) : x - 1, xr = x == w - 1 ? Reflect101.Map(w, w) : x + 1;
        long s = 0, q = 0;
        for (int dy = -1; dy <= 1; dy++)
        {
            byte* r = p.Row(dy == 0 ? y : Reflect101.Map(y + dy, h));
            int a = r[xl], b = r[x], c = r[xr];
            s += a + b + c;
            q += a * a + b * b + c * c;
        }
        return (s, q);
    }
}
