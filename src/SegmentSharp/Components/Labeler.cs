using System.Runtime.CompilerServices;
using SegmentSharp.Imaging;

namespace SegmentSharp.Components;

/// <summary>
/// First scans of the two-pass labeling: they write provisional labels into the output and record equivalences in a
/// union-find array. The 8-way scan visits 2×2 blocks (the idea of Grana, Borghesani &amp; Cucchiara 2010, "BBDT"), the 4-way
/// scan single pixels in raster order (Wu, Otoo &amp; Suzuki 2009, "SAUF"). Those are the scan orders of OpenCV's default
/// Spaghetti / Spaghetti4C, and with smaller-root merging they yield OpenCV's label numbering.
/// </summary>
internal static class Labeler
{
    /// <summary>Largest provisional label count a scan can create, plus one for the background slot.</summary>
    public static int MaxLabels(int width, int height, Connectivity c) => c == Connectivity.Eight
        ? (int)Math.Min(int.MaxValue - 1, (long)((width + 1) / 2) * ((height + 1) / 2) + 1)
        : (int)Math.Min(int.MaxValue - 1, ((long)width * height + 1) / 2 + 1);

    /// <summary>
    /// 8-way block scan. A 2×2 block is one component (all its pixels touch), so each block gets one label; it joins the
    /// upper-left, upper, upper-right and left blocks only through pixel pairs that actually touch. Returns the last label.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int FirstPass8(ReadOnlyImageView<byte> src, ImageView<int> labels, int[] p) =>
        FirstPass8(src, labels, p, 0, src.Height, 1);

    /// <summary>
    /// The 8-way scan over rows [<paramref name="y0"/>, <paramref name="y1"/>) (<paramref name="y0"/> even) as if the rows
    /// above did not exist; new labels start at <paramref name="firstLabel"/>. Returns the last label used
    /// (<paramref name="firstLabel"/> - 1 when none).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int FirstPass8(ReadOnlyImageView<byte> src, ImageView<int> labels, int[] p, int y0, int y1, int firstLabel)
    {
        int w = src.Width, h = y1;
        int n = firstLabel - 1;
        for (int y = y0; y < h; y += 2)
        {
            bool below = y + 1 < h;
            ReadOnlySpan<byte> s0 = src.Row(y);
            ReadOnlySpan<byte> s1 = below ? src.Row(y + 1) : s0;
            Span<int> l0 = labels.Row(y);
            Span<int> l1 = below ? labels.Row(y + 1) : l0;
            ReadOnlySpan<int> lp = y > y0 ? labels.Row(y - 1) : default;
            bool top = y > y0;
            for (int x = 0; x < w; x += 2)
            {
                bool right = x + 1 < w;
                int o = s0[x];
                int q = right ? s0[x + 1] : 0;
                int s = below ? s1[x] : 0;
                int t = right && below ? s1[x + 1] : 0;
                if ((o | q | s | t) == 0)
                {
                    // Skip the whole empty stretch of this row pair with a vectorized search, starting at an even column.
                    int k0 = s0[x..].IndexOfAnyExcept((byte)0);
                    int k1 = below ? s1[x..].IndexOfAnyExcept((byte)0) : -1;
                    int k = k0 < 0 ? k1 : k1 < 0 ? k0 : Math.Min(k0, k1);
                    int end = k < 0 ? w : (x + k) & ~1;
                    l0[x..end].Clear();
                    if (below) l1[x..end].Clear();
                    x = end - 2;
                    continue;
                }
                int lab = 0, c;
                if (top)
                {
                    if (o != 0 && x > 0 && (c = lp[x - 1]) != 0) lab = c;
                    if ((o | q) != 0)
                    {
                        c = lp[x];
                        if (c == 0 && right) c = lp[x + 1];
                        if (c != 0) lab = lab == 0 || lab == c ? c : UnionFind.Merge(p, lab, c);
                    }
                    if (q != 0 && x + 2 < w && (c = lp[x + 2]) != 0)
                        lab = lab == 0 || lab == c ? c : UnionFind.Merge(p, lab, c);
                }
                if (x > 0 && (o | s) != 0)
                {
                    c = l0[x - 1];
                    if (c == 0 && below) c = l1[x - 1];
                    if (c != 0) lab = lab == 0 || lab == c ? c : UnionFind.Merge(p, lab, c);
                }
                if (lab == 0) { lab = ++n; p[n] = n; }
                l0[x] = o != 0 ? lab : 0;
                if (right) l0[x + 1] = q != 0 ? lab : 0;
                if (below)
                {
                    l1[x] = s != 0 ? lab : 0;
                    if (right) l1[x + 1] = t != 0 ? lab : 0;
                }
            }
        }
        return n;
    }

    /// <summary>4-way raster scan: a pixel joins its upper and left neighbours. Returns the last label.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int FirstPass4(ReadOnlyImageView<byte> src, ImageView<int> labels, int[] p) =>
        FirstPass4(src, labels, p, 0, src.Height, 1);

    /// <summary>The 4-way scan over rows [<paramref name="y0"/>, <paramref name="y1"/>); see the 8-way overload.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int FirstPass4(ReadOnlyImageView<byte> src, ImageView<int> labels, int[] p, int y0, int y1, int firstLabel)
    {
        int w = src.Width, h = y1;
        int n = firstLabel - 1;
        for (int y = y0; y < h; y++)
        {
            ReadOnlySpan<byte> s = src.Row(y);
            Span<int> l = labels.Row(y);
            ReadOnlySpan<int> lp = y > y0 ? labels.Row(y - 1) : default;
            bool top = y > y0;
            int left = 0;
            for (int x = 0; x < w; x++)
            {
                if (s[x] == 0)
                {
                    int k = s[x..].IndexOfAnyExcept((byte)0);
                    int end = k < 0 ? w : x + k;
                    l[x..end].Clear();
                    left = 0;
                    x = end - 1;
                    continue;
                }
                int up = top ? lp[x] : 0;
                int lab;
                if (up != 0) lab = left == 0 || left == up ? up : UnionFind.Merge(p, up, left);
                else if (left != 0) lab = left;
                else { lab = ++n; p[n] = n; }
                l[x] = lab;
                left = lab;
            }
        }
        return n;
    }

    /// <summary>Second pass without statistics: provisional labels become final ones, one run of equal labels at a time.</summary>
    public static void Relabel(ImageView<int> labels, int[] p) => Relabel(labels, p, 0, labels.Height);

    /// <summary>Second pass over rows [<paramref name="y0"/>, <paramref name="y1"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Relabel(ImageView<int> labels, int[] p, int y0, int y1)
    {
        for (int y = y0; y < y1; y++)
        {
            Span<int> l = labels.Row(y);
            int w = l.Length;
            int x = 0;
            while (x < w)
            {
                int v = l[x];
                int e = RunEnd(l, x, v);
                int lab = p[v];
                if (lab != v) l[x..e].Fill(lab);
                x = e;
            }
        }
    }

    /// <summary>Second pass with statistics (see <see cref="Accumulate"/>).</summary>
    public static ComponentInfo[] RelabelWithStats(ImageView<int> labels, int[] p, int count)
    {
        var acc = NewAccumulators(count);
        Accumulate(labels, p, acc, 0, labels.Height);
        return Finish(acc);
    }

    /// <summary>Empty accumulators: boxes start inverted so the first run sets them.</summary>
    public static Accum[] NewAccumulators(int count)
    {
        var acc = new Accum[count];
        for (int i = 0; i < count; i++)
        {
            acc[i].MinX = int.MaxValue; acc[i].MinY = int.MaxValue;
            acc[i].MaxX = int.MinValue; acc[i].MaxY = int.MinValue;
        }
        return acc;
    }

    /// <summary>
    /// Relabels rows [<paramref name="y0"/>, <paramref name="y1"/>) and accumulates statistics per run of equal provisional
    /// labels (a run adds its length, its x-sum in closed form and one bounding-box update) into 64-bit sums, which gives
    /// the same integers as OpenCV's per-pixel <c>CCStatsOp</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Accumulate(ImageView<int> labels, int[] p, Accum[] acc, int y0, int y1)
    {
        for (int y = y0; y < y1; y++)
        {
            Span<int> l = labels.Row(y);
            int w = l.Length;
            int x = 0;
            while (x < w)
            {
                int v = l[x];
                int e = RunEnd(l, x, v);
                int lab = p[v];
                if (lab != v) l[x..e].Fill(lab);
                ref Accum a = ref acc[lab];
                int len = e - x;
                if (x < a.MinX) a.MinX = x;
                if (e - 1 > a.MaxX) a.MaxX = e - 1;
                if (y < a.MinY) a.MinY = y;
                if (y > a.MaxY) a.MaxY = y;
                a.Area += len;
                // Sum of x..e-1; (first + last) * count is always even.
                a.SumX += (ulong)((long)(x + e - 1) * len / 2);
                a.SumY += (ulong)((long)y * len);
                x = e;
            }
        }
    }

    /// <summary>Adds band accumulators <paramref name="from"/> into <paramref name="into"/>.</summary>
    public static void Combine(Accum[] into, Accum[] from)
    {
        for (int i = 0; i < into.Length; i++)
        {
            ref Accum a = ref into[i];
            ref Accum b = ref from[i];
            if (b.Area == 0) continue;
            a.MinX = Math.Min(a.MinX, b.MinX); a.MaxX = Math.Max(a.MaxX, b.MaxX);
            a.MinY = Math.Min(a.MinY, b.MinY); a.MaxY = Math.Max(a.MaxY, b.MaxY);
            a.Area += b.Area; a.SumX += b.SumX; a.SumY += b.SumY;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int RunEnd(Span<int> l, int x, int v)
    {
        int e;
        if (v == 0)
        {
            // Background runs are long in real masks; the vectorized search pays off.
            int k = l[(x + 1)..].IndexOfAnyExcept(0);
            e = k < 0 ? l.Length : x + 1 + k;
        }
        else
        {
            e = x + 1;
            while (e < l.Length && l[e] == v) e++;
        }
        return e;
    }

    internal static ComponentInfo[] Finish(Accum[] acc)
    {
        var result = new ComponentInfo[acc.Length];
        for (int i = 0; i < acc.Length; i++)
        {
            ref Accum a = ref acc[i];
            if (a.Area == 0)
            {
                // OpenCV 4.13 leaves an empty label (the background of an all-foreground image) as left -1, top INT_MAX,
                // width 0, height 0 (observed with the oracle).
                result[i] = new ComponentInfo(-1, int.MaxValue, 0, 0, 0, EmptyCentroid, EmptyCentroid);
                continue;
            }
            double area = a.Area;
            result[i] = new ComponentInfo(a.MinX, a.MinY, unchecked(a.MaxX - a.MinX + 1), unchecked(a.MaxY - a.MinY + 1), a.Area,
                a.SumX / area, a.SumY / area);
        }
        return result;
    }

    private const double EmptyCentroid = double.NaN;

    internal struct Accum
    {
        public int MinX, MaxX, MinY, MaxY, Area;
        public ulong SumX, SumY;
    }
}
