using OpenCvSharp;
using SegmentSharp.Codecs;

namespace SegmentSharp.OracleTests.Codecs;

/// <summary>
/// JpegCodec against OpenCV on the samples and on unusual streams: truncated and corrupted scan data, EXIF
/// orientation, missing Huffman tables (Motion-JPEG style) and Adobe RGB-coded files.
/// </summary>
public class JpegOracleEdgeTests
{
    public static readonly TheoryData<string> Samples = new()
    {
        "page.png", "text.png", "coins.png", "camera.png", "horse.png", "coffee.png", "chelsea.png", "astronaut.png",
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void SamplesMatch(string name)
    {
        using var colour = Cv2.ImRead(JpegOracleTestPaths.Sample(name), ImreadModes.Color);
        using var gray = Cv2.ImRead(JpegOracleTestPaths.Sample(name), ImreadModes.Grayscale);
        JpegOracleTests.AssertBoth(JpegOracleTests.Encode(colour, 90, false, 0x221111, 0), name + " 4:2:0 q90");
        JpegOracleTests.AssertBoth(JpegOracleTests.Encode(colour, 75, true, 0x211111, 0), name + " 4:2:2 q75 progressive");
        JpegOracleTests.AssertBoth(JpegOracleTests.Encode(colour, 97, false, 0x111111, 7), name + " 4:4:4 q97 rst7");
        JpegOracleTests.AssertBoth(JpegOracleTests.Encode(gray, 85, false, 0, 0), name + " gray q85");
        JpegOracleTests.AssertBoth(JpegOracleTests.Encode(gray, 60, true, 0, 0), name + " gray q60 progressive");
    }

    [Theory]
    [InlineData(0x221111, 0)]
    [InlineData(0x111111, 3)]
    [InlineData(0, 0)]
    public void TruncatedSequentialFilesMatchImread(int sampling, int restart)
    {
        // cv2.imread reads files through libjpeg's stdio source, which ends a short file with a fake EOI: the
        // missing MCUs decode as empty (mid-gray) blocks. (cv2.imdecode instead fails on any truncation.)
        using var src = JpegOracleTests.MakeSource(120, 72, sampling == 0 ? 1 : 3, 11);
        var full = JpegOracleTests.Encode(src, 85, false, sampling, restart);
        string path = Path.Combine(Path.GetTempPath(), $"segsharp-jpeg-trunc-{Environment.ProcessId}-{sampling}-{restart}.jpg");
        try
        {
            int sos = IndexOfSos(full);
            for (int cut = sos + 20; cut < full.Length; cut += Math.Max(1, (full.Length - sos) / 23))
            {
                var part = full.AsSpan(0, cut).ToArray();
                File.WriteAllBytes(path, part);
                using var g = Cv2.ImRead(path, ImreadModes.Grayscale);
                Oracle.AssertEqual(g, JpegCodec.DecodeGray(part), $"cut {cut} gray");
                using var c = Cv2.ImRead(path, ImreadModes.Color);
                Oracle.AssertEqual(c, JpegCodec.DecodeColor(part), $"cut {cut} color");
            }
        }
        finally { File.Delete(path); }
    }

    [Theory]
    [InlineData(false, 0x221111, 0)]
    [InlineData(false, 0x211111, 2)]
    [InlineData(true, 0x221111, 0)]
    public void CorruptedScanDataMatchesOpenCv(bool progressive, int sampling, int restart)
    {
        using var src = JpegOracleTests.MakeSource(160, 96, 3, 21);
        var full = JpegOracleTests.Encode(src, 85, progressive, sampling, restart);
        int sos = IndexOfSos(full);
        var rng = new Random(sampling + restart + (progressive ? 1 : 0));
        int compared = 0;
        for (int k = 0; k < 60; k++)
        {
            var bad = (byte[])full.Clone();
            int at = sos + 12 + rng.Next(full.Length - sos - 14);
            bad[at] = (byte)rng.Next(256);
            using var g = Cv2.ImDecode(bad, ImreadModes.Grayscale);
            using var c = Cv2.ImDecode(bad, ImreadModes.Color);
            if (g.Empty())
            {
                // OpenCV gave up (a broken marker in a multi-scan file); we must still fail cleanly or decode.
                try { JpegCodec.DecodeGray(bad); } catch (ImageFormatException) { }
                continue;
            }
            Oracle.AssertEqual(g, JpegCodec.DecodeGray(bad), $"byte {at} = {bad[at]:X2} gray");
            Oracle.AssertEqual(c, JpegCodec.DecodeColor(bad), $"byte {at} = {bad[at]:X2} color");
            compared++;
        }
        Assert.True(compared > 30, $"only {compared} corrupted files were decodable by OpenCV");
    }

    [Theory]
    [InlineData(1)] [InlineData(2)] [InlineData(3)] [InlineData(4)]
    [InlineData(5)] [InlineData(6)] [InlineData(7)] [InlineData(8)]
    public void ExifOrientationIsApplied(int orientation)
    {
        using var src = JpegOracleTests.MakeSource(40, 24, 3, 3);
        var jpeg = JpegOracleTests.Encode(src, 90, false, 0x221111, 0);
        byte[] tiff = [(byte)'M', (byte)'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte)orientation, 0, 0, 0, 0, 0, 0, 0, 0];
        byte[] head = [0xFF, 0xE1, 0, (byte)(2 + 6 + tiff.Length), .. "Exif\0\0"u8.ToArray(), .. tiff];
        byte[] withExif = [0xFF, 0xD8, .. head, .. jpeg.AsSpan(2)];
        JpegOracleTests.AssertBoth(withExif, $"orientation {orientation}");
    }

    [Fact]
    public void MissingHuffmanTablesUseTheStandardOnes()
    {
        using var src = JpegOracleTests.MakeSource(50, 30, 3, 8);
        var jpeg = JpegOracleTests.Encode(src, 80, false, 0x221111, 0);
        var stripped = RemoveSegments(jpeg, 0xC4);
        Assert.True(stripped.Length < jpeg.Length);
        JpegOracleTests.AssertBoth(stripped, "no DHT");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void AdobeTransformFlagIsHonoured(int transform)
    {
        // Without JFIF, an Adobe APP14 transform 0 declares the three components RGB, not YCbCr.
        using var src = JpegOracleTests.MakeSource(33, 17, 3, 4);
        var jpeg = RemoveSegments(JpegOracleTests.Encode(src, 90, false, 0x111111, 0), 0xE0);
        byte[] app14 = [0xFF, 0xEE, 0, 14, .. "Adobe"u8.ToArray(), 0, 100, 0, 0, 0, 0, (byte)transform];
        byte[] adobe = [0xFF, 0xD8, .. app14, .. jpeg.AsSpan(2)];
        JpegOracleTests.AssertBoth(adobe, $"Adobe transform {transform}");
    }

    [Theory]
    [InlineData("cmyk.jpg")]
    [InlineData("cmyk_progressive.jpg")]
    public void CmykMatchesOpenCv(string name)
    {
        // Fixtures from tests/fixtures/jpeg/make_fixtures.py (Pillow writes Adobe CMYK); OpenCV asks libjpeg for
        // CMYK and converts to BGR / gray itself.
        var jpeg = File.ReadAllBytes(Path.Combine(JpegOracleTestPaths.RepoRoot, "tests", "fixtures", "jpeg", name));
        JpegOracleTests.AssertBoth(jpeg, name);

        // The same samples declared YCCK (Adobe transform 2) exercise libjpeg's YCCK -> CMYK conversion.
        int app14 = -1;
        for (int i = 2; i + 17 < jpeg.Length; i++)
            if (jpeg[i] == 0xFF && jpeg[i + 1] == 0xEE && jpeg[i + 4] == (byte)'A') { app14 = i; break; }
        Assert.True(app14 > 0, "no Adobe APP14 segment");
        jpeg[app14 + 4 + 11] = 2;
        JpegOracleTests.AssertBoth(jpeg, name + " as YCCK");
    }

    [Fact]
    public void SixteenBitQuantisationTablesMatch()
    {
        // Re-express every DQT table with 16-bit entries (Pq = 1); SOF1 (extended sequential) marks the frame.
        using var src = JpegOracleTests.MakeSource(45, 29, 3, 6);
        var jpeg = JpegOracleTests.Encode(src, 30, false, 0x221111, 0);
        var outp = new List<byte> { 0xFF, 0xD8 };
        int p = 2;
        while (jpeg[p + 1] != 0xDA)
        {
            int len = jpeg[p + 2] << 8 | jpeg[p + 3];
            if (jpeg[p + 1] == 0xDB)
            {
                var body = new List<byte>();
                for (int q = p + 4; q < p + 2 + len; q += 65)
                {
                    body.Add((byte)(0x10 | (jpeg[q] & 15)));
                    for (int k = 0; k < 64; k++) { body.Add(0); body.Add(jpeg[q + 1 + k]); }
                }
                outp.AddRange([0xFF, 0xDB, (byte)((body.Count + 2) >> 8), (byte)(body.Count + 2)]);
                outp.AddRange(body);
            }
            else
            {
                var seg = jpeg.AsSpan(p, 2 + len).ToArray();
                if (seg[1] == 0xC0) seg[1] = 0xC1;
                outp.AddRange(seg);
            }
            p += 2 + len;
        }
        outp.AddRange(jpeg.AsSpan(p).ToArray());
        JpegOracleTests.AssertBoth(outp.ToArray(), "16-bit DQT, SOF1");
    }

    private static int IndexOfSos(byte[] jpeg)
    {
        for (int i = 2; i + 1 < jpeg.Length; i++) if (jpeg[i] == 0xFF && jpeg[i + 1] == 0xDA) return i;
        throw new InvalidOperationException("no SOS");
    }

    private static byte[] RemoveSegments(byte[] jpeg, byte marker)
    {
        var outp = new List<byte> { 0xFF, 0xD8 };
        int p = 2;
        while (p + 4 <= jpeg.Length && jpeg[p] == 0xFF && jpeg[p + 1] != 0xDA)
        {
            int len = jpeg[p + 2] << 8 | jpeg[p + 3];
            if (jpeg[p + 1] != marker) outp.AddRange(jpeg.AsSpan(p, 2 + len).ToArray());
            p += 2 + len;
        }
        outp.AddRange(jpeg.AsSpan(p).ToArray());
        return outp.ToArray();
    }
}
