using OpenCvSharp;
using SegmentSharp.Codecs;
using SegmentSharp.Imaging;

namespace SegmentSharp.OracleTests.Codecs;

public class PnmOracleTests
{
    public static TheoryData<int, int, int, int> Cases()
    {
        var d = new TheoryData<int, int, int, int>();
        foreach (var (w, h) in RasterOracle.Sizes)
            for (int kind = 1; kind <= 6; kind++)
                foreach (int maxval in kind is 1 or 4 ? new[] { 1 } : new[] { 1, 7, 100, 255, 256, 1000, 65535 })
                    d.Add(w, h, kind, maxval);
        return d;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void DecodesLikeOpenCv(int w, int h, int kind, int maxval)
    {
        var rng = new Random(w * 7919 + h * 31 + kind * 7 + maxval);
        int cn = kind is 3 or 6 ? 3 : 1;
        var samples = new int[w * h * cn];
        bool binary8 = kind is 5 or 6 && maxval <= 255;
        for (int i = 0; i < samples.Length; i++)
            // ASCII files may hold values above maxval (OpenCV clamps them); binary 8-bit ones just store bytes.
            samples[i] = kind is 1 or 4 ? rng.Next(2) : kind is 2 or 3 && rng.Next(20) == 0 ? maxval + rng.Next(1, 5) : rng.Next(binary8 ? 256 : maxval + 1);
        foreach (bool comments in new[] { false, true })
        {
            var file = TestPnm.Build(kind, w, h, maxval, samples, comments, rng);
            RasterOracle.AssertDecodesLikeOpenCv(file, $"P{kind} {w}x{h} maxval {maxval} comments {comments}");
        }
    }

    [Theory]
    [InlineData("camera.png", ".pgm")]
    [InlineData("coffee.png", ".ppm")]
    public void OpenCvWrittenSamplesMatch(string sample, string ext)
    {
        using var src = Cv2.ImRead(RasterTestPaths.Sample(sample), ext == ".pgm" ? ImreadModes.Grayscale : ImreadModes.Color);
        Cv2.ImEncode(ext, src, out var binary);
        RasterOracle.AssertDecodesLikeOpenCv(binary, sample + ext);
        Cv2.ImEncode(ext, src, out var ascii, new ImageEncodingParam(ImwriteFlags.PxmBinary, 0));
        RasterOracle.AssertDecodesLikeOpenCv(ascii, sample + ext + " ascii");
        using var mask = new Mat();
        Cv2.Threshold(src.Channels() == 1 ? src : src.CvtColor(ColorConversionCodes.BGR2GRAY), mask, 127, 255, ThresholdTypes.Binary);
        Cv2.ImEncode(".pbm", mask, out var pbm);
        RasterOracle.AssertDecodesLikeOpenCv(pbm, sample + ".pbm");
        Cv2.ImEncode(".pbm", mask, out var pbmAscii, new ImageEncodingParam(ImwriteFlags.PxmBinary, 0));
        RasterOracle.AssertDecodesLikeOpenCv(pbmAscii, sample + ".pbm ascii");
    }

    [Fact]
    public void OurEncodingReadsBackIdentically()
    {
        foreach (var (w, h) in RasterOracle.Sizes)
        {
            var gray = RasterOracle.Random(w, h, 1, w + 3 * h);
            var color = RasterOracle.Random(w, h, 3, w + 5 * h);
            var mask = RasterOracle.RandomBilevel(w, h, w * h);
            RasterOracle.AssertOpenCvReadsBack(gray, PnmCodec.Encode(gray, ImageWriteOptions.Default, ".pgm"), "pgm");
            RasterOracle.AssertOpenCvReadsBack(gray, PnmCodec.Encode(gray, ImageWriteOptions.Default, ".pnm"), "pnm gray");
            RasterOracle.AssertOpenCvReadsBack(color, PnmCodec.Encode(color, ImageWriteOptions.Default, ".ppm"), "ppm");
            RasterOracle.AssertOpenCvReadsBack(color, PnmCodec.Encode(color, ImageWriteOptions.Default, ".pnm"), "pnm color");
            RasterOracle.AssertOpenCvReadsBack(mask, PnmCodec.Encode(mask, ImageWriteOptions.Default, ".pbm"), "pbm");
            var auto = PnmCodec.Encode(mask, ImageWriteOptions.Default, ".pnm");
            Assert.Equal((byte)'4', auto[1]);
            RasterOracle.AssertOpenCvReadsBack(mask, auto, "pnm bilevel");
            var never = PnmCodec.Encode(mask, new ImageWriteOptions { Bilevel = BilevelMode.Never }, ".pnm");
            Assert.Equal((byte)'5', never[1]);
            RasterOracle.AssertOpenCvReadsBack(mask, never, "pnm bilevel never");
            // The facade's format-only Encode writes .pnm rules.
            RasterOracle.AssertOpenCvReadsBack(color, ImageFile.Encode(color, ImageFormat.Pnm), "facade");
        }
    }

    [Fact]
    public void OurPbmEqualsOpenCvPbmPixels()
    {
        var mask = RasterOracle.RandomBilevel(333, 77, 5);
        using var m = Oracle.ToMat(mask);
        Cv2.ImEncode(".pbm", m, out var theirs);
        var ours = PnmCodec.Encode(mask, ImageWriteOptions.Default, ".pbm");
        // Headers differ (OpenCV adds a comment) but the packed rows must be the same bits.
        Assert.Equal(theirs.AsSpan(theirs.Length - 42 * 77).ToArray(), ours.AsSpan(ours.Length - 42 * 77).ToArray());
    }
}
