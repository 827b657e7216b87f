using System.Runtime.CompilerServices;
using System.Buffers.Binary;
using SegmentSharp.Imaging;

namespace SegmentSharp.Codecs;

/// <summary>
/// Windows bitmap (BMP/DIB) reader and writer, pure managed, matching OpenCV's <c>BmpDecoder</c>/<c>BmpEncoder</c>
/// (modules/imgcodecs/src/grfmt_bmp.cpp): 1/4/8-bit palette, 16-bit 555/565, 24- and 32-bit, RLE4/RLE8,
/// bottom-up and top-down, BITMAPINFOHEADER and later (V2–V5) and OS/2 core headers.
/// </summary>
internal static class BmpCodec
{
    internal static Image<byte> DecodeGray(ReadOnlySpan<byte> data) => BmpDecoder.Decode(data, gray: true);
    internal static Image<byte> DecodeColor(ReadOnlySpan<byte> data) => BmpDecoder.Decode(data, gray: false);

    /// <summary>
    /// Writes a BITMAPINFOHEADER bitmap, bottom-up and uncompressed, as OpenCV's <c>imwrite</c> does: 8-bit with a gray
    /// palette for one channel, 24-bit BGR, 32-bit BGRA. A 0/255 single-channel image with <see cref="BilevelMode.Auto"/>
    /// is written as 1-bit with a black/white palette, which OpenCV reads back to the same 0/255 pixels. BGRA uses a
    /// BITMAPV5HEADER with BI_BITFIELDS masks, as OpenCV 4.13 does, so that the alpha channel survives.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static byte[] Encode(ReadOnlyImageView<byte> image, ImageWriteOptions options)
    {
        int w = image.Width, h = image.Height, cn = image.Channels;
        if (cn == 2) throw new ArgumentException("BMP output needs 1, 3 or 4 channels.", nameof(image));
        bool oneBit = cn == 1 && options.Bilevel == BilevelMode.Auto && Bilevel.Is(image);
        int bpp = oneBit ? 1 : cn * 8;
        int paletteEntries = oneBit ? 2 : cn == 1 ? 256 : 0;
        // BGRA needs a V5 header with bit masks: with plain BI_RGB, OpenCV (and most readers) ignore the alpha byte.
        int infoSize = cn == 4 ? 124 : 40;
        long pitch = ((long)w * bpp + 31) / 32 * 4;
        long headerSize = 14 + infoSize + paletteEntries * 4L;
        long fileSize = headerSize + pitch * h;
        if (fileSize > int.MaxValue) throw new ArgumentException("The image is too large for a BMP file.", nameof(image));

        var buf = new byte[fileSize];
        var s = buf.AsSpan();
        s[0] = (byte)'B'; s[1] = (byte)'M';
        BinaryPrimitives.WriteInt32LittleEndian(s[2..], (int)fileSize);
        BinaryPrimitives.WriteInt32LittleEndian(s[10..], (int)headerSize);
        BinaryPrimitives.WriteInt32LittleEndian(s[14..], infoSize);
        BinaryPrimitives.WriteInt32LittleEndian(s[18..], w);
        BinaryPrimitives.WriteInt32LittleEndian(s[22..], h); // positive height: bottom-up, the layout every reader accepts
        BinaryPrimitives.WriteInt16LittleEndian(s[26..], 1);
        BinaryPrimitives.WriteInt16LittleEndian(s[28..], (short)bpp);
        if (oneBit) BinaryPrimitives.WriteInt32LittleEndian(s[46..], 2);
        if (cn == 4)
        {
            BinaryPrimitives.WriteInt32LittleEndian(s[30..], 3); // BI_BITFIELDS
            BinaryPrimitives.WriteUInt32LittleEndian(s[54..], 0x00FF0000); // red
            BinaryPrimitives.WriteUInt32LittleEndian(s[58..], 0x0000FF00); // green
            BinaryPrimitives.WriteUInt32LittleEndian(s[62..], 0x000000FF); // blue
            BinaryPrimitives.WriteUInt32LittleEndian(s[66..], 0xFF000000); // alpha
            BinaryPrimitives.WriteUInt32LittleEndian(s[70..], 0x73524742); // LCS_sRGB
        }
        for (int i = 0; i < paletteEntries; i++)
        {
            byte v = oneBit ? (byte)(i * 255) : (byte)i;
            int p = 14 + infoSize + i * 4;
            s[p] = v; s[p + 1] = v; s[p + 2] = v;
        }
        for (int y = 0; y < h; y++)
        {
            var dst = s.Slice((int)(headerSize + pitch * (h - 1 - y)), (int)pitch);
            if (oneBit) Bilevel.PackRow(image.Row(y), dst, setBitIsZero: false);
            else image.Row(y).CopyTo(dst);
        }
        return buf;
    }
}
