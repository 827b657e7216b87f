using SegmentSharp.Codecs;
using SegmentSharp.Imaging;
using SegmentSharp.Metrics;

namespace SegmentSharp.Cli;

/// <summary>
/// `segment evaluate PRED GT`: scores binarizations (or label maps) against ground truth with the DIBCO metrics of
/// <see cref="BinaryMetrics"/> or the segmentation metrics of <see cref="LabelMetrics"/>, per image and on average.
/// A pair that cannot be evaluated is reported on stderr and skipped; the run goes on.
/// </summary>
internal static class EvaluateCommand
{
    public const string Prog = "segment evaluate";

    /// <summary>Some pairs could not be evaluated (the others were).</summary>
    public const int PartialFailure = 3;

    public const string Usage =
        """
        usage: segment evaluate [-h] [--pred-text {0,255}] [--gt-text {0,255}]
                                [--pred-suffix SUFFIX] [--gt-suffix SUFFIX]
                                [--pweights PATH] [--rweights PATH] [--no-pseudo]
                                [--labels] [--classes K] [--ignore-index I] [--coco]
                                [--format {table,csv,json}] [--csv FILE] [--json FILE]
                                PRED GT
        """;

    public const string Help = Usage + """


        Score predicted masks against ground truth: DIBCO binarization metrics (F-measure, pseudo-F-measure,
        PSNR, DRD, NRM, MCC, precision, recall, IoU, Dice), or with --labels per-class IoU, mean IoU and
        pixel accuracy of label maps, or with --coco the COCO instance-segmentation AP of a results file.
        Prints one row per image and the mean (--coco: AP, AP50, AP75, AR100 and AP per category).

        positional arguments:
          PRED                  predicted mask, or a folder of them
          GT                    ground-truth mask, or a folder of them; folders are paired by file name
                                (extension ignored, suffixes below removed)

        options:
          -h, --help            show this help message and exit
          --pred-text {0,255}   gray value of text in the predictions (default: 0, black text as written by
                                'segment threshold'); values < 128 count as 0, >= 128 as 255
          --gt-text {0,255}     gray value of text in the ground truth (default: 0, as in DIBCO)
          --pred-suffix SUFFIX  end of a prediction's file stem that is not part of its name, e.g. _out
                                (files without it are ignored)
          --gt-suffix SUFFIX    the same for ground-truth files, e.g. _gt or _target (DIBCO-style
                                _source/_target folders)
          --pweights PATH       official DIBCO pseudo-precision weights (NAME_PWeights.dat): a file for a
                                single pair, a folder holding NAME_PWeights.dat, or a pattern with {name}
          --rweights PATH       pseudo-recall weights (NAME_RWeights.dat), same forms as --pweights
          --no-pseudo           without weight files, skip the pseudo measures instead of computing
                                our own weights (Ntirogiannis et al. 2013)
          --labels              compare label maps (8-bit gray, value = class) instead of text masks
          --classes K           number of classes for --labels (default: from the data)
          --ignore-index I      ground-truth label not counted in --labels mode (e.g. 255; default: none)
          --coco                PRED is a COCO results JSON (list of image_id, category_id, segmentation,
                                score) and GT a COCO ground-truth JSON; prints mask AP@[.5:.95], AP50,
                                AP75 and AR@100 as pycocotools' COCOeval(iouType='segm')
          --format {table,csv,json}
                                what to print on stdout (default: table)
          --csv FILE            also write the per-image results and the mean as CSV
          --json FILE           also write them as JSON

        examples:
          segment evaluate out/ dibco2011/GT/ --gt-suffix _GT
          segment evaluate mask.png gt.tiff --pweights gt_PWeights.dat --rweights gt_RWeights.dat
          segment evaluate pred/ labels/ --labels --ignore-index 255 --csv scores.csv
          segment evaluate results.json instances_val.json --coco --format json

        exit codes: 0 every pair evaluated, 1 nothing could be evaluated or a result file could not be
        written, 2 usage error, 3 some pairs failed (missing partner, unreadable file, size mismatch);
        --coco: 0 evaluated, 1 a file could not be read or parsed, or no category has ground truth

        """;

    private static readonly string[] TextValues = ["0", "255"];
    private static readonly string[] Formats = ["table", "csv", "json"];

    internal static readonly EvaluateColumn[] BinaryColumns =
    [
        new("fm", "FM", 3), new("pfm", "pFM", 3), new("psnr", "PSNR", 3), new("drd", "DRD", 4),
        new("nrm", "NRM", 4), new("mcc", "MCC", 4), new("precision", "Prec", 3), new("recall", "Recall", 3),
        new("iou", "IoU", 4), new("dice", "Dice", 4),
        new("pseudo_precision", "pPrec", 3, false), new("pseudo_recall", "pRecall", 3, false),
        new("accuracy", "Acc", 3, false),
        new("tp", "TP", -1, false), new("fp", "FP", -1, false), new("fn", "FN", -1, false), new("tn", "TN", -1, false),
    ];

    /// <exception cref="UsageException">A usage mistake.</exception>
    /// <exception cref="EarlyExitException">--help was printed.</exception>
    public static EvaluateOptions Parse(IReadOnlyList<string> args, TextWriter stdout)
    {
        var o = new EvaluateOptions();
        var flags = new List<FlagSpec>
        {
            new("--help", null, _ => { stdout.Write(Help); throw new EarlyExitException(); }, "-h"),
            new("--pred-text", "{0,255}", v => o.PredText = FlagValues.Choice(v!, TextValues) == 0 ? TextPolarity.Dark : TextPolarity.Bright),
            new("--gt-text", "{0,255}", v => o.GtText = FlagValues.Choice(v!, TextValues) == 0 ? TextPolarity.Dark : TextPolarity.Bright),
            new("--pred-suffix", "SUFFIX", v => o.PredSuffix = v!),
            new("--gt-suffix", "SUFFIX", v => o.GtSuffix = v!),
            new("--pweights", "PATH", v => o.PWeights = v!),
            new("--rweights", "PATH", v => o.RWeights = v!),
            new("--no-pseudo", null, _ => o.NoPseudo = true),
            new("--labels", null, _ => o.Labels = true),
            new("--coco", null, _ => o.Coco = true),
            new("--classes", "K", v =>
            {
                o.Classes = FlagValues.Int(v!, 1, 256, "classes");
            }),
            new("--ignore-index", "I", v =>
            {
                o.IgnoreIndex = FlagValues.Int(v!, -1, 255, "ignore index (-1 for none)");
            }),
            new("--format", "FORMAT", v => o.Format = (EvaluateFormat)FlagValues.Choice(v!, Formats)),
            new("--csv", "FILE", v => o.CsvPath = v!),
            new("--json", "FILE", v => o.JsonPath = v!),
        };
        var positionals = ArgParser.Parse(args, flags, ["PRED", "GT"]);
        o.Pred = PythonFormat.NormalizePath(positionals[0]);
        o.Gt = PythonFormat.NormalizePath(positionals[1]);
        if (o.CsvPath is not null) o.CsvPath = PythonFormat.NormalizePath(o.CsvPath);
        if (o.JsonPath is not null) o.JsonPath = PythonFormat.NormalizePath(o.JsonPath);
        if ((o.PWeights is null) != (o.RWeights is null))
            throw new UsageException("--pweights and --rweights must be given together");
        if (o.Labels && o.PWeights is not null)
            throw new UsageException("argument --pweights: not allowed with argument --labels");
        if (o.Coco && (o.Labels || o.PWeights is not null || o.PredSuffix != "" || o.GtSuffix != ""))
            throw new UsageException("argument --coco: not allowed with --labels, --pweights or the suffix options");
        if (!o.Labels && (o.Classes != 0 || o.IgnoreIndex != -1))
            throw new UsageException("--classes and --ignore-index need --labels");
        return o;
    }

    /// <summary>Runs the command; returns the exit code.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
        => CommandRunner.Run(Prog, Usage, args, stdout, stderr, Parse, Execute);

    private static int Execute(EvaluateOptions o, TextWriter stdout, TextWriter stderr)
    {
        if (o.Coco) return EvaluateCoco.Run(o, stdout);
        List<EvaluatePair> pairs;
        try { pairs = EvaluatePairing.Pair(o.Pred, o.Gt, o.PredSuffix, o.GtSuffix); }
        catch (UsageException e)
        {
            stderr.Write(Usage);
            stderr.WriteLine();
            stderr.WriteLine($"{Prog}: error: {e.Message}");
            return ExitCodes.Usage;
        }
        if (pairs.Count == 0) throw new CommandFailedException($"no image files to pair in '{o.Pred}' and '{o.Gt}'");

        var result = o.Labels ? EvaluateLabels(o, pairs, stderr) : EvaluateBinary(o, pairs, stderr);

        switch (o.Format)
        {
            case EvaluateFormat.Table: EvaluateReport.WriteTable(stdout, result); break;
            case EvaluateFormat.Csv: EvaluateReport.WriteCsv(stdout, result); break;
            case EvaluateFormat.Json: EvaluateReport.WriteJson(stdout, result); break;
        }
        if (o.CsvPath is not null) CommandRunner.WriteText(o.CsvPath, "CSV", Render(EvaluateReport.WriteCsv, result));
        if (o.JsonPath is not null) CommandRunner.WriteText(o.JsonPath, "JSON", Render(EvaluateReport.WriteJson, result));

        if (result.Rows.Count == 0) return ExitCodes.Failure;
        return result.Failures.Count > 0 ? PartialFailure : ExitCodes.Ok;
    }

    private static string Render(Action<TextWriter, EvaluateResult> write, EvaluateResult result)
    {
        var w = new StringWriter { NewLine = "\n" };
        write(w, result);
        return w.ToString();
    }

    /// <summary>Reads one image as 8-bit gray; a failure is recorded for the pair (with the decoder's reason) and gives null.</summary>
    private static Image<byte>? Read(string path, string role, EvaluateResult result, EvaluatePair pair, TextWriter stderr)
    {
        try { return CommandRunner.ReadGray(path); }
        catch (CommandFailedException e)
        {
            Fail(result, pair, $"{role}: {e.Message}", stderr);
            return null;
        }
    }

    private static void Fail(EvaluateResult result, EvaluatePair pair, string error, TextWriter stderr)
    {
        result.Failures.Add(new EvaluateFailure(pair.Name, pair.Pred, pair.Gt, error));
        stderr.WriteLine($"{Prog}: {pair.Name}: {error}");
    }

    private static EvaluateResult EvaluateBinary(EvaluateOptions o, List<EvaluatePair> pairs, TextWriter stderr)
    {
        var result = new EvaluateResult("binary", BinaryColumns);
        foreach (var pair in pairs)
        {
            if (pair.Problem is not null) { Fail(result, pair, pair.Problem, stderr); continue; }
            var pred = Read(pair.Pred!, "prediction", result, pair, stderr);
            if (pred is null) continue;
            var gt = Read(pair.Gt!, "ground truth", result, pair, stderr);
            if (gt is null) continue;
            if (pred.Width != gt.Width || pred.Height != gt.Height)
            {
                Fail(result, pair, $"size mismatch: prediction is {pred.Width}x{pred.Height}, ground truth is {gt.Width}x{gt.Height}", stderr);
                continue;
            }
            var predMask = BinaryMask.ToTextMask(pred, o.PredText);
            var gtMask = BinaryMask.ToTextMask(gt, o.GtText);
            PseudoFWeights? weights = null;
            if (o.PWeights is not null)
            {
                string pw = EvaluatePairing.WeightPath(o.PWeights, pair.Name, "_PWeights.dat");
                string rw = EvaluatePairing.WeightPath(o.RWeights!, pair.Name, "_RWeights.dat");
                try { weights = PseudoFWeights.ReadDibcoFiles(rw, pw, gt.Width, gt.Height); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException
                                              or OutOfMemoryException)
                {
                    Fail(result, pair, $"could not read the weight files {pw} / {rw}: {e.Message}", stderr);
                    continue;
                }
            }
            else if (!o.NoPseudo) weights = PseudoFWeights.Compute(gtMask);

            var s = BinaryMetrics.Compute(predMask, gtMask, weights);
            double[] values =
            [
                s.FMeasure, s.PseudoFMeasure, s.Psnr, s.Drd, s.Nrm, s.Mcc, s.Precision, s.Recall, s.IoU, s.Dice,
                s.PseudoPrecision, s.PseudoRecall, s.Accuracy, s.TruePositives, s.FalsePositives, s.FalseNegatives, s.TrueNegatives,
            ];
            result.Rows.Add(new EvaluateRow(pair.Name, pair.Pred!, pair.Gt!, gt.Width, gt.Height, values));
        }
        return result;
    }

    private static EvaluateResult EvaluateLabels(EvaluateOptions o, List<EvaluatePair> pairs, TextWriter stderr)
    {
        var scored = new List<(EvaluatePair Pair, int W, int H, LabelScores S)>();
        var scratch = new EvaluateResult("labels", []);
        foreach (var pair in pairs)
        {
            if (pair.Problem is not null) { Fail(scratch, pair, pair.Problem, stderr); continue; }
            var pred = Read(pair.Pred!, "prediction", scratch, pair, stderr);
            if (pred is null) continue;
            var gt = Read(pair.Gt!, "ground truth", scratch, pair, stderr);
            if (gt is null) continue;
            if (pred.Width != gt.Width || pred.Height != gt.Height)
            {
                Fail(scratch, pair, $"size mismatch: prediction is {pred.Width}x{pred.Height}, ground truth is {gt.Width}x{gt.Height}", stderr);
                continue;
            }
            try { scored.Add((pair, gt.Width, gt.Height, LabelMetrics.Compute(pred, gt, o.Classes, o.IgnoreIndex))); }
            catch (ArgumentException e)
            {
                Fail(scratch, pair, e.Message.Split(" (Parameter")[0], stderr);
            }
        }
        int k = scored.Count == 0 ? Math.Max(o.Classes, 1) : scored.Max(t => t.S.ClassCount);
        var cols = new List<EvaluateColumn> { new("pixel_accuracy", "PixAcc", 4), new("miou", "mIoU", 4) };
        for (int c = 0; c < k; c++) cols.Add(new($"iou_{c}", $"IoU{c}", 4, k <= 12));
        cols.Add(new("counted_pixels", "Pixels", -1, false));
        var result = new EvaluateResult("labels", cols);
        result.Failures.AddRange(scratch.Failures);
        foreach (var (pair, w, h, s) in scored)
        {
            var values = new double[cols.Count];
            values[0] = s.PixelAccuracy;
            values[1] = s.MeanIoU;
            for (int c = 0; c < k; c++) values[2 + c] = c < s.ClassCount ? s.IoU[c] : double.NaN;
            values[^1] = s.CountedPixels;
            result.Rows.Add(new EvaluateRow(pair.Name, pair.Pred!, pair.Gt!, w, h, values));
        }
        return result;
    }
}
