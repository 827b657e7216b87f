using SegmentSharp.Imaging;

namespace SegmentSharp.Tests;

public class ImageTests
{
    [Fact]
    public void RowsRespectStride()
    {
        var data = new byte[3 * 5];
        var img = new Image<byte>(data, 4, 3, 1, stride: 5);
        img.Row(1)[0] = 7;
        Assert.Equal(7, data[5]);
        Assert.Equal(4, img.Row(2).Length);
    }

    [Fact]
    public void SliceSharesMemory()
    {
        var img = new Image<byte>(10, 10, 3);
        var view = img.View.Slice(2, 3, 4, 5);
        view.Row(0)[0] = 9;
        Assert.Equal(9, img.Data[3 * 30 + 6]);
        Assert.Equal(4, view.Width);
    }

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(1, 0, 1)]
    [InlineData(1, 1, 5)]
    public void RejectsBadSizes(int w, int h, int c)
        => Assert.Throws<ArgumentOutOfRangeException>(() => new Image<byte>(w, h, c));
}
