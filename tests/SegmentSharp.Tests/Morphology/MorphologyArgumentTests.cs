using SegmentSharp.Filters;
using SegmentSharp.Imaging;
using SegmentSharp.Morphology;
using M = SegmentSharp.Morphology.Morphology;

namespace SegmentSharp.Tests.Morphology;

public class MorphologyArgumentTests
{
    private static readonly Image<byte> Src = new(10, 8);

    [Fact]
    public void BadArgumentsThrowClearExceptions()
    {
        var el = StructuringElement.Rectangle(3, 3);
        Assert.Throws<ArgumentException>(() => M.Erode(Src.ReadOnlyView, new Image<byte>(9, 8).View, el));
        Assert.Throws<ArgumentException>(() => M.Erode(Src.ReadOnlyView, new Image<byte>(10, 8, 3).View, el));
        Assert.Throws<ArgumentNullException>(() => M.Erode(Src.ReadOnlyView, Src.CloneEmpty().View, null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => M.Erode(Src.ReadOnlyView, Src.CloneEmpty().View, el, 3, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => M.Dilate(Src.ReadOnlyView, Src.CloneEmpty().View, el, 0, -2));
        Assert.Throws<ArgumentOutOfRangeException>(() => M.Dilate(Src.ReadOnlyView, Src.CloneEmpty().View, el, iterations: -1));
        Assert.Throws<ArgumentException>(() => M.Dilate(Src.ReadOnlyView, Src.CloneEmpty().View, el, border: BorderType.Wrap));
        Assert.Throws<ArgumentException>(() => M.Dilate(Src.ReadOnlyView, Src.CloneEmpty().View, el, border: (BorderType)17));
        Assert.Throws<ArgumentException>(() => M.Apply((MorphOperation)42, Src.ReadOnlyView, Src.CloneEmpty().View, el));
        Assert.Throws<ArgumentException>(() => M.Erode(Src.ReadOnlyView, Src.CloneEmpty().View, StructuringElement.FromMask(new byte[6], 3, 2)));
        Assert.Throws<ArgumentException>(() => M.HitOrMiss(Src.ReadOnlyView, Src.CloneEmpty().View, new int[5], 3, 2));
        Assert.Throws<ArgumentException>(() => M.HitOrMiss(new Image<byte>(4, 4, 3).ReadOnlyView, new Image<byte>(4, 4, 3).View, new int[] { 1 }, 1, 1));
    }

    [Fact]
    public void BadElementsThrow()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StructuringElement.Rectangle(0, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => StructuringElement.Ellipse(3, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => StructuringElement.Cross(3, 3, 3, 0));
        Assert.Throws<ArgumentException>(() => StructuringElement.FromMask(new byte[5], 2, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => StructuringElement.Rectangle(100000, 100000));
    }

    [Fact]
    public void ElementsDescribeThemselves()
    {
        var e = StructuringElement.FromMask(new byte[] { 0, 7, 0, 1 }, 2, 2);
        Assert.Equal(2, e.Count);
        Assert.False(e.IsRectangle);
        Assert.True(e[1, 0]);
        Assert.Equal(new byte[] { 0, 1, 0, 1 }, e.Mask.ToArray());
        Assert.True(StructuringElement.Rectangle(4, 2).IsRectangle);
        Assert.Equal(5, StructuringElement.Cross(3, 3).Count);
        Assert.Equal(1, StructuringElement.Ellipse(1, 1).Count);
    }

    [Fact]
    public void AllocatingOverloadAndZeroIterationsCopy()
    {
        var img = new Image<byte>(6, 5, 3);
        new Random(5).NextBytes(img.Data);
        var r = M.Apply(MorphOperation.Erode, img, StructuringElement.Rectangle(3, 3), iterations: 0);
        Assert.Equal(img.Data, r.Data);
        Assert.Throws<ArgumentNullException>(() => M.Apply(MorphOperation.Erode, null!, StructuringElement.Rectangle(3, 3)));
    }
}
