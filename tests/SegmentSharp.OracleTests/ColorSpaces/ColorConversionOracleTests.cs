using OpenCvSharp;
using SegmentSharp.Color;
using static SegmentSharp.OracleTests.ColorSpaces.ColorOracle;

namespace SegmentSharp.OracleTests.ColorSpaces;

public class ColorConversionOracleTests
{
    /// <summary>The codes implemented so far, each with the source channel counts and destination channel counts to try.</summary>
    public static readonly ColorCode[] Codes =
    [
        ColorCode.BGR2GRAY, ColorCode.RGB2GRAY, ColorCode.BGRA2GRAY, ColorCode.RGBA2GRAY, ColorCode.GRAY2BGR, ColorCode.GRAY2BGRA,
        ColorCode.BGR2HSV, ColorCode.RGB2HSV, ColorCode.BGR2HSV_FULL, ColorCode.RGB2HSV_FULL,
        ColorCode.BGR2Lab, ColorCode.RGB2Lab, ColorCode.LBGR2Lab, ColorCode.LRGB2Lab,
        ColorCode.Lab2BGR, ColorCode.Lab2RGB, ColorCode.Lab2LBGR, ColorCode.Lab2LRGB,
        ColorCode.BGR2XYZ, ColorCode.RGB2XYZ, ColorCode.XYZ2BGR, ColorCode.XYZ2RGB,
        ColorCode.BGR2YCrCb, ColorCode.RGB2YCrCb, ColorCode.YCrCb2BGR, ColorCode.YCrCb2RGB,
        ColorCode.HSV2BGR, ColorCode.HSV2RGB, ColorCode.HSV2BGR_FULL, ColorCode.HSV2RGB_FULL,
        ColorCode.BGR2HLS, ColorCode.RGB2HLS,
        ColorCode.HLS2BGR, ColorCode.HLS2RGB,
        ColorCode.BGR2Luv, ColorCode.RGB2Luv, ColorCode.LBGR2Luv, ColorCode.LRGB2Luv, ColorCode.Luv2BGR, ColorCode.Luv2RGB, ColorCode.Luv2LBGR, ColorCode.Luv2LRGB,
    ];

    public static IEnumerable<object[]> CodeCases() => Codes.Select(c => new object[] { c });

    private static (int[] Src, int[] Dst) ChannelsFor(ColorCode code)
    {
        var cv = code.ToString();
        if (cv.StartsWith("GRAY2", StringComparison.Ordinal)) return ([1], [code == ColorCode.GRAY2BGRA ? 4 : 3, 4]);
        if (cv.EndsWith("GRAY", StringComparison.Ordinal)) return ([3, 4], [1]);
        bool forward = cv.StartsWith("BGR", StringComparison.Ordinal) || cv.StartsWith("RGB", StringComparison.Ordinal)
            || cv.StartsWith("LBGR", StringComparison.Ordinal) || cv.StartsWith("LRGB", StringComparison.Ordinal);
        return forward ? ([3, 4], [3]) : ([3], [3, 4]);
    }

    /// <summary>
    /// The full-range HLS codes run Intel IPP inside OpenCvSharp's OpenCV, not OpenCV's own code, which we follow:
    /// they agree within two levels.
    /// </summary>
    [Theory]
    [InlineData(ColorCode.BGR2HLS_FULL)]
    [InlineData(ColorCode.RGB2HLS_FULL)]
    [InlineData(ColorCode.HLS2BGR_FULL)]
    [InlineData(ColorCode.HLS2RGB_FULL)]
    public void FullRangeHlsWithinTwoLevels(ColorCode code)
    {
        var img = Random8(300, 40, 3, (int)code);
        using var m = Oracle.ToMat(img);
        using var e = new Mat();
        Cv2.CvtColor(m, e, (ColorConversionCodes)(int)code);
        var exp = Oracle.ToImage(e);
        var ours = ColorConversion.Convert(img, code);
        int worst = 0;
        for (int i = 0; i < exp.Data.Length; i++)
        {
            int d = Math.Abs(exp.Data[i] - ours.Data[i]);
            if (i % 3 == 0 && code.ToString().Contains("2HLS")) d = Math.Min(d, 256 - d); // hue is circular
            worst = Math.Max(worst, d);
        }
        Assert.True(worst <= 2, $"{code}: largest difference {worst}");
    }

    [Fact]
    public void CodesHaveOpenCvsNumbers()
    {
        foreach (var code in Enum.GetValues<ColorCode>())
            Assert.Equal((int)Enum.Parse<ColorConversionCodes>(code.ToString()), (int)code);
    }

    [Theory]
    [MemberData(nameof(CodeCases))]
    public void RandomImagesMatchCvtColor(ColorCode code)
    {
        var (srcCns, dstCns) = ChannelsFor(code);
        int seed = (int)code * 1000;
        foreach (var scn in srcCns)
            foreach (var dcn in dstCns)
            {
                foreach (var (w, h) in Sizes) Check8(Random8(w, h, scn, seed++), code, dcn, "random");
                Check8(Random8(641, 37, scn, seed++), code, dcn, "random");
                Check8(Filled8(5, 3, scn, 0), code, dcn, "all-0");
                Check8(Filled8(5, 3, scn, 255), code, dcn, "all-255");
            }
    }

    public static IEnumerable<object[]> ForwardThreeChannelCodes() => Codes
        .Where(c => ChannelsFor(c).Src.Contains(3) && c.ToString() is var s && !s.StartsWith("GRAY", StringComparison.Ordinal) && (s.StartsWith("BGR") || s.StartsWith("RGB") || s.StartsWith("LBGR") || s.StartsWith("LRGB")))
        .Select(c => new object[] { c });

    /// <summary>Every 8-bit Lab triple through Lab→BGR (the inverse has no smaller domain to sample).</summary>
    [Theory]
    [InlineData(ColorCode.Lab2BGR)]
    [InlineData(ColorCode.Lab2LRGB)]
    [InlineData(ColorCode.Luv2BGR)]
    [InlineData(ColorCode.Luv2RGB)]
    [InlineData(ColorCode.Luv2LBGR)]
    [InlineData(ColorCode.Luv2LRGB)]
    public void EveryLabTripleMatchesCvtColor(ColorCode code) => Check8(AllColours(), code, 3, "all 2^24 Lab triples");

    [Theory]
    [MemberData(nameof(ForwardThreeChannelCodes))]
    public void EveryColourMatchesCvtColor(ColorCode code) => Check8(AllColours(), code, ChannelsFor(code).Dst[0], "all 2^24 colours");
}
