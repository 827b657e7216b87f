using System.Numerics;

namespace SegmentSharp.Thresholding.Local;

/// <summary>
/// Otsu's threshold of a window histogram, computed exactly as scikit-image 0.19's <c>rank.otsu</c> kernel
/// (<c>_kernel_otsu</c> in <c>filters/rank/generic_cy.pyx</c>) does, so the result is equal bit for bit: class sizes
/// and first moments are integers, the between-class term is <c>t²/(q1·(n − q1))</c> with
/// <c>t = (n − q1)·μ1 − (μ − μ1)·q1</c> in float64 (the product <c>(μ − μ1)·q1</c> in integers, as in Cython), empty
/// levels are skipped, the scan stops once the lower class holds every sample, and the first strictly largest term
/// wins (level 0 when none is positive). Only the non-empty levels are visited, found from the bitmap with a
/// trailing-zero count, so a window with few distinct levels costs little.
/// </summary>
internal readonly unsafe struct OtsuKernel : IHistogramKernel
{
    public static bool WantsBitmap => true;
    public static bool WantsCoarse => false;

    public double Threshold(int* hist, int* coarse, ulong* nonEmpty, long sum, long pop)
    {
        if (pop == 0) return 0;
        double n = pop;
        long q1 = hist[0], mu1 = 0;
        double best = 0;
        int bestI = 0;
        for (int wd = 0; wd < 4; wd++)
        {
            ulong b = nonEmpty[wd];
            if (wd == 0) b &= ~1UL;
            while (b != 0)
            {
                int i = wd * 64 + BitOperations.TrailingZeroCount(b);
                b &= b - 1;
                long p = hist[i];
                q1 += p;
                if (q1 == pop) return bestI;
                mu1 += i * p;
                long mu2 = sum - mu1;
                double t = (n - q1) * mu1 - (double)(mu2 * q1);
                double sigma = t * t / (q1 * (n - q1));
                if (sigma > best) { best = sigma; bestI = i; }
            }
        }
        return bestI;
    }
}
