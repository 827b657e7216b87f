using System.Runtime.Intrinsics;
using SegmentSharp.Imaging;

namespace SegmentSharp.Distance;

/// <summary>
/// Two-pass chamfer distance transform (Rosenfeld &amp; Pfaltz 1966; Borgefors 1986) with OpenCV's 3×3 and 5×5 weights,
/// accumulated in float with outside pixels at <see cref="float.MaxValue"/> — the arithmetic of the Intel IPP routines
/// (<c>ippiDistanceTransform_3x3/5x5_8u32f_C1R</c>) that OpenCV builds with IPP (pip's opencv-python, OpenCvSharp) run
/// for <c>cv::distanceTransform</c>. A mask without zero pixels therefore yields <see cref="float.MaxValue"/> everywhere.
/// </summary>
/// <remarks>
/// <para>Each row first takes the minimum over the already-final neighbour rows (independent per pixel, so vectorised),
/// then a sequential scan adds the in-row neighbour. Float addition is monotonic, so the minimum of <c>a + w</c> and
/// <c>b + w</c> is <c>min(a, b) + w</c> exactly and the grouping does not change any value.</para>
/// <para>Memory is the destination plus a few padded rows. Each pass depends on the previous pixel, so it runs on one
/// thread, as OpenCV's does.</para>
/// </remarks>
internal static unsafe class ChamferDistance
{
    private const int Pad = 2;
    private const float Far = float.MaxValue;

    public static void Run(ReadOnlyImageView<byte> src, ImageView<float> dst, DistanceType type, bool five, bool vectorize = true)
    {
        int w = src.Width, h = src.Height;
        var wt = ChamferWeights.For(type, five);
        int rowLen = w + 2 * Pad;
        var ring = new float[3 * rowLen];
        var candArr = new float[w];
        Array.Fill(ring, Far);
        fixed (byte* ps = src.Data)
        fixed (float* pd = dst.Data)
        fixed (float* pr = ring)
        fixed (float* cand = candArr)
        {
            float* r0 = pr + Pad, r1 = r0 + rowLen, r2 = r1 + rowLen;
            for (int y = 0; y < h; y++)
            {
                // r0 = this row, r1 = the row above, r2 = two above; rotating keeps the padding far away.
                { float* t = r2; r2 = r1; r1 = r0; r0 = t; }
                Neighbours(r1, r2, cand, w, wt, five, vectorize);
                byte* s = ps + (long)y * src.Stride;
                float step = wt.Straight, left = Far;
                for (int j = 0; j < w; j++)
                {
                    float v = 0f;
                    if (s[j] != 0)
                    {
                        v = left + step;
                        if (cand[j] < v) v = cand[j];
                    }
                    r0[j] = v;
                    left = v;
                }
                new ReadOnlySpan<float>(r0, w).CopyTo(new Span<float>(pd + (long)y * dst.Stride, w));
            }
            new Span<float>(pr, ring.Length).Fill(Far);
            for (int y = h - 1; y >= 0; y--)
            {
                { float* t = r2; r2 = r1; r1 = r0; r0 = t; }
                float* d = pd + (long)y * dst.Stride;
                // The backward mask mirrors the forward one, so the same neighbour routine serves with the row reversed
                // in x: candidates at j±k are symmetric pairs, so reading rows below gives the mirrored mask directly.
                Neighbours(r1, r2, cand, w, wt, five, vectorize);
                float step = wt.Straight, right = Far;
                for (int j = w - 1; j >= 0; j--)
                {
                    float v = d[j];
                    float c = right + step;
                    if (c < v) v = c;
                    if (cand[j] < v) v = cand[j];
                    r0[j] = v;
                    d[j] = v;
                    right = v;
                }
            }
        }
    }

    /// <summary>
    /// <c>cand[j]</c> = the cheapest way into pixel j from the two neighbour rows: straight from <paramref name="n1"/>[j],
    /// diagonal from <paramref name="n1"/>[j±1] and, with the 5×5 mask, knight moves from <paramref name="n1"/>[j±2]
    /// and <paramref name="n2"/>[j±1]. The pairs are symmetric, so forward and backward passes share it.
    /// </summary>
    internal static void Neighbours(float* n1, float* n2, float* cand, int w, ChamferWeights wt, bool five, bool vectorize)
    {
        float hv = wt.Straight, dg = wt.Diagonal, kn = wt.Knight;
        int j = 0;
        if (vectorize && Vector256.IsHardwareAccelerated)
        {
            var vh = Vector256.Create(hv);
            var vd = Vector256.Create(dg);
            var vk = Vector256.Create(kn);
            for (; j <= w - Vector256<float>.Count; j += Vector256<float>.Count)
            {
                var c = Vector256.Min(Vector256.Min(Vector256.Load(n1 + j - 1), Vector256.Load(n1 + j + 1)) + vd,
                    Vector256.Load(n1 + j) + vh);
                if (five)
                {
                    var k = Vector256.Min(Vector256.Min(Vector256.Load(n1 + j - 2), Vector256.Load(n1 + j + 2)),
                        Vector256.Min(Vector256.Load(n2 + j - 1), Vector256.Load(n2 + j + 1))) + vk;
                    c = Vector256.Min(c, k);
                }
                c.Store(cand + j);
            }
        }
        for (; j < w; j++)
        {
            float c = Math.Min(Math.Min(n1[j - 1], n1[j + 1]) + dg, n1[j] + hv);
            if (five) c = Math.Min(c, Math.Min(Math.Min(n1[j - 2], n1[j + 2]), Math.Min(n2[j - 1], n2[j + 1])) + kn);
            cand[j] = c;
        }
    }
}
