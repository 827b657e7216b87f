using System.Runtime.CompilerServices;
using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using SegmentSharp.Imaging;

namespace SegmentSharp.Filters;

/// <summary>
/// Constant-time median (Perreault &amp; Hébert 2007) for windows larger than 5×5. Each band of rows walks the image in
/// vertical stripes; a stripe keeps, for every column it reads (including the replicated ones beyond the edges), a
/// 256-bin fine and a 16-bin coarse histogram of the k rows around the current row. Moving down a row costs two
/// increments and two decrements per column. Along a row the window's coarse histogram gains one column and loses
/// one (a single 16-lane add and subtract); the fine histogram is kept per 16-bin segment and brought up to date
/// only when the median search lands in that segment, which is what makes the cost independent of k. The same engine
/// serves the local median threshold (reflect-101 borders, each finished row compared with the source at once).
/// </summary>
internal static unsafe class MedianHistogram
{
    public static void Run(ReadOnlyImageView<byte> src, ImageView<byte> dst, int k) =>
        Run(src, dst, k, new Edges(reflect: false), default);

    /// <summary>
    /// The local median threshold: <c>dst = src &gt; median − c ? 255 : 0</c> over <paramref name="k"/>×<paramref name="k"/>
    /// windows with reflect-101 borders (single channel), and T = median − c into <paramref name="surface"/> when it is
    /// not null (float64, <paramref name="surfaceStride"/> elements per row).
    /// </summary>
    public static void RunThreshold(ReadOnlyImageView<byte> src, ImageView<byte> dst, int k, int c, double* surface, int surfaceStride) =>
        Run(src, dst, k, new Edges(reflect: true), new Post(c, surface, surfaceStride));

    /// <summary>How positions outside the image map to samples: replicated (OpenCV's medianBlur) or reflect-101.</summary>
    private readonly struct Edges(bool reflect)
    {
        public int Map(long i, int n) => reflect ? Thresholding.Local.Reflect101.Map(i, n) : (int)Math.Clamp(i, 0, n - 1);
    }

    /// <summary>The optional threshold step applied to each finished stripe row (active when <see cref="On"/>).</summary>
    private readonly struct Post(int c, double* surface, int surfaceStride)
    {
        public bool On { get; } = true;

        public void Apply(byte* src, byte* row, int y, int x0, int sw)
        {
            if (surface != null)
            {
                double* t = surface + (long)y * surfaceStride + x0;
                for (int i = 0; i < sw; i++) t[i] = row[i] - c;
            }
            // pixel > median − c, i.e. pixel + c > median, in integers; beyond ±255 the answer no longer varies.
            int cc = Math.Clamp(c, -256, 256), x = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                var vc = Vector256.Create((short)cc);
                for (; x <= sw - 32; x += 32)
                {
                    var (pl, ph) = Vector256.Widen(Vector256.Load(src + x));
                    var (ml, mh) = Vector256.Widen(Vector256.Load(row + x));
                    var gl = Vector256.GreaterThan(pl.AsInt16() + vc, ml.AsInt16());
                    var gh = Vector256.GreaterThan(ph.AsInt16() + vc, mh.AsInt16());
                    Vector256.Narrow(gl.AsUInt16(), gh.AsUInt16()).Store(row + x);
                }
            }
            for (; x < sw; x++) row[x] = src[x] + cc > row[x] ? (byte)255 : (byte)0;
        }
    }

    private static void Run(ReadOnlyImageView<byte> src, ImageView<byte> dst, int k, Edges edges, Post post)
    {
        int w = src.Width, h = src.Height, cn = src.Channels, ss = src.Stride, ds = dst.Stride;
        fixed (byte* ps = src.Data)
        fixed (byte* pd = dst.Data)
        {
            nint sp = (nint)ps, dp = (nint)pd;
            // A band re-reads k rows to prime its histograms, so bands should be several windows tall.
            Parallelism.ForBands(h, (long)w * cn * 64,
                (y0, y1) => Band((byte*)sp, ss, (byte*)dp, ds, w, h, cn, k, y0, y1, edges, post), minRowsPerBand: Math.Max(16, 4 * k));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Band(byte* src, int ss, byte* dst, int ds, int w, int h, int cn, int k, int y0, int y1, Edges edges, Post post)
    {
        int r = k / 2;
        int stripe = Math.Min(w, Math.Max(512 / cn, 2 * k));
        int maxPos = stripe + 2 * r;
        var fineArr = new ushort[maxPos * cn * 256];
        var coarseArr = new ushort[maxPos * cn * 16];
        var segArr = new ushort[256];
        var lucArr = new int[16];
        var mapArr = new int[maxPos];
        int half = k * k / 2;
        fixed (ushort* fine = fineArr)
        fixed (ushort* coarse = coarseArr)
        fixed (ushort* seg = segArr)
        fixed (int* luc = lucArr)
        fixed (int* map = mapArr)
        {
            for (int x0 = 0; x0 < w; x0 += stripe)
            {
                int sw = Math.Min(stripe, w - x0), npos = sw + 2 * r;
                for (int p = 0; p < npos; p++) map[p] = edges.Map(x0 - r + p, w) * cn;
                new Span<ushort>(fine, npos * cn * 256).Clear();
                new Span<ushort>(coarse, npos * cn * 16).Clear();
                for (int d = -r; d <= r; d++)
                    Update(src + (long)edges.Map(y0 + d, h) * ss, map, npos, cn, fine, coarse, 1);
                for (int y = y0; y < y1; y++)
                {
                    if (y > y0)
                    {
                        Update(src + (long)edges.Map(y - r - 1, h) * ss, map, npos, cn, fine, coarse, -1);
                        Update(src + (long)edges.Map(y + r, h) * ss, map, npos, cn, fine, coarse, 1);
                    }
                    byte* outRow = dst + (long)y * ds + x0 * cn;
                    for (int c = 0; c < cn; c++)
                    {
                        if (k <= 255) Row(fine, coarse, seg, luc, outRow, sw, cn, c, k, half);
                        else RowWide(fine, outRow, sw, cn, c, k, half);
                    }
                    if (post.On) post.Apply(src + (long)y * ss + x0, outRow, y, x0, sw);
                }
            }
        }
    }

    private static void Update(byte* row, int* map, int npos, int cn, ushort* fine, ushort* coarse, int delta)
    {
        ushort dv = (ushort)delta;
        for (int p = 0; p < npos; p++)
        {
            byte* px = row + map[p];
            int baseIdx = p * cn;
            for (int c = 0; c < cn; c++)
            {
                int v = px[c], idx = baseIdx + c;
                fine[idx * 256 + v] += dv;
                coarse[idx * 16 + (v >> 4)] += dv;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Row(ushort* fine, ushort* coarse, ushort* seg, int* luc, byte* outRow, int sw, int cn, int c, int k, int half)
    {
        int r = k / 2;
        Vector256<ushort> hc = Vector256<ushort>.Zero;
        for (int p = 0; p < k; p++) hc += Vector256.Load(coarse + (p * cn + c) * 16);
        for (int s = 0; s < 16; s++) luc[s] = int.MinValue / 2;
        int colStep = cn * 256;
        ushort* hcBuf = stackalloc ushort[16];
        for (int x = 0; x < sw; x++)
        {
            if (x > 0)
                hc = hc + Vector256.Load(coarse + ((x + 2 * r) * cn + c) * 16) - Vector256.Load(coarse + ((x - 1) * cn + c) * 16);

            int sum = 0;
            int s = Find(hc, hcBuf, ref sum, half);

            ushort* sg = seg + s * 16;
            ushort* col = fine + (x * cn + c) * 256 + s * 16;
            Vector256<ushort> acc;
            if (x - luc[s] >= k)
            {
                acc = Vector256<ushort>.Zero;
                for (int p = 0; p < k; p++) acc += Vector256.Load(col + p * colStep);
            }
            else
            {
                acc = Vector256.Load(sg);
                // Columns j (leaving) and j + k (entering) for every step since the segment was last current.
                ushort* leave = fine + (luc[s] * cn + c) * 256 + s * 16;
                for (int j = luc[s]; j < x; j++, leave += colStep)
                    acc = acc + Vector256.Load(leave + k * colStep) - Vector256.Load(leave);
            }
            acc.Store(sg);
            luc[s] = x;

            int b = Find(acc, hcBuf, ref sum, half);
            outRow[x * cn + c] = (byte)(s * 16 + b);
        }
    }

    /// <summary>
    /// Windows above 255×255 hold more than 65535 samples, beyond the 16-bit window counts of <see cref="Row"/>: a
    /// plain sliding 256-bin histogram in 32 bits (cost proportional to 256 per pixel, fine for such rare sizes).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RowWide(ushort* fine, byte* outRow, int sw, int cn, int c, int k, int half)
    {
        int* hist = stackalloc int[256];
        new Span<int>(hist, 256).Clear();
        int colStep = cn * 256;
        ushort* first = fine + c * 256;
        for (int p = 0; p < k; p++)
            for (int i = 0; i < 256; i++) hist[i] += first[p * colStep + i];
        for (int x = 0; x < sw; x++)
        {
            if (x > 0)
            {
                ushort* leave = first + (x - 1) * colStep, enter = leave + k * colStep;
                for (int i = 0; i < 256; i++) hist[i] += enter[i] - leave[i];
            }
            int sum = 0, v = 0;
            while (sum + hist[v] <= half) sum += hist[v++];
            outRow[x * cn + c] = (byte)v;
        }
    }

    /// <summary>
    /// The first of 16 bins at which the running count (starting from <paramref name="sum"/>) exceeds
    /// <paramref name="half"/>; adds the counts before it to <paramref name="sum"/>. With AVX2 the running counts are
    /// a 16-lane prefix sum and the bin is the number of lanes still at or below the target, which avoids a
    /// data-dependent branch per bin.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Find(Vector256<ushort> h, ushort* buf, ref int sum, int half)
    {
        if (Avx2.IsSupported)
        {
            Vector256<ushort> p = h;
            p += Avx2.ShiftLeftLogical128BitLane(p, 2);
            p += Avx2.ShiftLeftLogical128BitLane(p, 4);
            p += Avx2.ShiftLeftLogical128BitLane(p, 8);
            Vector128<ushort> lo = p.GetLower();
            p = Vector256.Create(lo, p.GetUpper() + Vector128.Create(lo.GetElement(7)));
            var below = Vector256.LessThanOrEqual(p, Vector256.Create((ushort)(half - sum)));
            int bin = BitOperations.PopCount(below.ExtractMostSignificantBits());
            if (bin > 0)
            {
                p.Store(buf);
                sum += buf[bin - 1];
            }
            return bin;
        }
        return FindScalar(h, buf, ref sum, half);
    }

    /// <summary>Scalar twin of <see cref="Find"/>.</summary>
    internal static int FindScalar(Vector256<ushort> h, ushort* buf, ref int sum, int half)
    {
        h.Store(buf);
        int bin = 0;
        for (; bin < 15; bin++)
        {
            int n = buf[bin];
            if (sum + n > half) break;
            sum += n;
        }
        return bin;
    }
}
