namespace SegmentSharp.Codecs;

/// <summary>
/// A Huffman decoding table built from a DHT segment (ITU-T T.81 Annex C): a lookahead table for codes of up to
/// <see cref="LookaheadBits"/> bits and the canonical max-code / value-offset arrays for the longer ones.
/// </summary>
internal sealed class JpegHuffmanTable
{
    /// <summary>Bits resolved by one table lookup; codes this short (the vast majority) cost a single load.</summary>
    internal const int LookaheadBits = 9;

    /// <summary>Per lookahead pattern: (code length &lt;&lt; 8) | symbol, or 0 when the code is longer.</summary>
    internal readonly ushort[] Lookup = new ushort[1 << LookaheadBits];
    /// <summary>Largest code of each length (index 1..16); index 17 is a sentinel that stops the slow search.</summary>
    internal readonly int[] MaxCode = new int[18];
    /// <summary>Symbol index minus first code, per length.</summary>
    internal readonly int[] ValOffset = new int[18];
    internal readonly byte[] Values = new byte[256];
    /// <summary>
    /// For AC tables: per lookahead pattern whose code and magnitude bits both fit in it, the decoded coefficient
    /// packed as (value &lt;&lt; 8) | (run &lt;&lt; 4) | total bits; 0 otherwise. Saves a second bit fetch for most coefficients.
    /// </summary>
    internal readonly int[] FastAc = new int[1 << LookaheadBits];

    /// <param name="counts">Number of codes of each length 1..16 (index 0 unused).</param>
    /// <param name="values">Symbols in code order.</param>
    /// <param name="isDc">DC tables may only carry magnitude categories 0..15.</param>
    internal JpegHuffmanTable(ReadOnlySpan<byte> counts, ReadOnlySpan<byte> values, bool isDc)
    {
        int total = 0;
        for (int l = 1; l <= 16; l++) total += counts[l];
        if (total > 256 || total > values.Length) throw new ImageFormatException("bad JPEG Huffman table: more than 256 codes");
        values[..total].CopyTo(Values);
        if (isDc)
            for (int i = 0; i < total; i++)
                if (Values[i] > 15) throw new ImageFormatException("bad JPEG Huffman table: DC symbol above 15");

        // Canonical code assignment; a length that overflows its code space means the table is not a prefix code.
        int code = 0, p = 0;
        for (int l = 1; l <= 16; l++)
        {
            int n = counts[l];
            // As in libjpeg, the all-ones code of any used length is reserved, so reaching 2^l is an error. Checked
            // before filling the lookahead table, whose index would otherwise run past its end.
            if (n > 0 && code + n >= (1 << l)) throw new ImageFormatException("bad JPEG Huffman table: code lengths overflow");
            if (n > 0)
            {
                ValOffset[l] = p - code;
                for (int i = 0; i < n; i++, p++, code++)
                {
                    if (l <= LookaheadBits)
                    {
                        int shift = LookaheadBits - l;
                        int start = code << shift;
                        ushort entry = (ushort)((l << 8) | Values[p]);
                        for (int j = 0; j < 1 << shift; j++) Lookup[start + j] = entry;
                    }
                }
                MaxCode[l] = code - 1;
            }
            else MaxCode[l] = -1;
            code <<= 1;
        }
        MaxCode[17] = 0xFFFFF;

        if (!isDc)
        {
            for (int p2 = 0; p2 < 1 << LookaheadBits; p2++)
            {
                int e = Lookup[p2];
                if (e == 0) continue;
                int len = e >> 8, sym = e & 0xFF, run = sym >> 4, size = sym & 15;
                if (size == 0 || len + size > LookaheadBits) continue;
                int bits = (p2 >> (LookaheadBits - len - size)) & ((1 << size) - 1);
                int v = JpegBitReader.Extend(bits, size);
                FastAc[p2] = (v << 8) | (run << 4) | (len + size);
            }
        }
    }
}
