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

    [Fact]
    public void SlicLabelsEqualTheLibrary()
    {
        using var s = new Scratch();
        s.Stage([Coffee]);
        var r = s.Run("superpixels", Coffee, "seg.tif", "--method", "slic", "--n-segments", "150", "--compactness", "20",
            "--sigma", "1", "--max-iter", "5", "--overlay", "over.png", "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var want = Slic.Segment(ImageFile.ReadColor(Path.Combine(CliTestPaths.RepoRoot, Coffee)), 150, 20, 5, 1);
        Assert.Equal(want.Data.Select(v => (float)v), TiffSamples.ReadInt(s.PathOf("seg.tif")).Select(v => (float)v));
        using var json = System.Text.Json.JsonDocument.Parse(r.Stdout);
        Assert.Equal("slic", json.RootElement.GetProperty("method").GetString());
        Assert.Equal(want.Data.Distinct().Count(), json.RootElement.GetProperty("segments").GetInt32());
        Assert.True(File.Exists(s.PathOf("over.png")));
    }

    [Fact]
    public void SlicOptionsReachTheLibrary()
    {
        using var s = new Scratch();
        s.Stage([Coffee]);
        var r = s.Run("superpixels", Coffee, "seg.tif", "--method", "slic", "--gray", "--compactness", "0.1",
            "--no-enforce-connectivity", "--slic-zero");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var want = Slic.Segment(ImageFile.ReadGray(Path.Combine(CliTestPaths.RepoRoot, Coffee)), compactness: 0.1,
            enforceConnectivity: false, slicZero: true);
        Assert.Equal(want.Data.Select(v => (float)v), TiffSamples.ReadInt(s.PathOf("seg.tif")).Select(v => (float)v));
        Assert.Contains($"superpixels: slic, {want.Data.Distinct().Count()} segments", r.Stdout);
    }

    [Theory]
    [InlineData(new[] { "--method", "quickshift" }, "invalid choice: 'quickshift'")]
    [InlineData(new[] { "--method", "slic", "--scale", "10" }, "argument --scale: not allowed with --method slic")]
    [InlineData(new[] { "--method", "slic", "--min-size", "10" }, "argument --min-size: not allowed with --method slic")]
    [InlineData(new[] { "--n-segments", "10" }, "argument --n-segments: only allowed with --method slic")]
    [InlineData(new[] { "--no-enforce-connectivity" }, "argument --no-enforce-connectivity: only allowed with --method slic")]
    [InlineData(new[] { "--method", "slic", "--compactness", "0" }, "compactness must be from")]
    [InlineData(new[] { "--method", "slic", "--n-segments", "0" }, "n segments must be an integer from 1")]
    [InlineData(new[] { "--method", "slic", "--max-iter", "x" }, "invalid int value: 'x'")]
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
