using SegmentSharp.Imaging;

namespace SegmentSharp.Distance;

/// <summary>
/// The 5×5 chamfer transform that also carries, for every pixel, the label of the zero pixel its distance came from
/// (a discrete Voronoi partition), as OpenCV's <c>distanceTransformEx_5x5</c> does. Neighbours are tried in OpenCV's
/// order and only a strictly shorter path replaces the current one, so ties resolve to the same label.
/// </summary>
internal static unsafe class ChamferLabelDistance
{
    private const int Pad = 2;

    /// <summary><paramref name="labels"/> must hold the seed labels on zero pixels and 0 elsewhere.</summary>
    public static void Run(ReadOnlyImageView<byte> src, ImageView<float> dst, ImageView<int> labels, DistanceType type)
    {
        int w = src.Width, h = src.Height;
        var wt = ChamferWeights.For(type, five: true);
        uint max = wt.FixedMax(five: true);
        int rowLen = w + 2 * Pad;
        var ring = new uint[3 * rowLen];
        var lring = new int[3 * rowLen];
        Array.Fill(ring, max);
        fixed (byte* ps = src.Data)
        fixed (float* pd = dst.Data)
        fixed (int* pl = labels.Data)
        fixed (uint* pr = ring)
        fixed (int* plr = lring)
        {
            uint* r0 = pr + Pad, r1 = r0 + rowLen, r2 = r1 + rowLen;
            int* l0 = plr + Pad, l1 = l0 + rowLen, l2 = l1 + rowLen;
            for (int y = 0; y < h; y++)
            {
                { uint* rt = r2; r2 = r1; r1 = r0; r0 = rt; }
                { int* lt = l2; l2 = l1; l1 = l0; l0 = lt; }
                int* lrow = pl + (long)y * labels.Stride;
                new ReadOnlySpan<int>(lrow, w).CopyTo(new Span<int>(l0, w));
                Forward(ps + (long)y * src.Stride, r0, r1, r2, l0, l1, l2, w, wt, max);
                new ReadOnlySpan<uint>(r0, w).CopyTo(new Span<uint>(pd + (long)y * dst.Stride, w));
                new ReadOnlySpan<int>(l0, w).CopyTo(new Span<int>(lrow, w));
            }
            new Span<uint>(pr, ring.Length).Fill(max);
            for (int y = h - 1; y >= 0; y--)
            {
                { uint* rt = r2; r2 = r1; r1 = r0; r0 = rt; }
                { int* lt = l2; l2 = l1; l1 = l0; l0 = lt; }
                float* d = pd + (long)y * dst.Stride;
                int* lrow = pl + (long)y * labels.Stride;
                new ReadOnlySpan<uint>(d, w).CopyTo(new Span<uint>(r0, w));
                new ReadOnlySpan<int>(lrow, w).CopyTo(new Span<int>(l0, w));
                Backward(r0, r1, r2, l0, l1, l2, d, w, wt);
                new ReadOnlySpan<int>(l0, w).CopyTo(new Span<int>(lrow, w));
            }
        }
    }

    private static void Forward(byte* s, uint* t, uint* a1, uint* a2, int* l, int* la1, int* la2, int w, ChamferWeights wt, uint max)
    {
        uint hv = wt.FixedStraight, dg = wt.FixedDiagonal, kn = wt.FixedKnight;
        for (int j = 0; j < w; j++)
        {
            if (s[j] == 0)
            {
                t[j] = 0;
                continue;
            }
            uint t0 = max, c;
            int lab = 0;
            // OpenCV's order: two rows up (left, right knight), one row up from far left to far right, then left.
            c = a2[j - 1] + kn; if (c < t0) { t0 = c; lab = la2[j - 1]; }
            c = a2[j + 1] + kn; if (c < t0) { t0 = c; lab = la2[j + 1]; }
            c = a1[j - 2] + kn; if (c < t0) { t0 = c; lab = la1[j - 2]; }
            c = a1[j - 1] + dg; if (c < t0) { t0 = c; lab = la1[j - 1]; }
            c = a1[j] + hv; if (c < t0) { t0 = c; lab = la1[j]; }
            c = a1[j + 1] + dg; if (c < t0) { t0 = c; lab = la1[j + 1]; }
            c = a1[j + 2] + kn; if (c < t0) { t0 = c; lab = la1[j + 2]; }
            c = t[j - 1] + hv; if (c < t0) { t0 = c; lab = l[j - 1]; }
            t[j] = t0;
            l[j] = lab;
        }
    }

    private static void Backward(uint* t, uint* b1, uint* b2, int* l, int* lb1, int* lb2, float* d, int w, ChamferWeights wt)
    {
        uint hv = wt.FixedStraight, dg = wt.FixedDiagonal, kn = wt.FixedKnight;
        for (int j = w - 1; j >= 0; j--)
        {
            uint t0 = t[j];
            if (t0 > hv)
            {
                int lab = l[j];
                uint c;
                // Mirror order: two rows down (right, left knight), one row down from far right to far left, then right.
                c = b2[j + 1] + kn; if (c < t0) { t0 = c; lab = lb2[j + 1]; }
                c = b2[j - 1] + kn; if (c < t0) { t0 = c; lab = lb2[j - 1]; }
                c = b1[j + 2] + kn; if (c < t0) { t0 = c; lab = lb1[j + 2]; }
                c = b1[j + 1] + dg; if (c < t0) { t0 = c; lab = lb1[j + 1]; }
                c = b1[j] + hv; if (c < t0) { t0 = c; lab = lb1[j]; }
                c = b1[j - 1] + dg; if (c < t0) { t0 = c; lab = lb1[j - 1]; }
                c = b1[j - 2] + kn; if (c < t0) { t0 = c; lab = lb1[j - 2]; }
                c = t[j + 1] + hv; if (c < t0) { t0 = c; lab = l[j + 1]; }
                t[j] = t0;
                l[j] = lab;
            }
            d[j] = (float)t0 * ChamferWeights.FixedScale;
        }
    }
}
