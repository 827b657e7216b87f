using SegmentSharp.Imaging;

namespace SegmentSharp.Superpixels;

/// <summary>
/// SLIC superpixels (R. Achanta, A. Shaji, K. Smith, A. Lucchi, P. Fua and S. Süsstrunk, "SLIC superpixels compared to
/// state-of-the-art superpixel methods", IEEE TPAMI 34(11), 2012), and its zero-parameter variant SLICO, as scikit-image
/// 0.19 defines them in <c>skimage.segmentation.slic</c>: the image as float, rescaled so its minimum is 0 and maximum 1,
/// colour converted to float CIE Lab (sRGB, D65), optional Gaussian smoothing (scipy, reflect), k-means restricted to a
/// window of two grid steps around each centre, then small or disconnected pieces relabelled to a neighbour.
/// </summary>
/// <remarks>
/// The steps of the Cython code are kept, including its quirks, because they decide labels: centres start with colour 0,
/// a pixel outside every window keeps its previous label, and the connectivity pass caps a region at
/// <c>max_size_factor</c> times the mean size and hands a small region with no labelled neighbour its own label again.
/// There is no mask (maskSLIC) and no anisotropic spacing.
/// </remarks>
public static class Slic
{
    /// <summary>Segments an 8-bit image: 3 channels in BGR order (converted to Lab by default) or 1 gray channel.</summary>
    /// <param name="image">BGR or gray image.</param>
    /// <param name="nSegments">Approximate number of superpixels (scikit-image <c>n_segments</c>, default 100).</param>
    /// <param name="compactness">Weight of space against colour; higher gives squarer superpixels (default 10).</param>
    /// <param name="maxIter">k-means iterations (<c>max_iter</c>, later <c>max_num_iter</c>, default 10).</param>
    /// <param name="sigma">Gaussian smoothing before clustering; 0 disables it (default 0).</param>
    /// <param name="convertToLab">Cluster in Lab rather than RGB; only for colour images (default true).</param>
    /// <param name="enforceConnectivity">Relabel small and disconnected pieces (default true).</param>
    /// <param name="minSizeFactor">Pieces under this fraction of the mean superpixel size are merged (default 0.5).</param>
    /// <param name="maxSizeFactor">Cap on a region's size as a multiple of the mean size (default 3).</param>
    /// <param name="slicZero">SLICO: colour distances divided by each centre's largest one so far.</param>
    /// <param name="startLabel">First label, 0 or 1 (default 1, as in scikit-image 0.19).</param>
    /// <returns>Labels from <paramref name="startLabel"/> on.</returns>
    public static Image<int> Segment(ReadOnlyImageView<byte> image, int nSegments = 100, double compactness = 10,
        int maxIter = 10, double sigma = 0, bool convertToLab = true, bool enforceConnectivity = true,
        double minSizeFactor = 0.5, double maxSizeFactor = 3, bool slicZero = false, int startLabel = 1)
    {
        int w = image.Width, h = image.Height, cn = image.Channels, n = w * h;
        if (cn != 1 && cn != 3) throw new ArgumentException("SLIC takes a 1-channel or 3-channel image.", nameof(image));
        if (startLabel is not (0 or 1)) throw new ArgumentOutOfRangeException(nameof(startLabel), "start label must be 0 or 1");
        if (nSegments < 1) throw new ArgumentOutOfRangeException(nameof(nSegments));
        if (!(compactness > 0)) throw new ArgumentOutOfRangeException(nameof(compactness));
        if (sigma < 0) throw new ArgumentOutOfRangeException(nameof(sigma));
        if (maxIter < 0) throw new ArgumentOutOfRangeException(nameof(maxIter));

        var planes = Features(image, convertToLab);
        if (sigma > 0)
        {
            var kernel = ScipyGaussian.Kernel(sigma);
            foreach (var p in planes)
            {
                DepthPass(p, kernel);
                ScipyGaussian.Filter(p, w, h, sigma);
            }
        }
        double ratio = 1.0 / compactness;
        var feat = new double[n * cn];
        for (int c = 0; c < cn; c++)
        {
            var p = planes[c];
            for (int i = 0; i < n; i++) feat[i * cn + c] = p[i] * ratio;
        }

        var (start, gridStep, size) = SlicGrid.Compute([1, h, w], nSegments);
        int rows = (h - start[1] + gridStep[1] - 1) / gridStep[1], cols = (w - start[2] + gridStep[2] - 1) / gridStep[2];
        int k0 = rows * cols;
        // Centres start at grid points with colour 0 (not the pixel's colour), as scikit-image seeds them.
        var centres = new double[k0 * (2 + cn)];
        for (int i = 0; i < k0; i++)
        {
            centres[i * (2 + cn)] = start[1] + i / cols * gridStep[1];
            centres[i * (2 + cn) + 1] = start[2] + i % cols * gridStep[2];
        }
        float step = (float)Math.Max(size[0], Math.Max(size[1], size[2]));

        var labels = Cluster(feat, w, h, cn, centres, k0, step, maxIter, slicZero, startLabel);
        if (enforceConnectivity)
        {
            double segmentSize = (double)n / k0;
            labels = EnforceConnectivity(labels, w, h, (long)(minSizeFactor * segmentSize), (long)(maxSizeFactor * segmentSize), startLabel);
        }
        var result = new Image<int>(w, h);
        labels.CopyTo(result.Data, 0);
        return result;
    }

    /// <summary>img_as_float, the joint min-max rescale over all channels, then Lab; one plane per channel (RGB order).</summary>
    private static double[][] Features(ReadOnlyImageView<byte> image, bool convertToLab)
    {
        int w = image.Width, h = image.Height, cn = image.Channels, n = w * h;
        // An 8-bit image has at most 256 values, all rescaled by the same min and max, so the per-value float work
        // (including the sRGB curve) is tabulated once; each entry is computed exactly as numpy computes every pixel.
        int lo = 255, hi = 0;
        for (int y = 0; y < h; y++)
            foreach (byte v in image.Row(y)) { lo = Math.Min(lo, v); hi = Math.Max(hi, v); }
        double min = lo * (1.0 / 255), range = hi * (1.0 / 255) - min;
        bool lab = cn == 3 && convertToLab;
        var table = new double[256];
        for (int v = 0; v < 256; v++)
        {
            double f = v * (1.0 / 255) - min;
            if (range != 0) f /= range;
            table[v] = lab ? SkimageLab.Linear(f) : f;
        }
        var planes = new double[cn][];
        for (int c = 0; c < cn; c++) planes[c] = new double[n];
        for (int y = 0; y < h; y++)
        {
            var row = image.Row(y);
            for (int x = 0; x < w; x++)
                for (int c = 0; c < cn; c++) planes[c][y * w + x] = table[row[x * cn + (cn - 1 - c)]]; // BGR in, RGB planes out
        }
        if (lab)
            for (int i = 0; i < n; i++)
            {
                SkimageLab.FromLinearRgb(planes[0][i], planes[1][i], planes[2][i], out double l, out double a, out double b);
                planes[0][i] = l; planes[1][i] = a; planes[2][i] = b;
            }
        return planes;
    }

    /// <summary>
    /// scikit-image smooths the length-1 depth axis too; with reflect padding every tap sees the pixel itself, so the
    /// pass is the pixel times the kernel sum as scipy accumulates it, which can move it by an ulp.
    /// </summary>
    private static void DepthPass(double[] plane, double[] kernel)
    {
        int r = kernel.Length / 2;
        for (int i = 0; i < plane.Length; i++)
        {
            double v = plane[i], acc = v * kernel[r];
            for (int j = -r; j < 0; j++) acc += (v + v) * kernel[r + j];
            plane[i] = acc;
        }
    }

    private static int[] Cluster(double[] feat, int w, int h, int cn, double[] centres, int count, float step,
        int maxIter, bool slicZero, int startLabel)
    {
        int n = w * h, stride = 2 + cn;
        // The Cython code takes its window size from a second regular grid built for the number of centres placed.
        var (_, winStep, _) = SlicGrid.Compute([1, h, w], count);
        int stepY = winStep[1], stepX = winStep[2];
        var nearest = new int[n];
        Array.Fill(nearest, startLabel - 1);
        var distance = new double[n];
        var members = new long[count];
        var maxColour = new double[count];
        Array.Fill(maxColour, 1.0);
        double spatialWeight = 1.0 / (step * step);
        for (int iter = 0; iter < maxIter; iter++)
        {
            bool change = false;
            Array.Fill(distance, double.MaxValue);
            for (int k = 0; k < count; k++)
            {
                int o = k * stride;
                double cy = centres[o], cx = centres[o + 1];
                if (double.IsNaN(cy) || double.IsNaN(cx)) continue; // an emptied centre (0/0) matches nothing
                long y0 = (long)Math.Max(cy - 2 * stepY, 0), y1 = (long)Math.Min(cy + 2 * stepY + 1, h);
                long x0 = (long)Math.Max(cx - 2 * stepX, 0), x1 = (long)Math.Min(cx + 2 * stepX + 1, w);
                var colourCentre = centres.AsSpan(o + 2, cn);
                for (long y = y0; y < y1; y++)
                {
                    double dy = cy - y;
                    dy *= dy;
                    int row = (int)y * w;
                    change |= ScanRow(feat.AsSpan(row * cn, w * cn), distance.AsSpan(row, w), nearest.AsSpan(row, w), (int)x0, (int)x1,
                        cx, dy, spatialWeight, colourCentre, slicZero ? maxColour[k] : 0, k + startLabel);
                }
            }
            if (!change) break;

            Array.Clear(members);
            Array.Clear(centres);
            for (int y = 0; y < h; y++)
                for (int x = 0; x < w; x++)
                {
                    int k = nearest[y * w + x] - startLabel;
                    if (k < 0) continue;
                    int o = k * stride;
                    members[k]++;
                    centres[o] += y;
                    centres[o + 1] += x;
                    for (int c = 0; c < cn; c++) centres[o + 2 + c] += feat[(y * w + x) * cn + c];
                }
            for (int k = 0; k < count; k++)
                for (int c = 0; c < stride; c++) centres[k * stride + c] /= members[k];
            if (slicZero)
                for (int p = 0; p < n; p++)
                {
                    int k = nearest[p] - startLabel;
                    if (k < 0) continue;
                    double colour = 0;
                    for (int c = 0; c < cn; c++)
                    {
                        double t = feat[p * cn + c] - centres[k * stride + 2 + c];
                        colour += t * t;
                    }
                    if (maxColour[k] < colour) maxColour[k] = colour;
                }
        }
        return nearest;
    }

    /// <summary>
    /// One row of a centre's search window: pixels closer to this centre than to any seen so far take its label. The sums
    /// run in the Cython order (y² + x², times the spatial weight, plus the colour terms channel by channel), and a
    /// <paramref name="zeroScale"/> above 0 divides the colour term as SLICO does.
    /// </summary>
    private static bool ScanRow(ReadOnlySpan<double> feat, Span<double> distance, Span<int> nearest, int x0, int x1, double cx,
        double dy, double spatialWeight, ReadOnlySpan<double> centre, double zeroScale, int label)
    {
        bool change = false;
        if (centre.Length == 3)
        {
            double c0 = centre[0], c1 = centre[1], c2 = centre[2];
            for (int x = x0; x < x1; x++)
            {
                double dx = cx - x;
                dx *= dx;
                double d = (dy + dx) * spatialWeight;
                double t0 = feat[3 * x] - c0, t1 = feat[3 * x + 1] - c1, t2 = feat[3 * x + 2] - c2;
                double colour = t0 * t0 + t1 * t1 + t2 * t2;
                if (zeroScale > 0) colour /= zeroScale;
                d += colour;
                if (distance[x] > d) { nearest[x] = label; distance[x] = d; change = true; }
            }
            return change;
        }
        for (int x = x0; x < x1; x++)
        {
            double dx = cx - x;
            dx *= dx;
            double d = (dy + dx) * spatialWeight;
            double colour = 0;
            for (int c = 0; c < centre.Length; c++)
            {
                double t = feat[x * centre.Length + c] - centre[c];
                colour += t * t;
            }
            if (zeroScale > 0) colour /= zeroScale;
            d += colour;
            if (distance[x] > d) { nearest[x] = label; distance[x] = d; change = true; }
        }
        return change;
    }

    /// <summary>
    /// Breadth-first relabelling in raster order (4-neighbours: right, left, down, up). A region is cut at
    /// <paramref name="maxSize"/> pixels; one under <paramref name="minSize"/> takes the label of the last labelled
    /// neighbour seen, or its own new label if it has none (which the next region then reuses).
    /// </summary>
    private static int[] EnforceConnectivity(int[] segments, int w, int h, long minSize, long maxSize, int startLabel)
    {
        int n = w * h, unset = startLabel - 1;
        var result = new int[n];
        Array.Fill(result, unset);
        var queue = new int[Math.Max(1, Math.Min(maxSize, n))];
        int next = startLabel;
        for (int p0 = 0; p0 < n; p0++)
        {
            if (segments[p0] == unset || result[p0] > unset) continue;
            int adjacent = next, label = segments[p0];
            result[p0] = next;
            int size = 1, visited = 0;
            queue[0] = p0;
            while (visited < size && size < maxSize)
            {
                int p = queue[visited], y = p / w, x = p - y * w;
                for (int i = 0; i < 4; i++)
                {
                    int xx = x, yy = y;
                    switch (i)
                    {
                        case 0: xx++; break;
                        case 1: xx--; break;
                        case 2: yy++; break;
                        default: yy--; break;
                    }
                    if ((uint)xx >= (uint)w || (uint)yy >= (uint)h) continue;
                    int q = yy * w + xx;
                    if (segments[q] == label && result[q] == unset)
                    {
                        result[q] = next;
                        queue[size++] = q;
                        if (size >= maxSize) break;
                    }
                    else if (result[q] > unset && result[q] != next)
                    {
                        adjacent = result[q];
                    }
                }
                visited++;
            }
            if (size < minSize)
                for (int i = 0; i < size; i++) result[queue[i]] = adjacent;
            else
                next++;
        }
        return result;
    }
}
