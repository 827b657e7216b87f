using System.Runtime.CompilerServices;
using System.Text;
using SegmentSharp.Imaging;

namespace SegmentSharp.Codecs;

/// <summary>
/// Netpbm reader and writer (PBM P1/P4, PGM P2/P5, PPM P3/P6), pure managed, matching OpenCV's <c>PxMDecoder</c>
/// (modules/imgcodecs/src/grfmt_pxm.cpp) and the Netpbm specification (netpbm.sourceforge.net/doc/pbm.html etc.).
/// </summary>
internal static class PnmCodec
{
    internal static Image<byte> DecodeGray(ReadOnlySpan<byte> data) => PnmDecoder.Decode(data, gray: true);
    internal static Image<byte> DecodeColor(ReadOnlySpan<byte> data) => PnmDecoder.Decode(data, gray: false);

    /// <summary>
    /// Writes binary Netpbm. <paramref name="extension"/> picks the kind: <c>.pgm</c> P5 (one channel), <c>.ppm</c> P6
    /// (three channels, stored RGB), <c>.pbm</c> P4 (a 0/255 image; 0 is stored as bit 1 = black, 255 as bit 0 = white,
    /// so OpenCV reads it back unchanged), <c>.pnm</c> P6 for colour and P5 for gray, or P4 when the gray image is bilevel
    /// and <see cref="ImageWriteOptions.Bilevel"/> is <see cref="BilevelMode.Auto"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The channel count or pixel values do not fit the kind the extension asks for.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static byte[] Encode(ReadOnlyImageView<byte> image, ImageWriteOptions options, string extension = ".pnm")
    {
        string ext = extension.ToLowerInvariant();
        int cn = image.Channels;
        char kind = ext switch
        {
            ".pgm" => '5',
            ".ppm" => '6',
            ".pbm" => '4',
            ".pnm" => cn == 1 ? (options.Bilevel == BilevelMode.Auto && Bilevel.Is(image) ? '4' : '5') : '6',
            _ => throw new ArgumentException($"'{extension}' is not a Netpbm extension; use .pgm, .ppm, .pbm or .pnm.", nameof(extension)),
        };
        if (kind is '5' or '4' && cn != 1)
            throw new ArgumentException($"{(kind == '5' ? "PGM" : "PBM")} output needs a single-channel image, got {cn} channels.", nameof(image));
        if (kind == '6' && cn != 3)
            throw new ArgumentException($"PPM output needs a 3-channel BGR image, got {cn} channels.", nameof(image));
        if (kind == '4' && !Bilevel.Is(image))
            throw new ArgumentException("PBM output needs a bilevel image holding only 0 and 255.", nameof(image));

        int w = image.Width, h = image.Height;
        string header = kind == '4' ? $"P4\n{w} {h}\n" : $"P{kind}\n{w} {h}\n255\n";
        int headerLen = Encoding.ASCII.GetByteCount(header);
        long rowBytes = kind switch { '4' => (w + 7) / 8, '5' => w, _ => 3L * w };
        long total = headerLen + rowBytes * h;
        if (total > Array.MaxLength) throw new ArgumentException("The image is too large for one Netpbm buffer.", nameof(image));
        var buf = new byte[total];
        Encoding.ASCII.GetBytes(header, buf);
        for (int y = 0; y < h; y++)
        {
            var dst = buf.AsSpan((int)(headerLen + rowBytes * y), (int)rowBytes);
            var src = image.Row(y);
            switch (kind)
            {
                case '4': Bilevel.PackRow(src, dst, setBitIsZero: true); break;
                case '5': src.CopyTo(dst); break;
                default:
                    for (int x = 0; x < dst.Length; x += 3)
                    {
                        dst[x] = src[x + 2]; dst[x + 1] = src[x + 1]; dst[x + 2] = src[x];
                    }
                    break;
            }
        }
        return buf;
    }
}
