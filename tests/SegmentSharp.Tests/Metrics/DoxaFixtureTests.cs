using SegmentSharp.Codecs;
using SegmentSharp.Imaging;
using SegmentSharp.Quality;

namespace SegmentSharp.Tests.Metrics;

/// <summary>
/// The metric acceptance check on Doxa's fixture, run through the same <see cref="DoxaCheck"/> as
/// <c>segment-quality check-doxa</c>. CI keeps ../shared beside the repository, so there the real values are asserted;
/// elsewhere the test asserts the documented skip result instead (never a skipped test).
/// </summary>
public class DoxaFixtureTests
{
    [Fact]
    public void CheckDoxa_ReproducesTheQuotedValues_OrReportsTheDocumentedSkip()
    {
        string dir = DoxaCheck.DefaultFixtureDir(RepoPaths.Root);
        var result = DoxaCheck.Run(dir);
        if (Directory.Exists(dir))
        {
            Assert.True(result.Outcome == DoxaCheck.Outcome.Passed, result.Report);
            Assert.Equal(0, result.ExitCode);
            Assert.Equal(17, result.Rows.Count);
            Assert.All(result.Expectations, e => Assert.True(e.Exact, $"{e.Metric}: expected {e.Expected}, got {e.Actual}"));
            var s = result.Rows.Single(r => r.Algorithm == "Sauvola").Official;
            Assert.Equal(93.204, Math.Truncate(s.FMeasure * 1000) / 1000);
            Assert.Equal(93.393, Math.Round(s.PseudoFMeasure, 3));
            Assert.Equal(16.329, Math.Round(s.Psnr, 3));
            Assert.Equal(1.9519, Math.Round(s.Drd, 4));
            Assert.Equal(2112, s.Nubn);
            // Our own weights (not bit-exact with DIBCO's tool, see PseudoFWeightsBuilder): measured mean |Δ p-FM| 0.555,
            // max 2.079 (Bernsen). Guard those figures so that a regression of our construction fails here.
            var deltas = result.Rows.Select(r => Math.Abs(r.Own.PseudoFMeasure - r.Official.PseudoFMeasure)).ToArray();
            Assert.True(deltas.Average() <= 0.6, $"mean |Δ p-FM| {deltas.Average():F3}");
            Assert.True(deltas.Max() <= 2.1, $"max |Δ p-FM| {deltas.Max():F3}");
            Assert.InRange(result.Rows.Single(r => r.Algorithm == "Sauvola").Own.PseudoFMeasure, 93.393 - 0.2, 93.393 + 0.2);
        }
        else
        {
            AssertDocumentedSkip(result, dir);
        }
    }

    [Fact]
    public void CheckDoxa_MissingFolder_IsADocumentedSkipWithExitZero()
    {
        string dir = Path.Combine(Path.GetTempPath(), "segsharp-no-such-fixture-" + Guid.NewGuid().ToString("N"));
        AssertDocumentedSkip(DoxaCheck.Run(dir), dir);
    }

    [Fact]
    public void CheckDoxa_WrongValues_FailWithExitOne()
    {
        // A well-formed fixture whose "Sauvola" output cannot give the quoted values: the check must fail, not skip.
        string dir = Path.Combine(Path.GetTempPath(), "segsharp-fake-doxa-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(dir, "reference_outputs_doxa"));
        try
        {
            var gt = new Image<byte>(16, 16);
            gt.Data.AsSpan().Fill(255);
            for (int y = 4; y < 12; y++) gt.Row(y).Slice(6, 3).Fill(0); // black text on white, as DIBCO draws it
            ImageFile.Write(Path.Combine(dir, DoxaCheck.Prefix + "-GroundTruth.pbm"), gt);
            ImageFile.Write(Path.Combine(dir, "reference_outputs_doxa", DoxaCheck.Prefix + "-Sauvola.pbm"), gt);
            string zeros = string.Join(' ', Enumerable.Repeat("0.000000", 256));
            File.WriteAllText(Path.Combine(dir, DoxaCheck.Prefix + "-GroundTruth_RWeights.dat"), zeros);
            File.WriteAllText(Path.Combine(dir, DoxaCheck.Prefix + "-GroundTruth_PWeights.dat"), zeros);

            var result = DoxaCheck.Run(dir);
            Assert.Equal(DoxaCheck.Outcome.Failed, result.Outcome);
            Assert.Equal(DoxaCheck.FailureExitCode, result.ExitCode);
            Assert.Single(result.Rows);
            Assert.Equal(100.0, result.Rows[0].Official.FMeasure); // a perfect copy of the GT, read back through PBM
            Assert.Contains("MISMATCH", result.Report);
            Assert.Contains("check-doxa: FAIL", result.Report);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void CheckDoxa_FolderWithoutFiles_FailsWithAMessage()
    {
        string dir = Path.Combine(Path.GetTempPath(), "segsharp-empty-doxa-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var result = DoxaCheck.Run(dir);
            Assert.Equal(DoxaCheck.Outcome.Failed, result.Outcome);
            Assert.Equal(DoxaCheck.FailureExitCode, result.ExitCode);
            Assert.StartsWith("check-doxa: FAIL: ", result.Report);
            Assert.Contains("GroundTruth.pbm", result.Report);
        }
        finally { Directory.Delete(dir, true); }
    }

    private static void AssertDocumentedSkip(DoxaCheck.Result result, string dir)
    {
        Assert.Equal(DoxaCheck.Outcome.Skipped, result.Outcome);
        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Rows);
        Assert.Equal($"fixture not found at {dir}; skipped", result.Report);
    }
}
