using System.Buffers.Binary;
using System.IO.Compression;
using System.Numerics;
using System.Runtime.InteropServices;
using SegmentSharp.Imaging;

namespace SegmentSharp.Codecs;

/// <summary>
/// PNG writing (ISO/IEC 15948): 8-bit gray, RGB (from BGR) and RGBA (from BGRA), or 1-bit gray for bilevel
/// images when <see cref="ImageWriteOptions.Bilevel"/> is <see cref="BilevelMode.Auto"/>. 8-bit rows get the
/// filter with the smallest sum of absolute residuals (the heuristic of PNG §12.8, which libpng and hence
/// OpenCV's <c>imwrite</c> also use); 1-bit rows are left unfiltered, as filters rarely help packed bits.
/// The zlib level is <see cref="ImageWriteOptions.PngCompressionLevel"/> (level 1 mapped to zlib-ng's 2, see
/// below) with zlib's default strategy, as in <c>cv2.imwrite(path, img, [cv2.IMWRITE_PNG_COMPRESSION, level])</c>.
/// </summary>
internal static class PngEncoder
{
    public static byte[] Encode(ReadOnlyImageView<byte> image, ImageWriteOptions options)
    {
        int cn = image.Channels;
        if (cn is not (1 or 3 or 4))
            throw new ArgumentException($"PNG output takes 1, 3 or 4 channels, not {cn}.", nameof(image));
        bool bilevel = cn == 1 && options.Bilevel == BilevelMode.Auto && IsBilevel(image);
        int w = image.Width, h = image.Height;
        int colorType = cn switch { 1 => 0, 3 => 2, _ => 6 };
        int bitDepth = bilevel ? 1 : 8;
        int rowBytes = bilevel ? (w + 7) / 8 : w * cn;
        int level = Math.Clamp(options.PngCompressionLevel, 0, 9);

        var output = new MemoryStream(Math.Max(1024, (int)Math.Min(int.MaxValue / 2, (long)rowBytes * h / 4)));
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Span<byte> ihdr = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, w);
        BinaryPrimitives.WriteInt32BigEndian(ihdr[4..], h);
        ihdr[8] = (byte)bitDepth; ihdr[9] = (byte)colorType; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
        WriteChunk(output, "IHDR"u8, ihdr);

        // One IDAT chunk: reserve its header, deflate straight into the output, then patch length and CRC.
        long idatStart = output.Position;
        output.Write([0, 0, 0, 0, (byte)'I', (byte)'D', (byte)'A', (byte)'T']);
        var zopts = new ZLibCompressionOptions
        {
            // .NET's zlib-ng implements level 1 as "deflate_quick" (static Huffman codes only), which makes files
            // about 35 % larger than classic zlib's level 1; its level 2 matches what level 1 means in OpenCV's zlib.
            CompressionLevel = level == 1 ? 2 : level,
            // OpenCV's imwrite without parameters uses zlib's run-length strategy, which cannot find the repeats in
            // document scans (7.6 MB instead of 0.9 MB for a 4032×3056 page); with an explicit level it uses the
            // default strategy, and so do we.
            CompressionStrategy = ZLibCompressionStrategy.Default,
        };
        using (var z = new ZLibStream(output, zopts, leaveOpen: true))
        {
            if (bilevel) WriteBilevelRows(z, image, rowBytes);
            else WriteFilteredRows(z, image, rowBytes, cn);
        }
        long dataLen = output.Position - idatStart - 8;
        if (dataLen > int.MaxValue) throw new ArgumentException("The compressed image exceeds PNG's 2 GiB chunk limit.", nameof(image));
        var buf = output.GetBuffer();
        BinaryPrimitives.WriteInt32BigEndian(buf.AsSpan((int)idatStart), (int)dataLen);
        uint crc = PngCrc.Compute(buf.AsSpan((int)idatStart + 4, (int)dataLen + 4));
        Span<byte> tail = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(tail, crc);
        output.Write(tail);
        WriteChunk(output, "IEND"u8, []);
        return output.ToArray();
    }

    internal static void WriteChunk(Stream s, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> head = stackalloc byte[8];
        BinaryPrimitives.WriteInt32BigEndian(head, data.Length);
        type.CopyTo(head[4..]);
        s.Write(head);
        s.Write(data);
        uint crc = PngCrc.Update(PngCrc.Update(0xFFFFFFFFu, type), data) ^ 0xFFFFFFFFu;
        BinaryPrimitives.WriteUInt32BigEndian(head, crc);
        s.Write(head[..4]);
    }

    /// <summary>True when every sample is 0 or 255.</summary>
    internal static bool IsBilevel(ReadOnlyImageView<byte> image)
    {
        for (int y = 0; y < image.Height; y++)
        {
            var r = image.Row(y);
            int i = 0;
            if (Vector.IsHardwareAccelerated)
            {
                var zero = Vector<byte>.Zero; var full = new Vector<byte>(255);
                for (; i <= r.Length - Vector<byte>.Count; i += Vector<byte>.Count)
                {
                    var v = new Vector<byte>(r[i..]);
                    if (!Vector.EqualsAll(Vector.Equals(v, zero) | Vector.Equals(v, full), new Vector<byte>(255))) return false;
                }
            }
            for (; i < r.Length; i++) if (r[i] is not (0 or 255)) return false;
        }
        return true;
    }

    /// <summary>Packs 0/255 samples MSB-first, 255 → 1.</summary>
    internal static void PackBits(ReadOnlySpan<byte> src, Span<byte> dst)
    {
        int full = src.Length >> 3;
        var words = MemoryMarshal.Cast<byte, ulong>(src[..(full * 8)]);
        for (int i = 0; i < full; i++)
        {
            // Byte k (0 = leftmost pixel) keeps only bit 7-k; the multiply sums all bytes into the top byte.
            ulong m = words[i] & 0x0102040810204080UL;
            dst[i] = (byte)((m * 0x0101010101010101UL) >> 56);
        }
        if ((src.Length & 7) != 0)
        {
            int b = 0;
            for (int x = full * 8; x < src.Length; x++) b |= (src[x] >> 7) << (7 - (x & 7));
            dst[full] = (byte)b;
        }
    }

    private static void WriteBilevelRows(Stream z, ReadOnlyImageView<byte> image, int rowBytes)
    {
        var row = new byte[rowBytes + 1];
        for (int y = 0; y < image.Height; y++)
        {
            row[0] = PngFilters.None;
            PackBits(image.Row(y), row.AsSpan(1));
            z.Write(row);
        }
    }

    private static void WriteFilteredRows(Stream z, ReadOnlyImageView<byte> image, int rowBytes, int cn)
    {
        var prev = new byte[rowBytes];
        var cur = new byte[rowBytes];
        var best = new byte[rowBytes + 1];
        var trial = new byte[rowBytes + 1];
        for (int y = 0; y < image.Height; y++)
        {
            var src = image.Row(y);
            if (cn == 1) src.CopyTo(cur);
            else if (cn == 3)
                for (int i = 0; i < rowBytes; i += 3) { cur[i] = src[i + 2]; cur[i + 1] = src[i + 1]; cur[i + 2] = src[i]; }
            else
                for (int i = 0; i < rowBytes; i += 4) { cur[i] = src[i + 2]; cur[i + 1] = src[i + 1]; cur[i + 2] = src[i]; cur[i + 3] = src[i + 3]; }

            long bestCost = long.MaxValue;
            for (int f = 0; f <= 4; f++)
            {
                long cost = PngFilters.Filter(f, cur, prev, cn, trial.AsSpan(1));
                if (cost < bestCost)
                {
                    bestCost = cost;
                    trial[0] = (byte)f;
                    (best, trial) = (trial, best);
                    if (cost == 0) break;
                }
            }
            z.Write(best);
            (prev, cur) = (cur, prev);
        }
    }
}
