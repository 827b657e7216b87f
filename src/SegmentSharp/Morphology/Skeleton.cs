using SegmentSharp.Imaging;

namespace SegmentSharp.Morphology;

public static partial class BinaryMorphology
{
    /// <summary>
    /// Thins every foreground object to a one-pixel-wide 8-connected skeleton with the parallel thinning of Zhang &amp; Suen
    /// ("A fast parallel algorithm for thinning digital patterns", CACM 27(3), 1984), exactly as
    /// <c>skimage.morphology.skeletonize(src &gt; 0)</c> (0.19, 2-D, <c>method='zhang'</c>) computes it: two sub-iterations
    /// per round, each deciding on the mask as it was at the start of the sub-iteration, until a round removes nothing;
    /// pixels outside the image count as background. The deletion rule is scikit-image's lookup table (see
    /// <see cref="SkeletonTable"/>).
    /// </summary>
    /// <param name="src">Single-channel mask.</param>
    /// <param name="dst">Destination of the same size; may be <paramref name="src"/>.</param>
    public static void Skeletonize(ReadOnlyImageView<byte> src, ImageView<byte> dst)
    {
        ImageGuard.SingleChannel(src, nameof(src));
        ImageGuard.SameSize(src, dst, nameof(dst));
        int w = src.Width, h = src.Height, pw = w + 2;
        // One pixel of background all round spares every neighbour lookup a bounds check.
        var img = new byte[(long)pw * (h + 2) <= Array.MaxLength ? pw * (h + 2) : throw new ArgumentException("Image too large.", nameof(src))];
        for (int y = 0; y < h; y++)
        {
            var s = src.Row(y);
            int o = (y + 1) * pw + 1;
            for (int x = 0; x < w; x++) img[o + x] = s[x] != 0 ? (byte)1 : (byte)0;
        }
        ReadOnlySpan<byte> table = SkeletonTable.Codes;
        var removed = new List<int>();
        bool any = true;
        while (any)
        {
            any = false;
            for (int pass = 1; pass <= 2; pass++)
            {
                removed.Clear();
                for (int y = 1; y <= h; y++)
                {
                    int row = y * pw;
                    for (int x = 1; x <= w; x++)
                    {
                        int i = row + x;
                        if (img[i] == 0) continue;
                        int code = img[i - pw - 1] | img[i - pw] << 1 | img[i - pw + 1] << 2 | img[i + 1] << 3
                            | img[i + pw + 1] << 4 | img[i + pw] << 5 | img[i + pw - 1] << 6 | img[i - 1] << 7;
                        if ((table[code] & pass) != 0) removed.Add(i);
                    }
                }
                // Deletions take effect only after the whole sub-iteration has been decided (the parallel scheme).
                foreach (int i in removed) img[i] = 0;
                if (removed.Count > 0) any = true;
            }
        }
        for (int y = 0; y < h; y++)
        {
            var d = dst.Row(y);
            int o = (y + 1) * pw + 1;
            for (int x = 0; x < w; x++) d[x] = img[o + x] != 0 ? (byte)255 : (byte)0;
        }
    }

    /// <summary>Allocating form of <see cref="Skeletonize(ReadOnlyImageView{byte}, ImageView{byte})"/>.</summary>
    public static Image<byte> Skeletonize(ReadOnlyImageView<byte> src)
    {
        var dst = new Image<byte>(src.Width, src.Height);
        Skeletonize(src, dst.View);
        return dst;
    }
}

/// <summary>
/// Which 8-neighbourhoods a skeleton sub-iteration may delete. Codes number the neighbours clockwise from the top-left:
/// NW 1, N 2, NE 4, E 8, SE 16, S 32, SW 64, W 128. Bit 1 of an entry allows deletion in the first sub-iteration, bit 2 in
/// the second.
/// </summary>
/// <remarks>
/// The base rule is Zhang &amp; Suen's: 2–6 foreground neighbours, exactly one 0→1 transition around the ring, and
/// N·E·S = E·S·W = 0 (first) or N·E·W = N·S·W = 0 (second). scikit-image's table departs from the paper for 25 small
/// neighbourhoods (at most four neighbours: corners of staircases and the ends of short diagonal runs); those entries are
/// listed as exceptions, facts observed in scikit-image 0.19 and pinned by the golden skeletons in the tests.
/// </remarks>
internal static class SkeletonTable
{
    public static ReadOnlySpan<byte> Codes => Table;

    private static readonly byte[] Table = Build();

    private static byte[] Build()
    {
        var t = new byte[256];
        for (int c = 0; c < 256; c++)
        {
            int nw = c & 1, n = c >> 1 & 1, ne = c >> 2 & 1, e = c >> 3 & 1, se = c >> 4 & 1, s = c >> 5 & 1, sw = c >> 6 & 1, wv = c >> 7 & 1;
            int count = nw + n + ne + e + se + s + sw + wv;
            int transitions = (n == 0 && ne == 1 ? 1 : 0) + (ne == 0 && e == 1 ? 1 : 0) + (e == 0 && se == 1 ? 1 : 0)
                + (se == 0 && s == 1 ? 1 : 0) + (s == 0 && sw == 1 ? 1 : 0) + (sw == 0 && wv == 1 ? 1 : 0)
                + (wv == 0 && nw == 1 ? 1 : 0) + (nw == 0 && n == 1 ? 1 : 0);
            if (count < 2 || count > 6 || transitions != 1) continue;
            if ((n & e & s) == 0 && (e & s & wv) == 0) t[c] |= 1;
            if ((n & e & wv) == 0 && (n & s & wv) == 0) t[c] |= 2;
        }
        // (code, entry) where scikit-image's table differs from the rule above.
        ReadOnlySpan<(byte Code, byte Entry)> exceptions =
        [
            (3, 1), (6, 1), (10, 3), (11, 1), (12, 1), (14, 1), (24, 2), (26, 2), (40, 3), (48, 0), (56, 2), (96, 2),
            (104, 2), (108, 2), (129, 0), (130, 3), (131, 1), (134, 1), (160, 3), (161, 1), (176, 2), (192, 2), (194, 1),
            (198, 1), (224, 2),
        ];
        foreach (var (code, entry) in exceptions) t[code] = entry;
        return t;
    }
}
