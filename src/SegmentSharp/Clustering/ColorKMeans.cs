using SegmentSharp.Color;
using SegmentSharp.Imaging;

namespace SegmentSharp.Clustering;

/// <summary>
/// Colour segmentation by k-means, the recipe of OpenCV's tutorial (seed 004: pixels to Lab floats, <c>cv2.kmeans</c>
/// with k-means++, centres cast to <c>uint8</c> and converted back to BGR to paint each cluster), with RGB or HSV
/// features as alternatives and the pixel position as optional extra features.
/// </summary>
public static class ColorKMeans
{
    /// <summary>Clusters the pixels of a BGR (or BGRA) image by colour; see <see cref="ColorKMeansOptions"/>.</summary>
    /// <exception cref="ArgumentException">The image has fewer than 3 channels, or K exceeds its pixel count.</exception>
    public static ColorKMeansResult Segment(ReadOnlyImageView<byte> bgr, ColorKMeansOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (bgr.Channels is not (3 or 4)) throw new ArgumentException($"Expected a BGR or BGRA image, got {bgr.Channels} channels.", nameof(bgr));
        int w = bgr.Width, h = bgr.Height, cn = bgr.Channels;
        Image<byte> colour;
        if (options.Space == ColorFeatureSpace.Rgb)
        {
            colour = new Image<byte>(w, h, 3);
            for (int y = 0; y < h; y++)
            {
                var s = bgr.Row(y);
                var d = colour.Row(y);
                for (int x = 0; x < w; x++) { d[3 * x] = s[cn * x]; d[3 * x + 1] = s[cn * x + 1]; d[3 * x + 2] = s[cn * x + 2]; }
            }
        }
        else
        {
            colour = new Image<byte>(w, h, 3);
            ColorConversion.Convert(bgr, colour.View, options.Space == ColorFeatureSpace.Lab ? ColorCode.BGR2Lab : ColorCode.BGR2HSV);
        }

        bool xy = options.XyWeight > 0;
        int dims = xy ? 5 : 3;
        float scale = xy ? (float)(options.XyWeight * 255.0 / Math.Max(w, h)) : 0;
        var features = new float[(long)w * h * dims <= Array.MaxLength ? w * h * dims : throw new ArgumentException("The image is too large.", nameof(bgr))];
        for (int y = 0, i = 0; y < h; y++)
        {
            var row = colour.Row(y);
            for (int x = 0; x < w; x++, i += dims)
            {
                features[i] = row[3 * x];
                features[i + 1] = row[3 * x + 1];
                features[i + 2] = row[3 * x + 2];
                if (xy) { features[i + 3] = x * scale; features[i + 4] = y * scale; }
            }
        }

        var clusters = KMeans.Cluster(features, dims, options.KMeans);
        var palette = Palette(clusters, options.Space);
        var labels = new Image<int>(clusters.Labels, w, h);
        var painted = new Image<byte>(w, h, 3);
        var px = painted.Data;
        for (int i = 0; i < clusters.Labels.Length; i++)
        {
            int c = 3 * clusters.Labels[i];
            px[3 * i] = palette[c];
            px[3 * i + 1] = palette[c + 1];
            px[3 * i + 2] = palette[c + 2];
        }
        return new ColorKMeansResult(labels, painted, palette, clusters);
    }

    /// <summary>Each centre's colour features cast to bytes as <c>np.uint8</c> does (truncated), then converted to BGR.</summary>
    private static byte[] Palette(KMeansResult clusters, ColorFeatureSpace space)
    {
        int k = clusters.K;
        var centres = new Image<byte>(k, 1, 3);
        for (int c = 0; c < k; c++)
            for (int j = 0; j < 3; j++)
                centres.Data[3 * c + j] = (byte)Math.Clamp((int)clusters.Centers[c * clusters.Dimensions + j], 0, 255);
        return space switch
        {
            ColorFeatureSpace.Rgb => centres.Data,
            ColorFeatureSpace.Hsv => ColorConversion.Convert(centres, ColorCode.HSV2BGR).Data,
            _ => LabPalette.ToBgr(centres.Data),
        };
    }
}
