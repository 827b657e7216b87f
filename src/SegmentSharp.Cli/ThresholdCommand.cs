using System.Diagnostics;
using SegmentSharp.Codecs;
using SegmentSharp.Filters;
using SegmentSharp.Imaging;
using SegmentSharp.Thresholding;

namespace SegmentSharp.Cli;

/// <summary>
/// `segment threshold INPUT OUTPUT`: a drop-in for the seed script threshold_image.py (same flags, defaults,
/// stdout, stderr wording and exit codes), extended with Otsu/triangle, mean-adaptive, threshold types, a
/// Gaussian pre-blur and JSON output. Parsing and formatting live here; all pixel work is the library's.
/// </summary>
internal static class ThresholdCommand
{
    public const string Prog = "segment threshold";

    public const string Usage =
        """
        usage: segment threshold [-h] [--method {global,adaptive,otsu,triangle}]
                                 [--threshold THRESHOLD] [--invert]
                                 [--block-size BLOCK_SIZE] [--c C]
                                 [--adaptive-method {gaussian,mean}]
                                 [--type {binary,binary-inv,trunc,tozero,tozero-inv}]
                                 [--max-value MAX_VALUE] [--blur K]
                                 [--bilevel {auto,never}] [--json]
                                 INPUT OUTPUT
        """;

    public const string Help = Usage + """


        Create a mask from an image read as 8-bit grayscale (like cv2.imread(..., IMREAD_GRAYSCALE))
        with a global, Otsu, triangle or adaptive threshold, and write it to OUTPUT.

        positional arguments:
          INPUT                 image to read (PNG, JPEG, BMP, TIFF, PBM/PGM/PPM; colour is converted to gray)
          OUTPUT                mask to write; the format follows the extension (.png, .tif, .tiff, .bmp,
                                .pgm, .ppm, .pbm); missing parent folders are created; the file is
                                replaced atomically

        options:
          -h, --help            show this help message and exit
          --method {global,adaptive,otsu,triangle}
                                how the threshold is chosen (default: global). global uses --threshold;
                                otsu and triangle compute it from the histogram; adaptive compares each
                                pixel with its neighbourhood (cv2.adaptiveThreshold)
          --threshold THRESHOLD
                                integer threshold for --method global; foreground is pixel > THRESHOLD
                                (default: 127)
          --invert              make pixels at or below the threshold the foreground (binary -> binary-inv,
                                tozero -> tozero-inv)
          --block-size BLOCK_SIZE
                                adaptive neighbourhood size, an odd integer >= 3 (default: 31)
          --c C                 integer subtracted from the adaptive neighbourhood mean (default: 5)
          --adaptive-method {gaussian,mean}
                                adaptive statistic: Gaussian-weighted or plain mean (default: gaussian)
          --type {binary,binary-inv,trunc,tozero,tozero-inv}
                                output mapping, as OpenCV's THRESH_* (default: binary); adaptive allows
                                only binary and binary-inv
          --max-value MAX_VALUE
                                value of foreground pixels for binary types, integer 0-255 (default: 255)
          --blur K              Gaussian blur with a KxK kernel (odd K, 1-9999, sigma from K) before
                                thresholding (default: no blur)
          --bilevel {auto,never}
                                auto stores a 0/255 mask as 1 bit per pixel (1-bit PNG, CCITT G4 TIFF);
                                never writes 8-bit samples like OpenCV's imwrite (default: auto)
          --json                print a one-line JSON summary (with timings) instead of the text lines

        examples:
          segment threshold input/scene.png output/scene-mask.png --threshold 180 --invert
          segment threshold input/scene.png output/adaptive.png --method adaptive --block-size 31 --c 7 --invert
          segment threshold scan.tif mask.png --method otsu --blur 5 --json

        exit codes: 0 success, 1 the input could not be read or the mask could not be written,
        2 usage error

        """;

    private static readonly string[] Methods = ["global", "adaptive", "otsu", "triangle"];
    private static readonly string[] AdaptiveMethods = ["gaussian", "mean"];
    private static readonly string[] Types = ["binary", "binary-inv", "trunc", "tozero", "tozero-inv"];
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
            new("--method", "METHOD", v => o.Method = (ThresholdMethod)Choice(v!, Methods)),
            new("--threshold", "THRESHOLD", v => o.Threshold = Int(v!)),
            new("--invert", null, _ => o.Invert = true),
            new("--block-size", "BLOCK_SIZE", v =>
            {
                long b = Int(v!);
                if (b < 3 || b % 2 == 0)
                    throw new ArgumentValueException("block size must be an odd integer greater than or equal to 3");
                o.BlockSize = b;
            }),
            new("--c", "C", v => o.C = Int(v!)),
            new("--adaptive-method", "ADAPTIVE_METHOD",
                v => o.AdaptiveMethod = Choice(v!, AdaptiveMethods) == 0 ? AdaptiveMethod.Gaussian : AdaptiveMethod.Mean),
            new("--type", "TYPE", v => o.Type = (ThresholdType)Choice(v!, Types)),
            new("--max-value", "MAX_VALUE", v =>
            {
                long m = Int(v!);
                if (m is < 0 or > 255) throw new ArgumentValueException("max value must be an integer from 0 to 255");
                o.MaxValue = (int)m;
            }),
            new("--blur", "K", v =>
            {
                long k = Int(v!);
                if (k < 1 || k % 2 == 0 || k > 9999)
                    throw new ArgumentValueException("blur size must be an odd integer from 1 to 9999");
                o.Blur = (int)k;
            }),
            new("--bilevel", "BILEVEL", v => o.Bilevel = Choice(v!, BilevelModes) == 0 ? BilevelMode.Auto : BilevelMode.Never),
            new("--json", null, _ => o.Json = true),
        };
        var positionals = ArgParser.Parse(args, flags, ["INPUT", "OUTPUT"]);
        o.Input = positionals[0];
        o.Output = positionals[1];

        if (o.Method == ThresholdMethod.Adaptive && o.Type is not (null or ThresholdType.Binary or ThresholdType.BinaryInv))
            throw new UsageException($"argument --type: adaptive thresholding supports only binary and binary-inv, not {ThresholdOptions.TypeName(o.Type.Value)}");
        if (o.Invert && o.Type is ThresholdType.BinaryInv or ThresholdType.ToZeroInv or ThresholdType.Trunc)
            throw new UsageException($"argument --invert: not allowed with argument --type {ThresholdOptions.TypeName(o.Type.Value)}");

        string output = PythonFormat.NormalizePath(o.Output);
        string ext = Path.GetExtension(output);
        var format = ImageFile.FormatFromExtension(output);
        if (format is ImageFormat.Unknown or ImageFormat.Jpeg)
            throw new UsageException(ext.Length == 0
                ? "argument OUTPUT: no file extension; use .png, .tif, .tiff, .bmp, .pgm, .pnm or .pbm"
                : $"argument OUTPUT: cannot write '{ext}' files; use .png, .tif, .tiff, .bmp, .pgm, .pnm or .pbm");
        return o;
    }

    private static long Int(string text)
        => PythonFormat.TryParseInt(text, out long v) ? v : throw new ArgumentValueException($"invalid int value: '{text}'");

    private static int Choice(string text, string[] choices)
    {
        int i = Array.IndexOf(choices, text);
        if (i < 0)
            throw new ArgumentValueException(
                $"invalid choice: '{text}' (choose from {string.Join(", ", choices.Select(c => $"'{c}'"))})");
        return i;
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
        long t = Stopwatch.GetTimestamp();
        timings.Read = Stopwatch.GetElapsedTime(start, t).TotalMilliseconds;

        if (o.Blur is int k)
        {
            long b0 = Stopwatch.GetTimestamp();
            gray = GaussianBlur.Apply(gray, k, 0);
            timings.Blur = Stopwatch.GetElapsedTime(b0).TotalMilliseconds;
        }

        long th0 = Stopwatch.GetTimestamp();
        Image<byte> mask;
        double? usedThreshold = null;
        if (o.Method == ThresholdMethod.Adaptive)
        {
            mask = AdaptiveThreshold.Apply(gray, o.MaxValue, o.AdaptiveMethod, o.EffectiveType, (int)Math.Min(o.BlockSize, int.MaxValue), o.C);
        }
        else
        {
            var auto = o.Method switch
            {
                ThresholdMethod.Otsu => AutoThreshold.Otsu,
                ThresholdMethod.Triangle => AutoThreshold.Triangle,
                _ => AutoThreshold.None,
            };
            mask = Threshold.Apply(gray, o.Threshold, o.MaxValue, o.EffectiveType, out double used, auto);
            usedThreshold = used;
        }
        timings.Threshold = Stopwatch.GetElapsedTime(th0).TotalMilliseconds;

        long w0 = Stopwatch.GetTimestamp();
        try
        {
            string? parent = Path.GetDirectoryName(Path.GetFullPath(output));
            if (!string.IsNullOrEmpty(parent)) Directory.CreateDirectory(parent);
            ImageFile.Write(output, mask, new ImageWriteOptions { Bilevel = o.Bilevel });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            stderr.WriteLine($"could not write mask: {output}");
            WriteReason(stderr, e);
            return ExitCodes.Failure;
        }
        timings.Write = Stopwatch.GetElapsedTime(w0).TotalMilliseconds;
        timings.Total = Stopwatch.GetElapsedTime(start).TotalMilliseconds;

        var summary = MaskSummary.Of(mask, (byte)o.MaxValue);
        if (o.Json) ThresholdReport.WriteJson(stdout, o, input, output, usedThreshold, mask, summary, timings);
        else ThresholdReport.WriteText(stdout, o, input, output, usedThreshold, summary);
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
