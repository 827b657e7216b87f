using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace SegmentSharp.Codecs;

/// <summary>
/// Reads entropy-coded JPEG scan data MSB first through a 64-bit buffer, removing byte stuffing (FF 00) and
/// fill bytes, and stopping at the first marker. Past the marker or the end of the file it supplies zero bits,
/// as libjpeg does; <see cref="Exhausted"/> then tells the caller that padding was consumed so it can leave the
/// following MCUs empty (libjpeg's "insufficient data" rule, which gives uniform gray for the rest of a segment).
/// </summary>
internal ref struct JpegBitReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _pos;
    /// <summary>Buffered bits, MSB first; hot loops copy this and <see cref="Count"/> into locals.</summary>
    internal ulong Buf;
    /// <summary>Number of valid bits in <see cref="Buf"/> (including zero padding).</summary>
    internal int Count;
    private int _pad;
    private bool _ended;

    /// <summary>Index of the marker code byte (the byte after FF) where the data stopped, or -1.</summary>
    internal int MarkerPos;

    internal JpegBitReader(ReadOnlySpan<byte> data, int pos)
    {
        _data = data;
        _pos = pos;
        MarkerPos = -1;
    }

    /// <summary>True once more bits were consumed than the segment held (the rest were zero padding).</summary>
    internal readonly bool Exhausted => Count < _pad;

    /// <summary>Byte position just past the bytes loaded so far (where a marker search resumes).</summary>
    internal readonly int Position => _pos;

    /// <summary>Drops the buffered bits (at a restart marker or the end of a scan), keeping the marker state.</summary>
    internal void DiscardBits()
    {
        Buf = 0;
        Count = 0;
        _pad = 0;
    }

    /// <summary>Restarts reading after a consumed marker at <paramref name="pos"/>.</summary>
    internal void ResetTo(int pos)
    {
        _pos = pos;
        _ended = false;
        MarkerPos = -1;
        DiscardBits();
    }

    /// <summary>Leaves a marker unread (libjpeg's resync "leave it for later"): only zero bits follow.
    /// <paramref name="markerPos"/> -1 means the end of the file.</summary>
    internal void StopAt(int markerPos)
    {
        DiscardBits();
        _ended = true;
        MarkerPos = markerPos;
        _pos = markerPos < 0 ? _data.Length : markerPos - 1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void EnsureBits()
    {
        if (Count < 32) Refill();
    }

    internal void Refill()
    {
        if (!_ended && _pos + 8 <= _data.Length)
        {
            ulong x = BinaryPrimitives.ReadUInt64BigEndian(_data.Slice(_pos, 8));
            ulong y = ~x;
            // No FF byte among the next eight: take whole bytes at once, no stuffing to undo.
            if (((y - 0x0101010101010101UL) & ~y & 0x8080808080808080UL) == 0)
            {
                int k = (64 - Count) >> 3;
                if (k < 8) x &= ~(ulong.MaxValue >> (8 * k));
                Buf |= x >> Count;
                Count += 8 * k;
                _pos += k;
                return;
            }
        }
        while (Count <= 56)
        {
            ulong b = 0;
            if (!_ended && _pos < _data.Length)
            {
                b = _data[_pos];
                if (b != 0xFF) _pos++;
                else
                {
                    int p = _pos + 1;
                    while (p < _data.Length && _data[p] == 0xFF) p++;
                    if (p < _data.Length && _data[p] == 0) _pos = p + 1;
                    else
                    {
                        _ended = true;
                        MarkerPos = p < _data.Length ? p : -1;
                        _pos = p < _data.Length ? p - 1 : _data.Length;
                        b = 0;
                        _pad += 8;
                    }
                }
            }
            else
            {
                _ended = true;
                _pad += 8;
            }
            Buf |= b << (56 - Count);
            Count += 8;
        }
    }

    /// <summary>Reads <paramref name="n"/> (0..16) bits; callers ensured enough are buffered.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int GetBits(int n)
    {
        if (n == 0) return 0;
        int v = (int)(Buf >> (64 - n));
        Buf <<= n;
        Count -= n;
        return v;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int GetBit()
    {
        int v = (int)(Buf >> 63);
        Buf <<= 1;
        Count--;
        return v;
    }

    /// <summary>Decodes one Huffman symbol. An invalid code yields symbol 0 after 17 bits, as libjpeg does.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int Decode(JpegHuffmanTable t)
    {
        int e = t.Lookup[(int)(Buf >> (64 - JpegHuffmanTable.LookaheadBits))];
        if (e != 0)
        {
            int len = e >> 8;
            Buf <<= len;
            Count -= len;
            return e & 0xFF;
        }
        return DecodeSlow(t);
    }

    private int DecodeSlow(JpegHuffmanTable t)
    {
        int l = JpegHuffmanTable.LookaheadBits + 1;
        int code = (int)(Buf >> (64 - l));
        int[] max = t.MaxCode;
        while (code > max[l])
        {
            l++;
            code = (int)(Buf >> (64 - l));
        }
        Buf <<= l;
        Count -= l;
        if (l > 16) return 0;
        return t.Values[(code + t.ValOffset[l]) & 0xFF];
    }

    /// <summary>Sign-extends a magnitude-category value (T.81 F.2.2.1, EXTEND).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Extend(int v, int n) => v < (1 << (n - 1)) ? v - (1 << n) + 1 : v;
}
