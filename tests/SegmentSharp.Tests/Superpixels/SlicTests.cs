using CsCheck;
using SegmentSharp.Imaging;
using SegmentSharp.Superpixels;

namespace SegmentSharp.Tests.Superpixels;

/// <summary>Properties of SLIC that the scikit-image goldens do not pin down by themselves.</summary>
public class SlicTests
{
    private static Image<byte> Random(int w, int h, int cn, uint seed)
    {
        var img = new Image<byte>(w, h, cn);
        new Random((int)seed).NextBytes(img.Data);
        return img;
    }

    [Fact]
    public void StartLabelZeroShiftsEveryLabelDown()
    {
        Gen.Select(Gen.Int[1, 40], Gen.Int[1, 40], Gen.Bool, Gen.Int[1, 60], Gen.Bool, Gen.UInt)
            .Sample((w, h, colour, k, enforce, seed) =>
            {
                int cn = colour ? 3 : 1;
                var img = Random(w, h, cn, seed);
                var one = Slic.Segment(img, k, cn == 1 ? 0.2 : 10, enforceConnectivity: enforce);
                var zero = Slic.Segment(img, k, cn == 1 ? 0.2 : 10, enforceConnectivity: enforce, startLabel: 0);
                return one.Data.Select(v => v - 1).SequenceEqual(zero.Data);
            });
    }

    [Fact]
    public void ConnectivityPassNumbersLabelsWithoutGaps()
    {
        Gen.Select(Gen.Int[1, 50], Gen.Int[1, 50], Gen.Int[1, 80], Gen.UInt)
            .Sample((w, h, k, seed) =>
            {
                var labels = Slic.Segment(Random(w, h, 3, seed), k, 5).Data;
                int max = labels.Max();
                return labels.Min() == 1 && labels.Distinct().Count() == max;
            });
    }

    [Fact]
    public void RejectsWhatScikitImageRejects()
    {
        var img = new Image<byte>(4, 4, 3);
        Assert.Throws<ArgumentException>(() => Slic.Segment(new Image<byte>(4, 4, 2), 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => Slic.Segment(img, 10, startLabel: 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => Slic.Segment(img, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Slic.Segment(img, 10, compactness: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Slic.Segment(img, 10, sigma: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Slic.Segment(img, 10, maxIter: -1));
    }

    [Fact]
    public void RgbClusteringIgnoresTheLabSwitchForGray()
    {
        var img = Random(30, 20, 1, 9);
        Assert.Equal(Slic.Segment(img, 20, 0.3).Data, Slic.Segment(img, 20, 0.3, convertToLab: false).Data);
    }
}
