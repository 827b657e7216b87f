using SegmentSharp.Components;
using SegmentSharp.Imaging;

namespace SegmentSharp.Morphology;

/// <summary>Connected regions of the foreground or of the background of a binary mask, for the region-based mask edits.</summary>
internal static class BinaryRegions
{
    /// <summary>
    /// Labels the connected regions of the nonzero pixels (<paramref name="background"/> false) or of the zero pixels
    /// (true) and returns their pixel counts, indexed by label (entry 0 is everything else).
    /// </summary>
    public static Image<int> Label(ReadOnlyImageView<byte> src, bool background, Connectivity connectivity, out int[] areas)
    {
        Image<int> labels;
        ComponentStats stats;
        if (background)
        {
            var inv = new Image<byte>(src.Width, src.Height);
            for (int y = 0; y < src.Height; y++)
            {
                var s = src.Row(y);
                var d = inv.Row(y);
                for (int x = 0; x < s.Length; x++) d[x] = s[x] == 0 ? (byte)255 : (byte)0;
            }
            labels = ConnectedComponents.LabelWithStats(inv.ReadOnlyView, connectivity, out stats);
        }
        else
        {
            labels = ConnectedComponents.LabelWithStats(src, connectivity, out stats);
        }
        areas = new int[stats.Count];
        for (int i = 1; i < areas.Length; i++) areas[i] = stats[i].Area;
        return labels;
    }

    /// <summary>Marks the labels that own a pixel within <paramref name="band"/> pixels of the image edge.</summary>
    public static bool[] TouchingBorder(Image<int> labels, int count, int band)
    {
        var touch = new bool[count];
        int w = labels.Width, h = labels.Height;
        for (int y = 0; y < h; y++)
        {
            var row = labels.Row(y);
            if (y < band || y >= h - band)
            {
                foreach (int l in row) touch[l] = true;
            }
            else
            {
                for (int x = 0; x < Math.Min(band, w); x++) touch[row[x]] = true;
                for (int x = Math.Max(w - band, 0); x < w; x++) touch[row[x]] = true;
            }
        }
        return touch;
    }

    /// <summary>dst = 255 where the source is nonzero and its label is kept (or, for background labels, where a zero
    /// pixel's region is to be filled); 0 elsewhere.</summary>
    public static void Write(ReadOnlyImageView<byte> src, Image<int> labels, bool[] flip, bool background, ImageView<byte> dst)
    {
        for (int y = 0; y < src.Height; y++)
        {
            var s = src.Row(y);
            var l = labels.Row(y);
            var d = dst.Row(y);
            for (int x = 0; x < s.Length; x++)
            {
                bool fg = s[x] != 0;
                // Foreground edits flip selected objects off; background edits flip selected regions on.
                bool on = background ? fg || flip[l[x]] : fg && !flip[l[x]];
                d[x] = on ? (byte)255 : (byte)0;
            }
        }
    }

    public static void Check(ReadOnlyImageView<byte> src, ImageView<byte> dst, Connectivity connectivity)
    {
        ImageGuard.SingleChannel(src, nameof(src));
        ImageGuard.SameSize(src, dst, nameof(dst));
        if (connectivity is not (Connectivity.Four or Connectivity.Eight))
            throw new ArgumentOutOfRangeException(nameof(connectivity), connectivity, "Connectivity must be Four or Eight.");
    }
}
