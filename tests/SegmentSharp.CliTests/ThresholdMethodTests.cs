using System.Globalization;
using System.Text.Json;
using SegmentSharp.Histograms;
using SegmentSharp.Imaging;
using SegmentSharp.Thresholding;
using SegmentSharp.Thresholding.Document;
using SegmentSharp.Thresholding.Local;

namespace SegmentSharp.CliTests;

/// <summary>
/// Every `--method` of `segment threshold` writes exactly the mask of the library call it documents, on page.png and
/// text.png, with defaults and with explicit parameters. Methods whose library body is still a stub on this branch must
/// fail cleanly (exit 1, "not available") rather than crash.
/// </summary>
public sealed class ThresholdMethodTests
{
    public static readonly string[] Samples = ["page.png", "text.png"];

    private static readonly (string Name, GlobalMethod Method)[] GlobalMethods =
    [
        ("otsu", GlobalMethod.Otsu), ("triangle", GlobalMethod.Triangle), ("default", GlobalMethod.Default),
        ("huang", GlobalMethod.Huang), ("intermodes", GlobalMethod.Intermodes), ("isodata", GlobalMethod.IsoData),
        ("li", GlobalMethod.Li), ("max-entropy", GlobalMethod.MaxEntropy), ("mean", GlobalMethod.Mean),
        ("min-error", GlobalMethod.MinError), ("minimum", GlobalMethod.Minimum), ("moments", GlobalMethod.Moments),
        ("percentile", GlobalMethod.Percentile), ("renyi-entropy", GlobalMethod.RenyiEntropy),
        ("shanbhag", GlobalMethod.Shanbhag), ("yen", GlobalMethod.Yen),
    ];

    public static TheoryData<string, string> GlobalCases()
    {
        var d = new TheoryData<string, string>();
        foreach (var (name, _) in GlobalMethods) foreach (string s in Samples) d.Add(name, s);
        return d;
    }

    [Theory]
    [MemberData(nameof(GlobalCases))]
    public void GlobalMethodEqualsLibrary(string name, string sample)
    {
        var method = GlobalMethods.Single(m => m.Name == name).Method;
        var gray = InProcessCli.Gray(sample);
        int t = GlobalThreshold.Compute(method, gray.ReadOnlyView);
        var expected = Threshold.Apply(gray, t, 255, ThresholdType.Binary, out double used);
        Assert.Equal(t, used);
        using var cli = new InProcessCli();
        var (mask, stdout) = cli.Threshold(sample, "--method", name);
        Assert.Equal(expected.Data, mask.Data);
        Assert.Contains($"\nmethod: {name} binary\n", stdout);
        Assert.Contains($"\nthreshold: {t.ToString(CultureInfo.InvariantCulture)}.0\n", stdout);

        // --invert and --type/--max-value apply to histogram methods as to --method global.
        var inv = Threshold.Apply(gray, t, 200, ThresholdType.BinaryInv, out _);
        var (invMask, _) = cli.Threshold(sample, "--method", name, "--invert", "--max-value", "200", "--bilevel", "never");
        Assert.Equal(inv.Data, invMask.Data);
    }

    /// <summary>(method, CLI flags, library call). Flags empty = the library defaults.</summary>
    private static readonly Dictionary<string, (string[] Flags, Func<ReadOnlyImageView<byte>, Image<byte>> Call)[]> LocalCases = new()
    {
        ["niblack"] = [([], s => LocalThreshold.Niblack(s)), (["--window", "31", "--k", "-0.2"], s => LocalThreshold.Niblack(s, 31, -0.2))],
        ["sauvola"] = [([], s => LocalThreshold.Sauvola(s)), (["--window", "25", "--k", "0.3", "--r", "100"], s => LocalThreshold.Sauvola(s, 25, 0.3, 100))],
        ["wolf"] = [([], s => LocalThreshold.Wolf(s)), (["--window", "21", "--k", "0.3"], s => LocalThreshold.Wolf(s, 21, 0.3))],
        ["nick"] = [([], s => LocalThreshold.Nick(s)), (["--window", "19", "--k", "-0.2"], s => LocalThreshold.Nick(s, 19, -0.2))],
        ["bradley"] = [([], s => LocalThreshold.Bradley(s)), (["--window", "21", "--t", "0.1"], s => LocalThreshold.Bradley(s, 21, 0.1))],
        ["phansalkar"] = [([], s => LocalThreshold.Phansalkar(s)),
            (["--window", "17", "--k", "0.2", "--r", "0.4", "--p", "3", "--q", "8"], s => LocalThreshold.Phansalkar(s, 17, 0.2, 0.4, 3, 8))],
        ["bernsen"] = [([], s => LocalThreshold.Bernsen(s)), (["--window", "11", "--contrast-threshold", "30"], s => LocalThreshold.Bernsen(s, 11, 30))],
        ["contrast"] = [([], s => LocalThreshold.Contrast(s)), (["--window", "9"], s => LocalThreshold.Contrast(s, 9))],
        ["midgrey"] = [([], s => LocalThreshold.MidGrey(s)), (["--window", "13", "--offset", "5"], s => LocalThreshold.MidGrey(s, 13, 5))],
        ["median"] = [([], s => LocalThreshold.Median(s)), (["--window", "13", "--offset", "-3"], s => LocalThreshold.Median(s, 13, -3))],
        ["local-otsu"] = [([], s => LocalThreshold.LocalOtsu(s)), (["--window", "21"], s => LocalThreshold.LocalOtsu(s, 21))],
        ["su"] = [([], s => LocalThreshold.Su(s)), (["--window", "11", "--min-high-contrast", "20"], s => LocalThreshold.Su(s, 11, 20))],
        ["gatos"] = [([], s => LocalThreshold.Gatos(s)),
            (["--window", "21", "--q", "0.5", "--p1", "0.4", "--p2", "0.7"], s => LocalThreshold.Gatos(s, 21, 0.5, 0.4, 0.7))],
        ["auto"] = [([], s => DocumentBinarizer.Binarize(s))],
    };

    public static TheoryData<string, string, int> LocalCaseIds()
    {
        var d = new TheoryData<string, string, int>();
        foreach (var (name, cases) in LocalCases)
            for (int i = 0; i < cases.Length; i++)
                foreach (string s in Samples) d.Add(name, s, i);
        return d;
    }

    [Theory]
    [MemberData(nameof(LocalCaseIds))]
    public void LocalMethodEqualsLibrary(string name, string sample, int caseIndex)
    {
        var (flags, call) = LocalCases[name][caseIndex];
        var gray = InProcessCli.Gray(sample);
        Image<byte> expected;
        try { expected = call(gray.ReadOnlyView); }
        catch (NotImplementedException)
        {
            // Still a stub on this branch: the CLI must say so, with exit 1 and no output file.
            using var stubCli = new InProcessCli();
            var r = stubCli.Run(["threshold", RepoPaths.Sample(sample), stubCli.Out("m.png"), "--method", name, .. flags]);
            Assert.Equal(1, r.ExitCode);
            Assert.Equal($"segment threshold: error: --method {name} is not available in this build yet\n", r.Stderr);
            Assert.False(File.Exists(stubCli.Out("m.png")));
            return;
        }
        using var cli = new InProcessCli();
        var (mask, stdout) = cli.Threshold(sample, ["--method", name, .. flags]);
        Assert.Equal(expected.Data, mask.Data);
        Assert.Contains($"\nmethod: {name} binary\n", stdout);
        Assert.Contains($"\nthreshold: local ({name}, window ", stdout);

        // --invert gives white text: the exact complement.
        var (inverted, invOut) = cli.Threshold(sample, ["--method", name, "--invert", .. flags]);
        for (int i = 0; i < expected.Data.Length; i++) Assert.Equal(255 - expected.Data[i], inverted.Data[i]);
        Assert.Contains($"\nmethod: {name} binary inverse\n", invOut);
    }

    [Fact]
    public void LocalReportNamesWindowAndParameters()
    {
        using var cli = new InProcessCli();
        var (_, stdout) = cli.Threshold("page.png", "--method", "sauvola", "--window", "25");
        Assert.Contains("\nthreshold: local (sauvola, window 25, k 0.2, r 127.5)\n", stdout);
        (_, stdout) = cli.Threshold("page.png", "--method", "bradley");
        Assert.Contains("\nthreshold: local (bradley, window 49, t 0.15)\n", stdout); // 384 / 8 = 48 → odd 49
    }

    [Theory]
    [InlineData("page.png", 2)]
    [InlineData("page.png", 3)]
    [InlineData("text.png", 4)]
    public void MultiOtsuWritesLabels(string sample, int classes)
    {
        var gray = InProcessCli.Gray(sample);
        var expected = MultiOtsu.Apply(gray.ReadOnlyView, classes);
        int[] t = MultiOtsu.Thresholds(Histogram.Compute(gray.ReadOnlyView), classes);
        using var cli = new InProcessCli();
        var (labels, stdout) = cli.Threshold(sample, "--method", "multi-otsu", "--classes", classes.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(expected.Data, labels.Data);
        Assert.All(labels.Data, v => Assert.InRange(v, 0, classes - 1));
        Assert.Equal(classes, labels.Data.Distinct().Count());
        Assert.Contains($"\nmethod: multi-otsu {classes} classes\n", stdout);
        Assert.Contains($"\nthresholds: {string.Join(' ', t)}\n", stdout);
        Assert.Contains($"\nunique values: {string.Join(' ', Enumerable.Range(0, classes))}\n", stdout);
        for (int c = 0; c < classes; c++) Assert.Contains($"\nclass {c} pixels: {labels.Data.Count(v => v == c)} / {labels.Data.Length} (", stdout);
    }

    [Fact]
    public void MultiOtsuDefaultsToThreeClassesAndCarriesJson()
    {
        using var cli = new InProcessCli();
        var r = cli.Run("threshold", RepoPaths.Sample("coins.png"), cli.Out("l.png"), "--method", "multi-otsu", "--json");
        Assert.Equal(0, r.ExitCode);
        var j = JsonDocument.Parse(r.Stdout).RootElement;
        Assert.Equal("multi-otsu", j.GetProperty("method").GetString());
        Assert.Equal("labels", j.GetProperty("type").GetString());
        Assert.Equal(3, j.GetProperty("classes").GetInt32());
        var gray = InProcessCli.Gray("coins.png");
        int[] t = MultiOtsu.Thresholds(Histogram.Compute(gray.ReadOnlyView), 3);
        Assert.Equal(t, j.GetProperty("thresholds").EnumerateArray().Select(v => v.GetInt32()).ToArray());
        Assert.Equal(gray.PixelCount, j.GetProperty("class_pixels").EnumerateArray().Sum(v => v.GetInt64()));
        Assert.Equal(JsonValueKind.Null, j.GetProperty("threshold").ValueKind);
    }

    [Fact]
    public void MultiOtsuOnTooFewLevelsFailsCleanly()
    {
        using var cli = new InProcessCli();
        // A 0/255 mask has two levels: it cannot be split into three classes.
        var first = cli.Threshold("page.png", "--bilevel", "never");
        string two = cli.Out("two.png");
        Codecs.ImageFile.Write(two, first.Mask);
        var r = cli.Run("threshold", two, cli.Out("l.png"), "--method", "multi-otsu");
        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith($"segment threshold: error: --method multi-otsu cannot process {two}: ", r.Stderr);
        Assert.DoesNotContain("Parameter", r.Stderr);
        Assert.False(File.Exists(cli.Out("l.png")));
    }

    [Fact]
    public void AutoReportsItsEstimateOrIsAStub()
    {
        var gray = InProcessCli.Gray("page.png");
        DocumentEstimate est;
        try { DocumentBinarizer.Binarize(gray.ReadOnlyView, out est); }
        catch (NotImplementedException) { return; } // covered by LocalMethodEqualsLibrary's stub branch
        using var cli = new InProcessCli();
        var r = cli.Run("threshold", RepoPaths.Sample("page.png"), cli.Out("a.png"), "--method", "auto", "--json");
        Assert.Equal(0, r.ExitCode);
        var e = JsonDocument.Parse(r.Stdout).RootElement.GetProperty("estimate");
        Assert.Equal(est.Window, e.GetProperty("window").GetInt32());
        Assert.Equal(est.StrokeWidth, e.GetProperty("stroke_width").GetDouble());
    }
}
