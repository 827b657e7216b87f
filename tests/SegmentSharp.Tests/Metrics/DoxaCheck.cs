using System.Globalization;
using System.Text;
using SegmentSharp.Codecs;
using SegmentSharp.Imaging;
using SegmentSharp.Metrics;

namespace SegmentSharp.Quality;

/// <summary>
/// The metric acceptance check on Doxa's CC0 fixture <c>doxa_2johnc1v3</c> (a page of 2 John, its DIBCO-style ground truth,
/// the official pseudo-F weight files and Doxa's outputs of 17 binarization algorithms). Scores every output with
/// <see cref="BinaryMetrics"/>, once with the official weights and once with our own (<see cref="PseudoFWeights.Compute"/>),
/// and compares the Sauvola output with the values Doxa's unit tests quote from the DIBCO tool.
/// Shared by <c>segment-quality check-doxa</c> (bench/SegmentSharp.Quality links this file) and the xunit test, so both run
/// the same code. The fixture is never committed; it lives in <c>../shared/data/fetched</c> beside the repository.
/// </summary>
internal static class DoxaCheck
{
    public const string FixtureName = "doxa_2johnc1v3";
    public const string Prefix = "2JohnC1V3";

    /// <summary>Exit code of a failed check; a pass and a skip both exit 0.</summary>
    public const int FailureExitCode = 1;

    public enum Outcome { Skipped, Passed, Failed }

    public sealed record Row(string Algorithm, BinaryScores Official, BinaryScores Own);

    public sealed record Expectation(string Metric, double Expected, int Decimals, double Actual)
    {
        /// <summary>Equal to the quoted value within one unit of its last printed digit.</summary>
        public bool Ok => Math.Abs(Actual - Expected) <= Math.Pow(10, -Decimals) * (1 + 1e-9);

        /// <summary>Gives exactly the quoted digits when rounded or truncated to them (Doxa's quotes are truncated, e.g. FM 93.2046 → 93.204).</summary>
        public bool Exact
        {
            get
            {
                double printed = Math.Round(Expected, Decimals);
                double scale = Math.Pow(10, Decimals);
                return Math.Round(Actual, Decimals, MidpointRounding.AwayFromZero) == printed
                    || Math.Truncate(Actual * scale) / scale == printed;
            }
        }
    }

    /// <summary>How many pixels of our own weight maps equal the official files (to the files' 6 decimals).</summary>
    public sealed record WeightAgreement(long TextPixels, long RecallEqual, long BackgroundPixels, long PrecisionEqual);

    public sealed record Result(Outcome Outcome, string FixtureDir, IReadOnlyList<Row> Rows,
        IReadOnlyList<Expectation> Expectations, string Report, WeightAgreement? Agreement = null)
    {
        public int ExitCode => Outcome == Outcome.Failed ? FailureExitCode : 0;
    }

    /// <summary>
    /// Where the fixture is looked for: <c>$SEGMENTSHARP_SHARED/data/fetched/doxa_2johnc1v3</c> when that variable is set
    /// (a worktree or a checkout elsewhere), else <c>ROOT/../shared/data/fetched/doxa_2johnc1v3</c>.
    /// </summary>
    public static string DefaultFixtureDir(string repoRoot)
    {
        string? shared = Environment.GetEnvironmentVariable("SEGMENTSHARP_SHARED");
        if (string.IsNullOrEmpty(shared)) shared = Path.Combine(repoRoot, "..", "shared");
        return Path.GetFullPath(Path.Combine(shared, "data", "fetched", FixtureName));
    }

    /// <summary>The documented message of a missing fixture.</summary>
    public static string SkipMessage(string fixtureDir) => $"fixture not found at {fixtureDir}; skipped";

    /// <summary>
    /// Runs the check. A missing fixture folder is a skip (exit 0); a folder with missing or unreadable files is a failure
    /// whose report names the problem.
    /// </summary>
    public static Result Run(string fixtureDir)
    {
        try
        {
            return RunCore(fixtureDir);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ImageFormatException or UnauthorizedAccessException)
        {
            return new Result(Outcome.Failed, fixtureDir, [], [], $"check-doxa: FAIL: {e.Message}\n");
        }
    }

    private static Result RunCore(string fixtureDir)
    {
        string gtPath = Path.Combine(fixtureDir, Prefix + "-GroundTruth.pbm");
        if (!Directory.Exists(fixtureDir))
            return new Result(Outcome.Skipped, fixtureDir, [], [], SkipMessage(fixtureDir));

        var gt = BinaryMask.ToTextMask(ImageFile.ReadGray(gtPath), TextPolarity.Dark);
        var official = PseudoFWeights.ReadDibcoFiles(
            Path.Combine(fixtureDir, Prefix + "-GroundTruth_RWeights.dat"),
            Path.Combine(fixtureDir, Prefix + "-GroundTruth_PWeights.dat"), gt.Width, gt.Height);
        var own = PseudoFWeights.Compute(gt);
        var agreement = Agree(gt, official, own);

        var rows = new List<Row>();
        var outputs = Directory.GetFiles(Path.Combine(fixtureDir, "reference_outputs_doxa"), Prefix + "-*.pbm")
            .OrderBy(p => p, StringComparer.Ordinal);
        foreach (string path in outputs)
        {
            string algo = Path.GetFileNameWithoutExtension(path)[(Prefix.Length + 1)..];
            var pred = BinaryMask.ToTextMask(ImageFile.ReadGray(path), TextPolarity.Dark);
            rows.Add(new Row(algo, BinaryMetrics.Compute(pred, gt, official), BinaryMetrics.Compute(pred, gt, own)));
        }

        var sauvola = rows.FirstOrDefault(r => r.Algorithm == "Sauvola");
        var expectations = new List<Expectation>();
        if (sauvola != null)
        {
            var s = sauvola.Official;
            // Doxa's unit tests (brandonmpetty/Doxa, CC0), which state they match the DIBCO tool; see the fixture's SOURCE.md.
            expectations.Add(new("F-measure", 93.204, 3, s.FMeasure));
            expectations.Add(new("Recall", 91.3811, 4, s.Recall));
            expectations.Add(new("Precision", 95.1025, 4, s.Precision));
            expectations.Add(new("pseudo-F-measure", 93.393, 3, s.PseudoFMeasure));
            expectations.Add(new("pseudo-Recall", 92.7954, 4, s.PseudoRecall));
            expectations.Add(new("pseudo-Precision", 93.9983, 4, s.PseudoPrecision));
            expectations.Add(new("PSNR", 16.329, 3, s.Psnr));
            expectations.Add(new("Accuracy", 97.671, 3, s.Accuracy));
            expectations.Add(new("MCC", 0.918, 3, s.Mcc));
            expectations.Add(new("NRM", 0.048, 3, s.Nrm));
            expectations.Add(new("DRD", 1.9519, 4, s.Drd));
            // Doxa stores 4122339441 = Σ DRD_k × 10⁶ summed with weights rounded to 6 decimals; exact weights give 4122.3391…
            expectations.Add(new("sum DRD_k", 4122.339, 3, s.DrdSum));
            expectations.Add(new("NUBN", 2112, 0, s.Nubn));
        }

        bool ok = sauvola != null && rows.Count == 17 && expectations.All(e => e.Ok);
        return new Result(ok ? Outcome.Passed : Outcome.Failed, fixtureDir, rows, expectations,
            Format(fixtureDir, rows, expectations, ok, agreement), agreement);
    }

    private static WeightAgreement Agree(Image<byte> gt, PseudoFWeights official, PseudoFWeights own)
    {
        long text = 0, rEq = 0, bg = 0, pEq = 0;
        for (int i = 0; i < official.Recall.Length; i++)
        {
            if (gt.Data[i] != 0) { text++; if (Math.Abs(official.Recall[i] - own.Recall[i]) <= 5e-7) rEq++; }
            else { bg++; if (Math.Abs(official.PrecisionExcess[i] - own.PrecisionExcess[i]) <= 5e-7) pEq++; }
        }
        return new WeightAgreement(text, rEq, bg, pEq);
    }

    private static string Format(string dir, List<Row> rows, List<Expectation> exp, bool ok, WeightAgreement a)
    {
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(ci, $"Doxa fixture: {dir}");
        sb.AppendLine(ci, $"{"algorithm",-18} {"FM",8} {"p-FM",8} {"p-FM own",9} {"Δ own",7} {"PSNR",8} {"DRD",8} {"NRM",7} {"MCC",7}");
        foreach (var r in rows)
        {
            var o = r.Official;
            sb.AppendLine(ci,
                $"{r.Algorithm,-18} {o.FMeasure,8:F3} {o.PseudoFMeasure,8:F3} {r.Own.PseudoFMeasure,9:F3} {r.Own.PseudoFMeasure - o.PseudoFMeasure,7:+0.000;-0.000} {o.Psnr,8:F3} {o.Drd,8:F4} {o.Nrm,7:F3} {o.Mcc,7:F3}");
        }
        if (rows.Count > 0)
        {
            double maxAbs = rows.Max(r => Math.Abs(r.Own.PseudoFMeasure - r.Official.PseudoFMeasure));
            double meanAbs = rows.Average(r => Math.Abs(r.Own.PseudoFMeasure - r.Official.PseudoFMeasure));
            sb.AppendLine(ci, $"own weights vs official: p-FM |Δ| mean {meanAbs:F3}, max {maxAbs:F3} over {rows.Count} outputs");
            sb.AppendLine(ci,
                $"own weights equal the official files on {100.0 * a.RecallEqual / a.TextPixels:F1}% of text pixels (recall) and {100.0 * a.PrecisionEqual / a.BackgroundPixels:F1}% of background pixels (precision)");
        }
        sb.AppendLine("Sauvola against the values quoted from the DIBCO tool (official weights):");
        foreach (var e in exp)
            sb.AppendLine(ci,
                $"  {e.Metric,-18} expected {e.Expected.ToString("F" + e.Decimals, ci),12}  got {e.Actual.ToString("F" + (e.Decimals + 3), ci),15}  {(e.Exact ? "exact" : e.Ok ? "within 1 ulp of print" : "MISMATCH")}");
        if (rows.Count != 17) sb.AppendLine(ci, $"expected 17 algorithm outputs, found {rows.Count}");
        sb.AppendLine(ok ? "check-doxa: PASS" : "check-doxa: FAIL");
        return sb.ToString();
    }
}
