using System.Runtime.CompilerServices;
using SegmentSharp.Imaging;

namespace SegmentSharp.Thresholding.Document;

/// <summary>
/// The local rule of Su, Lu and Tan (2010, 2013) and Lu, Su and Tan (2010): a pixel is text when its window holds at
/// least <c>nMin</c> stroke-edge pixels and its intensity is at most <c>mean + std/2</c> of the intensities of those
/// edge pixels. Edge pixels straddle the stroke boundaries, so their mean sits between ink and paper, and pixels far from
/// any stroke (too few edges) stay paper. Window sums are streamed with running column sums: O(width) memory, time
/// independent of the window.
/// </summary>
internal static class EdgeVote
{
    /// <summary>Written for pixels whose window holds too few edges to decide.</summary>
    public const byte Undecided = 2;

    // img: intensities, w×h tight; edge: 1 on stroke-edge pixels; text receives 1 for text, 0 for paper.
    public static void Run(byte[] img, byte[] edge, int w, int h, int radius, int nMin, double stdWeight, byte[] text)
    {
        double k2 = stdWeight * stdWeight;
        Parallelism.ForBands(h, w * 8L, (y0, y1) =>
        {
            // Column sums over at most 2·510 + 1 rows: Σv² ≤ 1021·255² fits 32 bits.
            var cn = new int[w];
            var c1 = new int[w];
            var c2 = new int[w];
            for (int y = Math.Max(0, y0 - radius); y <= Math.Min(h - 1, y0 + radius - 1); y++) AddRow(img, edge, y * w, w, 1, cn, c1, c2);
            for (int y = y0; y < y1; y++)
            {
                if (y + radius < h) AddRow(img, edge, (y + radius) * w, w, 1, cn, c1, c2);
                // The band's first window was primed from row y0 − radius, so nothing leaves it yet.
                if (y > y0 && y - radius - 1 >= 0) AddRow(img, edge, (y - radius - 1) * w, w, -1, cn, c1, c2);
                Decide(img, y * w, w, radius, nMin, k2, cn, c1, c2, text);
            }
        });
    }

    /// <summary>Adds (sign 1) or removes (−1) the edge pixels of the row at <paramref name="start"/> to the column sums.</summary>
    private static unsafe void AddRow(byte[] img, byte[] edge, int start, int w, int sign, int[] cn, int[] c1, int[] c2)
    {
        fixed (byte* pv = &img[start])
        fixed (byte* pe = &edge[start])
        fixed (int* n = cn)
        fixed (int* a = c1)
        fixed (int* b = c2)
            Local.MaskedWindowSums.AddMasked(pv, pe, w, sign, n, a, b);
    }

    private static void Decide(byte[] img, int row, int w, int radius, int nMin, double k2, int[] cn, int[] c1, int[] c2, byte[] text)
    {
        long n = 0, s1 = 0, s2 = 0;
        for (int x = 0; x < Math.Min(radius, w); x++) { n += cn[x]; s1 += c1[x]; s2 += c2[x]; }
        // Three stretches so that the middle one, most of the row, tests no window edge.
        int leftEnd = Math.Min(w, radius + 1), rightStart = Math.Max(leftEnd, w - radius);
        for (int x = 0; x < leftEnd; x++)
        {
            int xa = x + radius;
            if (xa < w) { n += cn[xa]; s1 += c1[xa]; s2 += c2[xa]; }
            if (x - radius - 1 >= 0) { n -= cn[x - radius - 1]; s1 -= c1[x - radius - 1]; s2 -= c2[x - radius - 1]; }
            text[row + x] = Vote(img[row + x], n, s1, s2, nMin, k2);
        }
        for (int x = leftEnd; x < rightStart; x++)
        {
            int xa = x + radius, xr = x - radius - 1;
            n += cn[xa] - cn[xr]; s1 += c1[xa] - c1[xr]; s2 += c2[xa] - c2[xr];
            text[row + x] = Vote(img[row + x], n, s1, s2, nMin, k2);
        }
        for (int x = rightStart; x < w; x++)
        {
            int xa = x + radius, xr = x - radius - 1;
            if (xa < w) { n += cn[xa]; s1 += c1[xa]; s2 += c2[xa]; }
            if (xr >= 0) { n -= cn[xr]; s1 -= c1[xr]; s2 -= c2[xr]; }
            text[row + x] = Vote(img[row + x], n, s1, s2, nMin, k2);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static byte Vote(long v, long n, long s1, long s2, int nMin, double k2)
    {
        if (n < nMin || n <= 0) return Undecided;
        // v ≤ mean + k·std, without the square root: v·n ≤ s1, or (v·n − s1)² ≤ k²·(n·s2 − s1²).
        long dv = v * n - s1;
        return dv <= 0 || (double)dv * dv <= k2 * Math.Max(0, (double)n * s2 - (double)s1 * s1) ? (byte)1 : (byte)0;
    }
}
