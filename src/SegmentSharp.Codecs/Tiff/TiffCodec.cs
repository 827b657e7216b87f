using System.Runtime.CompilerServices;
using BitMiracle.LibTiff.Classic;
using SegmentSharp.Imaging;

namespace SegmentSharp.Codecs;

/// <summary>
/// TIFF reading and writing through LibTiff.NET (managed libtiff port). Reading follows OpenCV's <c>TiffDecoder</c>
/// (modules/imgcodecs/src/grfmt_tiff.cpp), which for 8-bit output goes through libtiff's <c>TIFFReadRGBA*</c>
/// conversions; see <see cref="TiffDecoder"/>.
/// </summary>
internal static class TiffCodec
{
    internal static Image<byte> DecodeGray(ReadOnlySpan<byte> data) => TiffDecoder.Decode(data, gray: true);
    internal static Image<byte> DecodeColor(ReadOnlySpan<byte> data) => TiffDecoder.Decode(data, gray: false);

    /// <summary>
    /// Writes a single-page TIFF. A 0/255 single-channel image with <see cref="BilevelMode.Auto"/> becomes 1-bit CCITT
    /// Group 4 (T.6) with PhotometricInterpretation WhiteIsZero, the fax convention: 255 is stored as 0 (white) and 0 as
    /// 1 (black), which OpenCV reads back as the same 0/255 pixels. Anything else is 8-bit gray, RGB or RGBA (alpha
    /// marked associated, the only kind libtiff's RGBA reader, and so OpenCV, returns unchanged) with
    /// <see cref="ImageWriteOptions.TiffCompression"/>, no predictor.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static byte[] Encode(ReadOnlyImageView<byte> image, ImageWriteOptions options)
    {
        int w = image.Width, h = image.Height, cn = image.Channels;
        if (cn == 2) throw new ArgumentException("TIFF output needs 1, 3 or 4 channels.", nameof(image));
        bool bilevel = cn == 1 && options.Bilevel == BilevelMode.Auto && Bilevel.Is(image);
        var ms = new MemoryStream();
        using (var tif = TiffLib.OpenWrite(ms))
        {
            tif.SetField(TiffTag.IMAGEWIDTH, w);
            tif.SetField(TiffTag.IMAGELENGTH, h);
            tif.SetField(TiffTag.PLANARCONFIG, PlanarConfig.CONTIG);
            tif.SetField(TiffTag.ORIENTATION, Orientation.TOPLEFT);
            if (bilevel)
            {
                tif.SetField(TiffTag.BITSPERSAMPLE, 1);
                tif.SetField(TiffTag.SAMPLESPERPIXEL, 1);
                tif.SetField(TiffTag.PHOTOMETRIC, Photometric.MINISWHITE);
                tif.SetField(TiffTag.COMPRESSION, Compression.CCITTFAX4);
                tif.SetField(TiffTag.FILLORDER, FillOrder.MSB2LSB);
                tif.SetField(TiffTag.ROWSPERSTRIP, h); // one strip: G4 codes each row against the previous one
                int rowBytes = (w + 7) / 8;
                var strip = new byte[(long)rowBytes * h];
                for (int y = 0; y < h; y++)
                    Bilevel.PackRow(image.Row(y), strip.AsSpan(y * rowBytes, rowBytes), setBitIsZero: true);
                if (tif.WriteEncodedStrip(0, strip, strip.Length) < 0) throw TiffLib.Fail("TIFF G4 encoding failed");
            }
            else
            {
                tif.SetField(TiffTag.BITSPERSAMPLE, 8);
                tif.SetField(TiffTag.SAMPLESPERPIXEL, cn);
                tif.SetField(TiffTag.PHOTOMETRIC, cn == 1 ? Photometric.MINISBLACK : Photometric.RGB);
                if (cn == 4) tif.SetField(TiffTag.EXTRASAMPLES, 1, new short[] { (short)ExtraSample.ASSOCALPHA });
                tif.SetField(TiffTag.COMPRESSION, options.TiffCompression switch
                {
                    TiffCompression.Lzw => Compression.LZW,
                    TiffCompression.None => Compression.NONE,
                    _ => Compression.ADOBE_DEFLATE,
                });
                int rowBytes = w * cn;
                // Strips of about 256 KB: large enough for the compressor, small enough for partial readers.
                int rowsPerStrip = Math.Clamp(262144 / rowBytes, 1, h);
                tif.SetField(TiffTag.ROWSPERSTRIP, rowsPerStrip);
                var strip = new byte[(long)rowBytes * rowsPerStrip];
                for (int s = 0, y0 = 0; y0 < h; s++, y0 += rowsPerStrip)
                {
                    int rows = Math.Min(rowsPerStrip, h - y0);
                    for (int r = 0; r < rows; r++)
                    {
                        var src = image.Row(y0 + r);
                        var dst = strip.AsSpan(r * rowBytes, rowBytes);
                        if (cn == 1) src.CopyTo(dst);
                        else
                            for (int x = 0; x < rowBytes; x += cn)
                            {
                                dst[x] = src[x + 2]; dst[x + 1] = src[x + 1]; dst[x + 2] = src[x];
                                if (cn == 4) dst[x + 3] = src[x + 3];
                            }
                    }
                    int written;
                    if (options.TiffCompression == TiffCompression.Deflate)
                    {
                        // Native zlib via System.IO.Compression: the same zlib stream LibTiff.NET would write, much faster.
                        var z = TiffDeflate.Compress(strip.AsSpan(0, rows * rowBytes));
                        written = tif.WriteRawStrip(s, z, z.Length);
                    }
                    else written = tif.WriteEncodedStrip(s, strip, rows * rowBytes);
                    if (written < 0) throw TiffLib.Fail("TIFF encoding failed");
                }
            }
        }
        return ms.ToArray();
    }
}
