using BitMiracle.LibTiff.Classic;

namespace SegmentSharp.CliTests;

/// <summary>Reads a single-channel 32-bit signed TIFF (label files) for comparison.</summary>
internal static class TiffInt
{
    public static int[] Read(string path)
    {
        using var tif = Tiff.Open(path, "r") ?? throw new InvalidDataException($"not a TIFF: {path}");
        int w = tif.GetField(TiffTag.IMAGEWIDTH)[0].ToInt(), h = tif.GetField(TiffTag.IMAGELENGTH)[0].ToInt();
        Assert.Equal((int)SampleFormat.INT, tif.GetField(TiffTag.SAMPLEFORMAT)[0].ToInt());
        var result = new int[w * h];
        var row = new byte[w * 4];
        for (int y = 0; y < h; y++)
        {
            tif.ReadScanline(row, y);
            Buffer.BlockCopy(row, 0, result, y * w * 4, w * 4);
        }
        return result;
    }
}
