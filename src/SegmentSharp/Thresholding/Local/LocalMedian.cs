namespace SegmentSharp.Thresholding.Local;

/// <summary>
/// The median rule: T = median of the window − c. The window holds w² samples (reflect-101 borders), an odd count, so
/// the median is the sample of rank ⌊w²/2⌋: the coarse bins find its 16-level segment, the fine bins its level.
/// </summary>
internal readonly unsafe struct MedianKernel(int c) : IHistogramKernel
{
    public static bool WantsBitmap => false;
    public static bool WantsCoarse => true;

    public double Threshold(int* hist, int* coarse, ulong* nonEmpty, long sum, long pop) => Median(hist, coarse, pop) - c;

    internal static int Median(int* hist, int* coarse, long pop)
    {
        long half = pop / 2, below = 0;
        int s = 0;
        while (s < 15 && below + coarse[s] <= half) below += coarse[s++];
        int v = s * 16, end = v + 15;
        while (v < end && below + hist[v] <= half) below += hist[v++];
        return v;
    }
}
