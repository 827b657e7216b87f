using SegmentSharp.Imaging;

namespace SegmentSharp.Superpixels;

/// <summary>
/// Felzenszwalb–Huttenlocher graph-based segmentation (P. F. Felzenszwalb and D. P. Huttenlocher, "Efficient graph-based
/// image segmentation", IJCV 59(2), 2004) as scikit-image 0.19 defines it in <c>skimage.segmentation.felzenszwalb</c>:
/// the image as float in [0, 1], Gaussian smoothing of every channel (scipy, truncate 4, reflect), 8-connected edges
/// weighted by the Euclidean distance over all channels jointly, edges merged in ascending weight while the weight is
/// below both regions' internal difference plus <c>scale/255 / size</c> (held in single precision, as the Cython code
/// does), then regions under <c>min_size</c> merged along the same edge order. Labels number the regions by their first
/// pixel in raster order, from 0.
/// </summary>
/// <remarks>
/// Edges of equal weight are taken in raster-and-direction order (a stable sort); scikit-image sorts with numpy's
/// unstable quicksort, so where ties decide a merge the two can differ at a few pixels.
/// </remarks>
public static class Felzenszwalb
{
    /// <summary>Segments an 8-bit image (1 channel, or 3/4 channels all used jointly, alpha included as scikit-image does).</summary>
    /// <param name="image">The image; colour order does not matter (the distance is symmetric in the channels).</param>
    /// <param name="scale">Observation level <c>k</c> of the paper; larger gives larger regions (default 1).</param>
    /// <param name="sigma">Gaussian smoothing before the graph is built (default 0.8).</param>
    /// <param name="minSize">Smallest region kept, in pixels (default 20).</param>
    /// <returns>Labels 0..N-1.</returns>
    public static Image<int> Segment(ReadOnlyImageView<byte> image, double scale = 1, double sigma = 0.8, int minSize = 20)
    {
        int w = image.Width, h = image.Height, cn = image.Channels, n = w * h;
        var planes = new double[cn][];
        for (int c = 0; c < cn; c++)
        {
            var p = planes[c] = new double[n];
            for (int y = 0; y < h; y++)
            {
                var row = image.Row(y);
                for (int x = 0; x < w; x++) p[y * w + x] = row[x * cn + c] * (1.0 / 255);
            }
            ScipyGaussian.Filter(p, w, h, sigma);
        }

        // Edge order of the Cython code: right, down, down-right, up-right, each in raster order.
        int m = h * (w - 1) + (h - 1) * w + 2 * (h - 1) * (w - 1);
        var a = new int[m];
        var b = new int[m];
        var cost = new double[m];
        int e = 0;
        void Add(int p, int q)
        {
            double s = 0;
            for (int c = 0; c < cn; c++) { double d = planes[c][p] - planes[c][q]; s += d * d; }
            a[e] = p; b[e] = q; cost[e++] = Math.Sqrt(s);
        }
        for (int y = 0; y < h; y++) for (int x = 1; x < w; x++) Add(y * w + x, y * w + x - 1);
        for (int y = 1; y < h; y++) for (int x = 0; x < w; x++) Add(y * w + x, (y - 1) * w + x);
        for (int y = 1; y < h; y++) for (int x = 1; x < w; x++) Add(y * w + x, (y - 1) * w + x - 1);
        for (int y = 0; y < h - 1; y++) for (int x = 0; x < w - 1; x++) Add(y * w + x + 1, (y + 1) * w + x);

        var order = new int[m];
        for (int i = 0; i < m; i++) order[i] = i;
        var keys = (double[])cost.Clone();
        Array.Sort(keys, order); // introsort is unstable; equal keys are re-sorted by index below
        for (int i = 0; i < m;)
        {
            int j = i + 1;
            while (j < m && keys[j] == keys[i]) j++;
            if (j - i > 1) Array.Sort(order, i, j - i);
            i = j;
        }

        var forest = new int[n];
        for (int i = 0; i < n; i++) forest[i] = i;
        var size = new int[n];
        Array.Fill(size, 1);
        var cint = new double[n];
        double k = scale / 255.0;
        foreach (int q in order)
        {
            int s0 = Root(forest, a[q]), s1 = Root(forest, b[q]);
            if (s0 == s1) continue;
            float inner0 = (float)(cint[s0] + k / size[s0]);
            float inner1 = (float)(cint[s1] + k / size[s1]);
            if (cost[q] < Math.Min(inner0, inner1))
            {
                int r = Join(forest, s0, s1);
                size[r] = size[s0] + size[s1];
                cint[r] = cost[q];
            }
        }
        foreach (int q in order)
        {
            int s0 = Root(forest, a[q]), s1 = Root(forest, b[q]);
            if (s0 == s1) continue;
            if (size[s0] < minSize || size[s1] < minSize)
            {
                int r = Join(forest, s0, s1);
                size[r] = size[s0] + size[s1];
            }
        }

        var labels = new Image<int>(w, h);
        var id = new int[n];
        Array.Fill(id, -1);
        int next = 0;
        for (int i = 0; i < n; i++)
        {
            int r = Root(forest, i);
            if (id[r] < 0) id[r] = next++;
            labels.Data[i] = id[r];
        }
        return labels;
    }

    private static int Root(int[] forest, int i)
    {
        while (forest[i] < i) i = forest[i];
        return i;
    }

    /// <summary>scikit-image's <c>join_trees</c> on two roots: the smaller index becomes the root of both.</summary>
    private static int Join(int[] forest, int r0, int r1)
    {
        int root = Math.Min(r0, r1);
        forest[r0] = root;
        forest[r1] = root;
        return root;
    }
}
