namespace SegmentSharp.Thresholding.Global;

/// <summary>
/// Shared helpers for the ImageJ-compatible histogram thresholds (ImageJ 1.53 <c>ij.process.AutoThresholder</c>,
/// itself G. Landini's Auto_Threshold collection). Every method takes a 256-bin histogram whose bin <c>i</c>
/// counts gray level <c>i</c> and returns ImageJ's level: ImageJ's "dark background" selection is
/// <c>[level + 1, 255]</c>, which is our convention, foreground = <c>pixel &gt; level</c>.
/// </summary>
internal static partial class ImageJMethods
{
    /// <summary>Converts the counts to ImageJ's 32-bit <c>int[]</c> form (counts beyond int range wrap, as they would in ImageJ).</summary>
    internal static int[] ToInt(ReadOnlySpan<long> hist)
    {
        var data = new int[256];
        for (int i = 0; i < 256; i++) data[i] = unchecked((int)hist[i]);
        return data;
    }

    /// <summary>Bin counts divided by the total (NaN for an empty histogram, as in ImageJ).</summary>
    private static double[] Normalize(int[] data)
    {
        double total = 0;
        for (int i = 0; i < 256; i++) total += data[i];
        var p = new double[256];
        for (int i = 0; i < 256; i++) p[i] = data[i] / total;
        return p;
    }

    /// <summary>Running sum of <paramref name="p"/> accumulated from bin 0 upwards (the order ImageJ sums in).</summary>
    private static double[] Cumulative(double[] p)
    {
        var c = new double[256];
        c[0] = p[0];
        for (int i = 1; i < 256; i++) c[i] = c[i - 1] + p[i];
        return c;
    }

    /// <summary>
    /// The entropy methods' search range: first bin whose cumulative mass is not ~0 and last bin whose
    /// remaining mass 1 − P1 is not ~0 (DBL_EPSILON test; defaults 0 and 255).
    /// </summary>
    private static (int First, int Last) MassRange(double[] p1, double[] p2)
    {
        const double eps = 2.220446049250313E-16;
        int first = 0, last = 255;
        for (int i = 0; i < 256; i++)
            if (!(Math.Abs(p1[i]) < eps)) { first = i; break; }
        for (int i = 255; i >= first; i--)
            if (!(Math.Abs(p2[i]) < eps)) { last = i; break; }
        return (first, last);
    }

    /// <summary>Java's <c>Math.round(double)</c> (floor(x + 0.5)), which the isodata variants rely on.</summary>
    private static long JavaRound(double x) => (long)Math.Floor(x + 0.5);
}
