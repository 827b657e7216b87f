using SegmentSharp.Drawing;
using SegmentSharp.Imaging;

namespace SegmentSharp.Tests.Drawing;

public class ContactSheetTests
{
    private static Image<byte> Constant(int w, int h, byte v)
    {
        var img = new Image<byte>(w, h);
        img.Data.AsSpan().Fill(v);
        return img;
    }

    [Fact]
    public void LayoutFollowsTileWidthColumnsAndCaptionBand()
    {
        var tiles = Enumerable.Range(0, 5).Select(i => new ContactSheetTile(Constant(200, 100, (byte)(i * 40)), $"t{i}\nline2")).ToList();
        var sheet = ContactSheet.Compose(tiles, tileWidth: 100, columns: 2);
        // Tiles 100×50; scale 1 captions: 2 lines → 2·11 − 2 + 2·3 = 26 rows; gap 6.
        Assert.Equal(2 * 100 + 3 * 6, sheet.Width);
        Assert.Equal(3 * (50 + 26) + 4 * 6, sheet.Height);
        // The second tile's interior holds its own gray, the gap the gap gray.
        Assert.Equal(40, sheet.Row(6 + 25)[6 + 100 + 6 + 50]);
        Assert.Equal(ContactSheet.GapGray, sheet.Row(2)[2]);
        // Caption band is white apart from the text.
        Assert.Equal(255, sheet.Row(6 + 50 + 1)[6 + 99]);
    }

    [Fact]
    public void PlaceholderTilesAndTitle()
    {
        var tiles = new List<ContactSheetTile> { new(Constant(64, 64, 0), "a"), new(null, "b\nn/a") };
        var sheet = ContactSheet.Compose(tiles, 64, 4, "title");
        Assert.Equal(2 * 64 + 3 * 6, sheet.Width);
        var placeholder = sheet.Row(sheet.Height - 6 - 30 - 60)[6 + 64 + 6 + 2];
        Assert.Equal(ContactSheet.PlaceholderGray, placeholder);
        Assert.Throws<ArgumentException>(() => ContactSheet.Compose([], 64));
        Assert.Throws<ArgumentException>(() => ContactSheet.Compose([new(new Image<byte>(4, 4, 3), "rgb")], 64));
    }

    [Fact]
    public void ResizeAveragesAreasExactly()
    {
        var img = new Image<byte>([0, 100, 20, 40, 10, 30, 60, 80, 200, 0, 9, 9, 0, 200, 9, 9], 4, 4);
        var half = ContactSheet.Resize(img, 2, 2);
        Assert.Equal(new byte[] { 35, 50, 100, 9 }, half.Data);
        Assert.Equal(new byte[] { 77 }, ContactSheet.Resize(Constant(7, 5, 77), 3, 2).Data.Distinct().ToArray());
        // Three source pixels onto two: the middle one is split half and half.
        var row = ContactSheet.Resize(new Image<byte>([0, 90, 180], 3, 1), 2, 1);
        Assert.Equal(new byte[] { 30, 150 }, row.Data);
        // Enlarging repeats pixels.
        Assert.Equal(new byte[] { 1, 1, 2, 2 }, ContactSheet.Resize(new Image<byte>([1, 2], 2, 1), 4, 1).Data);
    }
}
