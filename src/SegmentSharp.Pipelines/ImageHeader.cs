using System.Buffers.Binary;

namespace SegmentSharp.Pipelines;

/// <summary>
/// Reads an image's width and height from its header without decoding it, so a pipeline can refuse an oversized image
/// before paying for the decode (PNG IHDR, BMP info header, JPEG SOFn, PNM header, TIFF first IFD).
/// </summary>
internal static class ImageHeader
{
    /// <summary>True with the size when the header is recognised and complete; false otherwise (the decoder then decides).</summary>
    public static bool TryReadSize(ReadOnlySpan<byte> d, out long width, out long height)
    {
        width = height = 0;
        if (d.Length >= 24 && d[0] == 0x89 && d[1] == (byte)'P' && d[2] == (byte)'N' && d[3] == (byte)'G')
        {
            width = BinaryPrimitives.ReadUInt32BigEndian(d[16..]);
            height = BinaryPrimitives.ReadUInt32BigEndian(d[20..]);
            return true;
        }
        if (d.Length >= 26 && d[0] == (byte)'B' && d[1] == (byte)'M')
        {
            width = Math.Abs((long)BinaryPrimitives.ReadInt32LittleEndian(d[18..]));
            height = Math.Abs((long)BinaryPrimitives.ReadInt32LittleEndian(d[22..]));
            return true;
        }
        if (d.Length >= 4 && d[0] == 0xFF && d[1] == 0xD8) return Jpeg(d, out width, out height);
        if (d.Length >= 8 && ((d[0] == (byte)'I' && d[1] == (byte)'I') || (d[0] == (byte)'M' && d[1] == (byte)'M'))) return Tiff(d, out width, out height);
        if (d.Length >= 3 && d[0] == (byte)'P' && d[1] is >= (byte)'1' and <= (byte)'6') return Pnm(d, out width, out height);
        return false;
    }

    private static bool Jpeg(ReadOnlySpan<byte> d, out long width, out long height)
    {
        width = height = 0;
        int i = 2;
        while (i + 9 < d.Length)
        {
            if (d[i] != 0xFF) return false;
            byte m = d[i + 1];
            if (m == 0xFF) { i++; continue; }
            if (m is 0xD8 or 0x01 or >= 0xD0 and <= 0xD7) { i += 2; continue; }
            int len = BinaryPrimitives.ReadUInt16BigEndian(d[(i + 2)..]);
            if (m is >= 0xC0 and <= 0xCF && m is not (0xC4 or 0xC8 or 0xCC))
            {
                height = BinaryPrimitives.ReadUInt16BigEndian(d[(i + 5)..]);
                width = BinaryPrimitives.ReadUInt16BigEndian(d[(i + 7)..]);
                return true;
            }
            i += 2 + len;
        }
        return false;
    }

    private static bool Tiff(ReadOnlySpan<byte> d, out long width, out long height)
    {
        width = height = 0;
        bool le = d[0] == (byte)'I';
        static uint U32s(ReadOnlySpan<byte> d, bool le, int at) => le ? BinaryPrimitives.ReadUInt32LittleEndian(d[at..]) : BinaryPrimitives.ReadUInt32BigEndian(d[at..]);
        static ushort U16s(ReadOnlySpan<byte> d, bool le, int at) => le ? BinaryPrimitives.ReadUInt16LittleEndian(d[at..]) : BinaryPrimitives.ReadUInt16BigEndian(d[at..]);
        if (U16s(d, le, 2) != 42) return false;
        long ifd = U32s(d, le, 4);
        if (ifd + 2 > d.Length) return false;
        int n = U16s(d, le, (int)ifd);
        for (int k = 0; k < n; k++)
        {
            int e = (int)ifd + 2 + 12 * k;
            if (e + 12 > d.Length) return false;
            ushort tag = U16s(d, le, e), type = U16s(d, le, e + 2);
            long v = type == 3 ? U16s(d, le, e + 8) : U32s(d, le, e + 8);
            if (tag == 256) width = v;
            else if (tag == 257) height = v;
        }
        return width > 0 && height > 0;
    }

    private static bool Pnm(ReadOnlySpan<byte> d, out long width, out long height)
    {
        width = height = 0;
        int i = 2;
        Span<long> v = stackalloc long[2];
        for (int t = 0; t < 2; t++)
        {
            while (i < d.Length && (d[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' || d[i] == (byte)'#'))
            {
                if (d[i] == (byte)'#') while (i < d.Length && d[i] != (byte)'\n') i++;
                else i++;
            }
            long x = 0;
            int start = i;
            while (i < d.Length && d[i] is >= (byte)'0' and <= (byte)'9' && i - start < 12) x = x * 10 + (d[i++] - '0');
            if (i == start) return false;
            v[t] = x;
        }
        (width, height) = (v[0], v[1]);
        return true;
    }
}
