using OpenCvSharp;
using SegmentSharp.Codecs;
using SegmentSharp.Components;
using SegmentSharp.Enhancement;
using SegmentSharp.Imaging;

namespace SegmentSharp.OracleTests.Enhancement;

/// <summary>Invert and Despeckle against the OpenCV calls they document as equivalents.</summary>
public class PreprocessOracleTests
{
    public static TheoryData<int, int, int> Sizes => new()
    {
        { 1, 1, 1 }, { 1, 77, 1 }, { 77, 1, 1 }, { 31, 17, 1 }, { 33, 9, 3 }, { 1000, 700, 1 }, { 65, 3, 4 },
    };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void InvertEqualsBitwiseNot(int w, int h, int ch)
    {
        var img = new Image<byte>(w, h, ch);
        new Random(w * 7 + h).NextBytes(img.Data);
        using var mat = Oracle.ToMat(img);
        using var expected = new Mat();
        Cv2.BitwiseNot(mat, expected);
        var got = Invert.Apply(img.ReadOnlyView);
        using var gotMat = Oracle.ToMat(got);
        Assert.Equal(0, Cv2.Norm(expected, gotMat, NormTypes.INF));
    }

    [Fact]
    public void InvertOnSamplesEqualsBitwiseNot()
    {
        foreach (string path in RepoPaths.SamplePngs())
        {
            var gray = ImageFile.ReadGray(path);
            using var expected = new Mat();
            using var mat = Oracle.ToMat(gray);
            Cv2.BitwiseNot(mat, expected);
            Oracle.AssertEqual(expected, Invert.Apply(gray.ReadOnlyView), Path.GetFileName(path));
        }
    }

    [Theory]
    [InlineData(PixelConnectivity.Connectivity8, 12)]
    [InlineData(PixelConnectivity.Connectivity4, 5)]
    public void DespeckleEqualsTheConnectedComponentsIdiomOnOtsuMasks(PixelConnectivity cv, int minArea)
    {
        var conn = cv == PixelConnectivity.Connectivity8 ? Connectivity.Eight : Connectivity.Four;
        foreach (string name in new[] { "page.png", "text.png", "coins.png" })
        {
            var gray = ImageFile.ReadGray(RepoPaths.Sample(name));
            using var g = Oracle.ToMat(gray);
            using var mask = new Mat();
            Cv2.Threshold(g, mask, 0, 255, ThresholdTypes.Binary | ThresholdTypes.Otsu);
            var ours = Oracle.ToImage(mask);

            // Dark specks: label the inverse, paint small components white.
            using var inv = new Mat();
            Cv2.BitwiseNot(mask, inv);
            using var labels = new Mat();
            using var stats = new Mat();
            using var centroids = new Mat();
            int n = Cv2.ConnectedComponentsWithStats(inv, labels, stats, centroids, cv, MatType.CV_32S);
            using var expected = mask.Clone();
            int removed = 0;
            for (int i = 1; i < n; i++)
            {
                if (stats.At<int>(i, (int)ConnectedComponentsTypes.Area) >= minArea) continue;
                removed++;
                using var sel = new Mat();
                Cv2.Compare(labels, new Scalar(i), sel, CmpTypes.EQ);
                expected.SetTo(new Scalar(255), sel);
            }
            var got = Despeckle.Apply(ours.ReadOnlyView, minArea, out int ourRemoved, SpeckPolarity.Dark, conn);
            Assert.Equal(removed, ourRemoved);
            Oracle.AssertEqual(expected, got, name);
        }
    }
}
