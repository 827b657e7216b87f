using SegmentSharp.Imaging;

namespace SegmentSharp.Thresholding.Document;

/// <summary>
/// The paper surface under the text, in the spirit of Gatos, Pratikakis and Perantonis (2006), "Adaptive degraded
/// document image binarization", Pattern Recognition 39(3): the page is averaged over the pixels a preliminary
/// binarization calls paper, and the holes that the text leaves are filled from the surrounding paper. To stay cheap
/// and smooth, the averaging runs on a grid of <c>cell × cell</c> blocks (one value per block), the holes are filled by
/// repeated 3×3 averaging of known neighbours, and the grid is interpolated bilinearly back to full size.
/// </summary>
internal static class BackgroundSurface
{
    // img: intensities (w×h, tight); text: nonzero where a preliminary binarization found text, excluded from the
    // average; cell: block size ≥ 1; bg receives the surface.
    public static void Estimate(byte[] img, byte[] text, int w, int h, int cell, byte[] bg)
    {
        int gw = (w + cell - 1) / cell, gh = (h + cell - 1) / cell;
        var sum = new long[gw * gh];
        var cnt = new int[gw * gh];
        for (int y = 0; y < h; y++)
        {
            int g0 = y / cell * gw, r = y * w;
            for (int gx = 0, x0 = 0; gx < gw; gx++, x0 += cell)
            {
                int x1 = Math.Min(x0 + cell, w);
                long s = 0; int c = 0;
                for (int i = r + x0; i < r + x1; i++)
                    if (text[i] == 0) { s += img[i]; c++; }
                sum[g0 + gx] += s;
                cnt[g0 + gx] += c;
            }
        }
        var val = new float[gw * gh];
        var known = new bool[gw * gh];
        int unknown = 0;
        for (int i = 0; i < val.Length; i++)
        {
            // A block needs a fair share of paper pixels, so that stroke borders the preliminary mask missed do not
            // darken it.
            int area = cell * cell;
            if (cnt[i] > 0 && cnt[i] * 4 >= Math.Min(area, BlockArea(i, gw, w, h, cell)))
            {
                val[i] = (float)((double)sum[i] / cnt[i]);
                known[i] = true;
            }
            else unknown++;
        }
        if (unknown == val.Length)
        {
            // No paper seen at all: fall back to the plain block means.
            for (int i = 0; i < val.Length; i++) { val[i] = cnt[i] > 0 ? (float)((double)sum[i] / cnt[i]) : 255; known[i] = true; }
            unknown = 0;
        }
        FillHoles(val, known, gw, gh, unknown);
        Smooth(val, gw, gh);
        Upsample(val, gw, gh, cell, w, h, bg);
    }

    private static int BlockArea(int i, int gw, int w, int h, int cell)
    {
        int gx = i % gw, gy = i / gw;
        return Math.Min(cell, w - gx * cell) * Math.Min(cell, h - gy * cell);
    }

    private static void FillHoles(float[] val, bool[] known, int gw, int gh, int unknown)
    {
        var next = new List<int>();
        var nv = new List<float>();
        while (unknown > 0)
        {
            next.Clear(); nv.Clear();
            for (int y = 0; y < gh; y++)
                for (int x = 0; x < gw; x++)
                {
                    int i = y * gw + x;
                    if (known[i]) continue;
                    double s = 0; int c = 0;
                    for (int dy = -1; dy <= 1; dy++)
                    {
                        int yy = y + dy;
                        if ((uint)yy >= (uint)gh) continue;
                        for (int dx = -1; dx <= 1; dx++)
                        {
                            int xx = x + dx;
                            if ((uint)xx >= (uint)gw || !known[yy * gw + xx]) continue;
                            s += val[yy * gw + xx]; c++;
                        }
                    }
                    if (c > 0) { next.Add(i); nv.Add((float)(s / c)); }
                }
            for (int k = 0; k < next.Count; k++) { val[next[k]] = nv[k]; known[next[k]] = true; }
            unknown -= next.Count;
        }
    }

    private static void Smooth(float[] val, int gw, int gh)
    {
        var tmp = new float[val.Length];
        for (int y = 0; y < gh; y++)
            for (int x = 0; x < gw; x++)
            {
                double s = 0; int c = 0;
                for (int dy = -1; dy <= 1; dy++)
                {
                    int yy = y + dy;
                    if ((uint)yy >= (uint)gh) continue;
                    for (int dx = -1; dx <= 1; dx++)
                    {
                        int xx = x + dx;
                        if ((uint)xx >= (uint)gw) continue;
                        s += val[yy * gw + xx]; c++;
                    }
                }
                tmp[y * gw + x] = (float)(s / c);
            }
        Array.Copy(tmp, val, val.Length);
    }

    private static void Upsample(float[] val, int gw, int gh, int cell, int w, int h, byte[] bg)
    {
        // Block centres sit at (g + 0.5)·cell − 0.5; the column weights are the same on every row.
        var xa = new int[w];
        var xb = new int[w];
        var tx = new float[w];
        for (int x = 0; x < w; x++)
        {
            double fx = (x + 0.5) / cell - 0.5;
            int a = (int)Math.Floor(fx);
            tx[x] = (float)(fx - a);
            xa[x] = Math.Clamp(a, 0, gw - 1);
            xb[x] = Math.Clamp(a + 1, 0, gw - 1);
        }
        Parallelism.ForBands(h, w, (y0, y1) =>
        {
            var line = new float[gw];
            for (int y = y0; y < y1; y++)
            {
                double fy = (y + 0.5) / cell - 0.5;
                int a = (int)Math.Floor(fy);
                float ty = (float)(fy - a);
                int ra = Math.Clamp(a, 0, gh - 1) * gw, rb = Math.Clamp(a + 1, 0, gh - 1) * gw;
                for (int g = 0; g < gw; g++) line[g] = val[ra + g] + (val[rb + g] - val[ra + g]) * ty;
                int r = y * w;
                for (int x = 0; x < w; x++)
                {
                    float v = line[xa[x]] + (line[xb[x]] - line[xa[x]]) * tx[x];
                    bg[r + x] = (byte)Math.Clamp((int)(v + 0.5f), 0, 255);
                }
            }
        });
    }
}
