using System.Globalization;
using SegmentSharp.Imaging;

namespace SegmentSharp.Metrics;

/// <summary>
/// Per-pixel weights of the pseudo-recall and pseudo-precision of Ntirogiannis, Gatos &amp; Pratikakis,
/// "Performance evaluation methodology for historical document image binarization", IEEE TIP 22(2), 2013
/// (the DIBCO 2013+ pseudo-F-measure). Either read from the official files written by DIBCO's <c>BinEvalWeights</c>
/// tool (<see cref="ReadDibcoFiles"/>) or computed by our own implementation of the paper (<see cref="Compute"/>).
/// No OpenCV or scikit-image equivalent exists.
/// </summary>
/// <remarks>
/// Layout is row-major from the top-left pixel, one value per pixel, like the files: <see cref="Recall"/> is the
/// recall weight GW (0 off ground-truth text); <see cref="PrecisionExcess"/> is the precision weight minus one, PW − 1
/// (0 on ground-truth text and far from it).
/// </remarks>
public sealed class PseudoFWeights
{
    /// <summary>Creates weights from row-major arrays of <paramref name="width"/>×<paramref name="height"/> values.</summary>
    /// <exception cref="ArgumentException">An array has the wrong length.</exception>
    public PseudoFWeights(int width, int height, double[] recall, double[] precisionExcess)
    {
        ImageGuard.CheckSize(width, height, 1);
        long n = (long)width * height;
        if (recall.Length != n) throw new ArgumentException($"Recall weights hold {recall.Length} values, expected {n}.", nameof(recall));
        if (precisionExcess.Length != n)
            throw new ArgumentException($"Precision weights hold {precisionExcess.Length} values, expected {n}.", nameof(precisionExcess));
        Width = width;
        Height = height;
        Recall = recall;
        PrecisionExcess = precisionExcess;
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>Pseudo-recall weights GW(x, y), row-major (the content of <c>*_RWeights.dat</c>).</summary>
    public double[] Recall { get; }

    /// <summary>Pseudo-precision weights minus one, PW(x, y) − 1, row-major (the content of <c>*_PWeights.dat</c>).</summary>
    public double[] PrecisionExcess { get; }

    /// <summary>
    /// Reads the official DIBCO weight files (<c>NAME_RWeights.dat</c>, <c>NAME_PWeights.dat</c>): plain text, one decimal
    /// number per pixel separated by whitespace, row-major from the top-left; the P file stores PW − 1.
    /// </summary>
    /// <exception cref="InvalidDataException">A file holds a token that is not a number, or not exactly width×height values.</exception>
    public static PseudoFWeights ReadDibcoFiles(string recallWeightsPath, string precisionWeightsPath, int width, int height)
    {
        ImageGuard.CheckSize(width, height, 1);
        var r = ParseDibco(File.ReadAllText(recallWeightsPath), width, height, recallWeightsPath);
        var p = ParseDibco(File.ReadAllText(precisionWeightsPath), width, height, precisionWeightsPath);
        return new PseudoFWeights(width, height, r, p);
    }

    /// <summary>
    /// Parses the text of one DIBCO weight file into width×height values. <paramref name="sourceName"/> names the file in errors.
    /// </summary>
    /// <exception cref="InvalidDataException">A token is not a number, or the count is not width×height.</exception>
    public static double[] ParseDibco(ReadOnlySpan<char> text, int width, int height, string sourceName = "weights")
    {
        long expected = (long)width * height;
        var values = new double[expected];
        long count = 0;
        int i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i >= text.Length) break;
            int start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
            var token = text[start..i];
            if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
                throw new InvalidDataException($"{sourceName}: value {count + 1} \"{token.ToString()}\" is not a number.");
            if (count >= expected)
                throw new InvalidDataException($"{sourceName}: more than {expected} values for a {width}×{height} image.");
            values[count++] = v;
        }
        if (count != expected)
            throw new InvalidDataException($"{sourceName}: {count} values, expected {expected} for a {width}×{height} image.");
        return values;
    }

    /// <summary>
    /// Computes pseudo-F weights from a ground-truth text mask (nonzero = text) with our own reading of
    /// Ntirogiannis et al. 2013 (see <see cref="PseudoFWeightsBuilder"/> for the definitions and how they differ
    /// from the official tool).
    /// </summary>
    /// <exception cref="ArgumentException">The mask is not single-channel.</exception>
    public static PseudoFWeights Compute(ReadOnlyImageView<byte> groundTruth) => PseudoFWeightsBuilder.Build(groundTruth);
}
