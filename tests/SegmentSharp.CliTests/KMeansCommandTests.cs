using SegmentSharp.Clustering;
using SegmentSharp.Codecs;

namespace SegmentSharp.CliTests;

public sealed class KMeansCommandTests
{
    private const string Chelsea = "samples/chelsea.png";

    [Theory]
    [InlineData("lab", 0.0)]
    [InlineData("hsv", 0.0)]
    [InlineData("rgb", 0.5)]
    public void OutputsEqualTheLibrary(string space, double xy)
    {
        using var s = new Scratch();
        s.Stage([Chelsea]);
        var r = s.Run("kmeans", Chelsea, "painted.png", "--k", "3", "--space", space, "--xy", xy.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--attempts", "2", "--seed", "9", "--labels", "labels.png", "--overlay", "over.png");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var bgr = ImageFile.ReadColor(Path.Combine(CliTestPaths.RepoRoot, Chelsea));
        var want = ColorKMeans.Segment(bgr, new ColorKMeansOptions
        {
            Space = space switch { "lab" => ColorFeatureSpace.Lab, "hsv" => ColorFeatureSpace.Hsv, _ => ColorFeatureSpace.Rgb },
            XyWeight = xy,
            KMeans = new KMeansOptions { K = 3, Attempts = 2, Seed = 9 },
        });
        Assert.Equal(want.Painted.Data, ImageFile.ReadColor(s.PathOf("painted.png")).Data);
        var labels = ImageFile.ReadGray(s.PathOf("labels.png"));
        Assert.Equal(want.Labels.Data, labels.Data.Select(v => (int)v));
        Assert.True(File.Exists(s.PathOf("over.png")));
        Assert.Contains("kmeans: k 3", r.Stdout);
        Assert.Equal(4, r.Stdout.Split('\n').Count(l => l.StartsWith("  cluster ", StringComparison.Ordinal)) + 1);
    }

    [Fact]
    public void JsonSummaryListsEveryCluster()
    {
        using var s = new Scratch();
        s.Stage([Chelsea]);
        var r = s.Run("kmeans", Chelsea, "p.png", "--k", "2", "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.StartsWith("{", r.Stdout);
        using var doc = System.Text.Json.JsonDocument.Parse(r.Stdout);
        Assert.Equal(2, doc.RootElement.GetProperty("clusters").GetArrayLength());
        Assert.True(doc.RootElement.GetProperty("compactness").GetDouble() > 0);
    }

    [Theory]
    [InlineData(new[] { "--k", "0" }, "K must be an integer from 1 to 256")]
    [InlineData(new[] { "--space", "luv" }, "invalid choice: 'luv'")]
    [InlineData(new[] { "--init", "kpp" }, "invalid choice: 'kpp'")]
    [InlineData(new[] { "--max-iter", "1" }, "max iterations must be an integer from 2 to 100")]
    [InlineData(new[] { "--xy", "-1" }, "position weight must be from 0")]
    [InlineData(new[] { "--labels", "l.jpg" }, "must end in .png, .tif, .tiff")]
    public void UsageErrors(string[] flags, string message)
    {
        using var s = new Scratch();
        s.Stage([Chelsea]);
        var r = s.Run(["kmeans", Chelsea, "p.png", .. flags]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Stderr);
    }

    [Fact]
    public void MissingInputIsAReadFailure()
    {
        using var s = new Scratch();
        var r = s.Run("kmeans", "nope.png", "p.png");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("segment kmeans: error: cannot read 'nope.png'", r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
    }
}
