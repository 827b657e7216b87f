using OpenCvSharp;
using SegmentSharp.Filters;
using SegmentSharp.Imaging;

namespace SegmentSharp.OracleTests.Filters;

/// <summary>Test images and conversions shared by the filter and adaptive-threshold oracle tests.</summary>
internal static class FilterOracleData
{
    /// <summary>The repository root (the folder holding SegmentSharp.slnx).</summary>
    public static string RepoRoot => RepoPaths.Root;

    public static string[] SamplePaths() =>
        Directory.GetFiles(Path.Combine(RepoRoot, "samples"), "*.png").OrderBy(p => p, StringComparer.Ordinal).ToArray();

    public static Image<byte> LoadGray(string path)
    {
        using var m = Cv2.ImRead(path, ImreadModes.Grayscale);
        return Oracle.ToImage(m);
    }

    public static Image<byte> LoadColor(string path, int channels)
    {
        using var m = Cv2.ImRead(path, channels == 4 ? ImreadModes.Unchanged : ImreadModes.Color);
        if (m.Channels() == channels) return Oracle.ToImage(m);
        using var c = new Mat();
        Cv2.CvtColor(m, c, m.Channels() == 3 ? ColorConversionCodes.BGR2BGRA : ColorConversionCodes.BGRA2BGR);
        return Oracle.ToImage(c);
    }

    /// <summary>Random noise, or a smoother "document-like" mix, so both extremes and gradients are exercised.</summary>
    public static Image<byte> Random(int w, int h, int cn, int seed, int kind = 0)
    {
        var rng = new System.Random(seed);
        var img = new Image<byte>(w, h, cn);
        if (kind == 0) { rng.NextBytes(img.Data); return img; }
        if (kind == 1) { Array.Fill(img.Data, (byte)0); return img; }
        if (kind == 2) { Array.Fill(img.Data, (byte)255); return img; }
        // Page-like: light background, dark strokes, gradient and a bit of noise.
        for (int y = 0; y < h; y++)
        {
            var row = img.Row(y);
            for (int i = 0; i < row.Length; i++)
            {
                int x = i / cn;
                int v = 200 + (x + y) % 40 - 20 + rng.Next(-6, 7);
                if (((x / 7) + (y / 11)) % 5 == 0 && rng.Next(4) != 0) v = 40 + rng.Next(30);
                row[i] = (byte)Math.Clamp(v, 0, 255);
            }
        }
        return img;
    }

    public static BorderTypes ToCv(BorderType b) => (BorderTypes)(int)b;

    public static readonly (int W, int H)[] Sizes =
    [
        (1, 1), (1, 9), (9, 1), (1, 40), (40, 1), (2, 2), (3, 5), (15, 7), (16, 3), (17, 17), (31, 4), (32, 9), (33, 33),
        (63, 6), (64, 5), (65, 13), (97, 41), (129, 18),
    ];

    public static readonly BorderType[] AllBorders =
        [BorderType.Reflect101, BorderType.Replicate, BorderType.Reflect, BorderType.Constant, BorderType.Wrap];
}
