using System.Runtime.CompilerServices;
using SegmentSharp.Imaging;

namespace SegmentSharp.Drawing;

/// <summary>
/// A tiny fixed-width bitmap font (5×7 pixel glyphs plus two descender rows, on a 6×11 cell) for printable ASCII 32–126, drawn for this library,
/// so that labels can be rendered without a font engine or any dependency. Glyphs scale by integer factors (each font
/// pixel becomes scale×scale image pixels), which keeps them crisp. OpenCV's equivalent is <c>cv2.putText</c> with its
/// Hershey vector fonts; scikit-image has none (Matplotlib draws text there).
/// </summary>
/// <remarks>
/// Characters outside 32–126 are drawn as '?'; '\n' starts a new line. Drawing clips at the image edges, so any position is
/// allowed. Works on views of any channel count: the colour has one value per channel (BGR order for 3 channels, as
/// everywhere in this library), or one value written to every channel.
/// </remarks>
public static class BitmapFont
{
    /// <summary>Glyph width in font pixels.</summary>
    public const int GlyphWidth = 5;
    /// <summary>Glyph height in font pixels: 7 rows down to the baseline (capitals, digits) and 2 for descenders (g, j, p, q, y, comma).</summary>
    public const int GlyphHeight = 9;
    /// <summary>Horizontal advance per character: the glyph plus one column of spacing.</summary>
    public const int Advance = 6;
    /// <summary>Vertical advance per line: the glyph plus two rows of spacing.</summary>
    public const int LineHeight = 11;

    // One string per character from ' ' (32) to '~' (126): nine rows of five columns (the last two below the baseline), '#' = ink, rows separated by spaces.
    private static readonly string[] Art =
    [
        "..... ..... ..... ..... ..... ..... ..... ..... .....", // space
        "..#.. ..#.. ..#.. ..#.. ..#.. ..... ..#.. ..... .....", // !
        ".#.#. .#.#. ..... ..... ..... ..... ..... ..... .....", // "
        ".#.#. .#.#. ##### .#.#. ##### .#.#. .#.#. ..... .....", // #
        "..#.. .#### #.#.. .###. ..#.# ####. ..#.. ..... .....", // $
        "##... ##..# ...#. ..#.. .#... #..## ...## ..... .....", // %
        ".##.. #..#. #.#.. .#... #.#.# #..#. .##.# ..... .....", // &
        "..#.. ..#.. ..... ..... ..... ..... ..... ..... .....", // '
        "...#. ..#.. .#... .#... .#... ..#.. ...#. ..... .....", // (
        ".#... ..#.. ...#. ...#. ...#. ..#.. .#... ..... .....", // )
        "..... ..#.. #.#.# .###. #.#.# ..#.. ..... ..... .....", // *
        "..... ..#.. ..#.. ##### ..#.. ..#.. ..... ..... .....", // +
        "..... ..... ..... ..... ..... .##.. .##.. ..#.. .#...", // ,
        "..... ..... ..... ##### ..... ..... ..... ..... .....", // -
        "..... ..... ..... ..... ..... .##.. .##.. ..... .....", // .
        "..... ....# ...#. ..#.. .#... #.... ..... ..... .....", // /
        ".###. #...# #..## #.#.# ##..# #...# .###. ..... .....", // 0
        "..#.. .##.. ..#.. ..#.. ..#.. ..#.. .###. ..... .....", // 1
        ".###. #...# ....# ...#. ..#.. .#... ##### ..... .....", // 2
        "##### ...#. ..#.. ...#. ....# #...# .###. ..... .....", // 3
        "...#. ..##. .#.#. #..#. ##### ...#. ...#. ..... .....", // 4
        "##### #.... ####. ....# ....# #...# .###. ..... .....", // 5
        "..##. .#... #.... ####. #...# #...# .###. ..... .....", // 6
        "##### ....# ...#. ..#.. .#... .#... .#... ..... .....", // 7
        ".###. #...# #...# .###. #...# #...# .###. ..... .....", // 8
        ".###. #...# #...# .#### ....# ...#. .##.. ..... .....", // 9
        "..... .##.. .##.. ..... .##.. .##.. ..... ..... .....", // :
        "..... .##.. .##.. ..... ..... .##.. .##.. ..#.. .#...", // ;
        "...#. ..#.. .#... #.... .#... ..#.. ...#. ..... .....", // <
        "..... ..... ##### ..... ##### ..... ..... ..... .....", // =
        ".#... ..#.. ...#. ....# ...#. ..#.. .#... ..... .....", // >
        ".###. #...# ....# ...#. ..#.. ..... ..#.. ..... .....", // ?
        ".###. #...# ....# .##.# #.#.# #.#.# .###. ..... .....", // @
        ".###. #...# #...# ##### #...# #...# #...# ..... .....", // A
        "####. #...# #...# ####. #...# #...# ####. ..... .....", // B
        ".###. #...# #.... #.... #.... #...# .###. ..... .....", // C
        "###.. #..#. #...# #...# #...# #..#. ###.. ..... .....", // D
        "##### #.... #.... ####. #.... #.... ##### ..... .....", // E
        "##### #.... #.... ####. #.... #.... #.... ..... .....", // F
        ".###. #...# #.... #.### #...# #...# .#### ..... .....", // G
        "#...# #...# #...# ##### #...# #...# #...# ..... .....", // H
        ".###. ..#.. ..#.. ..#.. ..#.. ..#.. .###. ..... .....", // I
        "..### ...#. ...#. ...#. ...#. #..#. .##.. ..... .....", // J
        "#...# #..#. #.#.. ##... #.#.. #..#. #...# ..... .....", // K
        "#.... #.... #.... #.... #.... #.... ##### ..... .....", // L
        "#...# ##.## #.#.# #.#.# #...# #...# #...# ..... .....", // M
        "#...# #...# ##..# #.#.# #..## #...# #...# ..... .....", // N
        ".###. #...# #...# #...# #...# #...# .###. ..... .....", // O
        "####. #...# #...# ####. #.... #.... #.... ..... .....", // P
        ".###. #...# #...# #...# #.#.# #..#. .##.# ..... .....", // Q
        "####. #...# #...# ####. #.#.. #..#. #...# ..... .....", // R
        ".#### #.... #.... .###. ....# ....# ####. ..... .....", // S
        "##### ..#.. ..#.. ..#.. ..#.. ..#.. ..#.. ..... .....", // T
        "#...# #...# #...# #...# #...# #...# .###. ..... .....", // U
        "#...# #...# #...# #...# #...# .#.#. ..#.. ..... .....", // V
        "#...# #...# #...# #.#.# #.#.# #.#.# .#.#. ..... .....", // W
        "#...# #...# .#.#. ..#.. .#.#. #...# #...# ..... .....", // X
        "#...# #...# .#.#. ..#.. ..#.. ..#.. ..#.. ..... .....", // Y
        "##### ....# ...#. ..#.. .#... #.... ##### ..... .....", // Z
        ".###. .#... .#... .#... .#... .#... .###. ..... .....", // [
        "..... #.... .#... ..#.. ...#. ....# ..... ..... .....", // \
        ".###. ...#. ...#. ...#. ...#. ...#. .###. ..... .....", // ]
        "..#.. .#.#. #...# ..... ..... ..... ..... ..... .....", // ^
        "..... ..... ..... ..... ..... ..... ##### ..... .....", // _
        ".#... ..#.. ..... ..... ..... ..... ..... ..... .....", // `
        "..... ..... .###. ....# .#### #...# .#### ..... .....", // a
        "#.... #.... #.##. ##..# #...# #...# ####. ..... .....", // b
        "..... ..... .###. #.... #.... #...# .###. ..... .....", // c
        "....# ....# .##.# #..## #...# #...# .#### ..... .....", // d
        "..... ..... .###. #...# ##### #.... .###. ..... .....", // e
        "..##. .#..# .#... ###.. .#... .#... .#... ..... .....", // f
        "..... ..... .#### #...# #...# #...# .#### ....# .###.", // g
        "#.... #.... #.##. ##..# #...# #...# #...# ..... .....", // h
        "..#.. ..... .##.. ..#.. ..#.. ..#.. .###. ..... .....", // i
        "...#. ..... ..##. ...#. ...#. ...#. ...#. #..#. .##..", // j
        "#.... #.... #..#. #.#.. ##... #.#.. #..#. ..... .....", // k
        ".##.. ..#.. ..#.. ..#.. ..#.. ..#.. .###. ..... .....", // l
        "..... ..... ##.#. #.#.# #.#.# #...# #...# ..... .....", // m
        "..... ..... #.##. ##..# #...# #...# #...# ..... .....", // n
        "..... ..... .###. #...# #...# #...# .###. ..... .....", // o
        "..... ..... ####. #...# #...# #...# ####. #.... #....", // p
        "..... ..... .#### #...# #...# #...# .#### ....# ....#", // q
        "..... ..... #.##. ##..# #.... #.... #.... ..... .....", // r
        "..... ..... .###. #.... .###. ....# ####. ..... .....", // s
        ".#... .#... ###.. .#... .#... .#..# ..##. ..... .....", // t
        "..... ..... #...# #...# #...# #..## .##.# ..... .....", // u
        "..... ..... #...# #...# #...# .#.#. ..#.. ..... .....", // v
        "..... ..... #...# #...# #.#.# #.#.# .#.#. ..... .....", // w
        "..... ..... #...# .#.#. ..#.. .#.#. #...# ..... .....", // x
        "..... ..... #...# #...# #...# #...# .#### ....# .###.", // y
        "..... ..... ##### ...#. ..#.. .#... ##### ..... .....", // z
        "...#. ..#.. ..#.. .#... ..#.. ..#.. ...#. ..... .....", // {
        "..#.. ..#.. ..#.. ..#.. ..#.. ..#.. ..#.. ..... .....", // |
        ".#... ..#.. ..#.. ...#. ..#.. ..#.. .#... ..... .....", // }
        "..... ..... .#... #.#.# ...#. ..... ..... ..... .....", // ~
    ];

    /// <summary>Row bit masks, <see cref="GlyphHeight"/> per glyph; bit 4 is the leftmost column.</summary>
    private static readonly byte[] Rows = Pack();

    private static byte[] Pack()
    {
        var rows = new byte[Art.Length * GlyphHeight];
        for (int g = 0; g < Art.Length; g++)
        {
            string[] parts = Art[g].Split(' ');
            for (int r = 0; r < GlyphHeight; r++)
            {
                int bits = 0;
                for (int c = 0; c < GlyphWidth; c++)
                    if (parts[r][c] == '#') bits |= 1 << (GlyphWidth - 1 - c);
                rows[g * GlyphHeight + r] = (byte)bits;
            }
        }
        return rows;
    }

    /// <summary>Whether font pixel (<paramref name="column"/>, <paramref name="row"/>) of <paramref name="ch"/> is ink.</summary>
    public static bool IsInk(char ch, int column, int row)
    {
        if ((uint)column >= GlyphWidth || (uint)row >= GlyphHeight) return false;
        return (Rows[GlyphIndex(ch) * GlyphHeight + row] >> (GlyphWidth - 1 - column) & 1) != 0;
    }

    private static int GlyphIndex(char ch) => ch is >= ' ' and <= '~' ? ch - ' ' : '?' - ' ';

    /// <summary>The size in pixels of <paramref name="text"/> at <paramref name="scale"/>: the widest line × the lines (no trailing spacing).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scale"/> is below 1.</exception>
    public static (int Width, int Height) Measure(string text, int scale = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        ArgumentNullException.ThrowIfNull(text);
        int lines = 1, longest = 0, current = 0;
        foreach (char ch in text)
        {
            if (ch == '\n') { lines++; current = 0; continue; }
            current++;
            longest = Math.Max(longest, current);
        }
        int width = longest == 0 ? 0 : (longest * Advance - 1) * scale;
        int height = ((lines - 1) * LineHeight + GlyphHeight) * scale;
        return (width, height);
    }

    /// <summary>
    /// Draws <paramref name="text"/> with its top-left corner at (<paramref name="x"/>, <paramref name="y"/>), writing
    /// <paramref name="value"/> into every channel of the ink pixels (background pixels are left as they are).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scale"/> is below 1.</exception>
    public static void DrawText(ImageView<byte> image, int x, int y, string text, int scale = 1, byte value = 0)
    {
        Span<byte> colour = stackalloc byte[Math.Max(image.Channels, 1)];
        colour.Fill(value);
        DrawText(image, x, y, text, scale, colour);
    }

    /// <summary>
    /// Draws <paramref name="text"/> with one colour value per channel (<paramref name="colour"/>.Length must equal the
    /// image's channel count; BGR for colour images).
    /// </summary>
    /// <exception cref="ArgumentException">The colour has the wrong number of values.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scale"/> is below 1.</exception>
    public static void DrawText(ImageView<byte> image, int x, int y, string text, int scale, ReadOnlySpan<byte> colour)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        int cn = image.Channels;
        if (colour.Length != cn)
            throw new ArgumentException($"The colour has {colour.Length} values but the image has {cn} channels.", nameof(colour));
        int penX = x, penY = y;
        foreach (char ch in text)
        {
            if (ch == '\n') { penX = x; penY += LineHeight * scale; continue; }
            DrawGlyph(image, penX, penY, GlyphIndex(ch), scale, colour);
            penX += Advance * scale;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void DrawGlyph(ImageView<byte> image, int x0, int y0, int glyph, int scale, ReadOnlySpan<byte> colour)
    {
        int cn = image.Channels;
        for (int r = 0; r < GlyphHeight; r++)
        {
            int bits = Rows[glyph * GlyphHeight + r];
            if (bits == 0) continue;
            for (int sy = 0; sy < scale; sy++)
            {
                int yy = y0 + r * scale + sy;
                if ((uint)yy >= (uint)image.Height) continue;
                var row = image.Row(yy);
                for (int c = 0; c < GlyphWidth; c++)
                {
                    if ((bits >> (GlyphWidth - 1 - c) & 1) == 0) continue;
                    for (int sx = 0; sx < scale; sx++)
                    {
                        int xx = x0 + c * scale + sx;
                        if ((uint)xx >= (uint)image.Width) continue;
                        colour.CopyTo(row.Slice(xx * cn, cn));
                    }
                }
            }
        }
    }
}
