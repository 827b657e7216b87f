using System.IO.Compression;
using System.Runtime.CompilerServices;
using BitMiracle.LibTiff.Classic;

namespace SegmentSharp.Codecs;

/// <summary>
/// Deflate (TIFF compression 8 and 32946) strips and tiles through System.IO.Compression's native zlib instead of
/// LibTiff.NET's managed inflater, which is several times slower. The bytes are the same: a zlib stream per chunk
/// (RFC 1950), then libtiff's post-processing — byte swapping of 16-bit samples in big-endian files and undoing the
/// horizontal-differencing predictor (TIFF 6.0 §14) — done here in the same order.
/// </summary>
internal static class TiffDeflate
{
    /// <summary>True when this module can decode the page's chunks; otherwise LibTiff.NET's own codecs are used.</summary>
    internal static bool Handles(Tiff tif, int bps)
    {
        int comp = TiffLib.Int(tif, TiffTag.COMPRESSION, 1);
        int predictor = TiffLib.Int(tif, TiffTag.PREDICTOR, 1);
        int fillOrder = TiffLib.Int(tif, TiffTag.FILLORDER, 1);
        return comp is 8 or 32946 && bps is 8 or 16 && predictor is 1 or 2 && fillOrder == 1;
    }

    /// <summary>Inflates chunk <paramref name="index"/> into <paramref name="dest"/> and applies swab and predictor.</summary>
    internal static void DecodeChunk(Tiff tif, bool tiled, int index, long byteCount, byte[] dest, int offset, int length,
                                     int rowBytes, int bps, int samplesPerPixel)
    {
        if (byteCount > int.MaxValue) throw new ImageFormatException($"corrupt TIFF: chunk {index} is too large");
        var raw = new byte[byteCount];
        int got = tiled ? tif.ReadRawTile(index, raw, 0, raw.Length) : tif.ReadRawStrip(index, raw, 0, raw.Length);
        if (got < 0) throw TiffLib.Fail($"corrupt TIFF: {(tiled ? "tile" : "strip")} {index} cannot be read");
        int n = 0;
        try
        {
            using var z = new ZLibStream(new MemoryStream(raw, 0, got), CompressionMode.Decompress);
            while (n < length)
            {
                int k = z.Read(dest, offset + n, length - n);
                if (k == 0) break;
                n += k;
            }
        }
        catch (InvalidDataException e)
        {
            throw new ImageFormatException($"corrupt TIFF: Deflate data of {(tiled ? "tile" : "strip")} {index} is invalid ({e.Message})", e);
        }
        if (n < length)
            throw new ImageFormatException($"truncated TIFF: Deflate data of {(tiled ? "tile" : "strip")} {index} yields {n} of {length} bytes");

        var span = dest.AsSpan(offset, length);
        if (bps == 16 && tif.IsBigEndian())
            for (int i = 0; i + 1 < span.Length; i += 2) (span[i], span[i + 1]) = (span[i + 1], span[i]);
        if (TiffLib.Int(tif, TiffTag.PREDICTOR, 1) == 2)
            UndoPredictor(span, rowBytes, bps, samplesPerPixel);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void UndoPredictor(Span<byte> data, int rowBytes, int bps, int spp)
    {
        for (int start = 0; start + rowBytes <= data.Length; start += rowBytes)
        {
            var row = data.Slice(start, rowBytes);
            if (bps == 8)
                for (int i = spp; i < row.Length; i++) row[i] += row[i - spp];
            else
                for (int i = 2 * spp; i + 1 < row.Length; i += 2)
                {
                    int v = (row[i] | (row[i + 1] << 8)) + (row[i - 2 * spp] | (row[i - 2 * spp + 1] << 8));
                    row[i] = (byte)v; row[i + 1] = (byte)(v >> 8);
                }
        }
    }

    /// <summary>Compresses one strip as a zlib stream for <see cref="Tiff.WriteRawStrip(int, byte[], int)"/>.</summary>
    internal static byte[] Compress(ReadOnlySpan<byte> strip)
    {
        var ms = new MemoryStream(strip.Length / 2 + 64);
        using (var z = new ZLibStream(ms, CompressionLevel.Optimal, leaveOpen: true)) z.Write(strip);
        return ms.ToArray();
    }
}
