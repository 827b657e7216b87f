using System.Diagnostics;
using SegmentSharp.Cli.Binarization;
using SegmentSharp.Imaging;
using SegmentSharp.Pipelines;
using SegmentSharp.Pipelines.Steps;
using SegmentSharp.Morphology;
using SegmentSharp.Thresholding;

namespace SegmentSharp.Cli;

/// <summary>
/// The front half shared by `segment components` and `segment contours`: read INPUT as gray, turn it into a mask
/// with the flags of `segment threshold`, then apply morphology steps in the order given (--open, --close, --erode,
/// --dilate). Objects are the nonzero pixels of the mask.
/// </summary>
/// <remarks>
/// Without --method the input is used as it is when it already holds at most two gray levels (a mask), and is
/// thresholded with Otsu's method otherwise, since a fixed 127 rarely suits an arbitrary photo.
/// </remarks>
internal sealed class MaskSource
{
    public BinarizeOptions Binarize { get; } = new();
    public List<(MorphOperation Op, KernelSpec Kernel)> Morph { get; } = [];

    /// <summary>Help text for the flags added here (appended to each command's --help).</summary>
    public const string FlagsHelp =
        """
        binarization (the flags of 'segment threshold'; see 'segment threshold --help'):
          --method METHOD       any method of 'segment threshold' (default: the input as it is when it holds at
                                most two gray levels, else otsu); then --threshold, --invert, --window, --k,
                                --blur, --median, --clahe, --normalize-background, --despeckle and the rest
          morphology on the mask, applied in the order given:
          --open KERNEL, --close KERNEL, --erode KERNEL, --dilate KERNEL
                                kernels as in 'segment morph': rect:WxH, cross:WxH, ellipse:WxH, custom:ROWS
        """;

    public void AddFlags(List<FlagSpec> flags)
    {
        BinarizeFlags.Add(flags, Binarize);
        foreach (var (name, op) in new[] { ("--open", MorphOperation.Open), ("--close", MorphOperation.Close),
                                           ("--erode", MorphOperation.Erode), ("--dilate", MorphOperation.Dilate) })
            flags.Add(new FlagSpec(name, "KERNEL", v => Morph.Add((op, KernelSpec.Parse(v!)))));
    }

    /// <summary>Checks cross-flag rules after parsing (a usage error on conflict).</summary>
    public void Validate()
    {
        Binarize.Validate();
        if (Binarize.Method.Kind == MethodKind.MultiOtsu)
            throw new UsageException("argument --method: multi-otsu gives a label image, not a mask; choose a two-level method");
        if (Binarize.Method.HasTypes && Binarize.Type is ThresholdType.Trunc or ThresholdType.ToZero or ThresholdType.ToZeroInv)
            throw new UsageException($"argument --type: needs a two-level mask, not {BinarizeOptions.TypeName(Binarize.Type.Value)}");
    }

    /// <summary>The mask and a description of how it was made.</summary>
    public sealed record Result(Image<byte> Gray, Image<byte> Mask, string How, double? Threshold, double Milliseconds);

    /// <summary>Reads <paramref name="path"/> and makes the mask.</summary>
    public Result Produce(string path)
    {
        var gray = CommandRunner.ReadGray(path);
        long t0 = Stopwatch.GetTimestamp();
        Image<byte> mask;
        string how;
        double? threshold = null;
        if (Binarize.Given.Count == 0 && BinarizeStep.AtMostTwoLevels(gray))
        {
            mask = gray;
            how = "input used as a mask";
        }
        else
        {
            var opts = Binarize;
            if (!opts.Given.Contains("--method")) opts.Method = BinarizeMethod.Find("otsu")!;
            BinarizeResult r;
            try { r = opts.Run(gray); }
            catch (Exception e) when (e is ArgumentException or NotImplementedException)
            {
                throw new CommandFailedException($"cannot binarize '{path}': {e.Message}");
            }
            mask = r.Mask;
            threshold = r.Threshold;
            how = opts.Label + (threshold is double t ? $" at {t:0.##}" : "");
        }
        foreach (var (op, k) in Morph)
        {
            mask = MorphologyStep.Apply(op, mask, k);
            how += $", {op.ToString().ToLowerInvariant()} {k.Text}";
        }
        return new Result(gray, mask, how, threshold, Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
    }

    /// <summary>
    /// The same front half as pipeline steps (preprocessing, binarize, morphology): what --save-pipeline writes.
    /// Without binarization flags the binarize step passes masks through, as <see cref="Produce"/> does.
    /// </summary>
    public Pipeline ToPipeline()
    {
        bool pass = Binarize.Given.Count == 0;
        var settings = Binarize;
        if (!settings.Given.Contains("--method")) settings.Method = BinarizeMethod.Find("otsu")!;
        return Pipeline.FromSettings(settings, pass, Morph);
    }
}
