using OpenCvSharp;
using SegmentSharp.Color;
using SegmentSharp.Imaging;

namespace SegmentSharp.OracleTests.ColorSpaces;

/// <summary>Runs one conversion through OpenCV and through SegmentSharp and compares the pixels.</summary>
internal static class ColorOracle
{
    public static readonly (int W, int H)[] Sizes = [(1, 1), (1, 9), (9, 1), (2, 3), (15, 4), (16, 2), (17, 3), (31, 5), (33, 7), (64, 3), (127, 5)];

    public static Image<byte> Random8(int w, int h, int cn, int seed)
    {
        var img = new Image<byte>(w, h, cn);
        new Random(seed).NextBytes(img.Data);
        return img;
    }

    public static Image<byte> Filled8(int w, int h, int cn, byte v)
    {
        var img = new Image<byte>(w, h, cn);
        img.Data.AsSpan().Fill(v);
        return img;
    }

    /// <summary>Every 24-bit colour once: a 4096×4096 three-channel image.</summary>
    public static Image<byte> AllColours()
    {
        var img = new Image<byte>(4096, 4096, 3);
        var d = img.Data;
        for (int i = 0, o = 0; i < 1 << 24; i++, o += 3)
        {
            d[o] = (byte)i; d[o + 1] = (byte)(i >> 8); d[o + 2] = (byte)(i >> 16);
        }
        return img;
    }

    public static void Check8(Image<byte> src, ColorCode code, int dcn, string ctx)
    {
        using var m = Oracle.ToMat(src);
        using var expected = new Mat();
        Cv2.CvtColor(m, expected, (ColorConversionCodes)(int)code, dcn);
        var actual = ColorConversion.Convert(src, code, dcn);
        Oracle.AssertEqual(expected, actual, $"{code} {ctx} {src.Width}x{src.Height}x{src.Channels}->{dcn}");
    }
}
