using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
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
/// <c>b + w</c> is <c>min(a, b) + w</c> exactly and the grouping does not change any value. Runs of zero pixels are
/// written in blocks, which is most of a document page.</para>
/// <para>Both passes work in the destination itself (no extra image). Each pass depends on the previous pixel, so it
/// runs on one thread, as OpenCV's does.</para>
/// </remarks>
internal static unsafe class ChamferDistance
{
    private const float Far = float.MaxValue;

    public static void Run(ReadOnlyImageView<byte> src, ImageView<float> dst, DistanceType type, bool five, bool vectorize = true)
    {
        int w = src.Width, h = src.Height;
        var wt = ChamferWeights.For(type, five);
        var candArr = new float[w];
        var farArr = new float[w];
        Array.Fill(farArr, Far);
        long ds = dst.Stride, ss = src.Stride;
        fixed (byte* ps = src.Data)
        fixed (float* pd = dst.Data)
        fixed (float* cand = candArr)
        fixed (float* far = farArr)
        {
            for (int y = 0; y < h; y++)
            {
                float* d = pd + y * ds;
                float* n1 = y >= 1 ? d - ds : far;
                float* n2 = y >= 2 ? d - 2 * ds : far;
                Forward(ps + y * ss, d, n1, n2, cand, w, wt, five, vectorize);
            }
            for (int y = h - 1; y >= 0; y--)
            {
                float* d = pd + y * ds;
                float* n1 = y + 1 < h ? d + ds : far;
                float* n2 = y + 2 < h ? d + 2 * ds : far;
                Backward(ps + y * ss, d, n1, n2, cand, w, wt, five, vectorize);
            }
        }
    }

    private static void Forward(byte* s, float* d, float* n1, float* n2, float* cand, int w, ChamferWeights wt, bool five, bool vectorize)
    {
        float step = wt.Straight, left = Far;
        int j = 0;
        while (j < w)
        {
            if (vectorize && j + 16 <= w && Vector128.Load(s + j) == Vector128<byte>.Zero)
            {
                // A block of zero pixels: distance 0, and the scan restarts from 0.
                Vector256<float>.Zero.Store(d + j);
                Vector256<float>.Zero.Store(d + j + 8);
                left = 0f;
                j += 16;
                continue;
            }
            int end = Math.Min(j + 16, w);
            Neighbours(n1, n2, cand, j, end, w, wt, five, vectorize);
            // Zero pixels start (and stay) at 0: anything through the left neighbour costs at least one step more.
            ZeroWhereSourceIsZero(s, cand, j, end, vectorize);
            for (; j < end; j++)
            {
                float v = Min(cand[j], left + step);
                d[j] = v;
                left = v;
            }
        }
    }

    private static void Backward(byte* s, float* d, float* n1, float* n2, float* cand, int w, ChamferWeights wt, bool five, bool vectorize)
    {
        float step = wt.Straight, right = Far;
        int j = w;
        while (j > 0)
        {
            if (vectorize && j - 16 >= 0 && Vector128.Load(s + j - 16) == Vector128<byte>.Zero)
            {
                // Zero pixels already hold 0 from the forward pass and nothing is shorter.
                right = 0f;
                j -= 16;
                continue;
            }
            int end = Math.Max(j - 16, 0);
            // The backward mask is the forward one turned half a turn; its neighbour pairs are symmetric in x, so the
            // same routine reading the rows below gives it. The forward value joins the candidates.
            Neighbours(n1, n2, cand, end, j, w, wt, five, vectorize);
            MinWithRow(d, cand, end, j, vectorize);
            for (j--; j >= end; j--)
            {
                float v = Min(cand[j], right + step);
                d[j] = v;
                right = v;
            }
            j++;
        }
    }

    private static void ZeroWhereSourceIsZero(byte* s, float* cand, int x0, int x1, bool vectorize)
    {
        int j = x0;
        if (vectorize && Avx2.IsSupported)
        {
            for (; j + 8 <= x1; j += 8)
            {
                var isZero = Vector256.Equals(Avx2.ConvertToVector256Int32(s + j), Vector256<int>.Zero).AsSingle();
                Vector256.AndNot(Vector256.Load(cand + j), isZero).Store(cand + j);
            }
        }
        for (; j < x1; j++) if (s[j] == 0) cand[j] = 0f;
    }

    private static void MinWithRow(float* d, float* cand, int x0, int x1, bool vectorize)
    {
        int j = x0;
        if (vectorize && Vector256.IsHardwareAccelerated)
            for (; j + 8 <= x1; j += 8) Vector256.Min(Vector256.Load(cand + j), Vector256.Load(d + j)).Store(cand + j);
        for (; j < x1; j++) cand[j] = Min(cand[j], d[j]);
    }

    /// <summary>
    /// <c>cand[j]</c> for <c>x0 ≤ j &lt; x1</c> = the cheapest way into pixel j from the two neighbour rows: straight from <paramref name="n1"/>[j],
    /// diagonal from <paramref name="n1"/>[j±1] and, with the 5×5 mask, knight moves from <paramref name="n1"/>[j±2]
    /// and <paramref name="n2"/>[j±1]. Outside the row counts as <see cref="Far"/>.
    /// </summary>
    internal static void Neighbours(float* n1, float* n2, float* cand, int x0, int x1, int w, ChamferWeights wt, bool five, bool vectorize)
    {
        int j = x0;
        int edge = Math.Min(2, x1);
        for (; j < edge; j++) cand[j] = Edge(n1, n2, j, w, wt, five);
        int inner = Math.Min(x1, w - 2);
        if (vectorize && Vector256.IsHardwareAccelerated)
        {
            var vh = Vector256.Create(wt.Straight);
            var vd = Vector256.Create(wt.Diagonal);
            var vk = Vector256.Create(wt.Knight);
            for (; j + Vector256<float>.Count <= inner; j += Vector256<float>.Count)
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
        for (; j < inner; j++)
        {
            float c = Min(Min(n1[j - 1], n1[j + 1]) + wt.Diagonal, n1[j] + wt.Straight);
            if (five) c = Min(c, Min(Min(n1[j - 2], n1[j + 2]), Min(n2[j - 1], n2[j + 1])) + wt.Knight);
            cand[j] = c;
        }
        for (; j < x1; j++) cand[j] = Edge(n1, n2, j, w, wt, five);
    }

    /// <summary>The smaller of two non-negative, non-NaN floats, branch-free where SSE exists (the scans' critical path).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Min(float a, float b) =>
        Sse.IsSupported ? Sse.MinScalar(Vector128.CreateScalarUnsafe(a), Vector128.CreateScalarUnsafe(b)).ToScalar() : (a < b ? a : b);

    private static float Edge(float* n1, float* n2, int j, int w, ChamferWeights wt, bool five)
    {
        float At(float* row, int x) => (uint)x < (uint)w ? row[x] : Far;
        float c = Min(Min(At(n1, j - 1), At(n1, j + 1)) + wt.Diagonal, n1[j] + wt.Straight);
        if (five) c = Min(c, Min(Min(At(n1, j - 2), At(n1, j + 2)), Min(At(n2, j - 1), At(n2, j + 1))) + wt.Knight);
        return c;
    }
}
