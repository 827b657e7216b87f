using SegmentSharp.Filters;
using SegmentSharp.Imaging;
using SegmentSharp.Thresholding;

namespace SegmentSharp.Enhancement;

/// <summary>
/// The projection-profile skew search behind <see cref="Deskew.EstimateAngle"/> (Postl 1986; Bloomberg, Kopec &amp; Dasari 1995).
/// </summary>
/// <remarks>
/// <para>Steps: (1) block-average the page down so its longer side is at most <see cref="MaxSide"/> pixels, which keeps
/// the search fast and still resolves text lines; (2) find the ink locally: pixels that differ from the mean of their
/// 31×31 window by more than a margin (Otsu's split of those deviations, at least <see cref="MinDeviation"/>), on the
/// darker side unless the brighter side holds more (light text on dark), so uniform areas of any level, such as dark
/// scan borders or the fill left by an earlier rotation, are never ink; a page whose Otsu classes differ by less than
/// <see cref="MinContrast"/> gray levels, or with almost no ink, has no measurable skew and gives 0; (3) for each
/// candidate angle a, accumulate every ink pixel at r = x·sin a + y·cos a into a profile with linear splitting between
/// bins (so the criterion varies smoothly with a), and score the profile by its sum of squares, which peaks when text
/// lines fall onto as few bins as possible; (4) search coarse-to-fine (0.25°, 0.05°, 0.01°) and refine the best step
/// with a parabola through its neighbours.</para>
/// </remarks>
internal static class SkewProfile
{
    public const int MaxSide = 1600;
    public const int MaxPoints = 400_000;
    public const int MinContrast = 24;
    public const int MinInk = 32;
    public const int LocalWindow = 31;
    public const int MinDeviation = 12;

    public static double Estimate(ReadOnlyImageView<byte> gray, double maxAngle)
    {
        if (gray.Width == 0 || gray.Height == 0) return 0;
        int factor = Math.Max(1, (Math.Max(gray.Width, gray.Height) + MaxSide - 1) / MaxSide);
        var small = BlockMean(gray, factor);
        var (xs, ys) = InkPoints(small);
        if (xs.Length < MinInk) return 0;

        double diag = Math.Sqrt((double)small.Width * small.Width + (double)small.Height * small.Height);
        int half = (int)Math.Ceiling(diag / 2) + 2;

        double Score(double deg) => ProfileScore(xs, ys, deg, half);

        // Coarse grid; ties go to the angle nearest 0 so a featureless profile stays unrotated.
        double step = 0.25;
        int n = (int)Math.Floor(maxAngle / step);
        var coarse = new double[2 * n + 1];
        Parallel.For(0, coarse.Length, new ParallelOptions { MaxDegreeOfParallelism = Parallelism.MaxDegreeOfParallelism },
            i => coarse[i] = Score((i - n) * step));
        double lo = coarse.Min(), hi = coarse.Max();
        if (hi - lo <= 1e-9 * Math.Max(1, hi)) return 0;
        int best = n;
        for (int k = 1; k <= n; k++)
            foreach (int i in (ReadOnlySpan<int>)[n + k, n - k])
                if (coarse[i] > coarse[best]) best = i;
        double center = (best - n) * step;

        center = Refine(Score, center, 0.05, 6, maxAngle);
        center = Refine(Score, center, 0.01, 6, maxAngle);

        // Parabola through the best 0.01° step and its neighbours.
        double s0 = Score(center - 0.01), s1 = Score(center), s2 = Score(center + 0.01);
        double den = s0 - 2 * s1 + s2;
        if (den < 0)
        {
            double offset = 0.5 * (s0 - s2) / den;
            if (Math.Abs(offset) <= 1) center += offset * 0.01;
        }
        center = Math.Clamp(center, -maxAngle, maxAngle);
        return Math.Round(center, 3);
    }

    private static double Refine(Func<double, double> score, double center, double step, int radius, double maxAngle)
    {
        var s = new double[2 * radius + 1];
        Parallel.For(0, s.Length, new ParallelOptions { MaxDegreeOfParallelism = Parallelism.MaxDegreeOfParallelism }, i =>
        {
            double a = center + (i - radius) * step;
            s[i] = Math.Abs(a) > maxAngle + 1e-9 ? double.NegativeInfinity : score(a);
        });
        int best = radius;
        for (int i = 0; i < s.Length; i++)
            if (s[i] > s[best]) best = i;
        return center + (best - radius) * step;
    }

    private static double ProfileScore(float[] xs, float[] ys, double degrees, int half)
    {
        double a = degrees * (Math.PI / 180);
        float sin = (float)Math.Sin(a), cos = (float)Math.Cos(a);
        var bins = new float[2 * half + 2];
        for (int i = 0; i < xs.Length; i++)
        {
            float r = xs[i] * sin + ys[i] * cos + half;
            int b = (int)r;
            float frac = r - b;
            bins[b] += 1 - frac;
            bins[b + 1] += frac;
        }
        double sum = 0;
        foreach (float v in bins) sum += (double)v * v;
        return sum;
    }

    /// <summary>
    /// Ink pixel coordinates relative to the image centre, subsampled to at most <see cref="MaxPoints"/>. Ink is what
    /// departs from its neighbourhood: a pixel darker (or, for light-on-dark pages, brighter) than the mean of its
    /// <see cref="LocalWindow"/>² window by more than a margin, so that large uniform areas of any gray (paper, dark scan
    /// borders, the fill of an earlier rotation) never count, whichever global level they have.
    /// </summary>
    private static (float[] Xs, float[] Ys) InkPoints(Image<byte> img)
    {
        Span<long> hist = stackalloc long[256];
        foreach (byte v in img.Data) hist[v]++;
        int t = Threshold.Otsu(hist);
        long nLow = 0, nHigh = 0; double sLow = 0, sHigh = 0;
        for (int v = 0; v < 256; v++)
        {
            if (v <= t) { nLow += hist[v]; sLow += (double)v * hist[v]; }
            else { nHigh += hist[v]; sHigh += (double)v * hist[v]; }
        }
        if (nLow == 0 || nHigh == 0 || sHigh / nHigh - sLow / nLow < MinContrast) return ([], []);

        if (img.Width < 8 || img.Height < 8) return ([], []);
        var mean = BoxFilter.Blur(img, Math.Min(LocalWindow, (Math.Min(img.Width, img.Height) - 1) | 1));
        // The margin: Otsu's split of the absolute deviations from the local mean (noise vs strokes), at least MinDeviation.
        Span<long> devHist = stackalloc long[256];
        long dark = 0, bright = 0;
        for (int y = 0; y < img.Height; y++)
        {
            var row = img.Row(y);
            var m = mean.Row(y);
            for (int x = 0; x < row.Length; x++) devHist[Math.Abs(row[x] - m[x])]++;
        }
        int margin = Math.Max(MinDeviation, Threshold.Otsu(devHist));
        for (int y = 0; y < img.Height; y++)
        {
            var row = img.Row(y);
            var m = mean.Row(y);
            for (int x = 0; x < row.Length; x++)
            {
                int d = row[x] - m[x];
                if (d < -margin) dark++;
                else if (d > margin) bright++;
            }
        }
        // Strokes deviate strongly on their own side; the paper between them only a little on the other.
        bool inkIsDark = dark >= bright;
        long count = inkIsDark ? dark : bright;
        if (count < MinInk) return ([], []);
        int stride = (int)Math.Max(1, (count + MaxPoints - 1) / MaxPoints);
        int cap = (int)Math.Min(count / stride + 1, MaxPoints + 1);
        var xs = new float[cap];
        var ys = new float[cap];
        float cx = (img.Width - 1) / 2f, cy = (img.Height - 1) / 2f;
        int k = 0; long seen = 0;
        for (int y = 0; y < img.Height; y++)
        {
            var row = img.Row(y);
            var m = mean.Row(y);
            for (int x = 0; x < row.Length; x++)
            {
                int d = row[x] - m[x];
                if (!(inkIsDark ? d < -margin : d > margin)) continue;
                if (seen++ % stride != 0 || k == cap) continue;
                xs[k] = x - cx; ys[k] = y - cy; k++;
            }
        }
        return (xs[..k], ys[..k]);
    }

    /// <summary>Mean of each factor×factor block (edge blocks average what they hold).</summary>
    private static Image<byte> BlockMean(ReadOnlyImageView<byte> src, int factor)
    {
        int w = (src.Width + factor - 1) / factor, h = (src.Height + factor - 1) / factor;
        var dst = new Image<byte>(w, h);
        if (factor == 1)
        {
            for (int y = 0; y < h; y++) src.Row(y).CopyTo(dst.Row(y));
            return dst;
        }
        var sums = new long[w];
        var counts = new int[w];
        for (int by = 0; by < h; by++)
        {
            Array.Clear(sums); Array.Clear(counts);
            int y1 = Math.Min(src.Height, (by + 1) * factor);
            for (int y = by * factor; y < y1; y++)
            {
                var row = src.Row(y);
                for (int x = 0; x < row.Length; x++) { sums[x / factor] += row[x]; counts[x / factor]++; }
            }
            var d = dst.Row(by);
            for (int x = 0; x < w; x++) d[x] = (byte)((sums[x] + counts[x] / 2) / counts[x]);
        }
        return dst;
    }
}
