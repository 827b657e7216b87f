using System.Buffers.Binary;

namespace SegmentSharp.Codecs;

/// <summary>What the decoder needs from a PNG's chunks (PNG specification §11): IHDR, PLTE, gamma, and where the IDAT data lies.</summary>
internal sealed class PngHeader
{
    public int Width, Height, BitDepth, ColorType;
    public bool Interlaced;
    /// <summary>RGB triplets, always 256 entries: libpng zero-fills entries past the PLTE length, so out-of-range indices read as black.</summary>
    public byte[]? Palette;
    public int Gamma;
    /// <summary>Largest significant-bit count of the colour channels from sBIT (0 when absent); it sets libpng's 16-bit gamma table precision.</summary>
    public int SigBit;
    public List<(int Offset, int Length)> Idat = [];
    public long IdatLength;

    public int SamplesPerPixel => ColorType switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, _ => 4 };
    public int BitsPerPixel => SamplesPerPixel * BitDepth;
    /// <summary>The filter unit: bytes per complete pixel, at least 1.</summary>
    public int FilterBpp => Math.Max(1, BitsPerPixel / 8);
    public long RowBytes(int width) => ((long)width * BitsPerPixel + 7) / 8;

    private static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Walks the chunk list, validating structure and the CRCs of critical chunks.</summary>
    public static PngHeader Parse(ReadOnlySpan<byte> data)
    {
        if (data.Length < 8 || !data[..8].SequenceEqual(Signature))
            throw new ImageFormatException("not a PNG file: bad signature");
        var h = new PngHeader();
        int pos = 8;
        bool seenIhdr = false, seenIend = false, seenSrgb = false, idatEnded = false;
        while (pos < data.Length)
        {
            if (data.Length - pos < 8)
                throw new ImageFormatException($"truncated PNG: chunk header at byte {pos} is cut off");
            uint len = BinaryPrimitives.ReadUInt32BigEndian(data[pos..]);
            var typeBytes = data.Slice(pos + 4, 4);
            string type = ChunkName(typeBytes);
            if (len > int.MaxValue)
                throw new ImageFormatException($"corrupt PNG: chunk '{type}' at byte {pos} declares an impossible length {len}");
            if ((long)data.Length - pos - 12 < len)
                throw new ImageFormatException($"truncated PNG: chunk '{type}' at byte {pos} runs past the end of the file");
            var body = data.Slice(pos + 8, (int)len);
            bool critical = (typeBytes[0] & 0x20) == 0;
            // Like libpng: a bad CRC is fatal in a critical chunk; an ancillary chunk with one is skipped.
            bool crcOk = true;
            if (critical || type is "gAMA" or "sRGB" or "sBIT")
            {
                uint stored = BinaryPrimitives.ReadUInt32BigEndian(data[(pos + 8 + (int)len)..]);
                uint actual = PngCrc.Update(PngCrc.Update(0xFFFFFFFFu, typeBytes), body) ^ 0xFFFFFFFFu;
                crcOk = stored == actual;
                if (critical && !crcOk) throw new ImageFormatException($"corrupt PNG: CRC mismatch in '{type}' chunk at byte {pos}");
            }
            if (!seenIhdr && type != "IHDR") throw new ImageFormatException("corrupt PNG: missing IHDR chunk (it must come first)");
            switch (type)
            {
                case "IHDR":
                    if (seenIhdr) throw new ImageFormatException("corrupt PNG: more than one IHDR chunk");
                    if (len != 13) throw new ImageFormatException($"corrupt PNG: IHDR chunk is {len} bytes, not 13");
                    h.ReadIhdr(body);
                    seenIhdr = true;
                    break;
                case "PLTE":
                    if (len % 3 != 0 || len == 0 || len > 768)
                        throw new ImageFormatException($"corrupt PNG: PLTE chunk length {len} is not 3 × (1..256)");
                    if (h.Idat.Count > 0) throw new ImageFormatException("corrupt PNG: PLTE chunk after IDAT");
                    h.Palette = new byte[768];
                    body.CopyTo(h.Palette);
                    break;
                case "gAMA":
                    if (crcOk && len == 4 && !seenSrgb && h.Idat.Count == 0) h.Gamma = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(body), int.MaxValue);
                    break;
                case "sRGB":
                    // libpng treats an sRGB chunk as gamma 1/2.2 (45455) whatever gAMA says.
                    if (crcOk && h.Idat.Count == 0) { h.Gamma = 45455; seenSrgb = true; }
                    break;
                case "sBIT":
                    if (crcOk && h.Idat.Count == 0 && h.ColorType is 2 or 6 && len >= 3 && body[0] is >= 1 && body[1] >= 1 && body[2] >= 1
                        && body[0] <= h.BitDepth && body[1] <= h.BitDepth && body[2] <= h.BitDepth)
                        h.SigBit = Math.Max(body[0], Math.Max(body[1], body[2]));
                    break;
                case "IDAT":
                    if (idatEnded) throw new ImageFormatException("corrupt PNG: IDAT chunks are not consecutive");
                    if (len > 0) h.Idat.Add((pos + 8, (int)len));
                    h.IdatLength += len;
                    if (h.Idat.Count == 0) h.Idat.Add((pos + 8, 0));
                    break;
                case "IEND":
                    seenIend = true;
                    break;
                default:
                    if (critical) throw new ImageFormatException($"unsupported PNG: unknown critical chunk '{type}'");
                    break;
            }
            if (type != "IDAT" && h.Idat.Count > 0) idatEnded = true;
            pos += 12 + (int)len;
            if (seenIend) break;
        }
        if (!seenIhdr) throw new ImageFormatException("corrupt PNG: missing IHDR chunk");
        if (h.IdatLength == 0) throw new ImageFormatException("corrupt PNG: no image data (IDAT chunk missing)");
        if (!seenIend) throw new ImageFormatException("truncated PNG: the file ends before the IEND chunk");
        if (h.ColorType == 3 && h.Palette is null) throw new ImageFormatException("corrupt PNG: palette image without a PLTE chunk");
        return h;
    }

    private void ReadIhdr(ReadOnlySpan<byte> b)
    {
        uint w = BinaryPrimitives.ReadUInt32BigEndian(b), hgt = BinaryPrimitives.ReadUInt32BigEndian(b[4..]);
        if (w == 0 || hgt == 0 || w > int.MaxValue || hgt > int.MaxValue)
            throw new ImageFormatException($"corrupt PNG: invalid image size {w}×{hgt}");
        Width = (int)w; Height = (int)hgt;
        BitDepth = b[8]; ColorType = b[9];
        bool ok = ColorType switch
        {
            0 => BitDepth is 1 or 2 or 4 or 8 or 16,
            3 => BitDepth is 1 or 2 or 4 or 8,
            2 or 4 or 6 => BitDepth is 8 or 16,
            _ => false,
        };
        if (!ok) throw new ImageFormatException($"corrupt PNG: unsupported colour type {ColorType} with bit depth {BitDepth}");
        if (b[10] != 0) throw new ImageFormatException($"unsupported PNG: compression method {b[10]}");
        if (b[11] != 0) throw new ImageFormatException($"unsupported PNG: filter method {b[11]}");
        if (b[12] > 1) throw new ImageFormatException($"unsupported PNG: interlace method {b[12]}");
        Interlaced = b[12] == 1;
    }

    private static string ChunkName(ReadOnlySpan<byte> t)
    {
        Span<char> c = stackalloc char[4];
        for (int i = 0; i < 4; i++) c[i] = t[i] is >= 0x20 and < 0x7F ? (char)t[i] : '?';
        return new string(c);
    }
}
