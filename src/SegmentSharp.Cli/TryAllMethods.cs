using SegmentSharp.Imaging;
using SegmentSharp.Thresholding;
using SegmentSharp.Thresholding.Local;

namespace SegmentSharp.Cli;

/// <summary>The outcome of one method on the input of `segment try-all`.</summary>
/// <param name="Name">Method name as accepted by `segment threshold --method` (issue 3 names).</param>
/// <param name="Threshold">Global threshold t (foreground = pixel &gt; t), or null for local methods.</param>
/// <param name="Window">Local window as printed ("15", "auto"), or null for global methods.</param>
/// <param name="Mask">The 0/255 result, or null when the method is not available.</param>
/// <param name="WhitePercent">Share of pixels set to 255, in %; NaN without a mask.</param>
/// <param name="Milliseconds">Time to compute the mask.</param>
/// <param name="Note">Why the mask is missing (e.g. "not implemented"), or null.</param>
internal sealed record TryAllOutcome(string Name, int? Threshold, string? Window, Image<byte>? Mask, double WhitePercent,
    double Milliseconds, string? Note);

/// <summary>Runs every global and every local binarization method of the library on one image.</summary>
internal static class TryAllMethods
{
    /// <summary>CLI names of the global methods, in <see cref="GlobalMethod"/> order.</summary>
    public static readonly (string Name, GlobalMethod Method)[] Global =
    [
        ("default", GlobalMethod.Default), ("huang", GlobalMethod.Huang), ("intermodes", GlobalMethod.Intermodes),
        ("isodata", GlobalMethod.IsoData), ("li", GlobalMethod.Li), ("max-entropy", GlobalMethod.MaxEntropy),
        ("mean", GlobalMethod.Mean), ("min-error", GlobalMethod.MinError), ("minimum", GlobalMethod.Minimum),
        ("moments", GlobalMethod.Moments), ("otsu", GlobalMethod.Otsu), ("percentile", GlobalMethod.Percentile),
        ("renyi-entropy", GlobalMethod.RenyiEntropy), ("shanbhag", GlobalMethod.Shanbhag), ("triangle", GlobalMethod.Triangle),
        ("yen", GlobalMethod.Yen),
    ];

    /// <summary>Every global method: threshold from the shared histogram, mask = pixel &gt; t ? 255 : 0.</summary>
    public static List<TryAllOutcome> RunGlobal(Image<byte> gray)
    {
        Span<long> hist = stackalloc long[256];
        for (int y = 0; y < gray.Height; y++)
            foreach (byte v in gray.Row(y)) hist[v]++;
        long total = (long)gray.Width * gray.Height;
        var list = new List<TryAllOutcome>();
        foreach (var (name, method) in Global)
        {
            long t0 = System.Diagnostics.Stopwatch.GetTimestamp();
            int t = GlobalThreshold.Compute(method, hist);
            var mask = Threshold.Apply(gray, t, 255, ThresholdType.Binary, out _);
            double ms = System.Diagnostics.Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            long above = 0;
            for (int v = Math.Max(0, t + 1); v < 256; v++) above += hist[v];
            list.Add(new TryAllOutcome(name, t, null, mask, total == 0 ? double.NaN : 100.0 * above / total, ms, null));
        }
        return list;
    }

    /// <summary>
    /// Every local method at its defaults, or at <paramref name="window"/> when given (methods whose default window is
    /// automatic keep it unless a window is given). Methods that throw <see cref="NotImplementedException"/> (not yet in
    /// this build) or reject the image are reported with a note instead of a mask.
    /// </summary>
    public static List<TryAllOutcome> RunLocal(Image<byte> gray, int? window)
    {
        int w15 = window ?? 15, w0 = window ?? 0;
        string fixedLabel = w15.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string autoLabel = window is int given ? given.ToString(System.Globalization.CultureInfo.InvariantCulture) : "auto";
        var methods = new (string Name, string Window, Func<Image<byte>> Run)[]
        {
            ("niblack", fixedLabel, () => LocalThreshold.Niblack(gray, w15)),
            ("sauvola", fixedLabel, () => LocalThreshold.Sauvola(gray, w15)),
            ("wolf", fixedLabel, () => LocalThreshold.Wolf(gray, w15)),
            ("nick", fixedLabel, () => LocalThreshold.Nick(gray, w15)),
            ("bradley", autoLabel, () => LocalThreshold.Bradley(gray, w0)),
            ("phansalkar", fixedLabel, () => LocalThreshold.Phansalkar(gray, w15)),
            ("bernsen", fixedLabel, () => LocalThreshold.Bernsen(gray, w15)),
            ("contrast", fixedLabel, () => LocalThreshold.Contrast(gray, w15)),
            ("midgrey", fixedLabel, () => LocalThreshold.MidGrey(gray, w15)),
            ("median", fixedLabel, () => LocalThreshold.Median(gray, w15)),
            ("local-otsu", fixedLabel, () => LocalThreshold.LocalOtsu(gray, w15)),
            ("su", autoLabel, () => LocalThreshold.Su(gray, w0)),
            ("gatos", autoLabel, () => LocalThreshold.Gatos(gray, w0)),
        };
        long total = (long)gray.Width * gray.Height;
        var list = new List<TryAllOutcome>();
        foreach (var (name, win, run) in methods)
        {
            long t0 = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                var mask = run();
                double ms = System.Diagnostics.Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                long white = 0;
                for (int y = 0; y < mask.Height; y++)
                    foreach (byte v in mask.Row(y)) if (v != 0) white++;
                list.Add(new TryAllOutcome(name, null, win, mask, total == 0 ? double.NaN : 100.0 * white / total, ms, null));
            }
            catch (NotImplementedException)
            {
                list.Add(new TryAllOutcome(name, null, win, null, double.NaN, 0, "not implemented in this build"));
            }
            catch (ArgumentException e)
            {
                list.Add(new TryAllOutcome(name, null, win, null, double.NaN, 0, e.Message.Split(" (Parameter")[0]));
            }
        }
        return list;
    }
}
