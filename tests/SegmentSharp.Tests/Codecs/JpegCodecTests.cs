using CsCheck;
using SegmentSharp.Codecs;
using SegmentSharp.Imaging;

namespace SegmentSharp.Tests.Codecs;

/// <summary>
/// Robustness of the JPEG reader: damaged input must give either an image or an <see cref="ImageFormatException"/>,
/// never another exception type. Fixtures come from tests/fixtures/jpeg/make_fixtures.py.
/// </summary>
public class JpegCodecTests
{
    public static readonly TheoryData<string> Fixtures = new() { "baseline420_rst.jpg", "progressive.jpg", "gray.jpg", "cmyk.jpg" };

    private static void DecodeBothOrFormatError(byte[] data)
    {
        foreach (bool gray in new[] { true, false })
        {
            try
            {
                var img = gray ? JpegCodec.DecodeGray(data) : JpegCodec.DecodeColor(data);
                Assert.True(img.Width > 0 && img.Height > 0);
                Assert.Equal(gray ? 1 : 3, img.Channels);
            }
            catch (ImageFormatException e)
            {
                Assert.False(string.IsNullOrWhiteSpace(e.Message));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void FixturesDecode(string name)
    {
        var data = JpegTestPaths.Fixture(name);
        var g = JpegCodec.DecodeGray(data);
        var c = JpegCodec.DecodeColor(data);
        Assert.Equal((56, 40, 1), (g.Width, g.Height, g.Channels));
        Assert.Equal((56, 40, 3), (c.Width, c.Height, c.Channels));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void TruncatedAtEveryOffsetNeverCrashes(string name)
    {
        var data = JpegTestPaths.Fixture(name);
        for (int n = 0; n < data.Length; n++) DecodeBothOrFormatError(data.AsSpan(0, n).ToArray());
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void TruncatedScanDataStillGivesTheFullImage(string name)
    {
        // Like libjpeg reading a file (cv2.imread), missing scan data decodes as zeros: the size is kept.
        var data = JpegTestPaths.Fixture(name);
        var img = JpegCodec.DecodeGray(data.AsSpan(0, data.Length * 3 / 4).ToArray());
        Assert.Equal((56, 40), (img.Width, img.Height));
    }

    [Fact]
    public void EmptyAndGarbageAreFormatErrors()
    {
        Assert.Throws<ImageFormatException>(() => JpegCodec.DecodeGray([]));
        Assert.Throws<ImageFormatException>(() => JpegCodec.DecodeColor([0xFF]));
        Assert.Throws<ImageFormatException>(() => JpegCodec.DecodeGray([0xFF, 0xD8, 0xFF, 0xD9]));
        Assert.Throws<ImageFormatException>(() => JpegCodec.DecodeGray("not a jpeg at all"u8.ToArray()));
        var e = Assert.Throws<ImageFormatException>(() => ImageFile.DecodeGray([]));
        Assert.Contains("empty", e.Message);
    }

    [Fact]
    public void MissingSosIsAFormatError()
    {
        var data = JpegTestPaths.Fixture("gray.jpg");
        int sos = IndexOfMarker(data, 0xDA);
        var noScan = data.AsSpan(0, sos).ToArray().Concat(new byte[] { 0xFF, 0xD9 }).ToArray();
        var e = Assert.Throws<ImageFormatException>(() => JpegCodec.DecodeGray(noScan));
        Assert.Contains("SOS", e.Message);
    }

    [Fact]
    public void MissingSofIsAFormatError()
    {
        var data = JpegTestPaths.Fixture("gray.jpg");
        int sof = IndexOfMarker(data, 0xC0);
        int len = data[sof + 2] << 8 | data[sof + 3];
        var noFrame = data.Take(sof).Concat(data.Skip(sof + 2 + len)).ToArray();
        var e = Assert.Throws<ImageFormatException>(() => JpegCodec.DecodeGray(noFrame));
        Assert.Contains("SOF", e.Message);
    }

    [Fact]
    public void BadHuffmanTableIsAFormatError()
    {
        var data = (byte[])JpegTestPaths.Fixture("gray.jpg").Clone();
        int dht = IndexOfMarker(data, 0xC4);
        data[dht + 5] = 3; // three 1-bit codes cannot exist
        var e = Assert.Throws<ImageFormatException>(() => JpegCodec.DecodeGray(data));
        Assert.Contains("Huffman", e.Message);
    }

    [Fact]
    public void AbsurdDimensionsAreFormatErrors()
    {
        var data = (byte[])JpegTestPaths.Fixture("gray.jpg").Clone();
        int sof = IndexOfMarker(data, 0xC0);
        data[sof + 5] = 0xFF; data[sof + 6] = 0xFF; // height 65535
        data[sof + 7] = 0xFF; data[sof + 8] = 0xFF; // width 65535: over 2^30 pixels
        Assert.Throws<ImageFormatException>(() => JpegCodec.DecodeGray(data));
        data[sof + 5] = 0; data[sof + 6] = 0; // height 0 (DNL)
        Assert.Throws<ImageFormatException>(() => JpegCodec.DecodeGray(data));
    }

    [Fact]
    public void UnsupportedProcessesAreNamed()
    {
        var data = (byte[])JpegTestPaths.Fixture("gray.jpg").Clone();
        int sof = IndexOfMarker(data, 0xC0);
        data[sof + 1] = 0xC3;
        Assert.Contains("lossless", Assert.Throws<ImageFormatException>(() => JpegCodec.DecodeGray(data)).Message);
        data[sof + 1] = 0xC9;
        Assert.Contains("arithmetic", Assert.Throws<ImageFormatException>(() => JpegCodec.DecodeGray(data)).Message);
        data[sof + 1] = 0xC0;
        data[sof + 4] = 12;
        Assert.Contains("12-bit", Assert.Throws<ImageFormatException>(() => JpegCodec.DecodeGray(data)).Message);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void RandomCorruptionNeverCrashes(string name)
    {
        var data = JpegTestPaths.Fixture(name);
        Gen.Select(Gen.Int[0, data.Length - 1].Array[1, 8], Gen.Byte.Array[8])
            .Sample((positions, values) =>
            {
                var bad = (byte[])data.Clone();
                for (int i = 0; i < positions.Length; i++) bad[positions[i]] = values[i];
                DecodeBothOrFormatError(bad);
            }, iter: 400);
    }

    [Fact]
    public void RandomBytesAfterSoiNeverCrash()
    {
        Gen.Byte.Array[0, 300].Sample(tail =>
        {
            DecodeBothOrFormatError([0xFF, 0xD8, .. tail]);
        }, iter: 500);
    }

    private static int IndexOfMarker(byte[] data, byte code)
    {
        for (int i = 2; i + 1 < data.Length; i++)
            if (data[i] == 0xFF && data[i + 1] == code) return i;
        throw new InvalidOperationException($"marker {code:X2} not found");
    }
}
