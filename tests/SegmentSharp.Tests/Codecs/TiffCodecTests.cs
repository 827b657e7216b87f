using System.Buffers.Binary;
using SegmentSharp.Codecs;

namespace SegmentSharp.Tests.Codecs;

[Collection(ConsoleCaptureCollection.Name)]
public class TiffCodecTests
{
    private static IEnumerable<(string Name, byte[] File)> ValidFiles()
    {
        yield return ("g4", TiffCodec.Encode(RasterRobustness.Bilevel(61, 17, 1), ImageWriteOptions.Default));
        yield return ("deflate-gray", TiffCodec.Encode(RasterRobustness.Random(13, 7, 1, 2), ImageWriteOptions.Default));
        yield return ("lzw-bgr", TiffCodec.Encode(RasterRobustness.Random(13, 7, 3, 3), new ImageWriteOptions { TiffCompression = TiffCompression.Lzw }));
        yield return ("raw-bgra", TiffCodec.Encode(RasterRobustness.Random(9, 4, 4, 4), new ImageWriteOptions { TiffCompression = TiffCompression.None }));
    }

    [Fact]
    public void ValidFilesDecode()
    {
        foreach (var (name, file) in ValidFiles())
        {
            Assert.True(TiffCodec.DecodeGray(file).Width > 0, name);
            Assert.True(TiffCodec.DecodeColor(file).Width > 0, name);
            Assert.Equal(ImageFormat.Tiff, ImageFile.DetectFormat(file));
        }
    }

    [Fact]
    public void TruncatedFilesThrowFormatErrors()
    {
        RasterRobustness.Silently(() =>
        {
            foreach (var (name, file) in ValidFiles())
            {
                RasterRobustness.Truncations(TiffCodec.DecodeGray, file, name);
                RasterRobustness.Truncations(TiffCodec.DecodeColor, file, name);
            }
        });
    }

    [Fact]
    public void GarbageThrowsFormatErrors()
    {
        RasterRobustness.Silently(() =>
        {
            int seed = 200;
            foreach (var (name, file) in ValidFiles())
            {
                RasterRobustness.Garbage(TiffCodec.DecodeGray, file, seed++, name);
                RasterRobustness.Garbage(TiffCodec.DecodeColor, file, seed++, name);
            }
        });
    }

    /// <summary>Rewrites ImageWidth/ImageLength in the first directory of a little-endian file.</summary>
    private static byte[] WithSize(byte[] file, uint w, uint h)
    {
        var f = (byte[])file.Clone();
        int ifd = (int)BinaryPrimitives.ReadUInt32LittleEndian(f.AsSpan(4));
        int n = BinaryPrimitives.ReadUInt16LittleEndian(f.AsSpan(ifd));
        for (int i = 0; i < n; i++)
        {
            int e = ifd + 2 + 12 * i;
            int tag = BinaryPrimitives.ReadUInt16LittleEndian(f.AsSpan(e));
            if (tag is not (256 or 257)) continue;
            uint v = tag == 256 ? w : h;
            int type = BinaryPrimitives.ReadUInt16LittleEndian(f.AsSpan(e + 2));
            if (type == 3 && v <= ushort.MaxValue) BinaryPrimitives.WriteUInt16LittleEndian(f.AsSpan(e + 8), (ushort)v);
            else { BinaryPrimitives.WriteUInt16LittleEndian(f.AsSpan(e + 2), 4); BinaryPrimitives.WriteUInt32LittleEndian(f.AsSpan(e + 8), v); }
        }
        return f;
    }

    [Theory]
    [InlineData(0u, 7u)]
    [InlineData(13u, 0u)]
    [InlineData(100000u, 100000u)]
    [InlineData(2000000u, 1u)]
    [InlineData(uint.MaxValue, uint.MaxValue)]
    [InlineData(13u, 70000u)]
    public void BadDimensionsThrowFormatErrors(uint w, uint h)
    {
        foreach (var (name, file) in ValidFiles())
        {
            var bad = WithSize(file, w, h);
            RasterRobustness.Silently(() =>
            {
                RasterRobustness.MustFail(TiffCodec.DecodeGray, bad, $"{name} {w}x{h}");
                RasterRobustness.MustFail(d => ImageFile.DecodeColor(d), bad, $"{name} {w}x{h} facade");
            });
        }
    }

    [Fact]
    public void EncodeRoundTripsThroughOurDecoder()
    {
        var mask = RasterRobustness.Bilevel(61, 17, 1);
        Assert.Equal(mask.Data, TiffCodec.DecodeGray(TiffCodec.Encode(mask, ImageWriteOptions.Default)).Data);
        foreach (var comp in new[] { TiffCompression.Deflate, TiffCompression.Lzw, TiffCompression.None })
        {
            var opts = new ImageWriteOptions { TiffCompression = comp };
            var gray = RasterRobustness.Random(17, 5, 1, 1);
            Assert.Equal(gray.Data, TiffCodec.DecodeGray(TiffCodec.Encode(gray, opts)).Data);
            var color = RasterRobustness.Random(17, 5, 3, 2);
            Assert.Equal(color.Data, TiffCodec.DecodeColor(TiffCodec.Encode(color, opts)).Data);
        }
    }

    [Fact]
    public void EncodingPrintsNothing()
    {
        RasterRobustness.Silently(() =>
        {
            TiffCodec.Encode(RasterRobustness.Bilevel(5, 5, 1), ImageWriteOptions.Default);
            TiffCodec.Encode(RasterRobustness.Random(5, 5, 3, 1), ImageWriteOptions.Default);
        });
    }
}
