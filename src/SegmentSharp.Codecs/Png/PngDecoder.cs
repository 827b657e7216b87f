using System.Buffers;
using System.IO.Compression;
using SegmentSharp.Imaging;

namespace SegmentSharp.Codecs;

/// <summary>
/// PNG decoding (ISO/IEC 15948): inflate the concatenated IDAT data with <see cref="ZLibStream"/>, reconstruct
/// each scanline as it arrives (so only two scanlines of filtered data are ever held), de-interlace Adam7
/// passes, and convert to OpenCV's <c>IMREAD_GRAYSCALE</c> / <c>IMREAD_COLOR</c> output.
/// </summary>
internal static class PngDecoder
{
    // zlib cannot expand data by more than about 1032:1; a declared size needing more than that is truncated,
    // and saying so up front avoids allocating gigabytes for a few hostile bytes.
    private const long MaxInflateRatio = 1040;

    private static readonly int[] PassX0 = [0, 4, 0, 2, 0, 1, 0], PassY0 = [0, 0, 4, 0, 2, 0, 1];
    private static readonly int[] PassDx = [8, 8, 4, 4, 2, 2, 1], PassDy = [8, 8, 8, 4, 4, 2, 2];

    /// <summary>Decodes a whole PNG file.</summary>
    /// <param name="data">The file's bytes.</param>
    /// <param name="gray">Convert to one gray channel as <c>IMREAD_GRAYSCALE</c> does; otherwise BGR or BGRA.</param>
    /// <param name="allocate">Supplies the output image for (width, height, channels), e.g. on a pooled buffer; null = a new one.</param>
    public static Image<byte> Decode(ReadOnlySpan<byte> data, bool gray, Func<int, int, int, Image<byte>>? allocate = null)
    {
        var h = PngHeader.Parse(data);
        int outCh = gray ? 1 : 3;
        long rowBytesL = h.RowBytes(h.Width);
        if ((long)h.Width * h.Height * outCh > Array.MaxLength || rowBytesL + 1 > Array.MaxLength)
            throw new ImageFormatException($"PNG image dimensions too large: {h.Width}×{h.Height} does not fit in memory as one array");
        long needed = (rowBytesL + 1) * h.Height; // a lower bound also for interlaced images
        if (needed > (h.IdatLength + 64) * MaxInflateRatio)
            throw new ImageFormatException($"truncated PNG data: IDAT holds {h.IdatLength} bytes, far too few for a {h.Width}×{h.Height} image");

        int rowBytes = (int)rowBytesL;
        // Copy the IDAT payloads into one buffer so a single stream can inflate across chunk boundaries.
        byte[] z = ArrayPool<byte>.Shared.Rent((int)Math.Min(h.IdatLength, Array.MaxLength));
        byte[] rowA = ArrayPool<byte>.Shared.Rent(rowBytes + 1), rowB = ArrayPool<byte>.Shared.Rent(rowBytes + 1);
        try
        {
            int zl = 0;
            foreach (var (off, len) in h.Idat) { data.Slice(off, len).CopyTo(z.AsSpan(zl)); zl += len; }
            var img = allocate is null ? new Image<byte>(h.Width, h.Height, outCh) : allocate(h.Width, h.Height, outCh);
            var conv = new PngRowConverter(h, gray);
            using var zs = new ZLibStream(new MemoryStream(z, 0, zl, writable: false), CompressionMode.Decompress);
            var reader = new RowReader(zs, rowBytes + 1);
            try
            {
                if (!h.Interlaced)
                    DecodePass(reader, h, conv, img, 0, 0, 1, 1, rowA, rowB, null);
                else
                {
                    var tmp = new byte[h.Width * outCh];
                    for (int p = 0; p < 7; p++) DecodePass(reader, h, conv, img, PassX0[p], PassY0[p], PassDx[p], PassDy[p], rowA, rowB, tmp);
                }
            }
            catch (InvalidDataException e)
            {
                throw new ImageFormatException("corrupt PNG: the compressed image data (IDAT zlib stream) is invalid", e);
            }
            reader.Dispose();
            return img;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(z);
            ArrayPool<byte>.Shared.Return(rowA);
            ArrayPool<byte>.Shared.Return(rowB);
        }
    }

    /// <summary>
    /// Serves scanlines from inflate output fetched in large blocks: asking zlib for one short row at a time
    /// doubles the inflate cost, while a whole-image buffer would cost memory.
    /// </summary>
    private sealed class RowReader(Stream zs, int maxRow) : IDisposable
    {
        private byte[] _buf = ArrayPool<byte>.Shared.Rent(Math.Max(maxRow, 1 << 16));
        private int _start, _end;
        private bool _eof;

        /// <summary>Fills <paramref name="row"/> completely, or returns false when the data runs out.</summary>
        public bool Read(Span<byte> row)
        {
            if (_end - _start < row.Length)
            {
                if (_eof) return false;
                Buffer.BlockCopy(_buf, _start, _buf, 0, _end - _start);
                _end -= _start; _start = 0;
                while (_end < row.Length && !_eof)
                {
                    int got = zs.Read(_buf, _end, _buf.Length - _end);
                    if (got == 0) _eof = true;
                    _end += got;
                }
                if (_end < row.Length) return false;
            }
            _buf.AsSpan(_start, row.Length).CopyTo(row);
            _start += row.Length;
            return true;
        }

        public void Dispose()
        {
            if (_buf.Length > 0) ArrayPool<byte>.Shared.Return(_buf);
            _buf = [];
        }
    }

    private static void DecodePass(RowReader zs, PngHeader h, PngRowConverter conv, Image<byte> img,
                                   int x0, int y0, int dx, int dy, byte[] rowA, byte[] rowB, byte[]? tmp)
    {
        int pw = (int)((h.Width - x0 + (long)dx - 1) / dx), ph = (int)((h.Height - y0 + (long)dy - 1) / dy);
        if (pw <= 0 || ph <= 0) return;
        int rowBytes = (int)h.RowBytes(pw), bpp = h.FilterBpp, outCh = img.Channels;
        var prev = rowA.AsSpan(0, rowBytes + 1);
        var cur = rowB.AsSpan(0, rowBytes + 1);
        prev.Clear();
        for (int py = 0; py < ph; py++)
        {
            int y = y0 + py * dy;
            if (!zs.Read(cur))
                throw new ImageFormatException(h.Interlaced
                    ? $"truncated PNG data: IDAT ends early (interlace pass at row {y} of {h.Height})"
                    : $"truncated PNG data: IDAT ends early (row {y} of {h.Height})");
            int f = cur[0];
            if (f > 4) throw new ImageFormatException($"corrupt PNG: bad filter type {f} in row {y}");
            PngFilters.Unfilter(f, cur[1..], prev[1..], bpp);
            if (tmp is null) conv.Convert(cur[1..], img.Row(y), pw);
            else
            {
                conv.Convert(cur[1..], tmp, pw);
                var dst = img.Row(y);
                if (outCh == 1)
                    for (int px = 0, x = x0; px < pw; px++, x += dx) dst[x] = tmp[px];
                else
                    for (int px = 0, x = x0 * 3; px < pw; px++, x += 3 * dx)
                    {
                        dst[x] = tmp[3 * px]; dst[x + 1] = tmp[3 * px + 1]; dst[x + 2] = tmp[3 * px + 2];
                    }
            }
            var t = prev; prev = cur; cur = t;
        }
    }
}
