using SegmentSharp.Codecs;
using SegmentSharp.Superpixels;

namespace SegmentSharp.CliTests;

public sealed class SuperpixelsCommandTests
{
    private const string Coffee = "samples/coffee.png";

    [Fact]
    public void LabelsEqualTheLibrary()
    {
        using var s = new Scratch();
        s.Stage([Coffee]);
        var r = s.Run("superpixels", Coffee, "seg.tif", "--scale", "100", "--sigma", "0.5", "--min-size", "50", "--overlay", "over.png");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var want = Felzenszwalb.Segment(ImageFile.ReadColor(Path.Combine(CliTestPaths.RepoRoot, Coffee)), 100, 0.5, 50);
        Assert.Equal(want.Data.Select(v => (float)v), TiffSamples.ReadInt(s.PathOf("seg.tif")).Select(v => (float)v));
        Assert.Contains($"superpixels: felzenszwalb, {want.Data.Max() + 1} segments", r.Stdout);
        var over = ImageFile.ReadColor(s.PathOf("over.png"));
        Assert.Equal((600, 400), (over.Width, over.Height));
    }

    [Theory]
    [InlineData(new[] { "--method", "slic" }, "invalid choice: 'slic'")]
    [InlineData(new[] { "--scale", "-1" }, "scale must be from 0")]
    [InlineData(new[] { "--min-size", "x" }, "invalid int value: 'x'")]
    public void UsageErrors(string[] flags, string message)
    {
        using var s = new Scratch();
        s.Stage([Coffee]);
        var r = s.Run(["superpixels", Coffee, "seg.png", .. flags]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Stderr);
    }
}
