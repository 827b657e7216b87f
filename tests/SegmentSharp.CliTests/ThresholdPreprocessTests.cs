using System.Text.Json;
using SegmentSharp.Components;
using SegmentSharp.Enhancement;
using SegmentSharp.Filters;
using SegmentSharp.Imaging;
using SegmentSharp.Thresholding;
using SegmentSharp.Thresholding.Local;

namespace SegmentSharp.CliTests;

/// <summary>Each preprocessing flag equals its library call, and together they run in the documented order.</summary>
public sealed class ThresholdPreprocessTests
{
    private static Image<byte> Otsu(Image<byte> g) => Threshold.Apply(g, 0, 255, ThresholdType.Binary, out _, AutoThreshold.Otsu);

    public static TheoryData<string, string[]> SingleSteps => new()
    {
        { "invert-input", ["--invert-input"] },
        { "median", ["--median", "5"] },
        { "clahe", ["--clahe", "2"] },
        { "clahe-tiles", ["--clahe", "3.5:4x2"] },
        { "normalize-auto", ["--normalize-background"] },
        { "normalize-31", ["--normalize-background", "31"] },
        { "stretch-default", ["--stretch"] },
        { "stretch-5-95", ["--stretch", "5,95"] },
        { "blur", ["--blur", "3"] },
    };

    private static Image<byte> Library(string step, Image<byte> g) => step switch
    {
        "invert-input" => Invert.Apply(g.ReadOnlyView),
        "median" => MedianBlur.Apply(g, 5),
        "clahe" => Clahe.Apply(g, 2, 8, 8),
        "clahe-tiles" => Clahe.Apply(g, 3.5, 4, 2),
        "normalize-auto" => BackgroundNormalization.Apply(g.ReadOnlyView, BackgroundNormalization.DefaultWindow(g.Width, g.Height)),
        "normalize-31" => BackgroundNormalization.Apply(g.ReadOnlyView, 31),
        "stretch-default" => ContrastStretch.Apply(g.ReadOnlyView, 2, 98),
        "stretch-5-95" => ContrastStretch.Apply(g.ReadOnlyView, 5, 95),
        "blur" => GaussianBlur.Apply(g, 3, 0),
        _ => throw new ArgumentOutOfRangeException(nameof(step)),
    };

    [Theory]
    [MemberData(nameof(SingleSteps))]
    public void StepThenOtsuEqualsLibrary(string step, string[] flags)
    {
        foreach (string sample in ThresholdMethodTests.Samples)
        {
            var expected = Otsu(Library(step, InProcessCli.Gray(sample)));
            using var cli = new InProcessCli();
            var (mask, stdout) = cli.Threshold(sample, ["--method", "otsu", .. flags]);
            Assert.Equal(expected.Data, mask.Data);
            Assert.Equal(7, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length); // one line for the step
        }
    }

    [Fact]
    public void OptionalValueFlagsDoNotSwallowPositionals()
    {
        var expected = Otsu(BackgroundNormalization.Apply(InProcessCli.Gray("page.png").ReadOnlyView, 15));
        using var cli = new InProcessCli();
        string output = cli.Out("m.png");
        var r = cli.Run("threshold", "--normalize-background", RepoPaths.Sample("page.png"), "--stretch", output, "--method", "otsu");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("\nnormalize background: window 15\n", r.Stdout);
        Assert.Contains("\nstretch: percentiles 2-98 (levels ", r.Stdout);
        var twice = Otsu(ContrastStretch.Apply(BackgroundNormalization.Apply(InProcessCli.Gray("page.png").ReadOnlyView, 15).ReadOnlyView, 2, 98));
        Assert.Equal(twice.Data, Codecs.ImageFile.ReadGray(output).Data);
        Assert.NotNull(expected);
    }

    [Fact]
    public void AllStepsRunInTheDocumentedOrder()
    {
        var g = InProcessCli.Gray("text.png");
        var x = Invert.Apply(g.ReadOnlyView);
        x = MedianBlur.Apply(x, 3);
        x = Clahe.Apply(x, 2, 8, 8);
        x = BackgroundNormalization.Apply(x.ReadOnlyView, 41);
        x = ContrastStretch.Apply(x.ReadOnlyView, 1, 99);
        x = GaussianBlur.Apply(x, 5, 0);
        var mask = LocalThreshold.Sauvola(x.ReadOnlyView, 21);
        var expected = Despeckle.Apply(mask.ReadOnlyView, 8);

        using var cli = new InProcessCli();
        // Flags deliberately given in a different order: the pipeline order is fixed.
        var (got, stdout) = cli.Threshold("text.png", "--despeckle", "8", "--blur", "5", "--stretch", "1,99", "--normalize-background", "41",
            "--clahe", "2:8x8", "--median", "3", "--invert-input", "--method", "sauvola", "--window", "21");
        Assert.Equal(expected.Data, got.Data);
        string[] lines = stdout.Split('\n');
        Assert.Equal("method: sauvola binary", lines[1]);
        Assert.Equal("invert input", lines[2]);
        Assert.Equal("median: 3x3", lines[3]);
        Assert.Equal("clahe: clip 2, tiles 8x8", lines[4]);
        Assert.Equal("normalize background: window 41", lines[5]);
        Assert.StartsWith("stretch: percentiles 1-99 (levels ", lines[6]);
        Assert.Equal("blur: gaussian 5x5", lines[7]);
        Assert.Equal("threshold: local (sauvola, window 21, k 0.2, r 127.5)", lines[8]);
        Assert.StartsWith("despeckle: removed ", lines[9]);
        Assert.EndsWith(" black specks under 8 pixels", lines[9]);
    }

    [Fact]
    public void DespeckleFollowsTextPolarity()
    {
        var g = InProcessCli.Gray("page.png");
        using var cli = new InProcessCli();

        var black = Despeckle.Apply(Otsu(g).ReadOnlyView, 20, out int nBlack);
        var (m1, o1) = cli.Threshold("page.png", "--method", "otsu", "--despeckle", "20");
        Assert.Equal(black.Data, m1.Data);
        Assert.Contains($"\ndespeckle: removed {nBlack} black specks under 20 pixels\n", o1);

        // --invert: text is white, so white specks go.
        var inv = Threshold.Apply(g, 0, 255, ThresholdType.BinaryInv, out _, AutoThreshold.Otsu);
        var white = Despeckle.Apply(inv.ReadOnlyView, 20, out int nWhite, SpeckPolarity.Light);
        var (m2, o2) = cli.Threshold("page.png", "--method", "otsu", "--invert", "--despeckle", "20");
        Assert.Equal(white.Data, m2.Data);
        Assert.Contains($"\ndespeckle: removed {nWhite} white specks under 20 pixels\n", o2);

        // Explicit colour, and a max value other than 255 (removed dark specks take the foreground value).
        var mv = Threshold.Apply(g, 0, 200, ThresholdType.Binary, out _, AutoThreshold.Otsu);
        var lightSpecks = Despeckle.Apply(mv.ReadOnlyView, 5, SpeckPolarity.Light);
        var (m3, _) = cli.Threshold("page.png", "--method", "otsu", "--max-value", "200", "--despeckle", "5", "--despeckle-color", "white");
        Assert.Equal(lightSpecks.Data, m3.Data);
        var darkSpecks = Despeckle.Apply(mv.ReadOnlyView, 5, SpeckPolarity.Dark, Connectivity.Eight, 200);
        var (m4, _) = cli.Threshold("page.png", "--method", "otsu", "--max-value", "200", "--despeckle", "5");
        Assert.Equal(darkSpecks.Data, m4.Data);
    }

    [Fact]
    public void DeskewReportsAndCorrectsTheAngleOrIsAStub()
    {
        var g = InProcessCli.Gray("text.png");
        double angle;
        try { angle = Deskew.EstimateAngle(g.ReadOnlyView); }
        catch (NotImplementedException)
        {
            using var stub = new InProcessCli();
            var r = stub.Run("threshold", RepoPaths.Sample("text.png"), stub.Out("m.png"), "--deskew");
            Assert.Equal(1, r.ExitCode);
            Assert.Equal("segment threshold: error: --deskew or --method global is not available in this build yet\n", r.Stderr);
            return;
        }
        var straight = Math.Abs(angle) >= 0.05 ? Deskew.Rotate(g.ReadOnlyView, -angle) : g;
        var expected = Otsu(straight);
        using var cli = new InProcessCli();
        var (mask, stdout) = cli.Threshold("text.png", "--deskew", "--method", "otsu");
        Assert.Equal(expected.Data, mask.Data);
        Assert.Contains("\ndeskew: ", stdout);
        var r2 = cli.Run("threshold", RepoPaths.Sample("text.png"), cli.Out("j.png"), "--deskew", "--json");
        Assert.Equal(angle, JsonDocument.Parse(r2.Stdout).RootElement.GetProperty("deskew_angle").GetDouble());
    }

    [Fact]
    public void JsonCarriesPreprocessingAndLocalParameters()
    {
        using var cli = new InProcessCli();
        var r = cli.Run("threshold", RepoPaths.Sample("page.png"), cli.Out("m.png"), "--method", "phansalkar", "--k", "0.3",
            "--median", "3", "--clahe", "2:4x4", "--stretch", "--normalize-background", "25", "--invert-input", "--despeckle", "4", "--json");
        Assert.Equal(0, r.ExitCode);
        var j = JsonDocument.Parse(r.Stdout).RootElement;
        Assert.Equal("phansalkar", j.GetProperty("method").GetString());
        Assert.Equal(15, j.GetProperty("window").GetInt32());
        var p = j.GetProperty("parameters");
        Assert.Equal(0.3, p.GetProperty("k").GetDouble());
        Assert.Equal(0.5, p.GetProperty("r").GetDouble());
        Assert.Equal(2, p.GetProperty("p").GetDouble());
        Assert.Equal(10, p.GetProperty("q").GetDouble());
        Assert.Equal(["invert-input", "median", "clahe", "normalize-background", "stretch"],
            j.GetProperty("preprocess").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.Equal(3, j.GetProperty("median").GetInt32());
        Assert.Equal(4, j.GetProperty("clahe").GetProperty("tiles_y").GetInt32());
        Assert.Equal(25, j.GetProperty("normalize_background").GetInt32());
        Assert.Equal(98, j.GetProperty("stretch")[1].GetDouble());
        Assert.True(j.GetProperty("invert_input").GetBoolean());
        Assert.Equal("black", j.GetProperty("despeckle").GetProperty("color").GetString());
        Assert.Equal(JsonValueKind.Null, j.GetProperty("deskew_angle").ValueKind);
        foreach (string stage in new[] { "read", "blur", "preprocess", "threshold", "postprocess", "write", "total" })
            Assert.True(j.GetProperty("timings_ms").GetProperty(stage).GetDouble() >= 0, stage);
    }

    [Theory]
    [InlineData("out.png", 1)]
    [InlineData("out.tif", 1)]
    public void LocalMasksAreStoredBilevel(string name, int bits)
    {
        using var cli = new InProcessCli();
        string output = cli.Out(name);
        var r = cli.Run("threshold", RepoPaths.Sample("page.png"), output, "--method", "sauvola");
        Assert.Equal(0, r.ExitCode);
        byte[] file = File.ReadAllBytes(output);
        if (name.EndsWith(".png", StringComparison.Ordinal)) Assert.Equal(bits, file[24]);
        else
        {
            var expected = LocalThreshold.Sauvola(InProcessCli.Gray("page.png").ReadOnlyView);
            Assert.Equal(expected.Data, Codecs.ImageFile.ReadGray(output).Data);
            Assert.True(file.Length < expected.Data.Length / 8, $"G4 TIFF of {file.Length} bytes");
        }
    }

    [Fact]
    public void LabelImagesAreNotPackedToOneBit()
    {
        using var cli = new InProcessCli();
        string output = cli.Out("l.png");
        Assert.Equal(0, cli.Run("threshold", RepoPaths.Sample("page.png"), output, "--method", "multi-otsu", "--classes", "2").ExitCode);
        Assert.Equal(8, File.ReadAllBytes(output)[24]);
    }
}
