using System.Diagnostics;
using SegmentSharp.Cli.Binarization;
using SegmentSharp.Codecs;
using SegmentSharp.Imaging;
using SegmentSharp.Pipelines;
using SegmentSharp.Pipelines.Steps;

namespace SegmentSharp.Cli;

/// <summary>
/// `segment threshold INPUT OUTPUT`: a drop-in for the seed script threshold_image.py (same flags, defaults,
/// stdout, stderr wording and exit codes), extended with every global, multi-level, local and automatic document
/// method, preprocessing (invert, deskew, median, CLAHE, background normalization, stretch, blur), despeckling and
/// JSON output. Parsing and formatting live here; the binarization is <see cref="BinarizeOptions"/> (shared with other
/// commands) and all pixel work is the library's.
/// </summary>
internal static class ThresholdCommand
{
    public const string Prog = "segment threshold";

    public const string Usage =
        """
        usage: segment threshold [-h] [--method METHOD] [--threshold THRESHOLD]
                                 [--invert] [--block-size BLOCK_SIZE] [--c C]
                                 [--adaptive-method {gaussian,mean}]
                                 [--type {binary,binary-inv,trunc,tozero,tozero-inv}]
                                 [--max-value MAX_VALUE] [--classes K] [--window W]
                                 [--k K] [--r R] [--t T] [--p P] [--q Q] [--p1 P1]
                                 [--p2 P2] [--contrast-threshold N] [--offset N]
                                 [--min-high-contrast N] [--invert-input] [--deskew]
                                 [--median K] [--clahe CLIP[:TXxTY]]
                                 [--normalize-background [WINDOW]]
                                 [--stretch [LOW,HIGH]] [--blur K] [--despeckle N]
                                 [--despeckle-color {text,black,white}]
                                 [--bilevel {auto,never}] [--json]
                                 [--save-pipeline FILE]
                                 INPUT OUTPUT
        """;

    public const string Help = Usage + """


        Create a mask from an image read as 8-bit grayscale (like cv2.imread(..., IMREAD_GRAYSCALE))
        with a fixed, automatic global, multi-level, local or automatic document threshold, and write
        it to OUTPUT. Foreground (255) is pixel > threshold: on a page, paper is white and text black.

        positional arguments:
          INPUT                 image to read (PNG, JPEG, BMP, TIFF, PBM/PGM/PPM; colour is converted to gray)
          OUTPUT                mask to write; the format follows the extension (.png, .tif, .tiff, .bmp,
                                .pgm, .ppm, .pbm); missing parent folders are created; the file is
                                replaced atomically

        methods (--method METHOD, default: global):
          global                fixed --threshold (cv2.threshold)
          adaptive              pixel vs. its --block-size neighbourhood mean minus --c (cv2.adaptiveThreshold)
          otsu, triangle        threshold from the histogram, as OpenCV's THRESH_OTSU / THRESH_TRIANGLE
          default, huang, intermodes, isodata, li, max-entropy, mean, min-error, minimum, moments,
          percentile, renyi-entropy, shanbhag, yen
                                ImageJ 1.53 AutoThresholder methods on the 8-bit histogram
          multi-otsu            --classes K (2-5, default 3) classes; OUTPUT is a label image with values
                                0..K-1 (not a mask), the K-1 thresholds are printed
          niblack               --window (15) --k (0.2): T = m - k*s, as scikit-image threshold_niblack
          sauvola               --window (15) --k (0.2) --r (127.5): as scikit-image threshold_sauvola
          wolf                  --window (15) --k (0.5): Wolf-Jolion
          nick                  --window (15) --k (-0.1)
          bradley               --window (0 = width/8) --t (0.15): Bradley-Roth
          phansalkar            --window (15) --k (0.25) --r (0.5) --p (2) --q (10)
          bernsen               --window (15) --contrast-threshold (15)
          contrast              --window (15)
          midgrey               --window (15) --offset (0): T = mid-grey - offset
          median                --window (15) --offset (0): T = window median - offset
          local-otsu            --window (15): Otsu's threshold of each window
          su                    --window (0 = estimated) --min-high-contrast (0 = window size): Su 2010
          gatos                 --window (0 = estimated) --q (0.6) --p1 (0.5) --p2 (0.8): Gatos 2006
          auto                  document binarizer that estimates everything from the page (no parameters)

        options:
          -h, --help            show this help message and exit
          --method METHOD       how the threshold is chosen (see methods above; default: global)
          --threshold THRESHOLD
                                integer threshold for --method global; foreground is pixel > THRESHOLD
                                (default: 127)
          --invert              invert the output: pixels at or below the threshold become the foreground,
                                i.e. white text (binary -> binary-inv, tozero -> tozero-inv)
          --block-size BLOCK_SIZE
                                adaptive neighbourhood size, an odd integer >= 3 (default: 31)
          --c C                 integer subtracted from the adaptive neighbourhood mean (default: 5)
          --adaptive-method {gaussian,mean}
                                adaptive statistic: Gaussian-weighted or plain mean (default: gaussian)
          --type {binary,binary-inv,trunc,tozero,tozero-inv}
                                output mapping, as OpenCV's THRESH_* (default: binary); only for global,
                                adaptive and histogram methods; adaptive allows only binary and binary-inv
          --max-value MAX_VALUE
                                value of foreground pixels for binary types, integer 0-255 (default: 255)
          --classes K           multi-otsu classes, 2-5 (default: 3)
          --window W            local window size, odd >= 3 (default per method, see above)
          --k K, --r R, --t T, --p P, --q Q, --p1 P1, --p2 P2
                                local method parameters (numbers; defaults per method, see above)
          --contrast-threshold N
                                bernsen's minimum window contrast, 0-255 (default: 15)
          --offset N            midgrey/median constant subtracted from T, -255..255 (default: 0)
          --min-high-contrast N su's minimum count of high-contrast pixels in a window (default: 0 = window size)

        preprocessing (applied in this order, each only when given):
          --invert-input        negate the image (255 - p) first, for light text on a dark ground
          --deskew              estimate the text skew, report it and rotate the page straight
          --median K            median blur with a KxK window (odd K; cv2.medianBlur)
          --clahe CLIP[:TXxTY]  OpenCV CLAHE with clip limit CLIP and a TXxTY tile grid (default 8x8)
          --normalize-background [WINDOW]
                                divide by the estimated paper brightness to flatten uneven light
                                (WINDOW 'auto' or omitted: 1/30 of the shorter side, at least 15)
          --stretch [LOW,HIGH]  linear stretch between the LOW and HIGH percentiles (default: 2,98)
          --blur K              Gaussian blur with a KxK kernel (odd K, 1-9999, sigma from K) before
                                thresholding (default: no blur)
        after thresholding:
          --despeckle N         remove specks (connected components) smaller than N pixels
          --despeckle-color {text,black,white}
                                which specks: the text colour (black, or white with --invert), black or white
                                (default: text)

        output:
          --bilevel {auto,never}
                                auto stores a 0/255 mask as 1 bit per pixel (1-bit PNG, CCITT G4 TIFF);
                                never writes 8-bit samples like OpenCV's imwrite (default: auto)
          --json                print a one-line JSON summary (with timings) instead of the text lines
          --save-pipeline FILE  also write a pipeline file (.json) that repeats this command on other images
                                ('segment batch'); the mask is written as STEM.EXT; see docs/pipeline.md

        examples:
          segment threshold input/scene.png output/scene-mask.png --threshold 180 --invert
          segment threshold input/scene.png output/adaptive.png --method adaptive --block-size 31 --c 7 --invert
          segment threshold scan.tif mask.png --method otsu --blur 5 --json
          segment threshold photo.jpg page.tif --method sauvola --window 31 --k 0.3 --normalize-background
          segment threshold page.png labels.png --method multi-otsu --classes 3

        exit codes: 0 success, 1 the input could not be read, the method failed on it or the mask could
        not be written, 2 usage error

        """;

    private static readonly string[] BilevelModes = ["auto", "never"];

    /// <summary>Parses the arguments after "threshold".</summary>
    /// <exception cref="UsageException">A usage mistake.</exception>
    /// <exception cref="EarlyExitException">--help was printed.</exception>
    public static ThresholdOptions Parse(IReadOnlyList<string> args, TextWriter stdout)
    {
        var o = new ThresholdOptions();
        var flags = new List<FlagSpec>
        {
            new("--help", null, _ => { stdout.Write(Help); throw new EarlyExitException(); }, "-h"),
        };
        BinarizeFlags.Add(flags, o.Binarize);
        flags.Add(new("--bilevel", "BILEVEL", v => o.Bilevel = BinarizeFlags.Choice(v!, BilevelModes) == 0 ? BilevelMode.Auto : BilevelMode.Never));
        flags.Add(new("--json", null, _ => o.Json = true));
        flags.Add(new("--save-pipeline", "FILE", v => o.SavePipeline = v));

        var expanded = ArgPrepass.Expand(args, flags, BinarizeFlags.OptionalValues);
        var positionals = ArgParser.Parse(expanded, flags, ["INPUT", "OUTPUT"]);
        o.Input = positionals[0];
        o.Output = positionals[1];
        o.Binarize.Validate();

        string output = PythonFormat.NormalizePath(o.Output);
        string ext = Path.GetExtension(output);
        var format = ImageFile.FormatFromExtension(output);
        if (format is ImageFormat.Unknown or ImageFormat.Jpeg)
            throw new UsageException(ext.Length == 0
                ? "argument OUTPUT: no file extension; use .png, .tif, .tiff, .bmp, .pgm, .pnm or .pbm"
                : $"argument OUTPUT: cannot write '{ext}' files; use .png, .tif, .tiff, .bmp, .pgm, .pnm or .pbm");
        if (o.SavePipeline is string sp && !sp.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            throw new UsageException($"argument --save-pipeline: '{sp}' must end in .json");
        return o;
    }

    /// <summary>This command as a pipeline: preprocessing, binarize, then the mask written as STEM.EXT (OUTPUT's extension).</summary>
    internal static Pipeline ToPipeline(ThresholdOptions o)
    {
        string ext = Path.GetExtension(PythonFormat.NormalizePath(o.Output)).TrimStart('.').ToLowerInvariant();
        return Pipeline.FromSettings(o.Binarize, passMasks: false).Then(new WriteMaskStep(ext, o.Bilevel == BilevelMode.Auto));
    }

    /// <summary>Runs the command; returns the exit code.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        ThresholdOptions o;
        try { o = Parse(args, stdout); }
        catch (EarlyExitException) { return ExitCodes.Ok; }
        catch (UsageException e)
        {
            stderr.Write(Usage);
            stderr.WriteLine();
            // The seed's "invalid choice" line (kept word for word) names only its four methods; say there are more.
            if (e.Message.StartsWith("argument --method: invalid choice:", StringComparison.Ordinal))
                stderr.WriteLine($"{Prog}: note: METHOD is one of {string.Join(", ", BinarizeMethod.All.Select(m => m.Name))}");
            stderr.WriteLine($"{Prog}: error: {e.Message}");
            return ExitCodes.Usage;
        }
        return Execute(o, stdout, stderr);
    }

    private static int Execute(ThresholdOptions o, TextWriter stdout, TextWriter stderr)
    {
        // The seed prints and opens paths through pathlib, so "./a//b.png/" is shown and used as "a/b.png".
        string input = PythonFormat.NormalizePath(o.Input);
        string output = PythonFormat.NormalizePath(o.Output);
        var timings = new ThresholdTimings();
        long start = Stopwatch.GetTimestamp();

        Image<byte> gray;
        try { gray = ImageFile.ReadGray(input); }
        catch (Exception e) when (e is ImageFormatException or IOException or UnauthorizedAccessException or NotSupportedException
                                      or OutOfMemoryException)
        {
            stderr.WriteLine($"could not read image: {input}");
            WriteReason(stderr, e);
            return ExitCodes.Failure;
        }
        timings.Read = Stopwatch.GetElapsedTime(start).TotalMilliseconds;

        if (o.Binarize.RunOrReport(gray, Prog, input, stderr, out var run) != ExitCodes.Ok) return ExitCodes.Failure;
        var result = run!;
        foreach (var step in result.Preprocessing)
        {
            if (step.Name == "blur") timings.Blur = step.Milliseconds;
            timings.Preprocess += step.Milliseconds;
        }
        timings.Threshold = result.ThresholdMilliseconds;
        foreach (var step in result.Postprocessing) timings.Postprocess += step.Milliseconds;

        long w0 = Stopwatch.GetTimestamp();
        try
        {
            string? parent = Path.GetDirectoryName(Path.GetFullPath(output));
            if (!string.IsNullOrEmpty(parent)) Directory.CreateDirectory(parent);
            ImageFile.Write(output, result.Mask, new ImageWriteOptions { Bilevel = o.Bilevel });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            stderr.WriteLine($"could not write mask: {output}");
            WriteReason(stderr, e);
            return ExitCodes.Failure;
        }
        if (o.SavePipeline is string sp)
        {
            try
            {
                ToPipeline(o).Save(sp);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                stderr.WriteLine($"{Prog}: error: cannot write pipeline '{sp}': {e.Message}");
                return ExitCodes.Failure;
            }
        }
        timings.Write = Stopwatch.GetElapsedTime(w0).TotalMilliseconds;
        timings.Total = Stopwatch.GetElapsedTime(start).TotalMilliseconds;

        var b = o.Binarize;
        byte foreground = b.Method.HasTypes ? (byte)b.MaxValue : (byte)255;
        var summary = MaskSummary.Of(result.Mask, foreground);
        if (o.Json) ThresholdReport.WriteJson(stdout, o, input, output, result, summary, timings);
        else ThresholdReport.WriteText(stdout, o, input, output, result, summary);
        return ExitCodes.Ok;
    }

    /// <summary>
    /// The seed prints only "could not read image: PATH"; the cause (e.g. "truncated PNG data") is shown as a second
    /// line only when SEGMENT_DEBUG=1, so default stderr stays identical to the seed's.
    /// </summary>
    private static void WriteReason(TextWriter stderr, Exception e)
    {
        if (Environment.GetEnvironmentVariable("SEGMENT_DEBUG") == "1")
            stderr.WriteLine($"reason: {e.Message}");
    }
}
