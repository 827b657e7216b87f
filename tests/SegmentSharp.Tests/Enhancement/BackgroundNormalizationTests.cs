using SegmentSharp.Enhancement;
using SegmentSharp.Imaging;

namespace SegmentSharp.Tests.Enhancement;

public class BackgroundNormalizationTests
{
    /// <summary>A page lit from the left: paper from 110 (left) to 240 (right), text strokes at 35 % of the local paper.</summary>
    private static Image<byte> UnevenPage(int w, int h, out bool[] ink)
    {
        var img = new Image<byte>(w, h);
        ink = new bool[w * h];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                double paper = 110 + 130.0 * x / (w - 1);
                // Text lines every 24 rows, 3-pixel strokes every 9 columns, in 12-row bands.
                bool isInk = y % 24 is >= 6 and < 18 && (x % 9 < 3 || y % 24 is 6 or 7 or 8);
                ink[y * w + x] = isInk;
                img.Row(y)[x] = (byte)Math.Round(isInk ? paper * 0.35 : paper);
            }
        return img;
    }

    [Fact]
    public void FlattensIlluminationSoOneGlobalThresholdSeparatesInk()
    {
        var page = UnevenPage(400, 240, out bool[] ink);
        // Before, ink on the bright side (84) and paper on the dark side (110) are only 26 levels apart; after, every
        // paper pixel is near white and every ink pixel far below it.
        var flat = BackgroundNormalization.Apply(page.ReadOnlyView, 31);
        int paperMin = 255, inkMax = 0;
        for (int y = 0; y < page.Height; y++)
            for (int x = 0; x < page.Width; x++)
            {
                byte v = flat.Row(y)[x];
                if (ink[y * page.Width + x]) inkMax = Math.Max(inkMax, v);
                else paperMin = Math.Min(paperMin, v);
            }
        Assert.True(paperMin >= 235, $"paper after normalization should be near white, min {paperMin}");
        Assert.True(inkMax <= 100, $"ink should keep its contrast, max {inkMax}");
    }

    [Fact]
    public void ConstantAndEmptyInputs()
    {
        var c = new Image<byte>(50, 20);
        Array.Fill(c.Data, (byte)90);
        Assert.All(BackgroundNormalization.Apply(c.ReadOnlyView).Data, v => Assert.Equal(255, v));
        var black = new Image<byte>(9, 9);
        Assert.All(BackgroundNormalization.Apply(black.ReadOnlyView).Data, v => Assert.Equal(0, v));
    }

    [Theory]
    [InlineData(57, 33, 15)]
    [InlineData(200, 120, 31)]
    [InlineData(129, 64, 101)]
    [InlineData(16, 300, 3)]
    [InlineData(1, 1, 15)]
    [InlineData(1, 37, 15)]
    [InlineData(37, 1, 15)]
    [InlineData(2, 3, 41)]
    [InlineData(7, 5, 15)]
    [InlineData(8, 5, 15)]
    [InlineData(9, 5, 17)]
    [InlineData(29, 6, 23)]
    [InlineData(1000, 700, 61)]
    public void EqualsDirectEvaluationOfTheDefinition(int w, int h, int window)
    {
        var rng = new Random(w + 7 * h + window);
        var img = new Image<byte>(w, h, 1);
        for (int i = 0; i < img.Data.Length; i++) img.Data[i] = (byte)(rng.Next(60, 256) - (rng.Next(10) == 0 ? 60 : 0));
        var got = BackgroundNormalization.Apply(img.ReadOnlyView, window);
        byte[] expected = Reference(img, window);
        Assert.Equal(expected, got.Data);
    }

    [Fact]
    public void StridedViewsGiveTheSameResult()
    {
        var big = new Image<byte>(90, 50);
        new Random(9).NextBytes(big.Data);
        var inner = big.ReadOnlyView.Slice(7, 5, 60, 33);
        var compact = new Image<byte>(60, 33);
        for (int y = 0; y < 33; y++) inner.Row(y).CopyTo(compact.Row(y));
        var a = BackgroundNormalization.Apply(inner, 21);
        var b = BackgroundNormalization.Apply(compact.ReadOnlyView, 21);
        Assert.Equal(b.Data, a.Data);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    [InlineData(2)]
    public void BadWindowsAreRejected(int window)
    {
        var img = new Image<byte>(5, 5);
        Assert.Throws<ArgumentOutOfRangeException>(() => BackgroundNormalization.Apply(img.ReadOnlyView, window));
    }

    [Fact]
    public void DefaultWindowFollowsImageSize()
    {
        Assert.Equal(15, BackgroundNormalization.DefaultWindow(384, 191));
        Assert.Equal(101, BackgroundNormalization.DefaultWindow(4000, 3000));
        Assert.Equal(1, BackgroundNormalization.DefaultWindow(4000, 3000) % 2);
    }

    /// <summary>
    /// The documented definition evaluated naively per pixel: s×s block maxima, (2r+1)² maximum then box mean on the
    /// cell grid with replicated edges, bilinear interpolation at cell centres, rounded quotient.
    /// </summary>
    private static byte[] Reference(Image<byte> img, int window)
    {
        int w = img.Width, h = img.Height;
        int s = Math.Max(1, window / 8);
        int gw = (w + s - 1) / s, gh = (h + s - 1) / s;
        int r = Math.Max(1, (int)Math.Round(window / (2.0 * s), MidpointRounding.AwayFromZero));
        var cell = new float[gw, gh];
        for (int gy = 0; gy < gh; gy++)
            for (int gx = 0; gx < gw; gx++)
            {
                int m = 0;
                for (int y = gy * s; y < Math.Min(h, gy * s + s); y++)
                    for (int x = gx * s; x < Math.Min(w, gx * s + s); x++)
                        m = Math.Max(m, img.Row(y)[x]);
                cell[gx, gy] = m;
            }
        float At(float[,] a, int x, int y) => a[Math.Clamp(x, 0, gw - 1), Math.Clamp(y, 0, gh - 1)];
        var mx = new float[gw, gh];
        var mxy = new float[gw, gh];
        for (int y = 0; y < gh; y++) for (int x = 0; x < gw; x++) { float m = 0; for (int d = -r; d <= r; d++) m = Math.Max(m, At(cell, x + d, y)); mx[x, y] = m; }
        for (int y = 0; y < gh; y++) for (int x = 0; x < gw; x++) { float m = 0; for (int d = -r; d <= r; d++) m = Math.Max(m, At(mx, x, y + d)); mxy[x, y] = m; }
        float inv = 1f / (2 * r + 1);
        var sx = new float[gw, gh];
        var bg = new float[gw, gh];
        for (int y = 0; y < gh; y++) for (int x = 0; x < gw; x++) { float t = 0; for (int d = -r; d <= r; d++) t += At(mxy, x + d, y); sx[x, y] = t * inv; }
        for (int y = 0; y < gh; y++) for (int x = 0; x < gw; x++) { float t = 0; for (int d = -r; d <= r; d++) t += At(sx, x, y + d); bg[x, y] = t * inv; }

        static void Coord(int p, int s, int cells, out int c0, out float f)
        {
            float pos = (p + 0.5f) / s - 0.5f;
            if (pos <= 0) { c0 = 0; f = 0; return; }
            c0 = (int)pos;
            if (c0 >= cells - 1) { c0 = cells - 1; f = 0; return; }
            f = pos - c0;
        }
        var outp = new byte[w * h];
        for (int y = 0; y < h; y++)
        {
            Coord(y, s, gh, out int y0, out float fy);
            int y1 = Math.Min(y0 + 1, gh - 1);
            for (int x = 0; x < w; x++)
            {
                Coord(x, s, gw, out int x0, out float fx);
                int x1 = Math.Min(x0 + 1, gw - 1);
                float up = bg[x0, y0] + (bg[x1, y0] - bg[x0, y0]) * fx;
                float lo = bg[x0, y1] + (bg[x1, y1] - bg[x0, y1]) * fx;
                float b = up + (lo - up) * fy;
                if (b < 1) b = 1;
                float q = 255f * img.Row(y)[x] / b;
                outp[y * w + x] = q >= 254.5f ? (byte)255 : (byte)(q + 0.5f);
            }
        }
        return outp;
    }
}
