namespace SegmentSharp.Drawing;

/// <summary>
/// Colours for label images: label 0 (background) is black and every other label gets a colour from a fixed,
/// deterministic sequence, so the same label always has the same colour across images and runs.
/// </summary>
/// <remarks>
/// The sequence walks the hue circle by the golden angle (≈137.5°), which keeps consecutive labels (usually
/// neighbours in raster order) far apart in hue, and cycles through three saturation/value levels so that labels
/// whose hues come close again still differ in brightness. The role is that of scikit-image's
/// <c>label2rgb</c> colour cycle or of a Glasbey table.
/// </remarks>
public sealed class LabelPalette
{
    private readonly Rgb[] _colours;

    /// <summary>The default palette of 4096 colours (labels beyond it wrap around).</summary>
    public static LabelPalette Default { get; } = new(GoldenAngle(4096));

    /// <summary>Creates a palette from explicit colours; index 0 is used for label 1.</summary>
    /// <param name="colours">At least one colour.</param>
    /// <param name="background">Colour of label 0; black by default.</param>
    public LabelPalette(IReadOnlyList<Rgb> colours, Rgb? background = null)
    {
        if (colours.Count == 0) throw new ArgumentException("A palette needs at least one colour.", nameof(colours));
        _colours = [.. colours];
        Background = background ?? Rgb.Black;
    }

    /// <summary>The colour of label 0.</summary>
    public Rgb Background { get; }

    /// <summary>Number of distinct foreground colours before the palette repeats.</summary>
    public int Count => _colours.Length;

    /// <summary>The colour of <paramref name="label"/>: <see cref="Background"/> for 0, a cycle of the colours for others.
    /// Negative labels (such as watershed's −1 boundaries) are white.</summary>
    public Rgb this[int label] => label switch
    {
        0 => Background,
        < 0 => Rgb.White,
        _ => _colours[(label - 1) % _colours.Length],
    };

    private static Rgb[] GoldenAngle(int n)
    {
        var result = new Rgb[n];
        ReadOnlySpan<(double S, double V)> levels = [(0.85, 1.0), (0.65, 0.80), (1.0, 0.62)];
        for (int i = 0; i < n; i++)
        {
            double hue = (i * 137.50776405) % 360.0;
            var (s, v) = levels[i % 3];
            result[i] = FromHsv(hue, s, v);
        }
        return result;
    }

    /// <summary>HSV (hue in degrees, saturation and value 0–1) to 8-bit RGB.</summary>
    internal static Rgb FromHsv(double hue, double s, double v)
    {
        double c = v * s;
        double h = hue / 60.0;
        double x = c * (1 - Math.Abs(h % 2 - 1));
        (double r, double g, double b) = (int)h switch
        {
            0 => (c, x, 0.0),
            1 => (x, c, 0.0),
            2 => (0.0, c, x),
            3 => (0.0, x, c),
            4 => (x, 0.0, c),
            _ => (c, 0.0, x),
        };
        double m = v - c;
        return new Rgb(ToByte(r + m), ToByte(g + m), ToByte(b + m));
    }

    private static byte ToByte(double unit) => (byte)Math.Clamp((int)Math.Round(unit * 255), 0, 255);
}
