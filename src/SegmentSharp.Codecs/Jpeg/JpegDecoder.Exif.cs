using System.Buffers.Binary;

namespace SegmentSharp.Codecs;

internal sealed partial class JpegDecoder
{
    /// <summary>Reads the Orientation tag (0x0112) of IFD0 in an APP1 Exif segment; OpenCV's imread applies it.</summary>
    private void ReadExif(ReadOnlySpan<byte> seg)
    {
        if (seg.Length < 14 || !seg[..6].SequenceEqual("Exif\0\0"u8)) return;
        var tiff = seg[6..];
        bool le;
        if (tiff[0] == 'I' && tiff[1] == 'I') le = true;
        else if (tiff[0] == 'M' && tiff[1] == 'M') le = false;
        else return;
        if (U16(tiff, le, 2) != 42) return;
        long ifd = U32(tiff, le, 4);
        if (ifd < 8 || ifd + 2 > tiff.Length) return;
        int n = U16(tiff, le, (int)ifd);
        for (int i = 0; i < n; i++)
        {
            long e = ifd + 2 + 12L * i;
            if (e + 12 > tiff.Length) return;
            if (U16(tiff, le, (int)e) != 0x0112) continue;
            if (U16(tiff, le, (int)e + 2) != 3) return; // SHORT
            int v = U16(tiff, le, (int)e + 8);
            if (v is >= 1 and <= 8) Orientation = v;
            return;
        }
    }

    private static int U16(ReadOnlySpan<byte> t, bool le, int at)
        => le ? BinaryPrimitives.ReadUInt16LittleEndian(t[at..]) : BinaryPrimitives.ReadUInt16BigEndian(t[at..]);

    private static long U32(ReadOnlySpan<byte> t, bool le, int at)
        => le ? BinaryPrimitives.ReadUInt32LittleEndian(t[at..]) : BinaryPrimitives.ReadUInt32BigEndian(t[at..]);
}
