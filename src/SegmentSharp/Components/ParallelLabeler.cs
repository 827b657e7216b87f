using System.Buffers;
using SegmentSharp.Imaging;

namespace SegmentSharp.Components;

/// <summary>
/// Row-band parallel version of the two-pass labeling. Each band runs the sequential scan with its own label range
/// (ranges grow with the band's first row, so every label of a band is larger than every label of the bands above);
/// the band seams are then merged with the same smaller-root union, and the ranges are flattened in band order. A
/// component's root is therefore still its first label in scan order, so the numbering equals the sequential one
/// (and OpenCV's, whose parallel labeling uses the same stripe scheme).
/// </summary>
internal static unsafe class ParallelLabeler
{
    /// <summary>Whether bands pay for their thread hops and seam merges.</summary>
    public static bool Worth(int width, int height) =>
        Parallelism.MaxDegreeOfParallelism > 1 && height >= 128 && (long)width * height >= 1 << 18
        && (long)height * ((width + 1) / 2) + 1 < Array.MaxLength;

    /// <summary>Labels and returns the final count; <paramref name="stats"/> is filled when requested.</summary>
    public static int Run(ReadOnlyImageView<byte> src, ImageView<int> labels, Connectivity c, bool withStats, out ComponentInfo[]? stats)
    {
        int w = src.Width, h = src.Height;
        bool eight = c == Connectivity.Eight;
        int bands = Math.Min(Parallelism.MaxDegreeOfParallelism, h / 64);
        int blockCols = (w + 1) / 2;
        var starts = new int[bands + 1];
        var first = new int[bands];
        var last = new int[bands];
        for (int b = 0; b <= bands; b++)
        {
            // 8-way bands start on even rows so each band's 2×2 blocks are the sequential scan's blocks.
            starts[b] = b == bands ? h : eight ? (int)((long)((h + 1) / 2) * b / bands) * 2 : (int)((long)h * b / bands);
            if (b < bands) first[b] = (eight ? starts[b] / 2 : starts[b]) * blockCols + 1;
        }
        // Pooled like the sequential path's table; only entries a band creates (and p[0]) are read.
        var p = ArrayPool<int>.Shared.Rent(eight ? Labeler.MaxLabels(w, h, c) : h * blockCols + 1);
        try
        {
            return Run(src, labels, c, withStats, out stats, p, bands, starts, first, last);
        }
        finally { ArrayPool<int>.Shared.Return(p); }
    }

    private static int Run(ReadOnlyImageView<byte> src, ImageView<int> labels, Connectivity c, bool withStats, out ComponentInfo[]? stats,
        int[] p, int bands, int[] starts, int[] first, int[] last)
    {
        int w = src.Width, h = src.Height;
        bool eight = c == Connectivity.Eight;
        int srcLen = src.Data.Length, srcStride = src.Stride, lblLen = labels.Data.Length, lblStride = labels.Stride;
        var options = new ParallelOptions { MaxDegreeOfParallelism = Parallelism.MaxDegreeOfParallelism };
        int count;
        fixed (byte* sp = src.Data)
        fixed (int* lptr = labels.Data)
        {
            nint sAddr = (nint)sp, lAddr = (nint)lptr;
            Parallel.For(0, bands, options, b =>
            {
                var s = new ReadOnlyImageView<byte>(new ReadOnlySpan<byte>((byte*)sAddr, srcLen), w, h, 1, srcStride);
                var l = new ImageView<int>(new Span<int>((int*)lAddr, lblLen), w, h, 1, lblStride);
                last[b] = eight ? Labeler.FirstPass8(s, l, p, starts[b], starts[b + 1], first[b])
                                : Labeler.FirstPass4(s, l, p, starts[b], starts[b + 1], first[b]);
            });

            for (int b = 1; b < bands; b++)
            {
                if (eight) MergeSeam8(src, labels, p, starts[b]);
                else MergeSeam4(labels, p, starts[b]);
            }

            int k = 1;
            p[0] = 0;
            for (int b = 0; b < bands; b++)
                for (int i = first[b]; i <= last[b]; i++)
                    p[i] = p[i] < i ? p[p[i]] : k++;
            count = k;

            if (!withStats)
            {
                stats = null;
                Parallel.For(0, bands, options, b =>
                {
                    var l = new ImageView<int>(new Span<int>((int*)lAddr, lblLen), w, h, 1, lblStride);
                    Labeler.Relabel(l, p, starts[b], starts[b + 1]);
                });
                return count;
            }

            var acc = new Labeler.Accum[bands][];
            Parallel.For(0, bands, options, b =>
            {
                var l = new ImageView<int>(new Span<int>((int*)lAddr, lblLen), w, h, 1, lblStride);
                acc[b] = Labeler.NewAccumulators(count);
                Labeler.Accumulate(l, p, acc[b], starts[b], starts[b + 1]);
            });
            for (int b = 1; b < bands; b++) Labeler.Combine(acc[0], acc[b]);
            stats = Labeler.Finish(acc[0]);
        }
        return count;
    }

    /// <summary>Joins the first block row of a band (row <paramref name="y"/>, even) to the last row of the band above.</summary>
    private static void MergeSeam8(ReadOnlyImageView<byte> src, ImageView<int> labels, int[] p, int y)
    {
        int w = src.Width;
        ReadOnlySpan<byte> s0 = src.Row(y);
        ReadOnlySpan<int> l0 = labels.Row(y);
        ReadOnlySpan<int> lp = labels.Row(y - 1);
        for (int x = 0; x < w; x += 2)
        {
            bool right = x + 1 < w;
            int o = s0[x];
            int q = right ? s0[x + 1] : 0;
            // Only the block's upper pixels touch the row above.
            if ((o | q) == 0) continue;
            int lab = o != 0 ? l0[x] : l0[x + 1];
            int c;
            if (o != 0 && x > 0 && (c = lp[x - 1]) != 0) lab = UnionFind.Merge(p, lab, c);
            c = lp[x];
            if (c == 0 && right) c = lp[x + 1];
            if (c != 0) lab = UnionFind.Merge(p, lab, c);
            if (q != 0 && x + 2 < w && (c = lp[x + 2]) != 0) UnionFind.Merge(p, lab, c);
        }
    }

    private static void MergeSeam4(ImageView<int> labels, int[] p, int y)
    {
        ReadOnlySpan<int> l0 = labels.Row(y);
        ReadOnlySpan<int> lp = labels.Row(y - 1);
        for (int x = 0; x < l0.Length; x++)
            if (l0[x] != 0 && lp[x] != 0) UnionFind.Merge(p, l0[x], lp[x]);
    }
}
