using CsCheck;
using SegmentSharp.Imaging;
using SegmentSharp.Morphology;

namespace SegmentSharp.Tests.Morphology;

public sealed class ReconstructionTests
{
    private static Image<float> FromRows(float[][] rows)
    {
        var img = new Image<float>(rows[0].Length, rows.Length);
        for (int y = 0; y < rows.Length; y++) rows[y].CopyTo(img.View.Row(y));
        return img;
    }

    /// <summary>The definition: geodesic 3×3 dilations of the seed clipped by the mask, repeated until stable.</summary>
    private static float[] Naive(Image<float> seed, Image<float> mask)
    {
        int w = mask.Width, h = mask.Height;
        var r = new float[w * h];
        for (int i = 0; i < r.Length; i++) r[i] = Math.Min(seed.Data[i], mask.Data[i]);
        for (bool changed = true; changed;)
        {
            changed = false;
            var next = (float[])r.Clone();
            for (int y = 0; y < h; y++)
                for (int x = 0; x < w; x++)
                {
                    float v = r[y * w + x];
                    for (int dy = -1; dy <= 1; dy++)
                        for (int dx = -1; dx <= 1; dx++)
                        {
                            int xx = x + dx, yy = y + dy;
                            if (xx >= 0 && yy >= 0 && xx < w && yy < h) v = Math.Max(v, r[yy * w + xx]);
                        }
                    v = Math.Min(v, mask.Data[y * w + x]);
                    if (v != next[y * w + x]) { next[y * w + x] = v; changed = true; }
                }
            r = next;
        }
        return r;
    }

    [Fact]
    public void ByDilationEqualsRepeatedGeodesicDilation()
    {
        Gen.Select(Gen.Int[1, 24], Gen.Int[1, 24], Gen.Int).Sample((w, h, seed) =>
        {
            var rnd = new Random(seed);
            var mask = new Image<float>(w, h);
            var s = new Image<float>(w, h);
            for (int i = 0; i < w * h; i++)
            {
                mask.Data[i] = rnd.Next(0, 10);
                // Sparse seeds so that values must travel far through the mask.
                s.Data[i] = rnd.Next(8) == 0 ? rnd.Next(0, 12) : 0;
            }
            Assert.Equal(Naive(s, mask), Reconstruction.ByDilation(s, mask).Data);
        }, iter: 300);
    }

    [Fact]
    public void SpiralPathIsFollowedToItsEnd()
    {
        // A one-pixel corridor that winds back against both raster scans needs the queue phase.
        var mask = FromRows([
            [5, 5, 5, 5, 5, 5, 5],
            [0, 0, 0, 0, 0, 0, 5],
            [5, 5, 5, 5, 5, 0, 5],
            [5, 0, 0, 0, 5, 0, 5],
            [5, 0, 5, 5, 5, 0, 5],
            [5, 0, 0, 0, 0, 0, 5],
            [5, 5, 5, 5, 5, 5, 5],
        ]);
        var seed = new Image<float>(7, 7);
        seed.Data[3 * 7 + 2] = 0; // nothing inside
        seed.Data[4 * 7 + 2] = 4; // the corridor's end
        var r = Reconstruction.ByDilation(seed, mask);
        Assert.Equal(Naive(seed, mask), r.Data);
        Assert.Equal(4, r.Data[0]);
    }

    [Fact]
    public void HMaximaKeepsPeaksByTheirDynamic()
    {
        // Peaks 5 and 3 joined by a saddle at 2: the lower one's dynamic is 1, the higher one's 5.
        var img = FromRows([[0, 5, 2, 3, 0]]);
        Assert.Equal(new byte[] { 0, 255, 0, 255, 0 }, Reconstruction.HMaxima(img, 1).Data);
        Assert.Equal(new byte[] { 0, 255, 0, 0, 0 }, Reconstruction.HMaxima(img, 1.5f).Data);
        Assert.Equal(new byte[] { 0, 255, 0, 0, 0 }, Reconstruction.HMaxima(img, 5).Data);
        Assert.Throws<ArgumentOutOfRangeException>(() => Reconstruction.HMaxima(img, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Reconstruction.HMaxima(img, float.NaN));
    }

    [Fact]
    public void HMaximaEqualsScikitImage()
    {
        // Goldens from skimage.morphology.h_maxima 0.19.3: tests/fixtures/hmaxima/make_hmaxima.py.
        string[] lines = File.ReadAllLines(Path.Combine(RepoPaths.Fixtures("hmaxima"), "hmaxima.txt"));
        int cases = 0;
        for (int i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("case ")) continue;
            var head = lines[i].Split(' ');
            int w = int.Parse(head[1]), h = int.Parse(head[2]);
            float hh = float.Parse(head[3], System.Globalization.CultureInfo.InvariantCulture);
            var img = new Image<float>(w, h);
            var want = new byte[w * h];
            for (int y = 0; y < h; y++)
            {
                var v = lines[i + 1 + y].Split(' ');
                var e = lines[i + 1 + h + y].Split(' ');
                for (int x = 0; x < w; x++) { img.Data[y * w + x] = int.Parse(v[x]); want[y * w + x] = (byte)(int.Parse(e[x]) * 255); }
            }
            Assert.True(want.SequenceEqual(Reconstruction.HMaxima(img, hh).Data), $"case at line {i + 1}");
            cases++;
        }
        Assert.Equal(120, cases);
    }
}
