using SegmentSharp.Imaging;

namespace SegmentSharp.Coco;

/// <summary>
/// A binary mask in COCO run-length encoding: alternating run lengths of 0s and 1s over the pixels in column-major
/// order (down each column, then the next column), starting with a run of 0s that may be empty. This is the
/// <c>RLE</c> struct of pycocotools' <c>maskApi.c</c> (Lin et al., "Microsoft COCO: Common Objects in Context",
/// ECCV 2014); the operations here reproduce <c>pycocotools.mask</c> (<c>encode</c>, <c>decode</c>, <c>area</c>,
/// <c>toBbox</c>, <c>merge</c>, <c>iou</c>, <c>frPyObjects</c>) count for count.
/// </summary>
public sealed class Rle
{
    /// <summary>Wraps run lengths without copying them.</summary>
    /// <param name="height">Mask height (COCO's <c>size[0]</c>).</param>
    /// <param name="width">Mask width (COCO's <c>size[1]</c>).</param>
    /// <param name="counts">Alternating 0-run and 1-run lengths, column-major, first run of 0s.</param>
    public Rle(int height, int width, uint[] counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        Height = height;
        Width = width;
        Counts = counts;
    }

    /// <summary>Mask height in pixels.</summary>
    public int Height { get; }
    /// <summary>Mask width in pixels.</summary>
    public int Width { get; }
    /// <summary>Run lengths, alternating 0s and 1s, column-major, starting with 0s.</summary>
    public uint[] Counts { get; }

    /// <summary>
    /// Encodes a mask held row-major (as every <see cref="Image{T}"/>) into COCO's column-major runs; a nonzero sample
    /// is foreground. Equivalent to <c>pycocotools.mask.encode(np.asfortranarray(mask &gt; 0))</c> (<c>rleEncode</c>).
    /// </summary>
    public static Rle Encode(ReadOnlyImageView<byte> mask)
    {
        if (mask.Channels != 1) throw new ArgumentException("RLE encoding needs a single-channel mask.", nameof(mask));
        int h = mask.Height, w = mask.Width, stride = mask.Stride;
        ReadOnlySpan<byte> data = mask.Data;
        var counts = new List<uint>();
        bool previous = false;
        uint run = 0;
        for (int x = 0; x < w; x++)
            for (int y = 0; y < h; y++)
            {
                bool on = data[y * stride + x] != 0;
                if (on != previous) { counts.Add(run); run = 0; previous = on; }
                run++;
            }
        counts.Add(run);
        return new Rle(h, w, counts.ToArray());
    }

    /// <summary>
    /// Decodes to a row-major mask with <paramref name="foreground"/> where the runs are 1 and 0 elsewhere
    /// (<c>pycocotools.mask.decode</c>, which gives 1 for foreground).
    /// </summary>
    /// <exception cref="FormatException">The runs do not add up to <c>Height * Width</c>.</exception>
    public Image<byte> Decode(byte foreground = 1)
    {
        CheckTotal();
        var image = new Image<byte>(Math.Max(Width, 1), Math.Max(Height, 1));
        if (Width == 0 || Height == 0) return image;
        long position = 0;
        byte[] data = image.Data;
        for (int i = 0; i < Counts.Length; i++)
        {
            long end = position + Counts[i];
            if ((i & 1) == 1)
                for (long p = position; p < end; p++)
                {
                    long x = p / Height, y = p - x * Height;
                    data[y * Width + x] = foreground;
                }
            position = end;
        }
        return image;
    }

    /// <summary>Number of foreground pixels: the sum of the 1-runs (<c>pycocotools.mask.area</c>, <c>rleArea</c>).</summary>
    public long Area
    {
        get
        {
            long area = 0;
            for (int i = 1; i < Counts.Length; i += 2) area += Counts[i];
            return area;
        }
    }

    /// <summary>
    /// The tight bounding box [x, y, width, height] of the foreground, all zero for an empty mask
    /// (<c>pycocotools.mask.toBbox</c>, <c>rleToBbox</c>, including its rule that a run crossing a column boundary
    /// spans the full height).
    /// </summary>
    public CocoBox ToBbox()
    {
        int m = Counts.Length / 2 * 2;
        if (m == 0 || Height == 0) return default;
        uint h = (uint)Height;
        uint xs = (uint)Width, ys = h, xe = 0, ye = 0, cc = 0, xp = 0;
        for (int j = 0; j < m; j++)
        {
            cc += Counts[j];
            uint t = cc - (uint)(j % 2);
            uint y = t % h, x = (t - y) / h;
            if (j % 2 == 0) xp = x;
            else if (xp < x) { ys = 0; ye = h - 1; }
            xs = Math.Min(xs, x); xe = Math.Max(xe, x);
            ys = Math.Min(ys, y); ye = Math.Max(ye, y);
        }
        return new CocoBox(xs, ys, xe - xs + 1.0, ye - ys + 1.0);
    }

    /// <summary>
    /// The compressed string form of the counts, as stored in COCO JSON (<c>rleToString</c>): each count, minus the
    /// count two places earlier from the fourth on, is written as little-endian 5-bit groups with a continuation bit
    /// (0x20) and a sign bit (0x10) in the last group, each group offset by 48 into printable ASCII.
    /// </summary>
    public string ToCompressedString()
    {
        var chars = new System.Text.StringBuilder(Counts.Length * 2);
        for (int i = 0; i < Counts.Length; i++)
        {
            long x = Counts[i];
            if (i > 2) x -= Counts[i - 2];
            bool more = true;
            while (more)
            {
                int c = (int)(x & 0x1f);
                x >>= 5;
                more = (c & 0x10) != 0 ? x != -1 : x != 0;
                if (more) c |= 0x20;
                chars.Append((char)(c + 48));
            }
        }
        return chars.ToString();
    }

    /// <summary>
    /// Parses the compressed string form (<c>rleFrString</c>, used by <c>pycocotools.mask.decode</c> on JSON RLE).
    /// </summary>
    /// <exception cref="FormatException">A character is outside the alphabet or the string ends inside a count.</exception>
    public static Rle FromCompressedString(string text, int height, int width)
    {
        ArgumentNullException.ThrowIfNull(text);
        var counts = new List<uint>(text.Length);
        int p = 0;
        while (p < text.Length)
        {
            long x = 0;
            int k = 0;
            bool more = true;
            while (more)
            {
                if (p >= text.Length) throw new FormatException("The RLE string ends inside a count.");
                int c = text[p] - 48;
                if (c is < 0 or > 63) throw new FormatException($"'{text[p]}' at {p} is not an RLE character (0x30..0x6F).");
                if (k > 6) throw new FormatException("An RLE count is longer than 32 bits.");
                x |= (long)(c & 0x1f) << (5 * k);
                more = (c & 0x20) != 0;
                p++; k++;
                if (!more && (c & 0x10) != 0) x |= -1L << (5 * k);
            }
            if (counts.Count > 2) x += counts[^2];
            counts.Add((uint)x);
        }
        return new Rle(height, width, counts.ToArray());
    }

    /// <summary>
    /// Union (or intersection) of masks of one size, run by run without decoding (<c>pycocotools.mask.merge</c>,
    /// <c>rleMerge</c>).
    /// </summary>
    public static Rle Merge(IReadOnlyList<Rle> masks, bool intersect = false)
    {
        ArgumentNullException.ThrowIfNull(masks);
        if (masks.Count == 0) return new Rle(0, 0, []);
        Rle acc = masks[0];
        for (int i = 1; i < masks.Count; i++)
        {
            Rle b = masks[i];
            if (b.Height != acc.Height || b.Width != acc.Width)
                throw new ArgumentException("Masks to merge differ in size.", nameof(masks));
            acc = MergeTwo(acc, b, intersect);
        }
        return acc == masks[0] ? new Rle(acc.Height, acc.Width, (uint[])acc.Counts.Clone()) : acc;
    }

    private static Rle MergeTwo(Rle a, Rle b, bool intersect)
    {
        var counts = new List<uint>(a.Counts.Length + b.Counts.Length);
        var ra = new RunCursor(a.Counts);
        var rb = new RunCursor(b.Counts);
        bool v = false;
        uint cc = 0;
        bool pending = true;
        while (pending)
        {
            uint c = Math.Min(ra.Left, rb.Left);
            cc += c;
            ra.Take(c); rb.Take(c);
            pending = ra.Left + (ulong)rb.Left > 0;
            bool previous = v;
            v = intersect ? ra.On && rb.On : ra.On || rb.On;
            if (v != previous || !pending) { counts.Add(cc); cc = 0; }
        }
        return new Rle(a.Height, a.Width, counts.ToArray());
    }

    /// <summary>
    /// Intersection over union of two masks of one size (<c>pycocotools.mask.iou</c>, <c>rleIou</c>). With
    /// <paramref name="crowd"/> the denominator is the area of <paramref name="detection"/> alone, COCO's rule for
    /// crowd ground truth. Zero when the masks do not overlap.
    /// </summary>
    public static double Iou(Rle detection, Rle groundTruth, bool crowd = false)
    {
        ArgumentNullException.ThrowIfNull(detection);
        ArgumentNullException.ThrowIfNull(groundTruth);
        if (detection.Height != groundTruth.Height || detection.Width != groundTruth.Width) return -1;
        var ra = new RunCursor(detection.Counts);
        var rb = new RunCursor(groundTruth.Counts);
        ra.Take(0); rb.Take(0);
        ulong inter = 0, union = 0;
        while (ra.Left > 0 || rb.Left > 0)
        {
            uint c = Math.Min(ra.Left, rb.Left);
            if (ra.On || rb.On) { union += c; if (ra.On && rb.On) inter += c; }
            ra.Take(c); rb.Take(c);
        }
        if (inter == 0) return 0;
        if (crowd) union = (ulong)detection.Area;
        return inter / (double)union;
    }

    /// <summary>Walks runs, skipping empty ones, so two masks can be stepped through together.</summary>
    private struct RunCursor(uint[] counts)
    {
        private int _next = counts.Length > 0 ? 1 : 0;
        public uint Left = counts.Length > 0 ? counts[0] : 0;
        public bool On;

        public void Take(uint c)
        {
            Left -= Math.Min(c, Left);
            while (Left == 0 && _next < counts.Length) { Left = counts[_next++]; On = !On; }
        }
    }

    private void CheckTotal()
    {
        ulong total = 0;
        foreach (uint c in Counts) total += c;
        if (total != (ulong)Height * (ulong)Width)
            throw new FormatException($"RLE counts add up to {total}, not {Height} x {Width} = {(long)Height * Width}.");
    }
}
