using OpenCvSharp;
using SegmentSharp.Codecs;
using SegmentSharp.Imaging;

namespace SegmentSharp.OracleTests.Codecs;

/// <summary>
/// JpegCodec against OpenCV's reader (libjpeg-turbo, ISLOW IDCT, fancy upsampling): JPEGs are made in-test with
/// Cv2.ImEncode over quality, progressive mode, chroma sampling and restart intervals, then decoded by both.
/// </summary>
public class JpegOracleTests
{
    /// <summary>OpenCV's IMWRITE_JPEG_SAMPLING_FACTOR, which OpenCvSharp's enum does not name.</summary>
    private const ImwriteFlags SamplingFactor = (ImwriteFlags)7;

    public static readonly TheoryData<int, int> Sizes = new()
    {
        { 1, 1 }, { 1, 37 }, { 37, 1 }, { 2, 2 }, { 3, 5 }, { 7, 3 }, { 17, 9 }, { 333, 77 }, { 640, 480 },
    };

    private static readonly int[] Samplings = [0x411111, 0x221111, 0x211111, 0x121111, 0x111111];

    internal static Mat MakeSource(int w, int h, int channels, int seed)
    {
        // Smooth structure plus noise: exercises both low- and high-frequency coefficients and chroma edges.
        var rng = new Random(seed);
        var img = new Image<byte>(w, h, channels);
        double fx = rng.NextDouble() * 0.2 + 0.02, fy = rng.NextDouble() * 0.2 + 0.02;
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
                for (int c = 0; c < channels; c++)
                {
                    double v = 128 + 90 * Math.Sin(fx * x * (c + 1) + fy * y + c) + rng.Next(-40, 41);
                    img.Data[y * img.Stride + x * channels + c] = (byte)Math.Clamp((int)v, 0, 255);
                }
        return Oracle.ToMat(img);
    }

    internal static byte[] Encode(Mat src, int quality, bool progressive, int sampling, int restart)
    {
        var prms = new List<ImageEncodingParam>
        {
            new(ImwriteFlags.JpegQuality, quality),
            new(ImwriteFlags.JpegProgressive, progressive ? 1 : 0),
        };
        if (sampling != 0) prms.Add(new ImageEncodingParam(SamplingFactor, sampling));
        if (restart != 0) prms.Add(new ImageEncodingParam(ImwriteFlags.JpegRstInterval, restart));
        Cv2.ImEncode(".jpg", src, out byte[] bytes, prms.ToArray());
        return bytes;
    }

    internal static void AssertBoth(byte[] jpeg, string context)
    {
        using var g = Cv2.ImDecode(jpeg, ImreadModes.Grayscale);
        Oracle.AssertEqual(g, JpegCodec.DecodeGray(jpeg), context + " gray");
        using var c = Cv2.ImDecode(jpeg, ImreadModes.Color);
        Oracle.AssertEqual(c, JpegCodec.DecodeColor(jpeg), context + " color");
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void ColourSourcesMatch(int w, int h)
    {
        int seed = w * 1000 + h;
        using var src = MakeSource(w, h, 3, seed);
        int i = 0;
        foreach (int sampling in Samplings)
            foreach (bool progressive in new[] { false, true })
            {
                int quality = new[] { 10, 35, 60, 75, 90, 95, 100 }[(i + seed) % 7];
                int restart = i % 3 == 2 ? 1 + i % 4 : 0;
                i++;
                AssertBoth(Encode(src, quality, progressive, sampling, restart),
                    $"{w}x{h} q{quality} sf{sampling:X} prog={progressive} rst={restart}");
            }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void GraySourcesMatch(int w, int h)
    {
        using var src = MakeSource(w, h, 1, w * 7 + h);
        foreach (int quality in new[] { 10, 50, 90, 100 })
            foreach (bool progressive in new[] { false, true })
            {
                int restart = quality == 50 ? 2 : 0;
                AssertBoth(Encode(src, quality, progressive, 0, restart), $"{w}x{h} q{quality} prog={progressive} rst={restart}");
            }
    }
}
