using SegmentSharp.Codecs;
using SegmentSharp.Imaging;

namespace SegmentSharp.CliTests;

/// <summary>A temporary folder with small masks for the evaluate/try-all tests, and an in-process runner.</summary>
internal sealed class EvalScratch : IDisposable
{
    public string Dir { get; } = Path.Combine(Path.GetTempPath(), "segment-eval-tests", Guid.NewGuid().ToString("N"));

    public EvalScratch() => Directory.CreateDirectory(Dir);

    public string P(string relative) => Path.Combine(Dir, relative);

    /// <summary>Writes a single-channel 8-bit image (8-bit PNG, never bilevel-packed, so the bytes read back unchanged).</summary>
    public string Write(string relative, int w, int h, byte[] pixels)
    {
        string path = P(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var img = new Image<byte>(pixels, w, h);
        ImageFile.Write(path, img, new ImageWriteOptions { Bilevel = BilevelMode.Never });
        return path;
    }

    /// <summary>A w×h mask with <paramref name="text"/> at the listed (x, y) pixels and <paramref name="background"/> elsewhere.</summary>
    public string Mask(string relative, int w, int h, (int X, int Y)[] textPixels, byte text = 0, byte background = 255)
    {
        var px = new byte[w * h];
        Array.Fill(px, background);
        foreach (var (x, y) in textPixels) px[y * w + x] = text;
        return Write(relative, w, h, px);
    }

    public void Dispose()
    {
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>Runs the tool in-process (the process-level behaviour is covered by the other CLI tests).</summary>
    public static CliResult Run(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        int code = SegmentSharp.Cli.CliApp.Run(args, stdout, stderr);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }
}
