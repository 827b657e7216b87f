using System.Buffers.Binary;

namespace SegmentSharp.Cli.Batch;

/// <summary>
/// Width and height from the first bytes of a PNG, JPEG, BMP, PNM or TIFF file, without decoding it, so the batch
/// can refuse an image over --max-pixels and budget its memory before it starts.
/// </summary>
internal static class ImageHeader
{
    public const int PeekBytes = 64 * 1024;

    /// <summary>The 8 bytes every PNG file starts with (a u8 string literal would encode 0x89 as two bytes).</summary>
    public static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The dimensions, or null when the format is unknown or the header is not in the first bytes.</summary>
    public static (long Width, long Height)? Read(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 24 && head[..8].SequenceEqual(PngSignature) && head.Slice(12, 4).SequenceEqual("IHDR"u8))
            return (BinaryPrimitives.ReadUInt32BigEndian(head[16..]), BinaryPrimitives.ReadUInt32BigEndian(head[20..]));
        if (head.Length >= 4 && head[0] == 0xFF && head[1] == 0xD8) return Jpeg(head);
        if (head.Length >= 26 && head[0] == 'B' && head[1] == 'M')
        {
            int dib = BinaryPrimitives.ReadInt32LittleEndian(head[14..]);
            if (dib == 12) return (BinaryPrimitives.ReadUInt16LittleEndian(head[18..]), BinaryPrimitives.ReadUInt16LittleEndian(head[20..]));
            return (Math.Abs((long)BinaryPrimitives.ReadInt32LittleEndian(head[18..])), Math.Abs((long)BinaryPrimitives.ReadInt32LittleEndian(head[22..])));
        }
        if (head.Length >= 3 && head[0] == 'P' && head[1] >= '1' && head[1] <= '6') return Pnm(head);
        if (head.Length >= 8 && (head[..4].SequenceEqual("II*\0"u8) || head[..4].SequenceEqual("MM\0*"u8))) return Tiff(head);
        return null;
    }

    private static (long, long)? Jpeg(ReadOnlySpan<byte> d)
    {
        int i = 2;
        while (i + 9 < d.Length)
        {
            if (d[i] != 0xFF) return null;
            byte m = d[i + 1];
            if (m == 0xFF) { i++; continue; }
            if (m is 0xD8 or 0x01 || (m >= 0xD0 && m <= 0xD7)) { i += 2; continue; }
            int len = BinaryPrimitives.ReadUInt16BigEndian(d[(i + 2)..]);
            // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC).
            if (m >= 0xC0 && m <= 0xCF && m is not (0xC4 or 0xC8 or 0xCC))
                return (BinaryPrimitives.ReadUInt16BigEndian(d[(i + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(d[(i + 5)..]));
            if (m == 0xDA) return null;
            i += 2 + len;
        }
        return null;
    }

    private static (long, long)? Pnm(ReadOnlySpan<byte> d)
    {
        int i = 2;
        Span<long> v = stackalloc long[2];
        for (int k = 0; k < 2; k++)
        {
            while (i < d.Length)
            {
                if (d[i] == '#') { while (i < d.Length && d[i] != '\n') i++; }
                else if (d[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') i++;
                else break;
            }
            if (i >= d.Length || d[i] < '0' || d[i] > '9') return null;
            long n = 0;
            while (i < d.Length && d[i] >= '0' && d[i] <= '9' && n < int.MaxValue) n = n * 10 + (d[i++] - '0');
            v[k] = n;
        }
        return (v[0], v[1]);
    }

    private static (long, long)? Tiff(ReadOnlySpan<byte> d)
    {
        bool le = d[0] == 'I';
        long ifd = U32(d, le, 4);
        if (ifd + 2 > d.Length) return null;
        int count = U16(d, le, (int)ifd);
        long w = -1, h = -1;
        for (int e = 0; e < count; e++)
        {
            int at = (int)ifd + 2 + e * 12;
            if (at + 12 > d.Length) return null;
            ushort tag = U16(d, le, at), type = U16(d, le, at + 2);
            long value = type == 3 ? U16(d, le, at + 8) : U32(d, le, at + 8);
            if (tag == 256) w = value;
            else if (tag == 257) h = value;
        }
        return w >= 0 && h >= 0 ? (w, h) : null;
    }

    private static uint U32(ReadOnlySpan<byte> d, bool le, int at)
        => le ? BinaryPrimitives.ReadUInt32LittleEndian(d[at..]) : BinaryPrimitives.ReadUInt32BigEndian(d[at..]);

    private static ushort U16(ReadOnlySpan<byte> d, bool le, int at)
        => le ? BinaryPrimitives.ReadUInt16LittleEndian(d[at..]) : BinaryPrimitives.ReadUInt16BigEndian(d[at..]);
}
