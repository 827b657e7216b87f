using BitMiracle.LibTiff.Classic;
using SegmentSharp.Imaging;

namespace SegmentSharp.Codecs;

/// <summary>
/// Decodes the first page of a TIFF to 8-bit gray or BGR the way OpenCV's <c>imread</c> does. OpenCV hands 8-bit
/// output to libtiff's RGBA reader (<c>TIFFReadRGBAStrip/Tile</c>), so the rules are libtiff's: gray samples of
/// 1/2/4/8 bits are stretched by <c>v*255/(2^bits-1)</c> (inverted for WhiteIsZero), 16-bit gray keeps the high byte,
/// 16-bit RGB is rounded by <c>(v+128)/257</c>, palettes use the high byte of 16-bit colour-map entries unless all of
/// them are below 256, and unassociated alpha is premultiplied (<c>(c*a+127)/255</c>) before OpenCV drops it.
/// Gray output then applies the imgcodecs 14-bit weights (<see cref="ImgcodecsGray"/>) to the RGB result.
/// Strip and tile data is decompressed by LibTiff.NET (none, LZW, Deflate, PackBits, CCITT G3/G4, JPEG, ...).
/// </summary>
internal static class TiffDecoder
{
    internal static Image<byte> Decode(ReadOnlySpan<byte> span, bool gray)
    {
        byte[] data = span.ToArray(); // LibTiff.NET reads from a Stream
        try
        {
            using var tif = TiffLib.OpenRead(data);
            return DecodePage(tif, gray);
        }
        catch (ImageFormatException) { throw; }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // LibTiff.NET validates most input but not all; a hostile file must not escape as another exception type.
            throw new ImageFormatException($"corrupt TIFF: {e.Message}", e);
        }
    }

    private static Image<byte> DecodePage(Tiff tif, bool gray)
    {
        int w = TiffLib.Int(tif, TiffTag.IMAGEWIDTH, 0), h = TiffLib.Int(tif, TiffTag.IMAGELENGTH, 0);
        DecodeLimits.Check("TIFF", w, h);
        int bps = tif.GetFieldDefaulted(TiffTag.BITSPERSAMPLE)[0].ToInt();
        int spp = tif.GetFieldDefaulted(TiffTag.SAMPLESPERPIXEL)[0].ToInt();
        int planar = tif.GetFieldDefaulted(TiffTag.PLANARCONFIG)[0].ToInt();
        var ph = tif.GetField(TiffTag.PHOTOMETRIC);
        int sampleFormat = tif.GetFieldDefaulted(TiffTag.SAMPLEFORMAT)[0].ToInt();
        if (ph is not { Length: > 0 }) throw new ImageFormatException("unsupported TIFF: PhotometricInterpretation is missing");
        var photometric = (Photometric)ph[0].ToInt();
        if (bps is not (1 or 2 or 4 or 8 or 16))
            throw new ImageFormatException($"unsupported TIFF: {bps} bits per sample (8-bit output reads 1, 2, 4, 8 or 16)");
        if (sampleFormat is not (1 or 4) && !(sampleFormat == 2 && bps == 8)) // libtiff's RGBA reader treats int as uint
            throw new ImageFormatException($"unsupported TIFF: sample format {sampleFormat} cannot be read as 8-bit");
        if (spp is < 1 or > 4) throw new ImageFormatException($"unsupported TIFF: {spp} samples per pixel");

        var extra = tif.GetFieldDefaulted(TiffTag.EXTRASAMPLES);
        int extraCount = extra is { Length: > 0 } ? extra[0].ToInt() : 0;
        int alphaKind = 0; // 0 none, 1 associated, 2 unassociated
        if (extraCount >= 1 && extra!.Length > 1)
        {
            var kinds = extra[1].ToShortArray();
            int k = kinds is { Length: > 0 } ? kinds[0] : 0;
            alphaKind = k switch { 1 => 1, 2 => 2, _ => spp > 3 ? 1 : 0 };
        }
        int colorChannels = spp - extraCount;

        var model = photometric switch
        {
            Photometric.MINISBLACK or Photometric.MINISWHITE when colorChannels >= 1 => photometric,
            Photometric.PALETTE when spp == 1 && bps <= 8 => photometric,
            Photometric.RGB when colorChannels >= 3 && bps is 8 or 16 => photometric,
            _ => (Photometric)(-1),
        };
        if ((int)model == -1) return DecodeViaRgba(tif, w, h, gray, photometric);

        bool grayModel = model is Photometric.MINISBLACK or Photometric.MINISWHITE;
        byte[][] planes = ReadPlanes(tif, w, h, bps, spp, planar == (int)PlanarConfig.SEPARATE, skew16: grayModel && bps == 16, out int[] planeRowBytes);

        // Per-sample lookup of 8-bit output, as libtiff's setupMap/Bitdepth16To8 build them.
        byte[]? map = null;
        if (model is Photometric.MINISBLACK or Photometric.MINISWHITE)
        {
            int range = bps == 16 ? 255 : (1 << bps) - 1;
            map = new byte[range + 1];
            for (int x = 0; x <= range; x++)
                map[x] = (byte)((model == Photometric.MINISWHITE ? range - x : x) * 255 / range);
        }
        byte[]? pal = null;
        if (model == Photometric.PALETTE) pal = ReadPalette(tif, bps);

        var img = new Image<byte>(w, h, gray ? 1 : 3);
        var rgb = new byte[w * 3];
        bool separate = planar == (int)PlanarConfig.SEPARATE;
        for (int y = 0; y < h; y++)
        {
            for (int x = 0; x < w; x++)
            {
                int r, g, b;
                if (model == Photometric.PALETTE)
                {
                    int i = Sample(planes[0], y * planeRowBytes[0], x, bps) * 3;
                    r = pal![i]; g = pal[i + 1]; b = pal[i + 2];
                }
                else if (map != null)
                {
                    int v = SampleOf(planes, planeRowBytes, separate, spp, y, x, 0, bps);
                    r = g = b = map[bps == 16 ? v >> 8 : v];
                }
                else
                {
                    r = SampleOf(planes, planeRowBytes, separate, spp, y, x, 0, bps);
                    g = SampleOf(planes, planeRowBytes, separate, spp, y, x, 1, bps);
                    b = SampleOf(planes, planeRowBytes, separate, spp, y, x, 2, bps);
                    if (bps == 16) { r = (r + 128) / 257; g = (g + 128) / 257; b = (b + 128) / 257; }
                    if (alphaKind == 2 && spp >= 4)
                    {
                        int a = SampleOf(planes, planeRowBytes, separate, spp, y, x, 3, bps);
                        if (bps == 16) a = (a + 128) / 257;
                        r = (r * a + 127) / 255; g = (g * a + 127) / 255; b = (b * a + 127) / 255;
                    }
                }
                rgb[x * 3] = (byte)r; rgb[x * 3 + 1] = (byte)g; rgb[x * 3 + 2] = (byte)b;
            }
            var dst = img.Row(y);
            if (gray) ImgcodecsGray.Convert(rgb, dst, 3, 2);
            else
                for (int x = 0; x < dst.Length; x += 3)
                {
                    dst[x] = rgb[x + 2]; dst[x + 1] = rgb[x + 1]; dst[x + 2] = rgb[x];
                }
        }
        return img;
    }

    private static int SampleOf(byte[][] planes, int[] rowBytes, bool separate, int spp, int y, int x, int c, int bps)
        => separate ? Sample(planes[c], y * rowBytes[c], x, bps) : Sample(planes[0], y * rowBytes[0], x * spp + c, bps);

    /// <summary>Sample <paramref name="i"/> of a row: MSB-first packed below 8 bits, host-order 16-bit (libtiff swabs).</summary>
    private static int Sample(byte[] buf, int rowStart, int i, int bps) => bps switch
    {
        8 => buf[rowStart + i],
        16 => buf[rowStart + 2 * i] | (buf[rowStart + 2 * i + 1] << 8),
        _ => (buf[rowStart + (i * bps >> 3)] >> (8 - bps - (i * bps & 7))) & ((1 << bps) - 1),
    };

    private static byte[] ReadPalette(Tiff tif, int bps)
    {
        var cm = tif.GetField(TiffTag.COLORMAP);
        if (cm is not { Length: >= 3 }) throw new ImageFormatException("corrupt TIFF: a palette image has no ColorMap");
        var r = cm[0].ToUShortArray(); var g = cm[1].ToUShortArray(); var b = cm[2].ToUShortArray();
        int n = 1 << bps;
        if (r is null || g is null || b is null || r.Length < n || g.Length < n || b.Length < n)
            throw new ImageFormatException("corrupt TIFF: the ColorMap is shorter than 2^BitsPerSample entries");
        // libtiff: a map whose entries all fit in 8 bits is taken as an (incorrect but common) 8-bit map.
        bool eightBit = true;
        for (int i = 0; i < n; i++) if (r[i] >= 256 || g[i] >= 256 || b[i] >= 256) { eightBit = false; break; }
        var pal = new byte[n * 3];
        for (int i = 0; i < n; i++)
        {
            pal[i * 3] = (byte)(eightBit ? r[i] : r[i] >> 8);
            pal[i * 3 + 1] = (byte)(eightBit ? g[i] : g[i] >> 8);
            pal[i * 3 + 2] = (byte)(eightBit ? b[i] : b[i] >> 8);
        }
        return pal;
    }

    /// <summary>Decompresses all strips or tiles of the page into one row-major buffer per plane.</summary>
    /// <remarks>
    /// <paramref name="skew16"/> reproduces libtiff's RGBA reader on 16-bit gray tiles that stick out of the image on
    /// the right: it advances such tile rows by <c>2·spp·visible + (tileWidth − visible)</c> bytes instead of the tile
    /// row size, so every row after the first is read from a shifted (possibly odd) position. OpenCV's
    /// <c>imread</c> returns those shifted pixels, and so do we.
    /// </remarks>
    private static byte[][] ReadPlanes(Tiff tif, int w, int h, int bps, int spp, bool separate, bool skew16, out int[] rowBytes)
    {
        int nPlanes = separate ? spp : 1;
        int sppInPlane = separate ? 1 : spp;
        int rb = (int)(((long)w * bps * sppInPlane + 7) / 8);
        rowBytes = new int[nPlanes];
        var planes = new byte[nPlanes][];
        for (int p = 0; p < nPlanes; p++) { rowBytes[p] = rb; planes[p] = new byte[(long)rb * h]; }

        if (tif.IsTiled())
        {
            int tw = TiffLib.Int(tif, TiffTag.TILEWIDTH, 0), th = TiffLib.Int(tif, TiffTag.TILELENGTH, 0);
            if (tw <= 0 || th <= 0 || tw > DecodeLimits.MaxSide || th > DecodeLimits.MaxSide)
                throw new ImageFormatException($"corrupt TIFF: tile size {tw}×{th}");
            int tileRowBytes = (int)(((long)tw * bps * sppInPlane + 7) / 8);
            var tile = new byte[Math.Max(tif.TileSize(), tileRowBytes * th)];
            for (int p = 0; p < nPlanes; p++)
                for (int ty = 0; ty < h; ty += th)
                    for (int tx = 0; tx < w; tx += tw)
                    {
                        int idx = tif.ComputeTile(tx, ty, 0, (short)p);
                        if (tif.ReadEncodedTile(idx, tile, 0, -1) < 0)
                            throw TiffLib.Fail($"corrupt TIFF: tile at ({tx}, {ty}) cannot be decoded");
                        int xByte = (int)((long)tx * bps * sppInPlane / 8);
                        int copy = Math.Min(tileRowBytes, rb - xByte);
                        int rows = Math.Min(th, h - ty);
                        int visible = Math.Min(tw, w - tx);
                        int srcStride = skew16 && !separate && visible < tw ? 2 * spp * visible + (tw - visible) : tileRowBytes;
                        for (int r = 0; r < rows; r++)
                            Buffer.BlockCopy(tile, r * srcStride, planes[p], (ty + r) * rb + xByte, copy);
                    }
        }
        else
        {
            int rps = TiffLib.Int(tif, TiffTag.ROWSPERSTRIP, h);
            if (rps <= 0 || rps > h) rps = h;
            int stripsPerPlane = (h + rps - 1) / rps;
            if (tif.NumberOfStrips() < stripsPerPlane * nPlanes)
                throw new ImageFormatException($"corrupt TIFF: {tif.NumberOfStrips()} strips for {stripsPerPlane * nPlanes} needed");
            for (int p = 0; p < nPlanes; p++)
                for (int s = 0; s < stripsPerPlane; s++)
                {
                    int rows = Math.Min(rps, h - s * rps);
                    int n = tif.ReadEncodedStrip(p * stripsPerPlane + s, planes[p], s * rps * rb, rows * rb);
                    if (n < 0) throw TiffLib.Fail($"corrupt TIFF: strip {s} cannot be decoded");
                }
        }
        return planes;
    }

    /// <summary>
    /// Colour models we do not convert ourselves (YCbCr, CMYK, CIELab, ...) go through LibTiff.NET's RGBA reader,
    /// the managed twin of the libtiff function OpenCV calls; exactness against OpenCV is not verified for them.
    /// </summary>
    private static Image<byte> DecodeViaRgba(Tiff tif, int w, int h, bool gray, Photometric photometric)
    {
        var raster = new int[(long)w * h];
        if (!tif.ReadRGBAImageOriented(w, h, raster, Orientation.TOPLEFT, false))
            throw TiffLib.Fail($"unsupported TIFF: photometric interpretation {photometric} with these samples cannot be read");
        var img = new Image<byte>(w, h, gray ? 1 : 3);
        for (int y = 0; y < h; y++)
        {
            var dst = img.Row(y);
            for (int x = 0; x < w; x++)
            {
                int v = raster[y * w + x];
                int r = v & 0xFF, g = (v >> 8) & 0xFF, b = (v >> 16) & 0xFF;
                if (gray) dst[x] = ImgcodecsGray.FromBgr(b, g, r);
                else { dst[x * 3] = (byte)b; dst[x * 3 + 1] = (byte)g; dst[x * 3 + 2] = (byte)r; }
            }
        }
        return img;
    }
}
