namespace SegmentSharp.Thresholding.Local;

/// <summary>
/// Index mapping of numpy's <c>np.pad(mode='reflect')</c>, which is OpenCV's <c>BORDER_REFLECT_101</c>
/// (<c>dcb|abcd|cba</c>, edge sample not repeated) continued periodically: numpy pads a window wider than the
/// image by reflecting again and again, which is the same as this mapping with period <c>2(n − 1)</c>.
/// scikit-image's <c>threshold_niblack</c>/<c>threshold_sauvola</c> pad with it, so we do too.
/// </summary>
internal static class Reflect101
{
    /// <summary>Maps any position (far outside too) to a sample index in <c>[0, n)</c>; a length-1 axis maps to 0.</summary>
    public static int Map(long i, int n)
    {
        if (n == 1) return 0;
        long p = 2L * (n - 1);
        long j = i % p;
        if (j < 0) j += p;
        return (int)(j >= n ? p - j : j);
    }

    /// <summary>The reflection period along an axis of length <paramref name="n"/> (0 for a single sample).</summary>
    public static long Period(int n) => 2L * (n - 1);

    /// <summary>
    /// How often each sample occurs among the positions <c>[first, first + length)</c>. Any run of one full period
    /// holds both end samples once and every inner sample twice, so only the remainder needs a loop.
    /// </summary>
    public static long[] Counts(long first, long length, int n)
    {
        var cnt = new long[n];
        if (n == 1) { cnt[0] = length; return cnt; }
        long p = Period(n);
        long q = length / p, rem = length % p;
        for (int i = 0; i < n; i++) cnt[i] = i == 0 || i == n - 1 ? q : 2 * q;
        for (long t = 0; t < rem; t++) cnt[Map(first + t, n)]++;
        return cnt;
    }
}
