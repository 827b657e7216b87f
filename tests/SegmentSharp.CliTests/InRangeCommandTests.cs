using SegmentSharp.Codecs;

namespace SegmentSharp.CliTests;

public sealed class InRangeCommandTests
{
    private static string Fixture(string name) => Path.Combine(CliTestPaths.RepoRoot, "tests", "fixtures", "inrange", name);

    public static IEnumerable<object[]> Cases() => File.ReadAllLines(Fixture("cases.txt"))
        .Where(l => l.Length > 0).Select(l => l.Split(' ')).Select(p => new object[] { p[0], p[1], p[2], p[3], p[4], long.Parse(p[5]) });

    /// <summary>Masks equal to cv2.cvtColor + cv2.inRange (goldens from make_inrange_golden.py), hue wrap as two OR-ed ranges.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesCv2Goldens(string name, string sample, string space, string lower, string upper, long pixels)
    {
        using var s = new Scratch();
        string input = "samples/" + sample;
        s.Stage([input]);
        var r = s.Run("inrange", input, "m.png", "--space", space, "--lower", lower, "--upper", upper);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains($"pixels: {pixels} (", r.Stdout);
        var want = ImageFile.ReadGray(Fixture(name + ".png"));
        var got = ImageFile.ReadGray(s.PathOf("m.png"));
        Assert.Equal(want.Data, got.Data);
    }

    [Fact]
    public void NoWrapKeepsInRangesEmptyRange()
    {
        using var s = new Scratch();
        s.Stage(["samples/coffee.png"]);
        var r = s.Run("inrange", "samples/coffee.png", "m.png", "--lower", "170,80,60", "--upper", "10,255,255", "--no-wrap", "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("\"hue_wraps\": false", r.Stdout);
        Assert.Contains("\"pixels\": 0,", r.Stdout);
        Assert.All(ImageFile.ReadGray(s.PathOf("m.png")).Data, v => Assert.Equal(0, v));
    }

    [Fact]
    public void OverlayTintsTheMaskedPixels()
    {
        using var s = new Scratch();
        s.Stage(["samples/coins.png"]);
        var r = s.Run("inrange", "samples/coins.png", "m.png", "--space", "gray", "--lower", "100", "--upper", "255", "--overlay", "o.png");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var mask = ImageFile.ReadGray(s.PathOf("m.png"));
        var over = ImageFile.ReadColor(s.PathOf("o.png"));
        var orig = ImageFile.ReadColor(Path.Combine(CliTestPaths.RepoRoot, "samples/coins.png"));
        for (int i = 0; i < mask.Data.Length; i++)
        {
            bool same = over.Data[3 * i] == orig.Data[3 * i] && over.Data[3 * i + 1] == orig.Data[3 * i + 1] && over.Data[3 * i + 2] == orig.Data[3 * i + 2];
            if (mask.Data[i] == 0) Assert.True(same, $"pixel {i} changed outside the mask");
        }
    }

    [Theory]
    [InlineData("the following arguments are required: --lower", "--upper", "1,2,3")]
    [InlineData("argument --lower: hsv has 3 channels, got 2 values", "--lower", "1,2", "--upper", "1,2,3")]
    [InlineData("argument --upper: gray has 1 channel, got 3 values", "--space", "gray", "--lower", "1", "--upper", "1,2,3")]
    [InlineData("argument --lower: invalid float value: 'x'", "--lower", "1,x,3", "--upper", "1,2,3")]
    [InlineData("argument --space: invalid choice: 'cmyk' (choose from 'bgr', 'rgb', 'gray', 'hsv', 'hsv-full', 'hls', 'lab', 'luv', 'ycrcb', 'xyz')", "--space", "cmyk")]
    [InlineData("argument OUTPUT: cannot write '.jpg' files; use .png, .tif, .tiff, .bmp, .pgm, .pnm or .pbm", "--lower", "1,2,3", "--upper", "1,2,3", "OUT.jpg")]
    public void UsageErrors(string message, params string[] extra)
    {
        using var s = new Scratch();
        var args = new List<string> { "inrange", "in.png" };
        if (!extra.Contains("OUT.jpg")) args.Add("out.png");
        args.AddRange(extra.Select(e => e == "OUT.jpg" ? "out.jpg" : e));
        var r = s.Run([.. args]);
        Assert.Equal(2, r.ExitCode);
        Assert.EndsWith($"segment inrange: error: {message}\n", r.Stderr);
    }

    [Fact]
    public void MissingInputIsAReadFailure()
    {
        using var s = new Scratch();
        var r = s.Run("inrange", "nope.png", "m.png", "--lower", "0,0,0", "--upper", "1,1,1");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("segment inrange: error: cannot read 'nope.png'", r.Stderr);
    }
}
