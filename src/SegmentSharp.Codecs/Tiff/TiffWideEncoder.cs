using System.Runtime.InteropServices;
using BitMiracle.LibTiff.Classic;
using SegmentSharp.Imaging;

namespace SegmentSharp.Codecs;

/// <summary>
/// Single-channel TIFF with 16-bit unsigned, 32-bit signed integer or 32-bit IEEE float samples (SampleFormat 1, 2
/// or 3), Deflate-compressed with the horizontal predictor off so any reader that handles the sample format reads it;
/// <c>cv2.imread(path, cv2.IMREAD_UNCHANGED)</c> returns CV_16U, CV_32S or CV_32F.
/// </summary>
internal static class TiffWideEncoder
{
    public static byte[] Encode<T>(ReadOnlyImageView<T> image) where T : unmanaged
    {
        (short bits, SampleFormat format) = typeof(T) == typeof(float) ? ((short)32, SampleFormat.IEEEFP)
            : typeof(T) == typeof(int) ? ((short)32, SampleFormat.INT)
            : typeof(T) == typeof(ushort) ? ((short)16, SampleFormat.UINT)
            : throw new ArgumentException($"TIFF output of {typeof(T).Name} samples is not supported.", nameof(image));
        if (image.Channels != 1) throw new ArgumentException("Wide TIFF output takes one channel.", nameof(image));
        int w = image.Width, h = image.Height, rowBytes = w * bits / 8;
        var ms = new MemoryStream();
        using (var tif = TiffLib.OpenWrite(ms))
        {
            tif.SetField(TiffTag.IMAGEWIDTH, w);
            tif.SetField(TiffTag.IMAGELENGTH, h);
            tif.SetField(TiffTag.BITSPERSAMPLE, bits);
            tif.SetField(TiffTag.SAMPLESPERPIXEL, 1);
            tif.SetField(TiffTag.SAMPLEFORMAT, format);
            tif.SetField(TiffTag.PHOTOMETRIC, Photometric.MINISBLACK);
            tif.SetField(TiffTag.PLANARCONFIG, PlanarConfig.CONTIG);
            tif.SetField(TiffTag.ORIENTATION, Orientation.TOPLEFT);
            tif.SetField(TiffTag.COMPRESSION, Compression.ADOBE_DEFLATE);
            int rowsPerStrip = Math.Clamp(262144 / Math.Max(rowBytes, 1), 1, h);
            tif.SetField(TiffTag.ROWSPERSTRIP, rowsPerStrip);
            var strip = new byte[(long)rowBytes * rowsPerStrip];
            for (int s = 0, y0 = 0; y0 < h; s++, y0 += rowsPerStrip)
            {
                int rows = Math.Min(rowsPerStrip, h - y0);
                for (int r = 0; r < rows; r++)
                    MemoryMarshal.AsBytes(image.Row(y0 + r)).CopyTo(strip.AsSpan(r * rowBytes, rowBytes));
                // TIFF files written here are little-endian ("II"), the byte order of the samples in memory on every
                // platform .NET supports.
                var z = TiffDeflate.Compress(strip.AsSpan(0, rows * rowBytes));
                if (tif.WriteRawStrip(s, z, z.Length) < 0) throw TiffLib.Fail("TIFF encoding failed");
            }
        }
        return ms.ToArray();
    }
}
