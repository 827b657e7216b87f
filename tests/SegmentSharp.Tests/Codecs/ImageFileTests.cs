using SegmentSharp.Codecs;
using SegmentSharp.Imaging;

namespace SegmentSharp.Tests.Codecs;

public class ImageFileTests
{
    private static Image<byte> Gradient(int w, int h, int cn)
    {
        var img = new Image<byte>(w, h, cn);
        for (int i = 0; i < img.Data.Length; i++) img.Data[i] = (byte)(i * 7);
        return img;
    }

    [Theory]
    [InlineData(ImageFormat.Png)]
    [InlineData(ImageFormat.Bmp)]
    [InlineData(ImageFormat.Tiff)]
    [InlineData(ImageFormat.Pnm)]
    public void EncodedFilesAreDetectedAndDecodeThroughTheFacade(ImageFormat format)
    {
        var img = Gradient(13, 7, 1);
        byte[] bytes = ImageFile.Encode(img.ReadOnlyView, format);
        Assert.Equal(format, ImageFile.DetectFormat(bytes));
        var back = ImageFile.DecodeGray(bytes);
        Assert.Equal(img.Data, back.Data);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, ImageFormat.Jpeg)]
    [InlineData(new byte[] { (byte)'P', (byte)'5' }, ImageFormat.Pnm)]
    [InlineData(new byte[] { (byte)'B', (byte)'M' }, ImageFormat.Bmp)]
    [InlineData(new byte[] { 0xC2, 0x89, (byte)'P', (byte)'N', (byte)'G', 0, 0, 0 }, ImageFormat.Unknown)]
    [InlineData(new byte[] { 1, 2, 3 }, ImageFormat.Unknown)]
    public void DetectsFormatsFromMagicBytes(byte[] header, ImageFormat expected)
        => Assert.Equal(expected, ImageFile.DetectFormat(header));

    [Fact]
    public void EmptyAndUnknownInputsGiveAFormatError()
    {
        Assert.Contains("empty", Assert.Throws<ImageFormatException>(() => ImageFile.DecodeGray([])).Message);
        Assert.Throws<ImageFormatException>(() => ImageFile.DecodeGray("hello, world"u8));
    }

    [Theory]
    [InlineData("out.png", ImageFormat.Png)]
    [InlineData("OUT.TIFF", ImageFormat.Tiff)]
    [InlineData("a.b.pgm", ImageFormat.Pnm)]
    [InlineData("x.webp", ImageFormat.Unknown)]
    public void FormatFollowsTheExtension(string path, ImageFormat expected)
        => Assert.Equal(expected, ImageFile.FormatFromExtension(path));

    [Fact]
    public void WriteIsAtomicAndLeavesNoTemporaryFiles()
    {
        string dir = Path.Combine(Path.GetTempPath(), "segsharp-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string path = Path.Combine(dir, "m.png");
            File.WriteAllText(path, "old");
            ImageFile.Write(path, Gradient(5, 4, 3));
            Assert.Equal(ImageFormat.Png, ImageFile.DetectFormat(File.ReadAllBytes(path)));
            Assert.Single(Directory.GetFiles(dir));
            Assert.Throws<ArgumentException>(() => ImageFile.Write(Path.Combine(dir, "m.webp"), Gradient(2, 2, 1)));
            Assert.Single(Directory.GetFiles(dir));
        }
        finally { Directory.Delete(dir, true); }
    }
}
