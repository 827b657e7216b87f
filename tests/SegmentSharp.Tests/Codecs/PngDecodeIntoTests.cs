using SegmentSharp.Codecs;
using SegmentSharp.Imaging;

namespace SegmentSharp.Tests.Codecs;

/// <summary>
/// <see cref="ImageFile.DecodeGray(ReadOnlySpan{byte}, Func{int, int, Image{byte}})"/> returns the allocator's image
/// (PNG decoded in place, other formats copied) with exactly the pixels of the allocating decode, whatever the buffer held.
/// </summary>
public class PngDecodeIntoTests
{
    [Theory]
    [InlineData(1, 1, ImageFormat.Png)]
    [InlineData(1, 9, ImageFormat.Png)]
    [InlineData(33, 5, ImageFormat.Png)]
    [InlineData(127, 64, ImageFormat.Png)]
    [InlineData(33, 5, ImageFormat.Bmp)]
    public void DecodesIntoTheSuppliedImage(int w, int h, ImageFormat format)
    {
        var rnd = new Random(w * 1000 + h);
        var src = new Image<byte>(w, h);
        for (int y = 0; y < h; y++) rnd.NextBytes(src.Row(y));
        byte[] file = ImageFile.Encode(src, format);
        var expected = ImageFile.DecodeGray(file);

        var buffer = new byte[w * h + 17];
        Array.Fill(buffer, (byte)0xA5); // stale contents of a pooled buffer must all be overwritten
        Image<byte>? given = null;
        var got = ImageFile.DecodeGray(file, (gw, gh) => given = new Image<byte>(buffer, gw, gh));

        Assert.Same(given, got);
        for (int y = 0; y < h; y++) Assert.True(expected.Row(y).SequenceEqual(got.Row(y)), $"row {y} differs");
    }

    [Fact]
    public void WrongSizeFromTheAllocatorIsAnError()
    {
        byte[] file = ImageFile.Encode(new Image<byte>(4, 3), ImageFormat.Png);
        var e = Assert.ThrowsAny<InvalidOperationException>(() => ImageFile.DecodeGray(file, (_, _) => new Image<byte>(3, 4)));
        Assert.Contains("4x3", e.Message);
    }

    [Fact]
    public void CorruptDataIsStillAFormatError()
    {
        byte[] file = ImageFile.Encode(new Image<byte>(40, 30), ImageFormat.Png);
        var cut = file.AsSpan(0, file.Length - 30).ToArray();
        Assert.Throws<ImageFormatException>(() => ImageFile.DecodeGray(cut, (w, h) => new Image<byte>(w, h)));
    }
}
