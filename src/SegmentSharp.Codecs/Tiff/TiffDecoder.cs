using System.Runtime.CompilerServices;
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
            var img = DecodePage(tif, data.Length, gray);
            return TiffOrientation.Apply(img, TiffLib.Int(tif, TiffTag.ORIENTATION, 1));
        }
        catch (ImageFormatException) { throw; }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // LibTiff.NET validates most input but not all; a hostile file must not escape as another exception type.
            throw new ImageFormatException($"corrupt TIFF: {e.Message}", e);
        }
    }

    private static Image<byte> DecodePage(Tiff tif, long fileLength, bool gray)
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
        byte[][] planes = ReadPlanes(tif, fileLength, w, h, bps, spp, planar == (int)PlanarConfig.SEPARATE, skew16: grayModel && bps == 16, out int[] planeRowBytes);

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
        bool separate = planar == (int)PlanarConfig.SEPARATE;
        if (grayModel)
            GrayRows(img, planes[0], planeRowBytes[0], bps, separate ? 1 : spp, map!); // alpha, if any, is ignored
        else
            ColorRows(img, planes, planeRowBytes, separate, model, bps, spp, alphaKind, pal);
        return img;
    }

    /// <summary>
    /// Gray photometrics: libtiff makes R = G = B = map[v], and equal channels survive OpenCV's gray weights unchanged
    /// (they sum to 2^14), so gray output is the mapped sample itself.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void GrayRows(Image<byte> img, byte[] plane, int rowBytes, int bps, int spp, byte[] map)
    {
        int w = img.Width, cn = img.Channels;
        for (int y = 0; y < img.Height; y++)
        {
            var src = plane.AsSpan(y * rowBytes, rowBytes);
            var dst = img.Row(y);
            for (int x = 0; x < w; x++)
            {
                int i = x * spp;
                byte v = bps switch
                {
                    8 => map[src[i]],
                    16 => map[src[2 * i + 1]], // host-order sample: the high byte is the second
                    _ => map[(src[(i * bps) >> 3] >> (8 - bps - ((i * bps) & 7))) & ((1 << bps) - 1)],
                };
                if (cn == 1) dst[x] = v;
                else { dst[3 * x] = v; dst[3 * x + 1] = v; dst[3 * x + 2] = v; }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ColorRows(Image<byte> img, byte[][] planes, int[] planeRowBytes, bool separate, Photometric model,
                                  int bps, int spp, int alphaKind, byte[]? pal)
    {
        int w = img.Width;
        bool gray = img.Channels == 1;
        var rgb = new byte[w * 3];
        bool fastRgb8 = model == Photometric.RGB && bps == 8 && !separate && alphaKind != 2;
        for (int y = 0; y < img.Height; y++)
        {
            if (fastRgb8)
            {
                var src = planes[0].AsSpan(y * planeRowBytes[0], planeRowBytes[0]);
                for (int x = 0, i = 0; x < w; x++, i += spp)
                {
                    rgb[x * 3] = src[i]; rgb[x * 3 + 1] = src[i + 1]; rgb[x * 3 + 2] = src[i + 2];
                }
            }
            else
                for (int x = 0; x < w; x++)
                {
                    int r, g, b;
                    if (model == Photometric.PALETTE)
                    {
                        int i = Sample(planes[0], y * planeRowBytes[0], x, bps) * 3;
                        r = pal![i]; g = pal[i + 1]; b = pal[i + 2];
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
    private static byte[][] ReadPlanes(Tiff tif, long fileLength, int w, int h, int bps, int spp, bool separate, bool skew16, out int[] rowBytes)
    {
        int nPlanes = separate ? spp : 1;
        int sppInPlane = separate ? 1 : spp;
        long rowBytesLong = ((long)w * bps * sppInPlane + 7) / 8;
        if (rowBytesLong * h > Array.MaxLength)
            throw new ImageFormatException($"TIFF image of {w}×{h} with {bps * sppInPlane} bits per pixel is too large to decode in memory");
        int rb = (int)rowBytesLong;
        rowBytes = new int[nPlanes];
        var planes = new byte[nPlanes][];
        for (int p = 0; p < nPlanes; p++) { rowBytes[p] = rb; planes[p] = new byte[(long)rb * h]; }

        // libtiff refuses chunks whose byte count is zero (missing or trimmed offsets); LibTiff.NET may hand back
        // zero-filled rows instead, so check here to fail as OpenCV does.
        var counts = tif.GetField(tif.IsTiled() ? TiffTag.TILEBYTECOUNTS : TiffTag.STRIPBYTECOUNTS);
        long[]? byteCounts = counts is { Length: > 0 } ? counts[0].TolongArray() : null;
        var offs = tif.GetField(tif.IsTiled() ? TiffTag.TILEOFFSETS : TiffTag.STRIPOFFSETS);
        long[]? offsets = offs is { Length: > 0 } ? offs[0].TolongArray() : null;
        if (byteCounts is null || offsets is null) throw new ImageFormatException("corrupt TIFF: the strip or tile offsets are missing");
        for (int i = 0; i < Math.Min(byteCounts.Length, offsets.Length); i++)
            // An offset inside the 8-byte header is how LibTiff.NET fills offsets missing from a short tag.
            if (byteCounts[i] > 0 && (offsets[i] < 8 || offsets[i] + byteCounts[i] > fileLength))
                throw new ImageFormatException($"truncated TIFF: {(tif.IsTiled() ? "tile" : "strip")} {i} ends past the end of the file");

        bool fastDeflate = TiffDeflate.Handles(tif, bps);
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
                        if (idx >= byteCounts.Length || byteCounts[idx] <= 0)
                            throw new ImageFormatException($"truncated TIFF: tile {idx} has no data");
                        int got;
                        if (fastDeflate)
                        {
                            TiffDeflate.DecodeChunk(tif, true, idx, byteCounts[idx], tile, 0, tileRowBytes * th, tileRowBytes, bps, sppInPlane);
                            got = tileRowBytes * th;
                        }
                        else got = tif.ReadEncodedTile(idx, tile, 0, -1);
                        if (got < 0) throw TiffLib.Fail($"corrupt TIFF: tile at ({tx}, {ty}) cannot be decoded");
                        if (got < tileRowBytes * th) throw new ImageFormatException($"truncated TIFF: tile at ({tx}, {ty}) holds {got} of {tileRowBytes * th} bytes");
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
                    int si = p * stripsPerPlane + s;
                    if (si >= byteCounts.Length || byteCounts[si] <= 0)
                        throw new ImageFormatException($"truncated TIFF: strip {si} has no data");
                    int n;
                    if (fastDeflate)
                    {
                        TiffDeflate.DecodeChunk(tif, false, si, byteCounts[si], planes[p], s * rps * rb, rows * rb, rb, bps, sppInPlane);
                        n = rows * rb;
                    }
                    else n = tif.ReadEncodedStrip(si, planes[p], s * rps * rb, rows * rb);
                    if (n < 0) throw TiffLib.Fail($"corrupt TIFF: strip {s} cannot be decoded");
                    // libtiff's RGBA reader (and so OpenCV) fails on short strips too; do not hand back zero rows.
                    if (n < rows * rb) throw new ImageFormatException($"truncated TIFF: strip {s} holds {n} of {rows * rb} bytes");
                }
        }
        return planes;
    }

    /// <summary>
    /// Colour models we do not convert ourselves (YCbCr, CMYK, CIELab, ...) go through LibTiff.NET's RGBA reader,
    /// the managed twin of the libtiff function OpenCV calls; exactness against OpenCV is not verified for them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Image<byte> DecodeViaRgba(Tiff tif, int w, int h, bool gray, Photometric photometric)
    {
        var raster = new int[(long)w * h];
        // Ask for the file's own orientation so that libtiff does not reorient: TiffOrientation does that afterwards.
        int orientation = TiffLib.Int(tif, TiffTag.ORIENTATION, 1);
        var keep = orientation is >= 1 and <= 8 ? (Orientation)orientation : Orientation.TOPLEFT;
        if (!tif.ReadRGBAImageOriented(w, h, raster, keep, false))
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
