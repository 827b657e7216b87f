using CsCheck;
using SegmentSharp.Drawing;
using SegmentSharp.Imaging;
using SegmentSharp.Models;

namespace SegmentSharp.Tests.Models;

public class SemanticMapsTests
{
    [Fact]
    public void ArgmaxMatchesScalarReferenceIncludingTiesAndNaN()
    {
        Gen.Select(Gen.Int[1, 7], Gen.Int[0, 70], Gen.Int)
            .Sample((classes, plane, seed) =>
            {
                var rnd = new Random(seed);
                var scores = new float[classes * plane];
                for (int i = 0; i < scores.Length; i++)
                {
                    int k = rnd.Next(20);
                    scores[i] = k == 0 ? float.NaN : k < 6 ? 1f : (float)rnd.NextDouble();
                }
                var fast = new int[plane];
                var slow = new int[plane];
                SemanticMaps.Argmax(scores, classes, plane, fast);
                SemanticMaps.ArgmaxScalar(scores, classes, plane, 0, slow);
                Assert.Equal(slow, fast);
            }, iter: 500);
    }

    [Fact]
    public void ArgmaxTakesFirstMaximumAsNumpy()
    {
        // Pixel 0: classes 1 and 2 tie at 5 → 1. Pixel 1: class 0 NaN ranks highest → 0. Pixel 2: all equal → 0.
        float[] s = [1, float.NaN, 3, 5, 1, 3, 5, 4, 3];
        var labels = SemanticMaps.ArgmaxLabels(s, 3, 3, 1);
        Assert.Equal(new byte[] { 1, 0, 0 }, labels.Data);
    }

    [Fact]
    public void ThresholdIsStrict()
    {
        var m = SemanticMaps.Threshold([0.3f, 0.30001f, 0.9f, 0f], 2, 2, 0.3f);
        Assert.Equal(new byte[] { 0, 255, 255, 0 }, m.Data);
    }

    [Fact]
    public void CountsAndShares()
    {
        var img = new Image<byte>([0, 0, 1, 255], 2, 2);
        var counts = SemanticMaps.ClassCounts(img.ReadOnlyView);
        Assert.Equal((2L, 1L, 1L), (counts[0], counts[1], counts[255]));
        Assert.Equal(0.5, SemanticMaps.ClassShares(img.ReadOnlyView)[0]);
    }

    [Fact]
    public void VocPaletteHasTheDevkitColours()
    {
        Assert.Equal(new Rgb(0, 0, 0), VocPalette.Colour(0));
        Assert.Equal(new Rgb(128, 0, 0), VocPalette.Colour(1));
        Assert.Equal(new Rgb(0, 128, 0), VocPalette.Colour(2));
        Assert.Equal(new Rgb(128, 128, 128), VocPalette.Colour(7));
        Assert.Equal(new Rgb(64, 0, 0), VocPalette.Colour(8));
        Assert.Equal(new Rgb(0, 64, 128), VocPalette.Colour(20));
        Assert.Equal(new Rgb(224, 224, 192), VocPalette.Colour(255));
        var bgr = VocPalette.Colorize(new Image<byte>([1], 1, 1).ReadOnlyView);
        Assert.Equal(new byte[] { 0, 0, 128 }, bgr.Data);
    }

    [Fact]
    public void NearestSourceIndicesFollowOpenCV()
    {
        // 3 → 7: scale 3/7, floor(i·3/7); 7 → 3: floor(i·7/3) = 0, 2, 4.
        Assert.Equal([0, 0, 0, 1, 1, 2, 2], NearestResize.SourceIndices(3, 7));
        Assert.Equal([0, 2, 4], NearestResize.SourceIndices(7, 3));
    }
}
