using System.Text;
using SegmentSharp.Codecs;

namespace SegmentSharp.Tests.Codecs;

[Collection(ConsoleCaptureCollection.Name)]
public class PnmCodecTests
{
    private static IEnumerable<(string Name, byte[] File)> ValidFiles()
    {
        yield return ("pgm", PnmCodec.Encode(RasterRobustness.Random(13, 7, 1, 1), ImageWriteOptions.Default, ".pgm"));
        yield return ("ppm", PnmCodec.Encode(RasterRobustness.Random(13, 7, 3, 2), ImageWriteOptions.Default, ".ppm"));
        yield return ("pbm", PnmCodec.Encode(RasterRobustness.Bilevel(37, 9, 3), ImageWriteOptions.Default, ".pbm"));
        yield return ("p1", Encoding.ASCII.GetBytes("P1\n# c\n5 2\n0 1 1 0 1\n10110\n"));
        yield return ("p2", Encoding.ASCII.GetBytes("P2\n3 2\n# c\n100\n0 50 100\n7 8 9\n"));
        yield return ("p3", Encoding.ASCII.GetBytes("P3 2 1 65535\n65535 0 1000 1 2 3\n"));
        yield return ("p5-16", [.. Encoding.ASCII.GetBytes("P5 2 2 1000\n"), 1, 2, 3, 4, 5, 6, 7, 8]);
    }

    [Fact]
    public void ValidFilesDecode()
    {
        foreach (var (name, file) in ValidFiles())
        {
            Assert.True(PnmCodec.DecodeGray(file).Width > 0, name);
            Assert.True(PnmCodec.DecodeColor(file).Width > 0, name);
        }
    }

    [Fact]
    public void TruncatedFilesThrowFormatErrors()
    {
        RasterRobustness.Silently(() =>
        {
            foreach (var (name, file) in ValidFiles())
            {
                RasterRobustness.Truncations(PnmCodec.DecodeGray, file, name);
                RasterRobustness.Truncations(PnmCodec.DecodeColor, file, name);
            }
        });
    }

    [Fact]
    public void BinaryFilesCutInsideThePixelsFail()
    {
        var file = PnmCodec.Encode(RasterRobustness.Random(13, 7, 1, 1), ImageWriteOptions.Default, ".pgm");
        for (int cut = 1; cut < 13 * 7; cut += 5)
            RasterRobustness.MustFail(PnmCodec.DecodeGray, file[..^cut], $"cut {cut}");
    }

    [Fact]
    public void GarbageThrowsFormatErrors()
    {
        RasterRobustness.Silently(() =>
        {
            int seed = 100;
            foreach (var (name, file) in ValidFiles())
            {
                RasterRobustness.Garbage(PnmCodec.DecodeGray, file, seed++, name);
                RasterRobustness.Garbage(PnmCodec.DecodeColor, file, seed++, name);
            }
        });
    }

    [Theory]
    [InlineData("P5 0 7 255\n")]
    [InlineData("P5 7 0 255\n")]
    [InlineData("P5 7 7 0\n")]
    [InlineData("P5 7 7 65536\n")]
    [InlineData("P6 100000 100000 255\n")]
    [InlineData("P4 2000000 1\n")]
    [InlineData("P2 99999999999 1 255\n")]
    [InlineData("P2 -3 1 255\n")]
    [InlineData("P3 2 2 255\n1 2 x\n")]
    [InlineData("P7 2 2 255\n")]
    [InlineData("P5\n")]
    [InlineData("P5")]
    public void BadHeadersThrowFormatErrors(string text)
    {
        var data = Encoding.ASCII.GetBytes(text);
        RasterRobustness.Silently(() =>
        {
            RasterRobustness.MustFail(PnmCodec.DecodeGray, data, text);
            RasterRobustness.MustFail(d => ImageFile.DecodeColor(d), data, text + " facade");
        });
    }

    [Fact]
    public void EncodeRejectsImagesThatDoNotFitTheExtension()
    {
        var gray = RasterRobustness.Random(4, 4, 1, 1);
        var color = RasterRobustness.Random(4, 4, 3, 1);
        var bgra = RasterRobustness.Random(4, 4, 4, 1);
        Assert.Throws<ArgumentException>(() => PnmCodec.Encode(color, ImageWriteOptions.Default, ".pgm"));
        Assert.Throws<ArgumentException>(() => PnmCodec.Encode(gray, ImageWriteOptions.Default, ".ppm"));
        Assert.Throws<ArgumentException>(() => PnmCodec.Encode(gray, ImageWriteOptions.Default, ".pbm")); // not bilevel
        Assert.Throws<ArgumentException>(() => PnmCodec.Encode(bgra, ImageWriteOptions.Default, ".pnm"));
        Assert.Throws<ArgumentException>(() => PnmCodec.Encode(gray, ImageWriteOptions.Default, ".png"));
    }

    [Fact]
    public void EncodeRoundTripsThroughOurDecoder()
    {
        var gray = RasterRobustness.Random(17, 5, 1, 1);
        Assert.Equal(gray.Data, PnmCodec.DecodeGray(PnmCodec.Encode(gray, ImageWriteOptions.Default, ".pgm")).Data);
        var color = RasterRobustness.Random(17, 5, 3, 2);
        Assert.Equal(color.Data, PnmCodec.DecodeColor(PnmCodec.Encode(color, ImageWriteOptions.Default, ".ppm")).Data);
        var mask = RasterRobustness.Bilevel(33, 4, 1);
        Assert.Equal(mask.Data, PnmCodec.DecodeGray(PnmCodec.Encode(mask, ImageWriteOptions.Default, ".pbm")).Data);
    }
}
