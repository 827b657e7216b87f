using System.Runtime.InteropServices;
using OpenCvSharp;
using SegmentSharp.Clustering;
using SegmentSharp.Testing;

namespace SegmentSharp.OracleTests.Clustering;

public class ColorKMeansOracleTests
{
    /// <summary>Painting Lab centres converts them exactly as cv2.cvtColor(COLOR_Lab2BGR) does.</summary>
    [Fact]
    public void LabPaletteEqualsCvtColor()
    {
        var bgr = new byte[3 * 64 * 64 * 64];
        int n = 0;
        for (int b = 0; b < 256; b += 4)
            for (int g = 0; g < 256; g += 4)
                for (int r = 0; r < 256; r += 4) { bgr[n++] = (byte)b; bgr[n++] = (byte)g; bgr[n++] = (byte)r; }
        using var colours = new Mat(1, bgr.Length / 3, MatType.CV_8UC3);
        Marshal.Copy(bgr, 0, colours.Data, bgr.Length);
        using var src = new Mat();
        Cv2.CvtColor(colours, src, ColorConversionCodes.BGR2Lab);
        var lab = new byte[bgr.Length];
        Marshal.Copy(src.Data, lab, 0, lab.Length);
        using var dst = new Mat();
        Cv2.CvtColor(src, dst, ColorConversionCodes.Lab2BGR);
        var want = new byte[lab.Length];
        Marshal.Copy(dst.Data, want, 0, want.Length);
        Assert.Equal(want, LabPalette.ToBgr(lab));
        Assert.Empty(LabPalette.ToBgr([]));
    }

    /// <summary>Seed 004's recipe in OpenCV (Lab floats, cv2.kmeans K=4 with k-means++, 10 attempts) and ours reach the same compactness.</summary>
    [Fact]
    public void SeedRecipeCompactnessMatchesOpenCv()
    {
        using var bgr = Cv2.ImRead(RepoPaths.Sample("coffee.png"), ImreadModes.Color);
        using var lab = new Mat();
        Cv2.CvtColor(bgr, lab, ColorConversionCodes.BGR2Lab);
        using var z = new Mat();
        lab.Reshape(1, bgr.Rows * bgr.Cols).ConvertTo(z, MatType.CV_32F);
        using var labels = new Mat();
        using var centers = new Mat();
        Cv2.SetTheRNG(4);
        double cv = Cv2.Kmeans(z, 4, labels, new OpenCvSharp.TermCriteria(CriteriaTypes.Eps | CriteriaTypes.Count, 20, 0.5), 10, KMeansFlags.PpCenters, centers);
        var img = Oracle.ToImage(bgr);
        var ours = ColorKMeans.Segment(img, new ColorKMeansOptions { KMeans = new KMeansOptions { K = 4, Attempts = 10, Seed = 4 } });
        Assert.True(Math.Abs(ours.Clusters.Compactness - cv) <= 0.005 * cv, $"ours {ours.Clusters.Compactness:R}, OpenCV {cv:R}");
    }
}
