using System.Text.Json;
using System.Text.RegularExpressions;

namespace SegmentSharp.CliTests;

/// <summary>Behaviour beyond the seed: JSON output, help and version, new usage errors, file handling.</summary>
public sealed class BehaviourTests
{
    private const string Page = "samples/page.png";

    [Fact]
    public void JsonSummaryHasTheDocumentedFields()
    {
        using var s = new Scratch();
        s.Stage([Page]);
        var r = s.Run("threshold", Page, "out/m.png", "--json");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Stderr);
        Assert.EndsWith("\n", r.Stdout);
        Assert.Single(r.Stdout.TrimEnd('\n').Split('\n'));
        using var doc = JsonDocument.Parse(r.Stdout);
        var j = doc.RootElement;
        Assert.Equal("threshold", j.GetProperty("command").GetString());
        Assert.Equal(Page, j.GetProperty("input").GetString());
        Assert.Equal("out/m.png", j.GetProperty("output").GetString());
        Assert.Equal("global", j.GetProperty("method").GetString());
        Assert.Equal("global binary", j.GetProperty("label").GetString());
        Assert.Equal("binary", j.GetProperty("type").GetString());
        Assert.Equal(127.0, j.GetProperty("threshold").GetDouble());
        Assert.Equal(255, j.GetProperty("max_value").GetInt32());
        Assert.Equal(JsonValueKind.Null, j.GetProperty("block_size").ValueKind);
        Assert.Equal(JsonValueKind.Null, j.GetProperty("c").ValueKind);
        Assert.Equal(JsonValueKind.Null, j.GetProperty("adaptive_method").ValueKind);
        Assert.Equal(JsonValueKind.Null, j.GetProperty("blur").ValueKind);
        Assert.Equal("auto", j.GetProperty("bilevel").GetString());
        // The same numbers the seed prints for this image (golden case page-global).
        Assert.Equal(57395, j.GetProperty("foreground_pixels").GetInt64());
        Assert.Equal(73344, j.GetProperty("total_pixels").GetInt64());
        Assert.Equal(57395.0 / 73344 * 100, j.GetProperty("foreground_percent").GetDouble());
        Assert.Equal([0, 255], j.GetProperty("unique_values").EnumerateArray().Select(v => v.GetInt32()).ToArray());
        Assert.Equal(73344, j.GetProperty("width").GetInt32() * j.GetProperty("height").GetInt32());
        var t = j.GetProperty("timings_ms");
        foreach (string stage in new[] { "read", "blur", "threshold", "write", "total" })
            Assert.True(t.GetProperty(stage).GetDouble() >= 0, stage);
        Assert.True(t.GetProperty("total").GetDouble() >= t.GetProperty("threshold").GetDouble());
    }

    [Fact]
    public void JsonForAdaptiveCarriesBlockSizeAndC()
    {
        using var s = new Scratch();
        s.Stage([Page]);
        var r = s.Run("threshold", Page, "out/m.png", "--method", "adaptive", "--block-size", "11", "--c", "-2",
            "--adaptive-method", "mean", "--invert", "--blur", "3", "--json");
        Assert.Equal(0, r.ExitCode);
        var j = JsonDocument.Parse(r.Stdout).RootElement;
        Assert.Equal(JsonValueKind.Null, j.GetProperty("threshold").ValueKind);
        Assert.Equal("adaptive", j.GetProperty("method").GetString());
        Assert.Equal("adaptive mean inverse", j.GetProperty("label").GetString());
        Assert.Equal("binary-inv", j.GetProperty("type").GetString());
        Assert.Equal("mean", j.GetProperty("adaptive_method").GetString());
        Assert.Equal(11, j.GetProperty("block_size").GetInt32());
        Assert.Equal(-2, j.GetProperty("c").GetInt32());
        Assert.Equal(3, j.GetProperty("blur").GetInt32());
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void ThresholdHelpDescribesEveryFlag(string flag)
    {
        using var s = new Scratch();
        var r = s.Run("threshold", flag);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Stderr);
        Assert.StartsWith("usage: segment threshold [-h]", r.Stdout);
        Assert.EndsWith("usage error\n", r.Stdout);
        foreach (string f in new[] { "--help", "--method", "--threshold", "--invert", "--block-size", "--c ", "--adaptive-method",
                     "--type", "--max-value", "--blur", "--bilevel", "--json", "INPUT", "OUTPUT", "examples:", "segment threshold " })
            Assert.Contains(f, r.Stdout);
        foreach (string choice in new[] { "global", "adaptive", "otsu", "triangle", "gaussian", "mean", "binary-inv", "trunc",
                     "tozero-inv", "never" })
            Assert.Contains(choice, r.Stdout);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void TopLevelHelpListsCommands(string flag)
    {
        using var s = new Scratch();
        var r = s.Run(flag);
        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("usage: segment ", r.Stdout);
        Assert.Contains("threshold", r.Stdout);
        Assert.Contains("--version", r.Stdout);
    }

    [Fact]
    public void VersionPrintsOneLine()
    {
        using var s = new Scratch();
        var r = s.Run("--version");
        Assert.Equal(0, r.ExitCode);
        Assert.Matches(new Regex(@"^segment \d+\.\d+\.\d+\S*\n$"), r.Stdout);
    }

    [Theory]
    [InlineData("the following arguments are required: COMMAND")]
    [InlineData("argument COMMAND: invalid choice: 'thresh' (choose from 'threshold', 'morph', 'components', 'contours', 'distance', 'watershed', 'evaluate', 'try-all', 'grabcut', 'inrange', 'kmeans', 'superpixels', 'batch', 'semantic', 'instances', 'cutout', 'text-regions')", "thresh")]
    [InlineData("unrecognized arguments: --nope", "--nope")]
    public void TopLevelUsageErrors(string message, params string[] args)
    {
        using var s = new Scratch();
        var r = s.Run(args);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.Equal($"usage: segment [-h] [--version] COMMAND ...\nsegment: error: {message}\n", r.Stderr);
    }

    [Theory]
    [InlineData("argument --type: adaptive thresholding supports only binary and binary-inv, not trunc", "--method", "adaptive", "--type", "trunc")]
    [InlineData("argument --invert: not allowed with argument --type trunc", "--type", "trunc", "--invert")]
    [InlineData("argument --invert: not allowed with argument --type binary-inv", "--type", "binary-inv", "--invert")]
    [InlineData("argument --type: invalid choice: 'otsu' (choose from 'binary', 'binary-inv', 'trunc', 'tozero', 'tozero-inv')", "--type", "otsu")]
    [InlineData("argument --adaptive-method: invalid choice: 'median' (choose from 'gaussian', 'mean')", "--adaptive-method", "median")]
    [InlineData("argument --max-value: max value must be an integer from 0 to 255", "--max-value", "256")]
    [InlineData("argument --max-value: invalid int value: '1.5'", "--max-value", "1.5")]
    [InlineData("argument --blur: blur size must be an odd integer from 1 to 9999", "--blur", "4")]
    [InlineData("argument --blur: blur size must be an odd integer from 1 to 9999", "--blur", "0")]
    [InlineData("argument --blur: blur size must be an odd integer from 1 to 9999", "--blur", "10001")]
    [InlineData("argument --bilevel: invalid choice: 'always' (choose from 'auto', 'never')", "--bilevel", "always")]
    [InlineData("ambiguous option: --b could match --block-size, --blur, --bilevel", "--b", "5")]
    [InlineData("argument --json: ignored explicit argument '1'", "--json=1")]
    public void NewFlagUsageErrors(string message, params string[] flags)
    {
        using var s = new Scratch();
        s.Stage([Page]);
        var r = s.Run(["threshold", Page, "out/m.png", .. flags]);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.Equal("segment threshold: error: " + message, r.Stderr.TrimEnd('\n').Split('\n')[^1]);
        Assert.False(Directory.Exists(s.PathOf("out")));
    }

    [Theory]
    [InlineData("out/m.jpg", "argument OUTPUT: cannot write '.jpg' files; use .png, .tif, .tiff, .bmp, .pgm, .pnm or .pbm")]
    [InlineData("out/m.xyz", "argument OUTPUT: cannot write '.xyz' files; use .png, .tif, .tiff, .bmp, .pgm, .pnm or .pbm")]
    [InlineData("out/", "argument OUTPUT: no file extension; use .png, .tif, .tiff, .bmp, .pgm, .pnm or .pbm")]
    public void UnsupportedOutputFormatIsAUsageError(string output, string message)
    {
        using var s = new Scratch();
        s.Stage([Page]);
        var r = s.Run("threshold", Page, output);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("segment threshold: error: " + message, r.Stderr.TrimEnd('\n').Split('\n')[^1]);
    }

    [Fact]
    public void CreatesParentsAndLeavesNoTemporaryFiles()
    {
        using var s = new Scratch();
        s.Stage([Page]);
        var r = s.Run("threshold", Page, "a/b/c/mask.png", "--method", "otsu");
        Assert.Equal(0, r.ExitCode);
        Assert.True(File.Exists(s.PathOf("a/b/c/mask.png")));
        Assert.Equal(["mask.png"], Directory.GetFileSystemEntries(s.PathOf("a/b/c")).Select(f => Path.GetFileName(f)!).ToArray());
        Assert.Empty(s.TempFiles());
    }

    [Fact]
    public void ReplacesAnExistingOutput()
    {
        using var s = new Scratch();
        s.Stage([Page]);
        Directory.CreateDirectory(s.PathOf("out"));
        File.WriteAllText(s.PathOf("out/m.png"), "old contents");
        var r = s.Run("threshold", Page, "out/m.png");
        Assert.Equal(0, r.ExitCode);
        GoldenCase.PixelHash(s.PathOf("out/m.png"), out int w, out int h);
        Assert.Equal(73344, w * h);
        Assert.Equal(["m.png"], Directory.GetFileSystemEntries(s.PathOf("out")).Select(f => Path.GetFileName(f)!).ToArray());
    }

    [Fact]
    public void FailedReadLeavesExistingOutputUntouched()
    {
        using var s = new Scratch();
        s.Stage(["tests/fixtures/cli/inputs/truncated.png"]);
        Directory.CreateDirectory(s.PathOf("out"));
        File.WriteAllText(s.PathOf("out/m.png"), "old contents");
        var r = s.Run("threshold", "tests/fixtures/cli/inputs/truncated.png", "out/m.png");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("could not read image: tests/fixtures/cli/inputs/truncated.png\n", r.Stderr);
        Assert.Equal("old contents", File.ReadAllText(s.PathOf("out/m.png")));
        Assert.Empty(s.TempFiles());
    }

    [Fact]
    public void DebugVariableAddsTheReason()
    {
        using var s = new Scratch();
        s.Stage(["tests/fixtures/cli/inputs/empty.png"]);
        string[] args = { "threshold", "tests/fixtures/cli/inputs/empty.png", "out/m.png" };
        var r = RunWithDebug(s, args);
        Assert.Equal(1, r.ExitCode);
        string[] lines = r.Stderr.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Equal("could not read image: tests/fixtures/cli/inputs/empty.png", lines[0]);
        Assert.StartsWith("reason: ", lines[1]);
    }

    private static CliResult RunWithDebug(Scratch s, string[] args)
    {
        var psi = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            WorkingDirectory = s.Dir, RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
        };
        psi.ArgumentList.Add(CliTestPaths.SegmentDll);
        foreach (string a in args) psi.ArgumentList.Add(a);
        psi.Environment["SEGMENT_DEBUG"] = "1";
        using var p = System.Diagnostics.Process.Start(psi)!;
        var o = p.StandardOutput.ReadToEndAsync();
        var e = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return new CliResult(p.ExitCode, o.Result, e.Result);
    }

    [Theory]
    [InlineData("auto", 1)]
    [InlineData("never", 8)]
    public void BilevelControlsPngBitDepth(string mode, int bitDepth)
    {
        using var s = new Scratch();
        s.Stage([Page]);
        var r = s.Run("threshold", Page, "out/m.png", "--bilevel", mode);
        Assert.Equal(0, r.ExitCode);
        byte[] png = File.ReadAllBytes(s.PathOf("out/m.png"));
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal(bitDepth, png[24]);
        Assert.Equal(GoldenCase.Get("page-global").MaskSha256, GoldenCase.PixelHash(s.PathOf("out/m.png"), out _, out _));
    }
}
