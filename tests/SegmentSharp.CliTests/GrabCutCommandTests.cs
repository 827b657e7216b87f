using SegmentSharp.Codecs;
using SegmentSharp.Geometry;
using SegmentSharp.Imaging;
using SegmentSharp.Segmentation;

namespace SegmentSharp.CliTests;

public sealed class GrabCutCommandTests
{
    private const string Chelsea = "samples/chelsea.png";

    private static Image<byte> ReadSample(string name) => ImageFile.ReadColor(Path.Combine(CliTestPaths.RepoRoot, name));

    [Fact]
    public void RectangleGivesTheLibraryMaskCutoutAndOverlay()
    {
        using var s = new Scratch();
        s.Stage([Chelsea]);
        var r = s.Run("grabcut", Chelsea, "m.png", "--rect", "80,20,300,270", "--iterations", "2", "--cutout", "c.png", "--overlay", "o.png");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("init: rectangle (rect 80,20,300,270), 2 iterations", r.Stdout);
        var bgr = ReadSample(Chelsea);
        var want = GrabCut.FromRect(bgr, new Rect(80, 20, 300, 270), 2);
        var mask = ImageFile.ReadGray(s.PathOf("m.png"));
        for (int i = 0; i < mask.Data.Length; i++) Assert.Equal(GrabCut.IsForeground(want.Data[i]) ? 255 : 0, mask.Data[i]);

        byte[] png = File.ReadAllBytes(s.PathOf("c.png"));
        Assert.Equal(8, png[24]);  // bit depth
        Assert.Equal(6, png[25]);  // colour type: RGBA
        var cut = ImageFile.ReadColor(s.PathOf("c.png"));
        for (int i = 0; i < mask.Data.Length; i++)
            for (int c = 0; c < 3; c++) Assert.Equal(mask.Data[i] != 0 ? bgr.Data[3 * i + c] : 0, cut.Data[3 * i + c]);
        var overlay = ImageFile.ReadColor(s.PathOf("o.png"));
        Assert.Equal(bgr.Width, overlay.Width);
    }

    [Fact]
    public void HintsOverrideTheRectangle()
    {
        using var s = new Scratch();
        s.Stage([Chelsea]);
        var bgr = ReadSample(Chelsea);
        var hints = new Image<byte>(bgr.Width, bgr.Height);
        Array.Fill(hints.Data, (byte)128);
        for (int x = 200; x < 240; x++) hints.Row(150)[x] = 255;   // certain object
        for (int x = 90; x < 120; x++) hints.Row(250)[x] = 0;      // certain background inside the rectangle
        hints.Row(5)[5] = 192;                                     // probable object outside it
        ImageFile.Write(s.PathOf("h.png"), hints, new ImageWriteOptions { Bilevel = BilevelMode.Never });
        var r = s.Run("grabcut", Chelsea, "m.png", "--rect", "80,20,300,270", "--hints", "h.png", "--iterations", "1", "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("\"init\": \"rectangle and hints\"", r.Stdout);

        var mask = new Image<byte>(bgr.Width, bgr.Height);
        for (int y = 0; y < bgr.Height; y++)
            for (int x = 0; x < bgr.Width; x++)
                mask.Row(y)[x] = x >= 80 && x < 380 && y >= 20 && y < 290 ? (byte)3 : (byte)0;
        for (int x = 200; x < 240; x++) mask.Row(150)[x] = 1;
        for (int x = 90; x < 120; x++) mask.Row(250)[x] = 0;
        mask.Row(5)[5] = 3;
        GrabCut.Apply(bgr, mask, default, new double[65], new double[65], 1, GrabCutMode.InitWithMask);
        var got = ImageFile.ReadGray(s.PathOf("m.png"));
        for (int i = 0; i < got.Data.Length; i++) Assert.Equal(GrabCut.IsForeground(mask.Data[i]) ? 255 : 0, got.Data[i]);
        Assert.Equal(0, got.Row(250)[100]);
        Assert.Equal(255, got.Row(150)[220]);
    }

    [Theory]
    [InlineData(0, "GC_BGD")]
    [InlineData(40, "GC_PR_BGD")]
    [InlineData(128, null)]
    [InlineData(170, "GC_PR_FGD")]
    [InlineData(250, "GC_FGD")]
    public void HintLevels(byte level, string? cls)
    {
        GrabCutClass? want = cls switch
        {
            "GC_BGD" => GrabCutClass.Background, "GC_PR_BGD" => GrabCutClass.ProbableBackground,
            "GC_PR_FGD" => GrabCutClass.ProbableForeground, "GC_FGD" => GrabCutClass.Foreground, _ => null,
        };
        Assert.Equal(want, SegmentSharp.Cli.GrabCutCommand.HintClass(level));
    }

    [Theory]
    [InlineData(new[] { "m.png" }, "one of the arguments --rect --hints is required")]
    [InlineData(new[] { "m.png", "--rect", "1,2,3" }, "expected X,Y,W,H")]
    [InlineData(new[] { "m.png", "--rect", "1,2,0,5" }, "W must be an integer from 1")]
    [InlineData(new[] { "m.png", "--rect=-1,2,5,5" }, "X must be an integer from 0")]
    [InlineData(new[] { "m.png", "--rect", "1,2,5,5", "--iterations", "0" }, "iterations must be an integer from 1 to 100")]
    [InlineData(new[] { "m.jpg", "--rect", "1,2,5,5" }, "cannot write '.jpg' files")]
    [InlineData(new[] { "m.png", "--rect", "1,2,5,5", "--cutout", "c.bmp" }, "argument --cutout: 'c.bmp' must end in .png")]
    [InlineData(new[] { "m.png", "--rect", "500,2,5,5" }, "lies outside the 451x300 image")]
    [InlineData(new[] { "m.png", "--rect", "0,0,451,300" }, "covers the whole 451x300 image")]
    public void UsageErrors(string[] flags, string message)
    {
        using var s = new Scratch();
        s.Stage([Chelsea]);
        var r = s.Run(["grabcut", Chelsea, .. flags]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
        Assert.False(File.Exists(s.PathOf("m.png")));
    }

    [Fact]
    public void HintsOfTheWrongSizeOrWithoutAnObjectAreRejected()
    {
        using var s = new Scratch();
        s.Stage([Chelsea]);
        ImageFile.Write(s.PathOf("small.png"), new Image<byte>(10, 10), new ImageWriteOptions { Bilevel = BilevelMode.Never });
        var r = s.Run("grabcut", Chelsea, "m.png", "--hints", "small.png");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("are 10x10 but", r.Stderr);
        var gray = new Image<byte>(451, 300);
        Array.Fill(gray.Data, (byte)128);
        ImageFile.Write(s.PathOf("none.png"), gray, new ImageWriteOptions { Bilevel = BilevelMode.Never });
        r = s.Run("grabcut", Chelsea, "m.png", "--hints", "none.png");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("leave no object pixels", r.Stderr);
    }

    [Fact]
    public void MissingInputIsAReadFailure()
    {
        using var s = new Scratch();
        var r = s.Run("grabcut", "nope.png", "m.png", "--rect", "1,1,5,5");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("segment grabcut: error: cannot read 'nope.png': no such file", r.Stderr);
        r = s.Run("grabcut", "nope.png", "m.png", "--hints", "h.png");
        Assert.Equal(1, r.ExitCode);
    }

    [Fact]
    public void HelpDocumentsTheHintLevels()
    {
        using var s = new Scratch();
        var r = s.Run("grabcut", "--help");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("224-255  certain object", r.Stdout);
    }
}
