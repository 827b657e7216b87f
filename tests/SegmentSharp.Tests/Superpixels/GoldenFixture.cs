using System.Globalization;
using SegmentSharp.Codecs;
using SegmentSharp.Imaging;
using SegmentSharp.Testing;

namespace SegmentSharp.Tests.Superpixels;

/// <summary>
/// Reads a block of the scikit-image golden files (make_felzenszwalb.py, make_slic.py): a synthetic case's pixels,
/// or a bundled sample subsampled every <c>step</c>-th row and column, followed by the label rows.
/// </summary>
internal static class GoldenFixture
{
    /// <summary>The input of the block whose header is at <paramref name="at"/>; returns it and the first label line.</summary>
    public static (Image<byte> Image, int LabelsAt) Input(string[] lines, int at, string name, int step, bool gray, int w, int h)
    {
        int cn = gray ? 1 : 3;
        var img = new Image<byte>(w, h, cn);
        int first = at + 1;
        if (name.StartsWith("synthetic:", StringComparison.Ordinal))
        {
            for (int y = 0; y < h; y++)
            {
                var row = lines[first + y].Split(' ');
                for (int i = 0; i < w * cn; i++) img.Row(y)[i] = byte.Parse(row[i], CultureInfo.InvariantCulture);
            }
            first += h;
        }
        else
        {
            var full = gray ? ImageFile.ReadGray(RepoPaths.Sample(name)) : ImageFile.ReadColor(RepoPaths.Sample(name));
            for (int y = 0; y < h; y++)
                for (int x = 0; x < w; x++)
                    for (int c = 0; c < cn; c++) img.Row(y)[x * cn + c] = full.Row(y * step)[x * step * cn + c];
        }
        return (img, first);
    }

    public static int[] Labels(string[] lines, int first, int w, int h)
    {
        var labels = new int[w * h];
        for (int y = 0; y < h; y++)
        {
            var row = lines[first + y].Split(' ');
            for (int x = 0; x < w; x++) labels[y * w + x] = int.Parse(row[x], CultureInfo.InvariantCulture);
        }
        return labels;
    }
}
