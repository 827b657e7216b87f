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
            var cn = new int[w];
            var c1 = new long[w];
            var c2 = new long[w];
            void AddRow(int y, int sign)
            {
                int r = y * w;
                for (int x = 0; x < w; x++)
                {
                    if (edge[r + x] == 0) continue;
                    int v = img[r + x];
                    cn[x] += sign; c1[x] += sign * v; c2[x] += sign * v * v;
                }
            }
            for (int y = Math.Max(0, y0 - radius); y <= Math.Min(h - 1, y0 + radius - 1); y++) AddRow(y, 1);
            for (int y = y0; y < y1; y++)
            {
                if (y + radius < h) AddRow(y + radius, 1);
                // The band's first window was primed from row y0 − radius, so nothing leaves it yet.
                if (y > y0 && y - radius - 1 >= 0) AddRow(y - radius - 1, -1);
                long n = 0, s1 = 0, s2 = 0;
                for (int x = 0; x < Math.Min(radius, w); x++) { n += cn[x]; s1 += c1[x]; s2 += c2[x]; }
                int row = y * w;
                for (int x = 0; x < w; x++)
                {
                    int xa = x + radius, xr = x - radius - 1;
                    if (xa < w) { n += cn[xa]; s1 += c1[xa]; s2 += c2[xa]; }
                    if (xr >= 0) { n -= cn[xr]; s1 -= c1[xr]; s2 -= c2[xr]; }
                    byte t = Undecided;
                    if (n >= nMin && n > 0)
                    {
                        // v ≤ mean + k·std, without the square root: v·n ≤ s1, or (v·n − s1)² ≤ k²·(n·s2 − s1²).
                        long v = img[row + x];
                        long dv = v * n - s1;
                        t = dv <= 0 || (double)dv * dv <= k2 * Math.Max(0, (double)n * s2 - (double)s1 * s1) ? (byte)1 : (byte)0;
                    }
                    text[row + x] = t;
                }
            }
        });
    }
}
