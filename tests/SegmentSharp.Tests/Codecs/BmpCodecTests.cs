using System.Buffers.Binary;
using SegmentSharp.Codecs;

namespace SegmentSharp.Tests.Codecs;

[Collection(ConsoleCaptureCollection.Name)]
public class BmpCodecTests
{
    private static IEnumerable<(string Name, byte[] File)> ValidFiles()
    {
        yield return ("gray8", BmpCodec.Encode(RasterRobustness.Random(13, 7, 1, 1), new ImageWriteOptions { Bilevel = BilevelMode.Never }));
        yield return ("bgr24", BmpCodec.Encode(RasterRobustness.Random(13, 7, 3, 2), ImageWriteOptions.Default));
        yield return ("bgra32", BmpCodec.Encode(RasterRobustness.Random(13, 7, 4, 3), ImageWriteOptions.Default));
        yield return ("bilevel1", BmpCodec.Encode(RasterRobustness.Bilevel(37, 9, 4), ImageWriteOptions.Default));
        yield return ("rle8", Rle8File());
        yield return ("rle4", Rle4File());
    }

    /// <summary>A 6×3 RLE8 bitmap with runs, a literal, a delta and an end-of-bitmap code.</summary>
    internal static byte[] Rle8File() => Build(6, 3, 8, 1, [
        3, 1, 0, 3, 2, 3, 4, 0, 0, 0,  // run of 3, literal of 3 (padded), end of line
        0, 2, 2, 1,                      // delta: 2 right, 1 down
        4, 5, 0, 1]);                    // run of 4, end of bitmap

    internal static byte[] Rle4File() => Build(7, 2, 4, 2, [
        5, 0x12, 0, 0,
        0, 4, 0x34, 0x56, 0, 0,
        0, 1]);

    private static byte[] Build(int w, int h, int bpp, int compression, byte[] pixels)
    {
        int palette = (1 << bpp) * 4, offset = 14 + 40 + palette;
        var f = new byte[offset + pixels.Length];
        f[0] = (byte)'B'; f[1] = (byte)'M';
        BinaryPrimitives.WriteInt32LittleEndian(f.AsSpan(2), f.Length);
        BinaryPrimitives.WriteInt32LittleEndian(f.AsSpan(10), offset);
        BinaryPrimitives.WriteInt32LittleEndian(f.AsSpan(14), 40);
        BinaryPrimitives.WriteInt32LittleEndian(f.AsSpan(18), w);
        BinaryPrimitives.WriteInt32LittleEndian(f.AsSpan(22), h);
        BinaryPrimitives.WriteInt16LittleEndian(f.AsSpan(26), 1);
        BinaryPrimitives.WriteInt16LittleEndian(f.AsSpan(28), (short)bpp);
        BinaryPrimitives.WriteInt32LittleEndian(f.AsSpan(30), compression);
        for (int i = 0; i < palette; i++) f[54 + i] = (byte)(i * 7);
        pixels.CopyTo(f, offset);
        return f;
    }

    [Fact]
    public void ValidFilesDecode()
    {
        foreach (var (name, file) in ValidFiles())
        {
            Assert.NotNull(BmpCodec.DecodeGray(file));
            Assert.NotNull(BmpCodec.DecodeColor(file));
            Assert.True(ImageFile.DetectFormat(file) == ImageFormat.Bmp, name);
        }
    }

    [Fact]
    public void TruncatedFilesThrowFormatErrors()
    {
        RasterRobustness.Silently(() =>
        {
            foreach (var (name, file) in ValidFiles())
            {
                RasterRobustness.Truncations(BmpCodec.DecodeGray, file, name);
                RasterRobustness.Truncations(BmpCodec.DecodeColor, file, name);
            }
        });
    }

    [Fact]
    public void GarbageThrowsFormatErrors()
    {
        RasterRobustness.Silently(() =>
        {
            int seed = 0;
            foreach (var (name, file) in ValidFiles())
            {
                RasterRobustness.Garbage(BmpCodec.DecodeGray, file, seed++, name);
                RasterRobustness.Garbage(BmpCodec.DecodeColor, file, seed++, name);
            }
        });
    }

    [Theory]
    [InlineData(0, 7)]
    [InlineData(13, 0)]
    [InlineData(-5, 7)]
    [InlineData(100000, 100000)]
    [InlineData(2000000, 1)]
    [InlineData(1, int.MinValue)]
    public void BadDimensionsThrowFormatErrors(int w, int h)
    {
        foreach (var (_, file) in ValidFiles())
        {
            var bad = (byte[])file.Clone();
            BinaryPrimitives.WriteInt32LittleEndian(bad.AsSpan(18), w);
            BinaryPrimitives.WriteInt32LittleEndian(bad.AsSpan(22), h);
            RasterRobustness.Silently(() =>
            {
                RasterRobustness.MustFail(BmpCodec.DecodeGray, bad, $"{w}x{h}");
                RasterRobustness.MustFail(d => ImageFile.DecodeColor(d), bad, $"{w}x{h} facade");
            });
        }
    }

    [Fact]
    public void HostileHeaderFieldsThrowFormatErrors()
    {
        var file = BmpCodec.Encode(RasterRobustness.Random(13, 7, 1, 9), new ImageWriteOptions { Bilevel = BilevelMode.Never });
        foreach (var (offset, value) in new[] { (10, -1), (10, int.MaxValue), (14, 0), (14, -40), (14, int.MaxValue), (46, 100000), (46, -1), (28, 7), (30, 9) })
        {
            var bad = (byte[])file.Clone();
            if (offset == 28) BinaryPrimitives.WriteInt16LittleEndian(bad.AsSpan(28), (short)value);
            else BinaryPrimitives.WriteInt32LittleEndian(bad.AsSpan(offset), value);
            RasterRobustness.MustFail(BmpCodec.DecodeGray, bad, $"field at {offset} = {value}");
        }
    }

    [Fact]
    public void EncodeRoundTripsThroughOurDecoder()
    {
        foreach (int cn in new[] { 1, 3 })
        {
            var img = RasterRobustness.Random(17, 5, cn, cn);
            var back = cn == 1 ? BmpCodec.DecodeGray(BmpCodec.Encode(img, ImageWriteOptions.Default)) : BmpCodec.DecodeColor(BmpCodec.Encode(img, ImageWriteOptions.Default));
            Assert.Equal(img.Data, back.Data);
        }
        var mask = RasterRobustness.Bilevel(33, 4, 1);
        Assert.Equal(mask.Data, BmpCodec.DecodeGray(BmpCodec.Encode(mask, ImageWriteOptions.Default)).Data);
    }
}
