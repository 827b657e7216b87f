using SegmentSharp.Components;
using SegmentSharp.Imaging;

namespace SegmentSharp.Distance;

/// <summary>The seed labels of a labelled distance transform: one per zero pixel, or one per 8-connected zero region.</summary>
internal static class VoronoiSeeds
{
    public static void Fill(ReadOnlyImageView<byte> src, ImageView<int> labels, DistanceLabelType type)
    {
        int w = src.Width, h = src.Height;
        if (type == DistanceLabelType.Pixel)
        {
            int k = 1;
            for (int y = 0; y < h; y++)
            {
                var s = src.Row(y);
                var l = labels.Row(y);
                for (int x = 0; x < w; x++) l[x] = s[x] == 0 ? k++ : 0;
            }
            return;
        }

        var zeros = new Image<byte>(w, h);
        for (int y = 0; y < h; y++)
        {
            var s = src.Row(y);
            var z = zeros.Row(y);
            for (int x = 0; x < w; x++) z[x] = s[x] == 0 ? (byte)255 : (byte)0;
        }
        int count = ConnectedComponents.Label(zeros.ReadOnlyView, labels, Connectivity.Eight);
        // OpenCV labels the zero regions with its raster-scan algorithm (CCL_WU), whose numbers follow the first pixel
        // of each region in raster order; our labeller numbers by 2×2 blocks, so renumber by first appearance.
        var map = new int[count];
        int next = 1;
        for (int y = 0; y < h; y++)
        {
            var l = labels.Row(y);
            for (int x = 0; x < w; x++)
            {
                int v = l[x];
                if (v == 0) continue;
                int m = map[v];
                if (m == 0) map[v] = m = next++;
                l[x] = m;
            }
        }
    }
}
