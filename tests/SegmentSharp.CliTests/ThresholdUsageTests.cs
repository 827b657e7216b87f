namespace SegmentSharp.CliTests;

/// <summary>Flags that do not apply to the chosen method, and malformed values, are usage errors (exit 2).</summary>
public sealed class ThresholdUsageTests
{
    [Theory]
    [InlineData("argument --k: not allowed with --method otsu (it applies to niblack, sauvola, wolf, nick, phansalkar)", "--method", "otsu", "--k", "0.2")]
    [InlineData("argument --window: not allowed with --method adaptive", "--method", "adaptive", "--window", "15")]
    [InlineData("argument --window: not allowed with --method global", "--window", "15")]
    [InlineData("argument --classes: not allowed with --method sauvola (it applies to multi-otsu)", "--method", "sauvola", "--classes", "3")]
    [InlineData("argument --r: not allowed with --method niblack (it applies to sauvola, phansalkar)", "--method", "niblack", "--r", "128")]
    [InlineData("argument --q: not allowed with --method sauvola (it applies to phansalkar, gatos)", "--method", "sauvola", "--q", "0.6")]
    [InlineData("argument --offset: not allowed with --method bernsen (it applies to midgrey, median)", "--method", "bernsen", "--offset", "2")]
    [InlineData("argument --t: not allowed with --method auto (it applies to bradley)", "--method", "auto", "--t", "0.1")]
    [InlineData("argument --threshold: not allowed with --method huang (it applies to global, adaptive, otsu, triangle)", "--method", "huang", "--threshold", "100")]
    [InlineData("argument --block-size: not allowed with --method sauvola (it applies to global, adaptive, otsu, triangle)", "--method", "sauvola", "--block-size", "15")]
    [InlineData("argument --type: not allowed with --method sauvola", "--method", "sauvola", "--type", "binary")]
    [InlineData("argument --max-value: not allowed with --method multi-otsu", "--method", "multi-otsu", "--max-value", "1")]
    [InlineData("argument --invert: not allowed with --method multi-otsu (its output is a label image)", "--method", "multi-otsu", "--invert")]
    [InlineData("argument --despeckle: not allowed with --method multi-otsu (its output is a label image)", "--method", "multi-otsu", "--despeckle", "5")]
    [InlineData("argument --despeckle: needs a two-level mask, not --type trunc", "--type", "trunc", "--despeckle", "5")]
    [InlineData("argument --despeckle-color: only applies together with --despeckle", "--despeckle-color", "white")]
    [InlineData("argument --window: the window must be an odd integer >= 3", "--method", "sauvola", "--window", "4")]
    [InlineData("argument --window: the window must be an odd integer >= 3", "--method", "niblack", "--window", "0")]
    [InlineData("argument --window: the window must be 0 (automatic) or an odd integer >= 3", "--method", "bradley", "--window", "1")]
    [InlineData("argument --classes: classes must be an integer from 2 to 5", "--method", "multi-otsu", "--classes", "6")]
    [InlineData("argument --classes: classes must be an integer from 2 to 5", "--method", "multi-otsu", "--classes", "1")]
    [InlineData("argument --r: r must be a positive number", "--method", "sauvola", "--r", "0")]
    [InlineData("argument --k: invalid float value: 'abc'", "--method", "sauvola", "--k", "abc")]
    [InlineData("argument --k: invalid float value: 'nan'", "--method", "sauvola", "--k", "nan")]
    [InlineData("argument --median: median size must be an odd integer from 1 to 4095", "--median", "4")]
    [InlineData("argument --clahe: expected CLIP[:TXxTY] with a clip limit >= 0 such as 2 or 2:8x8, got 'x'", "--clahe", "x")]
    [InlineData("argument --clahe: expected CLIP[:TXxTY] with tile counts from 1 to 1024 such as 2:8x8, got '2:0x8'", "--clahe", "2:0x8")]
    [InlineData("argument --stretch: percentiles must satisfy 0 <= LOW <= HIGH <= 100", "--stretch", "90,10")]
    [InlineData("argument --stretch: percentiles must satisfy 0 <= LOW <= HIGH <= 100", "--stretch=2,101")]
    [InlineData("argument --stretch: expected two percentiles LOW,HIGH such as 2,98, got '5'", "--stretch=5")]
    [InlineData("argument --normalize-background: window must be 'auto', 0 or an integer from 3 to 99999", "--normalize-background", "2")]
    [InlineData("argument --despeckle: despeckle size must be an integer >= 0", "--despeckle", "-1")]
    [InlineData("argument --despeckle-color: invalid choice: 'red' (choose from 'text', 'black', 'white')", "--despeckle", "3", "--despeckle-color", "red")]
    [InlineData("argument --contrast-threshold: contrast threshold must be an integer from 0 to 255", "--method", "bernsen", "--contrast-threshold", "300")]
    [InlineData("ambiguous option: --cl could match --classes, --clahe", "--cl", "3")]
    public void RejectedWithExit2(string message, params string[] flags)
    {
        using var cli = new InProcessCli();
        Assert.Equal(message, cli.UsageError(flags));
    }

    [Fact]
    public void UnknownMethodKeepsTheSeedLineAndListsEveryMethod()
    {
        using var cli = new InProcessCli();
        var r = cli.Run("threshold", RepoPaths.Sample("page.png"), cli.Out("m.png"), "--method", "foo");
        Assert.Equal(2, r.ExitCode);
        string[] lines = r.Stderr.TrimEnd('\n').Split('\n');
        Assert.Equal("segment threshold: error: argument --method: invalid choice: 'foo' (choose from 'global', 'adaptive', 'otsu', 'triangle')", lines[^1]);
        Assert.StartsWith("segment threshold: note: METHOD is one of global, adaptive, otsu, triangle, default, huang,", lines[^2]);
        foreach (string m in new[] { "multi-otsu", "sauvola", "gatos", "auto", "renyi-entropy" }) Assert.Contains(m, lines[^2]);
    }

    [Theory]
    [InlineData("--inv")]
    [InlineData("--inve")]
    [InlineData("--invert")]
    public void SeedAbbreviationOfInvertStillMeansInvert(string flag)
    {
        using var cli = new InProcessCli();
        var (_, stdout) = cli.Threshold("page.png", flag);
        Assert.Contains("\nmethod: global binary inverse\n", stdout);
        Assert.DoesNotContain("invert input", stdout);
    }

    [Fact]
    public void SeedFlagsStayAcceptedWithSeedMethods()
    {
        // The seed accepted (and ignored) --block-size and --c with --method global; so do we.
        using var cli = new InProcessCli();
        var (_, stdout) = cli.Threshold("page.png", "--block-size", "15", "--c", "3", "--adaptive-method", "mean");
        Assert.Contains("\nthreshold: 127.0\n", stdout);
    }

    [Fact]
    public void HelpDocumentsEveryMethodAndFlag()
    {
        using var cli = new InProcessCli();
        var r = cli.Run("threshold", "--help");
        Assert.Equal(0, r.ExitCode);
        foreach (var m in SegmentSharp.Pipelines.Binarization.BinarizeMethod.All) Assert.Contains(m.Name, r.Stdout);
        foreach (string f in new[] { "--classes", "--window", "--k K", "--r R", "--t T", "--p P", "--q Q", "--p1", "--p2",
                     "--contrast-threshold", "--offset", "--min-high-contrast", "--invert-input", "--deskew", "--median",
                     "--clahe", "--normalize-background", "--stretch", "--despeckle", "--despeckle-color" })
            Assert.Contains(f, r.Stdout);
    }
}
