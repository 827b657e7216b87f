using OpenCvSharp;
using SegmentSharp.Filters;
using SegmentSharp.Imaging;
using SegmentSharp.Morphology;
using static SegmentSharp.OracleTests.Morphology.MorphOracleData;

namespace SegmentSharp.OracleTests.Morphology;

public class MorphologyEdgeCaseOracleTests
{
    [Fact]
    public void WrapIsRejectedLikeOpenCv()
    {
        var img = Random(9, 9, 1, 1);
        using var m = Oracle.ToMat(img);
        using var k = ToMat(StructuringElement.Rectangle(3, 3));
        using var dst = new Mat();
        Assert.ThrowsAny<Exception>(() => Cv2.Erode(m, dst, k, null, 1, BorderTypes.Wrap));
        Assert.Throws<ArgumentException>(() => SegmentSharp.Morphology.Morphology.Erode(img.ReadOnlyView, img.CloneEmpty().View,
            StructuringElement.Rectangle(3, 3), border: BorderType.Wrap));
    }

    [Fact]
    public void OneByOneElementCopiesEvenWhenEmpty()
    {
        var img = Random(13, 11, 3, 2);
        // OpenCV copies for any 1×1 kernel, including a zero one.
        Check(img, MorphOperation.Erode, StructuringElement.FromMask(new byte[] { 0 }, 1, 1), "1x1 zero");
        Check(img, MorphOperation.Dilate, StructuringElement.FromMask(new byte[] { 0 }, 1, 1), "1x1 zero", iterations: 4);
        Check(img, MorphOperation.Gradient, StructuringElement.Rectangle(1, 1), "1x1");
    }

    [Fact]
    public void EmptyElementIsRejected()
    {
        // OpenCV's result for an all-zero kernel larger than 1×1 depends on stale pointers (a shifted copy in 4.6);
        // we refuse it instead of imitating undefined behaviour.
        var img = Random(8, 8, 1, 3);
        Assert.Throws<ArgumentException>(() => SegmentSharp.Morphology.Morphology.Erode(img.ReadOnlyView, img.CloneEmpty().View,
            StructuringElement.FromMask(new byte[9], 3, 3)));
    }

    [Fact]
    public void InPlaceAndStridedViews()
    {
        var img = Random(90, 60, 1, 4, kind: 5);
        var el = StructuringElement.Ellipse(5, 5);
        using var m = Oracle.ToMat(img);
        using var k = ToMat(el);
        using var expected = new Mat();
        Cv2.MorphologyEx(m, expected, MorphTypes.Open, k);
        var inPlace = img.Clone();
        SegmentSharp.Morphology.Morphology.Apply(MorphOperation.Open, inPlace.ReadOnlyView, inPlace.View, el);
        Oracle.AssertEqual(expected, inPlace, "in place");

        // A sub-view of a larger buffer with a wider stride: the same as OpenCV on the copied region with the same border.
        var big = Random(120, 80, 1, 5, kind: 0);
        var sub = big.View.Slice(7, 5, 90, 60);
        var copy = new Image<byte>(90, 60);
        for (int y = 0; y < 60; y++) sub.Row(y).CopyTo(copy.Row(y));
        using var mc = Oracle.ToMat(copy);
        using var exp2 = new Mat();
        Cv2.Dilate(mc, exp2, k, null, 2, BorderTypes.Replicate);
        var outBuf = new byte[100 * 70];
        var outView = new ImageView<byte>(outBuf, 90, 60, 1, 100);
        SegmentSharp.Morphology.Morphology.Dilate(sub, outView, el, iterations: 2, border: BorderType.Replicate);
        var got = new Image<byte>(90, 60);
        for (int y = 0; y < 60; y++) outView.Row(y).CopyTo(got.Row(y));
        Oracle.AssertEqual(exp2, got, "strided");
    }
}
