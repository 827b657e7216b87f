using System.Runtime.InteropServices;
using BitMiracle.LibTiff.Classic;

namespace SegmentSharp.CliTests;

/// <summary>Reads the single-channel 32-bit TIFFs the CLI writes (float distances, int labels) for comparison.</summary>
internal static class TiffSamples
{
    public static float[] ReadFloat(string path) => Read<float>(path, SampleFormat.IEEEFP);

    public static int[] ReadInt(string path) => Read<int>(path, SampleFormat.INT);

    private static T[] Read<T>(string path, SampleFormat format) where T : unmanaged
    {
        using var tif = Tiff.Open(path, "r") ?? throw new InvalidDataException($"not a TIFF: {path}");
        int w = tif.GetField(TiffTag.IMAGEWIDTH)[0].ToInt(), h = tif.GetField(TiffTag.IMAGELENGTH)[0].ToInt();
        Assert.Equal(32, tif.GetField(TiffTag.BITSPERSAMPLE)[0].ToInt());
        Assert.Equal((int)format, tif.GetField(TiffTag.SAMPLEFORMAT)[0].ToInt());
        var result = new T[w * h];
        var row = new byte[w * 4];
        for (int y = 0; y < h; y++)
        {
            tif.ReadScanline(row, y);
            MemoryMarshal.Cast<byte, T>(row).CopyTo(result.AsSpan(y * w, w));
        }
        return result;
    }
}
