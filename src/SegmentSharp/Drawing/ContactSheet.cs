using SegmentSharp.Imaging;

namespace SegmentSharp.Drawing;

/// <summary>One cell of a contact sheet: an image (or none, shown as a placeholder) and its caption.</summary>
/// <param name="Image">Single-channel 8-bit image, or null for a placeholder (e.g. a method that is not available).</param>
/// <param name="Label">Caption drawn under the tile; '\n' separates lines; printable ASCII.</param>
public sealed record ContactSheetTile(Image<byte>? Image, string Label);

/// <summary>
/// Lays out labelled gray images in a grid (a "contact sheet"), the way scikit-image's <c>try_all_threshold</c> shows
/// every threshold method side by side, but as a plain 8-bit image with no plotting library: tiles are reduced by area
/// averaging (OpenCV's <c>INTER_AREA</c> idea) to a common width, captions are drawn with <see cref="BitmapFont"/>.
/// </summary>
public static class ContactSheet
{
    /// <summary>Gray of the gaps between tiles and of the margins.</summary>
    public const byte GapGray = 120;
    /// <summary>Gray of a placeholder tile.</summary>
    public const byte PlaceholderGray = 215;

    /// <summary>
    /// Composes the sheet. Every tile is scaled to <paramref name="tileWidth"/> pixels wide (never enlarged beyond the
    /// widest image) with the aspect ratio of the first image; captions sit on a white band under each tile; an optional
    /// <paramref name="title"/> runs across the top.
    /// </summary>
    /// <param name="tiles">The cells, in reading order.</param>
    /// <param name="tileWidth">Width of one tile in pixels, ≥ 16.</param>
    /// <param name="columns">Tiles per row, ≥ 1 (fewer when there are fewer tiles).</param>
    /// <param name="title">Text above the grid, or null.</param>
    /// <exception cref="ArgumentException">No tiles, or a tile image is not single-channel.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tileWidth"/> or <paramref name="columns"/> is too small.</exception>
    public static Image<byte> Compose(IReadOnlyList<ContactSheetTile> tiles, int tileWidth = 320, int columns = 4, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(tiles);
        if (tiles.Count == 0) throw new ArgumentException("A contact sheet needs at least one tile.", nameof(tiles));
        ArgumentOutOfRangeException.ThrowIfLessThan(tileWidth, 16);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        foreach (var t in tiles)
            if (t.Image is { Channels: not 1 }) throw new ArgumentException("Contact sheet tiles must be single-channel.", nameof(tiles));

        var first = tiles.FirstOrDefault(t => t.Image is not null)?.Image;
        int widest = tiles.Where(t => t.Image is not null).Select(t => t.Image!.Width).DefaultIfEmpty(tileWidth).Max();
        int tw = Math.Min(tileWidth, Math.Max(widest, 16));
        int th = first is null ? tw * 3 / 4 : Math.Max(1, (int)Math.Round((double)first.Height * tw / first.Width));

        int scale = tw >= 200 ? 2 : 1;
        int lines = tiles.Max(t => t.Label.Split('\n').Length);
        int pad = 3 * scale;
        int band = lines * BitmapFont.LineHeight * scale - 2 * scale + 2 * pad;
        int gap = 6;
        int cols = Math.Min(columns, tiles.Count);
        int rows = (tiles.Count + cols - 1) / cols;
        int titleHeight = title is null ? 0 : BitmapFont.Measure(title, scale).Height + 2 * pad;

        int width = cols * tw + (cols + 1) * gap;
        int height = titleHeight + rows * (th + band) + (rows + 1) * gap;
        var sheet = new Image<byte>(width, height);
        sheet.Data.AsSpan().Fill(GapGray);
        if (title is not null)
        {
            Fill(sheet, 0, 0, width, titleHeight, 255);
            BitmapFont.DrawText(sheet.View, gap, pad, Fit(title, width - 2 * gap, scale), scale, 0);
        }

        for (int i = 0; i < tiles.Count; i++)
        {
            int cx = gap + (i % cols) * (tw + gap);
            int cy = titleHeight + gap + (i / cols) * (th + band + gap);
            var tile = tiles[i];
            if (tile.Image is null)
            {
                Fill(sheet, cx, cy, tw, th, PlaceholderGray);
                var (mw, mh) = BitmapFont.Measure("n/a", scale * 2);
                BitmapFont.DrawText(sheet.View, cx + (tw - mw) / 2, cy + (th - mh) / 2, "n/a", scale * 2, 90);
            }
            else
            {
                // Keep each image's own aspect ratio inside the cell, centred on the placeholder gray.
                var img = tile.Image;
                double f = Math.Min((double)tw / img.Width, (double)th / img.Height);
                int w = Math.Clamp((int)Math.Round(img.Width * f), 1, tw), h = Math.Clamp((int)Math.Round(img.Height * f), 1, th);
                if (w != tw || h != th) Fill(sheet, cx, cy, tw, th, PlaceholderGray);
                var small = Resize(img, w, h);
                int ox = cx + (tw - w) / 2, oy = cy + (th - h) / 2;
                for (int y = 0; y < h; y++) small.Row(y).CopyTo(sheet.Row(oy + y).Slice(ox, w));
            }
            Fill(sheet, cx, cy + th, tw, band, 255);
            string[] labelLines = tile.Label.Split('\n');
            for (int l = 0; l < labelLines.Length; l++)
                BitmapFont.DrawText(sheet.View, cx + pad, cy + th + pad + l * BitmapFont.LineHeight * scale,
                    Fit(labelLines[l], tw - 2 * pad, scale), scale, 0);
        }
        return sheet;
    }

    /// <summary>Cuts <paramref name="text"/> (per line) so it fits <paramref name="width"/> pixels, ending a cut line with "..".</summary>
    private static string Fit(string text, int width, int scale)
    {
        int max = Math.Max(1, (width / scale + 1) / BitmapFont.Advance);
        return string.Join('\n', text.Split('\n').Select(l => l.Length <= max ? l : l[..Math.Max(0, max - 2)] + ".."));
    }

    private static void Fill(Image<byte> img, int x, int y, int w, int h, byte v)
    {
        for (int yy = Math.Max(0, y); yy < Math.Min(img.Height, y + h); yy++)
            img.Row(yy).Slice(Math.Max(0, x), Math.Max(0, Math.Min(img.Width, x + w) - Math.Max(0, x))).Fill(v);
    }

    /// <summary>
    /// Resizes a single-channel image: area averaging (each output pixel is the mean of the source area it covers, with
    /// fractional edge weights) when shrinking, nearest neighbour when enlarging. Used for previews, not bit-exact with OpenCV.
    /// </summary>
    /// <exception cref="ArgumentException">The image is not single-channel.</exception>
    public static Image<byte> Resize(ReadOnlyImageView<byte> src, int width, int height)
    {
        ImageGuard.SingleChannel(src, nameof(src));
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        var xs = Spans(src.Width, width);
        var ys = Spans(src.Height, height);
        var dst = new Image<byte>(width, height);
        var acc = new double[width];
        for (int y = 0; y < height; y++)
        {
            Array.Clear(acc);
            double wsum = 0;
            foreach (var (sy, wy) in ys[y])
            {
                var row = src.Row(sy);
                for (int x = 0; x < width; x++)
                {
                    double s = 0;
                    foreach (var (sx, wx) in xs[x]) s += row[sx] * wx;
                    acc[x] += s * wy;
                }
                wsum += wy;
            }
            var d = dst.Row(y);
            for (int x = 0; x < width; x++)
            {
                double wx = 0;
                foreach (var (_, w) in xs[x]) wx += w;
                d[x] = (byte)Math.Clamp(Math.Round(acc[x] / (wsum * wx)), 0, 255);
            }
        }
        return dst;
    }

    /// <summary>For each output index, the source indices it covers and their coverage weights.</summary>
    private static (int Index, double Weight)[][] Spans(int srcLen, int dstLen)
    {
        var result = new (int, double)[dstLen][];
        double step = (double)srcLen / dstLen;
        for (int i = 0; i < dstLen; i++)
        {
            if (step <= 1)
            {
                result[i] = [(Math.Min(srcLen - 1, (int)(i * step + step / 2)), 1.0)];
                continue;
            }
            double a = i * step, b = (i + 1) * step;
            var list = new List<(int, double)>();
            for (int s = (int)Math.Floor(a); s < Math.Min(srcLen, (int)Math.Ceiling(b)); s++)
            {
                double w = Math.Min(b, s + 1) - Math.Max(a, s);
                if (w > 1e-12) list.Add((s, w));
            }
            result[i] = list.ToArray();
        }
        return result;
    }
}
