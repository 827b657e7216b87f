using OpenCvSharp;
using SegmentSharp.Components;
using SegmentSharp.Imaging;

namespace SegmentSharp.OracleTests.Components;

/// <summary>Structured masks where label order and merges are hard: checkerboards, spirals, rings, samples, thread counts.</summary>
public class ConnectedComponentsShapeOracleTests
{
    public static TheoryData<Connectivity> Both => new() { Connectivity.Eight, Connectivity.Four };

    private static Image<byte> Make(int w, int h, Func<int, int, bool> fg)
    {
        var img = new Image<byte>(w, h);
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
                img.Data[y * w + x] = fg(x, y) ? (byte)255 : (byte)0;
        return img;
    }

    [Theory, MemberData(nameof(Both))]
    public void ConstantImages(Connectivity c)
    {
        foreach (var (w, h) in new[] { (1, 1), (1, 7), (7, 1), (2, 2), (3, 3), (64, 33) })
        {
            ComponentsOracle.AssertSame(Make(w, h, (_, _) => false), c, $"zeros {w}x{h}");
            ComponentsOracle.AssertSame(Make(w, h, (_, _) => true), c, $"ones {w}x{h}");
        }
    }

    [Theory, MemberData(nameof(Both))]
    public void Checkerboards(Connectivity c)
    {
        foreach (int cell in new[] { 1, 2, 3 })
            foreach (var (w, h) in new[] { (1, 1), (2, 2), (9, 7), (64, 64), (101, 53) })
            {
                ComponentsOracle.AssertSame(Make(w, h, (x, y) => ((x / cell + y / cell) & 1) == 0), c, $"checker{cell} {w}x{h}");
                ComponentsOracle.AssertSame(Make(w, h, (x, y) => ((x / cell + y / cell) & 1) == 1), c, $"checker{cell}' {w}x{h}");
            }
    }

    [Theory, MemberData(nameof(Both))]
    public void StripesDiagonalsRingsAndSpirals(Connectivity c)
    {
        foreach (var (w, h) in new[] { (40, 40), (41, 39), (97, 61) })
        {
            ComponentsOracle.AssertSame(Make(w, h, (x, y) => x % 2 == 0), c, $"vstripes {w}x{h}");
            ComponentsOracle.AssertSame(Make(w, h, (x, y) => y % 2 == 0), c, $"hstripes {w}x{h}");
            ComponentsOracle.AssertSame(Make(w, h, (x, y) => (x + y) % 3 == 0), c, $"diag {w}x{h}");
            ComponentsOracle.AssertSame(Make(w, h, (x, y) => (x - y + 300) % 4 == 0), c, $"antidiag {w}x{h}");
            ComponentsOracle.AssertSame(Make(w, h, (x, y) => Math.Max(Math.Abs(x - w / 2), Math.Abs(y - h / 2)) % 3 == 0), c, $"rings {w}x{h}");
            ComponentsOracle.AssertSame(Make(w, h, (x, y) => ((int)Math.Sqrt((x - w / 2.0) * (x - w / 2.0) + (y - h / 3.0) * (y - h / 3.0))) % 2 == 0), c, $"circles {w}x{h}");
            ComponentsOracle.AssertSame(Spiral(w, h), c, $"spiral {w}x{h}");
            ComponentsOracle.AssertSame(Make(w, h, (x, y) => (x * 7 + y * 13) % 11 < 3 || (x ^ y) % 5 == 0), c, $"combs {w}x{h}");
        }
    }

    /// <summary>A square spiral corridor: one long component that touches itself only through late merges.</summary>
    private static Image<byte> Spiral(int w, int h)
    {
        var img = new Image<byte>(w, h);
        int x0 = 0, y0 = 0, x1 = w - 1, y1 = h - 1;
        while (x0 <= x1 && y0 <= y1)
        {
            for (int x = x0; x <= x1; x++) img.Data[y0 * w + x] = 255;
            for (int y = y0; y <= y1; y++) img.Data[y * w + x1] = 255;
            for (int x = x0; x <= x1; x++) img.Data[y1 * w + x] = 255;
            for (int y = y0 + 2; y <= y1; y++) img.Data[y * w + x0] = 255;
            x0 += 2; y0 += 2; x1 -= 2; y1 -= 2;
            if (x0 <= x1 && y0 <= y1) img.Data[y0 * w + x0 - 1] = 255;
        }
        return img;
    }

    [Theory, MemberData(nameof(Both))]
    public void BlobsWithSaltNoiseTouchingTheBorder(Connectivity c)
    {
        var rng = new Random(77 + (int)c);
        foreach (var (w, h) in new[] { (1000, 1000), (333, 211) })
        {
            var img = new Image<byte>(w, h);
            for (int i = 0; i < w * h / 2000 + 5; i++)
            {
                int cx = rng.Next(-20, w + 20), cy = rng.Next(-20, h + 20), r = rng.Next(1, 40);
                for (int y = Math.Max(0, cy - r); y < Math.Min(h, cy + r + 1); y++)
                    for (int x = Math.Max(0, cx - r); x < Math.Min(w, cx + r + 1); x++)
                        if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r) img.Data[y * w + x] = 255;
            }
            for (int i = 0; i < w * h / 50; i++) img.Data[rng.Next(w * h)] ^= 255;
            ComponentsOracle.AssertSame(img, c, $"blobs {w}x{h}");
        }
    }

    [Theory, MemberData(nameof(Both))]
    public void ThresholdedSamples(Connectivity c)
    {
        foreach (var path in RepoPaths.SamplePngs())
        {
            using var gray = Cv2.ImRead(path, ImreadModes.Grayscale);
            foreach (var t in new[] { ThresholdTypes.Binary | ThresholdTypes.Otsu, ThresholdTypes.BinaryInv | ThresholdTypes.Otsu })
            {
                using var bin = new Mat();
                Cv2.Threshold(gray, bin, 0, 255, t);
                ComponentsOracle.AssertSame(Oracle.ToImage(bin), c, $"{Path.GetFileName(path)} {t}");
            }
        }
    }

    [Theory, MemberData(nameof(Both))]
    public void SameLabelsWhateverOpenCvThreadCount(Connectivity c)
    {
        int saved = Cv2.GetNumThreads();
        try
        {
            var rng = new Random(5 + (int)c);
            foreach (int threads in new[] { 1, 2, 4 })
            {
                Cv2.SetNumThreads(threads);
                foreach (var (w, h, d) in new[] { (800, 600, 0.5), (301, 517, 0.3), (640, 480, 0.8) })
                    ComponentsOracle.AssertSame(ComponentsOracle.Random(w, h, d, rng), c, $"threads {threads} {w}x{h} d={d}");
            }
        }
        finally { Cv2.SetNumThreads(saved); }
    }
}
