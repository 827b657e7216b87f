using System.Buffers.Binary;
using System.IO.Compression;
using SegmentSharp.Imaging;

namespace SegmentSharp.Codecs;

/// <summary>
/// 16-bit grayscale PNG writing (colour type 0, bit depth 16, big-endian samples), for label images with more than
/// 255 labels; <c>cv2.imread(path, cv2.IMREAD_UNCHANGED)</c> reads the values back unchanged. Rows use PNG's "Up"
/// filter, which turns the long runs of equal labels between rows into zeros that deflate well.
/// </summary>
internal static class Png16Encoder
{
    public static byte[] Encode(ReadOnlyImageView<ushort> image, int level = 6)
    {
        int w = image.Width, h = image.Height;
        var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Span<byte> ihdr = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, w);
        BinaryPrimitives.WriteInt32BigEndian(ihdr[4..], h);
        ihdr[8] = 16; ihdr[9] = 0; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
        PngEncoder.WriteChunk(output, "IHDR"u8, ihdr);
        var idat = new MemoryStream();
        using (var z = new ZLibStream(idat, new ZLibCompressionOptions { CompressionLevel = Math.Clamp(level, 0, 9) }, leaveOpen: true))
        {
            var prev = new byte[2 * w];
            var cur = new byte[2 * w];
            var line = new byte[2 * w + 1];
            line[0] = 2; // Up
            for (int y = 0; y < h; y++)
            {
                ReadOnlySpan<ushort> row = image.Row(y);
                for (int x = 0; x < w; x++) BinaryPrimitives.WriteUInt16BigEndian(cur.AsSpan(2 * x), row[x]);
                for (int i = 0; i < cur.Length; i++) line[i + 1] = (byte)(cur[i] - prev[i]);
                z.Write(line);
                (prev, cur) = (cur, prev);
            }
        }
        PngEncoder.WriteChunk(output, "IDAT"u8, idat.GetBuffer().AsSpan(0, (int)idat.Length));
        PngEncoder.WriteChunk(output, "IEND"u8, []);
        return output.ToArray();
    }
}
