using SegmentSharp.Drawing;
using SegmentSharp.Imaging;

namespace SegmentSharp.Tests.Drawing;

public class BitmapFontTests
{
    private static string GlyphKey(char ch)
    {
        var sb = new System.Text.StringBuilder();
        for (int r = 0; r < BitmapFont.GlyphHeight; r++)
            for (int c = 0; c < BitmapFont.GlyphWidth; c++) sb.Append(BitmapFont.IsInk(ch, c, r) ? '#' : '.');
        return sb.ToString();
    }

    [Fact]
    public void EveryPrintableGlyphHasInkAndAllAreDistinct()
    {
        var seen = new Dictionary<string, char>();
        for (char ch = '!'; ch <= '~'; ch++)
        {
            string key = GlyphKey(ch);
            Assert.Contains('#', key);
            Assert.False(seen.TryGetValue(key, out char other), $"'{ch}' looks like '{other}'");
            seen[key] = ch;
        }
        Assert.DoesNotContain('#', GlyphKey(' '));
        Assert.Equal(GlyphKey('?'), GlyphKey('é'));
        // Only descender glyphs reach below the baseline.
        for (char ch = ' '; ch <= '~'; ch++)
        {
            bool below = GlyphKey(ch)[(7 * BitmapFont.GlyphWidth)..].Contains('#');
            Assert.Equal("gjpqy,;".Contains(ch), below);
        }
    }

    [Fact]
    public void MeasureCountsCellsWithoutTrailingSpacing()
    {
        Assert.Equal((5, 9), BitmapFont.Measure("A"));
        Assert.Equal((3 * 6 - 1, 9), BitmapFont.Measure("abc"));
        Assert.Equal(((4 * 6 - 1) * 2, (11 + 9) * 2), BitmapFont.Measure("ab\nwxyz", 2));
        Assert.Equal((0, 9), BitmapFont.Measure(""));
        Assert.Throws<ArgumentOutOfRangeException>(() => BitmapFont.Measure("a", 0));
    }

    [Fact]
    public void DrawTextWritesExactlyTheGlyphPixelsScaled()
    {
        var img = new Image<byte>(30, 25);
        img.Data.AsSpan().Fill(200);
        BitmapFont.DrawText(img.View, 2, 3, "Hg", 2, 7);
        for (int y = 0; y < img.Height; y++)
            for (int x = 0; x < img.Width; x++)
            {
                int fx = (x - 2) / 2, fy = (y - 3) / 2;
                bool ink = x >= 2 && y >= 3 && fy < BitmapFont.GlyphHeight &&
                           ((fx < 5 && BitmapFont.IsInk('H', fx, fy)) || (fx >= 6 && fx < 11 && BitmapFont.IsInk('g', fx - 6, fy)));
                Assert.Equal(ink ? 7 : 200, img.Row(y)[x]);
            }
    }

    [Fact]
    public void DrawingClipsAtTheEdgesAndHonoursChannels()
    {
        var img = new Image<byte>(8, 6, 3);
        BitmapFont.DrawText(img.View, -3, -4, "W~\nM", 3, [1, 2, 3]);
        BitmapFont.DrawText(img.View, 1000, 1000, "far away", 1, [9, 9, 9]);
        Assert.Contains((byte)1, img.Data);
        Assert.DoesNotContain((byte)9, img.Data);
        for (int i = 0; i < img.Data.Length; i += 3)
            Assert.True(img.Data[i] == 0 ? img.Data[i + 1] == 0 && img.Data[i + 2] == 0 : img.Data[i + 1] == 2 && img.Data[i + 2] == 3);
        Assert.Throws<ArgumentException>(() => BitmapFont.DrawText(img.View, 0, 0, "x", 1, [1, 2]));
        var view = new Image<byte>(20, 20).View.Slice(3, 4, 10, 12);
        BitmapFont.DrawText(view, 0, 0, "#", 1, 255);
    }
}
