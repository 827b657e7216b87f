using System.Runtime.InteropServices;
using System.Text.Json;
using OpenCvSharp;
using SegmentSharp.Codecs;
using SegmentSharp.Imaging;

namespace SegmentSharp.Benchmarks;

/// <summary>
/// Generates and caches the benchmark inputs under <c>bench/data/</c> (git-ignored). Files are written
/// with OpenCV so the inputs never depend on the codecs being measured; a manifest records the generator
/// version and sizes so a stale cache is rebuilt.
/// </summary>
internal static class BenchData
{
    // Bump when the synthetic image or the encoding settings change, so cached files are regenerated.
    private const string GeneratorVersion = "doc-synth v1";
    private const ulong Seed = 20261123;

    public const int Doc12Width = 4000, Doc12Height = 3000;
    public const int Scan37Width = 7000, Scan37Height = 5300;

    /// <summary>zlib level of the input PNGs: 6 is what most scanners and libraries write by default.</summary>
    public const int InputPngLevel = 6;
    public const int InputJpegQuality = 90;

    private static string ManifestPath => Path.Combine(BenchPaths.DataDir, "manifest.txt");

    private static string ExpectedManifest =>
        $"{GeneratorVersion}; seed {Seed}; {Doc12Width}x{Doc12Height}; {Scan37Width}x{Scan37Height}; " +
        $"png level {InputPngLevel}; jpeg quality {InputJpegQuality}\n";

    /// <summary>Creates any missing or stale input. Cheap when the cache is current.</summary>
    public static void Ensure(TextWriter? log = null)
    {
        Directory.CreateDirectory(BenchPaths.DataDir);
        bool current = File.Exists(ManifestPath) && File.ReadAllText(ManifestPath) == ExpectedManifest
            && File.Exists(BenchPaths.Doc12Png) && File.Exists(BenchPaths.Doc12Jpeg) && File.Exists(BenchPaths.Scan37Png);
        if (current)
        {
            log?.WriteLine($"bench data is current in {BenchPaths.DataDir}");
            return;
        }

        var sw = System.Diagnostics.Stopwatch.StartNew();
        byte[] doc = DocumentSynth.Render(Doc12Width, Doc12Height, Seed);
        using (var mat = ToMat(doc, Doc12Width, Doc12Height))
        {
            WriteAtomically(BenchPaths.Doc12Png, mat, ".png", [(int)ImwriteFlags.PngCompression, InputPngLevel]);
            WriteAtomically(BenchPaths.Doc12Jpeg, mat, ".jpg", [(int)ImwriteFlags.JpegQuality, InputJpegQuality]);
        }
        log?.WriteLine($"wrote {BenchPaths.Doc12Png} and {BenchPaths.Doc12Jpeg} ({sw.Elapsed.TotalSeconds:F1} s)");

        byte[] scan = DocumentSynth.Render(Scan37Width, Scan37Height, Seed + 1);
        using (var mat = ToMat(scan, Scan37Width, Scan37Height))
            WriteAtomically(BenchPaths.Scan37Png, mat, ".png", [(int)ImwriteFlags.PngCompression, InputPngLevel]);
        log?.WriteLine($"wrote {BenchPaths.Scan37Png} ({sw.Elapsed.TotalSeconds:F1} s)");

        File.WriteAllText(ManifestPath, ExpectedManifest);
    }

    /// <summary>The 12 MP test page as both an OpenCV matrix and a SegmentSharp image with identical pixels.</summary>
    public static (Mat Mat, Image<byte> Image) LoadDoc12()
    {
        Ensure();
        // Decoded by OpenCV so a codec under development cannot skew the non-codec benchmarks.
        var mat = Cv2.ImRead(BenchPaths.Doc12Png, ImreadModes.Grayscale);
        if (mat.Empty()) throw new InvalidDataException($"OpenCV could not read {BenchPaths.Doc12Png}");
        return (mat, ToImage(mat));
    }

    public static Mat ToMat(byte[] gray, int width, int height)
    {
        var mat = new Mat(height, width, MatType.CV_8UC1);
        for (int y = 0; y < height; y++)
            Marshal.Copy(gray, y * width, mat.Ptr(y), width);
        return mat;
    }

    public static Image<byte> ToImage(Mat mat)
    {
        if (mat.Type() != MatType.CV_8UC1) throw new ArgumentException($"expected CV_8UC1, got {mat.Type()}");
        int rows = mat.Rows, cols = mat.Cols;
        var image = new Image<byte>(cols, rows);
        for (int y = 0; y < rows; y++)
            Marshal.Copy(mat.Ptr(y), image.Data, y * image.Stride, cols);
        return image;
    }

    /// <summary>True when the two 8-bit single-channel images have identical size and pixels.</summary>
    public static bool SamePixels(Mat mat, Image<byte> image)
    {
        int rows = mat.Rows, cols = mat.Cols;
        if (rows != image.Height || cols != image.Width || mat.Type() != MatType.CV_8UC1) return false;
        var row = new byte[cols];
        for (int y = 0; y < rows; y++)
        {
            Marshal.Copy(mat.Ptr(y), row, 0, cols);
            if (!row.AsSpan().SequenceEqual(image.Row(y))) return false;
        }
        return true;
    }

    private static void WriteAtomically(string path, Mat mat, string ext, int[] prms)
    {
        if (!Cv2.ImEncode(ext, mat, out byte[] bytes, prms)) throw new InvalidOperationException($"OpenCV failed to encode {ext}");
        string tmp = path + ".tmp";
        File.WriteAllBytes(tmp, bytes);
        File.Move(tmp, path, overwrite: true);
    }

    /// <summary>
    /// Measures what the timing table cannot show: the size of each input file and of each library's PNG
    /// output at its default settings, and whether SegmentSharp decodes the inputs to OpenCV's pixels.
    /// Written to <c>bench/data/codec-sizes.json</c> for the report.
    /// </summary>
    public static void WriteCodecFacts(TextWriter log)
    {
        Ensure(log);
        var (mat, image) = LoadDoc12();
        using var disposeMat = mat;
        var facts = new Dictionary<string, object?>
        {
            ["image"] = $"{Doc12Width}x{Doc12Height} gray",
            ["pixels"] = (long)Doc12Width * Doc12Height,
            ["input_png_bytes"] = new FileInfo(BenchPaths.Doc12Png).Length,
            ["input_png_level"] = InputPngLevel,
            ["input_jpeg_bytes"] = new FileInfo(BenchPaths.Doc12Jpeg).Length,
            ["input_jpeg_quality"] = InputJpegQuality,
            ["scan37_png_bytes"] = new FileInfo(BenchPaths.Scan37Png).Length,
            ["scan37_size"] = $"{Scan37Width}x{Scan37Height} gray",
            ["opencvsharp_opencv_version"] = Cv2.GetVersionString(),
        };

        Cv2.ImEncode(".png", mat, out byte[] cvPng);
        facts["opencv_png_bytes"] = cvPng.Length;
        facts["segmentsharp_png_bytes"] = Try(() => ImageFile.Encode(image, ImageFormat.Png).Length, out string? encErr);
        facts["segmentsharp_png_error"] = encErr;
        // Our PNG must decode (with OpenCV) to the very pixels it was given.
        facts["segmentsharp_png_roundtrip_ok"] = Try(() =>
        {
            using var back = Cv2.ImDecode(ImageFile.Encode(image, ImageFormat.Png), ImreadModes.Unchanged);
            return SamePixels(back, image);
        }, out _);

        byte[] png = File.ReadAllBytes(BenchPaths.Doc12Png);
        byte[] jpg = File.ReadAllBytes(BenchPaths.Doc12Jpeg);
        facts["png_decode_matches_opencv"] = Try(() => SamePixels(mat, ImageFile.DecodeGray(png)), out string? pngErr);
        facts["png_decode_error"] = pngErr;
        facts["jpeg_decode_matches_opencv"] = Try(() =>
        {
            using var cvJpeg = Cv2.ImDecode(jpg, ImreadModes.Grayscale);
            return SamePixels(cvJpeg, ImageFile.DecodeGray(jpg));
        }, out string? jpgErr);
        facts["jpeg_decode_error"] = jpgErr;

        string json = JsonSerializer.Serialize(facts, new JsonSerializerOptions { WriteIndented = true });
        File.WriteAllText(BenchPaths.CodecSizesJson, json + "\n");
        log.WriteLine(json);
    }

    private static T? Try<T>(Func<T> f, out string? error) where T : struct
    {
        try { error = null; return f(); }
        catch (Exception e) { error = $"{e.GetType().Name}: {e.Message}"; return null; }
    }
}
