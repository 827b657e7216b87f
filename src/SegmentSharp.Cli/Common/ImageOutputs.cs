using SegmentSharp.Codecs;

namespace SegmentSharp.Cli;

/// <summary>Checks on output paths made while parsing, so a bad extension is a usage error before any work is done.</summary>
internal static class ImageOutputs
{
    /// <summary>An 8-bit image output: .png, .tif/.tiff, .bmp, .pgm/.pnm/.ppm or .pbm (JPEG would blur a mask).</summary>
    public static void CheckMaskPath(string flag, string path)
    {
        var format = ImageFile.FormatFromExtension(path);
        if (format is ImageFormat.Unknown or ImageFormat.Jpeg)
        {
            string ext = Path.GetExtension(path);
            throw new UsageException(ext.Length == 0
                ? $"argument {flag}: '{path}' has no file extension; use .png, .tif, .tiff, .bmp, .pgm, .pnm or .pbm"
                : $"argument {flag}: cannot write '{ext}' files; use .png, .tif, .tiff, .bmp, .pgm, .pnm or .pbm");
        }
    }

    /// <summary>A picture output (overlay, contact sheet): PNG, TIFF or BMP.</summary>
    public static void CheckPicturePath(string flag, string path)
        => CommandRunner.CheckExtension(flag, path, ".png", ".tif", ".tiff", ".bmp");

    /// <summary>A label image output: PNG (8/16-bit) or TIFF (32-bit).</summary>
    public static void CheckLabelPath(string flag, string path)
        => CommandRunner.CheckExtension(flag, path, ".png", ".tif", ".tiff");
}
