using System.Runtime.CompilerServices;
using SegmentSharp.Imaging;

namespace SegmentSharp.Codecs;

/// <summary>
/// Netpbm decoding with OpenCV's exact value rules: ASCII samples are scaled by <c>v*255/maxval</c> (integer division)
/// and clamped to maxval, binary 8-bit samples are taken as stored whatever the maxval, 16-bit samples (maxval &gt; 255)
/// keep their high byte, PBM bit 1 is black (0) and bit 0 white (255), and colour becomes gray through
/// <see cref="ImgcodecsGray"/>.
/// </summary>
internal static class PnmDecoder
{
    private ref struct Cursor
    {
        public ReadOnlySpan<byte> D;
        public int Pos;

        public int NextByte()
        {
            if (Pos >= D.Length) throw new ImageFormatException("truncated PNM: the data ends early");
            return D[Pos++];
        }

        /// <summary>Reads a decimal number after whitespace and '#' comments; consumes the one byte after it.</summary>
        public int Number(string what, int maxDigits = 0)
        {
            int c = NextByte();
            while (c is < '0' or > '9')
            {
                if (c == '#')
                {
                    do c = NextByte(); while (c != '\n' && c != '\r');
                    c = NextByte();
                }
                else if (IsSpace(c)) { while (IsSpace(c)) c = NextByte(); }
                else throw new ImageFormatException($"corrupt PNM: unexpected byte 0x{c:X2} where {what} should be");
            }
            long v = 0;
            int digits = 0;
            do
            {
                v = v * 10 + (c - '0');
                if (v > int.MaxValue) throw new ImageFormatException($"corrupt PNM: {what} is too large");
                digits++;
                if (maxDigits != 0 && digits >= maxDigits) break;
                // The byte after the last digit is consumed; at the very end of the file there may be none.
                if (Pos >= D.Length) break;
                c = D[Pos++];
            } while (c is >= '0' and <= '9');
            return (int)v;
        }
    }

    private static bool IsSpace(int c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r';

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static Image<byte> Decode(ReadOnlySpan<byte> data, bool gray)
    {
        if (data.Length < 3 || data[0] != 'P' || data[1] is < (byte)'1' or > (byte)'6' || !IsSpace(data[2]))
            throw new ImageFormatException("not a PNM file: expected 'P1' to 'P6' followed by whitespace");
        int kind = data[1] - '0';
        bool binary = kind >= 4;
        int inCn = kind is 3 or 6 ? 3 : 1;
        bool bits = kind is 1 or 4;
        var c = new Cursor { D = data, Pos = 2 };
        int w = c.Number("the width"), h = c.Number("the height");
        int maxval = bits ? 1 : c.Number("the maximum value");
        if (maxval is <= 0 or > 65535) throw new ImageFormatException($"corrupt PNM: maximum value {maxval} is outside 1..65535");
        DecodeLimits.Check("PNM", w, h);
        bool wide = maxval > 255;
        int outCn = gray ? 1 : 3;

        var scale = new byte[256];
        if (!wide)
            for (int i = 0; i <= maxval; i++) scale[i] = (byte)((i * 255 / maxval) ^ (bits ? 255 : 0));

        int samples = w * inCn;
        var line = new byte[samples];
        long rowBytes = bits ? (w + 7) / 8 : (long)samples * (wide ? 2 : 1);
        if (binary && rowBytes * h > data.Length - c.Pos)
            throw new ImageFormatException($"truncated PNM: {h} rows of {rowBytes} bytes are needed, the file has {data.Length - c.Pos} after the header");
        // Every ASCII sample takes at least one byte: reject short files before allocating for their claimed size.
        if (!binary && (long)samples * h > data.Length - c.Pos)
            throw new ImageFormatException($"truncated PNM: {(long)samples * h} samples are claimed, the file has {data.Length - c.Pos} bytes after the header");

        var img = new Image<byte>(w, h, outCn);
        for (int y = 0; y < h; y++)
        {
            var dst = img.Row(y);
            if (bits)
            {
                if (binary)
                {
                    var src = data.Slice(c.Pos, (int)rowBytes);
                    c.Pos += (int)rowBytes;
                    for (int x = 0; x < w; x++) line[x] = scale[(src[x >> 3] >> (7 - (x & 7))) & 1];
                }
                else
                    for (int x = 0; x < w; x++) line[x] = scale[c.Number("a PBM pixel", 1) != 0 ? 1 : 0];
            }
            else if (binary)
            {
                var src = data.Slice(c.Pos, (int)rowBytes);
                c.Pos += (int)rowBytes;
                if (wide) for (int i = 0; i < samples; i++) line[i] = src[2 * i]; // big-endian: the high byte comes first
                else src.CopyTo(line);
            }
            else
            {
                for (int i = 0; i < samples; i++)
                {
                    int v = c.Number("a sample");
                    if (v > maxval) v = maxval;
                    line[i] = wide ? (byte)(v >> 8) : scale[v];
                }
            }

            if (inCn == 1)
            {
                if (gray) line.AsSpan(0, w).CopyTo(dst);
                else for (int x = 0; x < w; x++) dst[3 * x] = dst[3 * x + 1] = dst[3 * x + 2] = line[x];
            }
            else if (gray) ImgcodecsGray.Convert(line, dst, 3, 2);
            else
                for (int x = 0; x < samples; x += 3)
                {
                    dst[x] = line[x + 2]; dst[x + 1] = line[x + 1]; dst[x + 2] = line[x];
                }
        }
        return img;
    }
}
