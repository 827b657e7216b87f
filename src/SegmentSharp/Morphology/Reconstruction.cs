using SegmentSharp.Imaging;

namespace SegmentSharp.Morphology;

/// <summary>
/// Grayscale morphological reconstruction and the regional-maxima detectors built on it (Vincent 1993,
/// "Morphological grayscale reconstruction in image analysis: applications and efficient algorithms").
/// Equivalent to scikit-image's <c>skimage.morphology.reconstruction(seed, mask, method='dilation')</c> and
/// <c>h_maxima</c>, with 8-connectivity (a full 3×3 footprint); OpenCV has no counterpart.
/// </summary>
public static class Reconstruction
{
    /// <summary>
    /// Reconstruction by dilation of <paramref name="seed"/> under <paramref name="mask"/>: repeated 3×3 dilations of the
    /// seed, each clipped by the mask, until nothing changes. Uses Vincent's hybrid algorithm: one forward and one backward
    /// raster scan, then a FIFO queue for what the scans could not settle, so the cost is a few passes, not one per level.
    /// </summary>
    /// <param name="seed">Seed image; values above the mask are clipped to it first.</param>
    /// <param name="mask">Mask image of the same size.</param>
    /// <returns>The reconstruction, pointwise between the clipped seed and the mask.</returns>
    public static Image<float> ByDilation(Image<float> seed, Image<float> mask)
    {
        if (seed.Width != mask.Width || seed.Height != mask.Height || seed.Channels != 1 || mask.Channels != 1)
            throw new ArgumentException("Seed and mask must be single-channel images of one size.", nameof(mask));
        int w = mask.Width, h = mask.Height;
        var r = new float[w * h];
        var m = new float[w * h];
        for (int y = 0; y < h; y++)
        {
            seed.ReadOnlyView.Row(y).CopyTo(r.AsSpan(y * w, w));
            mask.ReadOnlyView.Row(y).CopyTo(m.AsSpan(y * w, w));
        }
        for (int i = 0; i < r.Length; i++) r[i] = Math.Min(r[i], m[i]);

        // Forward scan: the already-visited half of the 8-neighbourhood.
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                int i = y * w + x;
                float v = r[i];
                if (x > 0) v = Math.Max(v, r[i - 1]);
                if (y > 0)
                {
                    v = Math.Max(v, r[i - w]);
                    if (x > 0) v = Math.Max(v, r[i - w - 1]);
                    if (x < w - 1) v = Math.Max(v, r[i - w + 1]);
                }
                r[i] = Math.Min(v, m[i]);
            }
        // Backward scan; a pixel whose later neighbour could still grow goes to the queue.
        var queue = new Queue<int>();
        for (int y = h - 1; y >= 0; y--)
            for (int x = w - 1; x >= 0; x--)
            {
                int i = y * w + x;
                float v = r[i];
                if (x < w - 1) v = Math.Max(v, r[i + 1]);
                if (y < h - 1)
                {
                    v = Math.Max(v, r[i + w]);
                    if (x < w - 1) v = Math.Max(v, r[i + w + 1]);
                    if (x > 0) v = Math.Max(v, r[i + w - 1]);
                }
                r[i] = v = Math.Min(v, m[i]);
                bool push = false;
                if (x < w - 1) push |= r[i + 1] < v && r[i + 1] < m[i + 1];
                if (y < h - 1)
                {
                    push |= r[i + w] < v && r[i + w] < m[i + w];
                    if (x < w - 1) push |= r[i + w + 1] < v && r[i + w + 1] < m[i + w + 1];
                    if (x > 0) push |= r[i + w - 1] < v && r[i + w - 1] < m[i + w - 1];
                }
                if (push) queue.Enqueue(i);
            }
        while (queue.Count > 0)
        {
            int i = queue.Dequeue();
            int x = i % w, y = i / w;
            float v = r[i];
            for (int dy = -1; dy <= 1; dy++)
            {
                int yy = y + dy;
                if ((uint)yy >= (uint)h) continue;
                for (int dx = -1; dx <= 1; dx++)
                {
                    int xx = x + dx;
                    if ((dx | dy) == 0 || (uint)xx >= (uint)w) continue;
                    int j = yy * w + xx;
                    if (r[j] < v && r[j] != m[j])
                    {
                        r[j] = Math.Min(v, m[j]);
                        queue.Enqueue(j);
                    }
                }
            }
        }
        var result = new Image<float>(w, h);
        for (int y = 0; y < h; y++) r.AsSpan(y * w, w).CopyTo(result.View.Row(y));
        return result;
    }

    /// <summary>
    /// The h-maxima of <paramref name="image"/>: pixels of every regional maximum whose dynamic (height above the
    /// highest saddle that joins it to a higher maximum) is at least <paramref name="h"/>, marked 255 where
    /// <c>image − ByDilation(image − h, image) ≥ h</c>. Equivalent to <c>skimage.morphology.h_maxima(image, h)</c>
    /// (which returns 1 instead of 255), including its rule that nothing is marked when <paramref name="h"/> exceeds the
    /// image's range. Used to find one seed per object in a distance transform without one global
    /// cut-off, so small and large objects both get a seed.
    /// </summary>
    /// <param name="image">Single-channel float image.</param>
    /// <param name="h">Minimum height of a maximum, &gt; 0.</param>
    public static Image<byte> HMaxima(Image<float> image, float h)
    {
        if (!(h > 0) || float.IsInfinity(h)) throw new ArgumentOutOfRangeException(nameof(h), h, "The height must be positive and finite.");
        float lo = float.PositiveInfinity, hi = float.NegativeInfinity;
        for (int y = 0; y < image.Height; y++)
            foreach (float v in image.ReadOnlyView.Row(y)) { lo = Math.Min(lo, v); hi = Math.Max(hi, v); }
        // No maximum can rise h above anything when the whole range is smaller (scikit-image's rule, which also keeps a
        // flat image from being one big maximum).
        if (h > hi - lo) return new Image<byte>(image.Width, image.Height);
        var shifted = new Image<float>(image.Width, image.Height);
        for (int y = 0; y < image.Height; y++)
        {
            ReadOnlySpan<float> s = image.ReadOnlyView.Row(y);
            Span<float> d = shifted.View.Row(y);
            // As scikit-image: shift a little more than h (twice float's resolution, relative to the value), so that
            // rounding in s − h can never leave a pixel above s − h and hide a dome of exactly h.
            for (int x = 0; x < s.Length; x++) d[x] = s[x] - h - 2e-6f * Math.Abs(s[x]);
        }
        var rec = ByDilation(shifted, image);
        var maxima = new Image<byte>(image.Width, image.Height);
        for (int y = 0; y < image.Height; y++)
        {
            ReadOnlySpan<float> s = image.ReadOnlyView.Row(y), q = rec.ReadOnlyView.Row(y);
            Span<byte> d = maxima.View.Row(y);
            for (int x = 0; x < s.Length; x++) d[x] = (double)s[x] - q[x] >= h ? (byte)255 : (byte)0;
        }
        return maxima;
    }
}
