using CsCheck;
using OpenCvSharp;
using SegmentSharp.Contours;
using SegmentSharp.Imaging;
using GPoint = SegmentSharp.Geometry.Point;

namespace SegmentSharp.OracleTests.Contours;

/// <summary>ContourFinder.Find against cv2.findContours (OpenCV 4.13): every mode × approximation, points and hierarchy.</summary>
public class ContourFinderOracleTests
{
    [Fact]
    public void TinyAndDegenerateMasks()
    {
        var rng = new Random(11);
        int[] sizes = [1, 2, 3, 4, 5, 7, 16, 33];
        foreach (int w in sizes)
            foreach (int h in sizes)
                foreach (double d in new[] { 0.0, 0.2, 0.5, 0.8, 1.0 })
                    ContoursOracle.AssertAllSame(ContoursOracle.Salt(w, h, d, rng), $"{w}x{h} d={d}");
    }

    [Fact]
    public void LinesAndFullMasks()
    {
        var rng = new Random(12);
        foreach (var (w, h) in new[] { (1, 1000), (1000, 1), (2, 500), (500, 2), (1, 1), (999, 701) })
        {
            foreach (double d in new[] { 0.01, 0.5, 0.99, 1.0 })
            {
                if (w * h > 100_000 && d == 0.5) continue; // the salt tests cover dense noise on big masks
                ContoursOracle.AssertAllSame(ContoursOracle.Salt(w, h, d, rng), $"{w}x{h} d={d}");
            }
        }
        // Checkerboards: one 8-connected object whose every background pixel is a separate 4-connected hole.
        foreach (var (w, h) in new[] { (2, 2), (9, 7), (201, 150) })
        {
            var img = new Image<byte>(w, h);
            for (int y = 0; y < h; y++)
                for (int x = 0; x < w; x++)
                    img.Data[y * w + x] = (byte)((x + y) % 2 == 0 ? 255 : 0);
            ContoursOracle.AssertAllSame(img, $"checkerboard {w}x{h}");
        }
    }

    [Fact]
    public void SaltNoiseAllDensities()
    {
        var rng = new Random(13);
        foreach (double d in new[] { 0.01, 0.05, 0.2, 0.4, 0.5, 0.6, 0.8, 0.95, 0.99 })
            ContoursOracle.AssertAllSame(ContoursOracle.Salt(rng.Next(50, 300), rng.Next(50, 300), d, rng), $"salt d={d}");
    }

    /// <summary>
    /// Thousands of borders on one big mask: the 7-bit border numbers wrap many times, which is what exercises OpenCV's
    /// retrace tie-break in the parent search (CCOMP and TREE; on the 1000×1000 salt about 22k retraces, 7k of them
    /// hits), and 260 nested rings, whose boxes all overlap after the wrap.
    /// </summary>
    [Fact]
    public void LargeMasksWrapTheBorderNumbers()
    {
        var rng = new Random(14);
        var salt = ContoursOracle.Salt(1000, 1000, 0.45, rng);
        using (var mat = Oracle.ToMat(salt))
            foreach (var m in new[] { ContourMode.CComp, ContourMode.Tree })
                ContoursOracle.AssertSame(mat, salt, m, ContourApproximation.Simple, "salt 1000x1000 d=0.45");
        ContoursOracle.AssertAllSame(ContoursOracle.Salt(300, 300, 0.45, rng), "salt 300x300 d=0.45");
        ContoursOracle.AssertAllSame(ContoursOracle.Blobs(1000, 1000, 400, rng), "blobs 1000x1000");
        ContoursOracle.AssertAllSame(ContoursOracle.Nested(600, 520, 1), "nested rings 600x520");
    }

    [Fact]
    public void NestedBlobsAndRingsTouchingTheBorder()
    {
        var rng = new Random(15);
        for (int i = 0; i < 60; i++)
        {
            int w = rng.Next(1, 160), h = rng.Next(1, 160);
            ContoursOracle.AssertAllSame(ContoursOracle.Blobs(w, h, rng.Next(1, 40), rng), $"blobs #{i} {w}x{h}");
        }
        foreach (var (w, h, band) in new[] { (64, 64, 1), (63, 40, 2), (101, 77, 3), (9, 200, 1) })
            ContoursOracle.AssertAllSame(ContoursOracle.Nested(w, h, band), $"nested {w}x{h} band {band}");
    }

    [Fact]
    public void OffsetAndStridedView()
    {
        var rng = new Random(16);
        var big = ContoursOracle.Blobs(120, 90, 30, rng);
        // A sub-view (stride 120) must give the contours of the cropped mask, shifted by the offset.
        var view = big.ReadOnlyView.Slice(13, 7, 81, 64);
        var crop = new Image<byte>(81, 64);
        for (int y = 0; y < 64; y++) view.Row(y).CopyTo(crop.Row(y));
        using var mat = Oracle.ToMat(crop);
        foreach (var m in ContoursOracle.Modes)
            foreach (var a in ContoursOracle.Approximations)
            {
                ContoursOracle.AssertSame(mat, crop, m, a, "offset", new GPoint(-5, 17));
                var expected = SegmentSharp.Contours.ContourFinder.Find(crop.ReadOnlyView, m, a, out var he);
                var fromView = SegmentSharp.Contours.ContourFinder.Find(view, m, a, out var hv);
                Assert.Equal(he, hv);
                Assert.Equal(expected.Length, fromView.Length);
                for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], fromView[i]);
            }
    }

    [Fact]
    public void SampleImagesThresholded()
    {
        foreach (var path in RepoPaths.SamplePngs())
        {
            using var gray = Cv2.ImRead(path, ImreadModes.Grayscale);
            foreach (var (t, inv) in new[] { (0, false), (1, true) })
            {
                using var bin = new Mat();
                Cv2.Threshold(gray, bin, 0, 255, (inv ? ThresholdTypes.BinaryInv : ThresholdTypes.Binary) | ThresholdTypes.Otsu);
                var img = Oracle.ToImage(bin);
                ContoursOracle.AssertAllSame(img, $"{Path.GetFileName(path)} otsu{(inv ? " inv" : "")}");
            }
        }
    }

    /// <summary>CsCheck: random sizes, densities and blob/salt mixes; shrinking reports the smallest failing mask.</summary>
    [Fact]
    public void RandomMasksProperty()
    {
        var gen = Gen.Select(Gen.Int[1, 48], Gen.Int[1, 48], Gen.Double[0.01, 0.99], Gen.Int[0, 2], Gen.Int)
            .Select(t =>
            {
                var (w, h, d, kind, seed) = t;
                var rng = new Random(seed);
                return kind switch
                {
                    0 => ContoursOracle.Salt(w, h, d, rng),
                    1 => ContoursOracle.Blobs(w, h, 1 + (int)(d * 20), rng),
                    _ => Mix(ContoursOracle.Blobs(w, h, 8, rng), d, rng),
                };
            });
        gen.Sample(img =>
        {
            ContoursOracle.AssertAllSame(img, $"{img.Width}x{img.Height}");
        }, iter: 400, print: img => $"{img.Width}x{img.Height}: {Convert.ToHexString(img.Data)}");
    }

    /// <summary>Blobs with salt-and-pepper flips, so smooth borders carry one-pixel spurs and pinholes.</summary>
    private static Image<byte> Mix(Image<byte> img, double d, Random rng)
    {
        for (int i = 0; i < img.Data.Length; i++)
            if (rng.NextDouble() < d * 0.2) img.Data[i] = img.Data[i] == 0 ? (byte)255 : (byte)0;
        return img;
    }
}
