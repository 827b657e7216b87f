using SegmentSharp.Cli.Batch;
using SegmentSharp.Codecs;
using SegmentSharp.Imaging;

namespace SegmentSharp.CliTests;

/// <summary>The header reading behind the batch's --max-pixels and --max-memory agrees with the decoders on every format.</summary>
public sealed class BatchHeaderTests
{
    [Theory]
    [InlineData(".png", 1, 1)]
    [InlineData(".png", 37, 5)]
    [InlineData(".tif", 13, 29)]
    [InlineData(".bmp", 31, 7)]
    [InlineData(".pgm", 8, 3)]
    [InlineData(".ppm", 3, 8)]
    public void WrittenImagesReportTheirSize(string ext, int width, int height)
    {
        using var cli = new InProcessCli();
        string path = cli.Out("x" + ext);
        ImageFile.Write(path, new Image<byte>(width, height, ext == ".ppm" ? 3 : 1));
        Assert.Equal((width, height), Size(File.ReadAllBytes(path)));
    }

    [Theory]
    [InlineData("cmyk.jpg")]
    [InlineData("baseline420_rst.jpg")]
    [InlineData("gray.jpg")]
    public void JpegFixturesReportTheDecodedSize(string name)
    {
        string path = Path.Combine(CliTestPaths.RepoRoot, "tests", "fixtures", "jpeg", name);
        var decoded = ImageFile.ReadGray(path);
        Assert.Equal((decoded.Width, decoded.Height), Size(File.ReadAllBytes(path)));
    }

    [Fact]
    public void UnknownOrTruncatedHeadersGiveNoSize()
    {
        Assert.Null(Size([]));
        Assert.Null(Size("GIF89a"u8));
        Assert.Null(Size(BatchTestFiles.PngSignature));
        Assert.Null(Size("P5\n# only a comment"u8));
    }

    private static (long, long)? Size(ReadOnlySpan<byte> head)
        => SegmentSharp.Pipelines.ImageHeader.TryReadSize(head, out long w, out long h) ? (w, h) : null;

    [Theory]
    [InlineData("512", 512L)]
    [InlineData("64k", 64L << 10)]
    [InlineData("1.5G", 3L << 29)]
    [InlineData("2GiB", 2L << 30)]
    [InlineData("300MB", 300L << 20)]
    public void SizesUseBinaryUnits(string text, long bytes) => Assert.Equal(bytes, ByteSize.Parse(text));
}
