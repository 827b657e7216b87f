using SegmentSharp.Imaging;

namespace SegmentSharp.Codecs;

internal sealed partial class JpegDecoder
{
    /// <summary>Decodes one scan; returns true when it is the first scan and carries every component.</summary>
    private bool DecodeScan(ReadOnlySpan<byte> data, ReadOnlySpan<byte> seg, ref int pos)
    {
        bool first = !_planesReady;
        if (!_planesReady) PrepareOutput();
        int ns = seg.Length > 0 ? seg[0] : 0;
        if (ns is < 1 or > 4 || seg.Length != 4 + 2 * ns)
            throw new ImageFormatException("corrupt JPEG: SOS segment length does not match its component count");
        var comps = new JpegComponent[ns];
        for (int i = 0; i < ns; i++)
        {
            int id = seg[1 + 2 * i], td = seg[2 + 2 * i] >> 4, ta = seg[2 + 2 * i] & 15;
            JpegComponent? c = null;
            foreach (var f in Components) if (f.Id == id) { c = f; break; }
            if (c is null) throw new ImageFormatException($"corrupt JPEG: scan refers to unknown component {id}");
            for (int j = 0; j < i; j++)
                if (comps[j] == c) throw new ImageFormatException($"corrupt JPEG: component {id} appears twice in a scan");
            if (td > 3 || ta > 3) throw new ImageFormatException("corrupt JPEG: scan uses a Huffman table id above 3");
            comps[i] = c;
            c.Dc = _dcTables[td] ?? StandardTable(true, td);
            c.Ac = _acTables[ta] ?? StandardTable(false, ta);
        }
        int ss = seg[1 + 2 * ns], se = seg[2 + 2 * ns], ah = seg[3 + 2 * ns] >> 4, al = seg[3 + 2 * ns] & 15;
        if (Progressive)
        {
            bool bad = ss == 0 ? se != 0 : se < ss || se > 63 || ns != 1;
            if ((ah != 0 && al != ah - 1) || al > 13) bad = true;
            if (bad) throw new ImageFormatException($"corrupt JPEG: invalid progressive scan parameters Ss={ss} Se={se} Ah={ah} Al={al}");
        }
        else if (ns > 1)
        {
            int blocks = 0;
            foreach (var c in comps) blocks += c.H * c.V;
            if (blocks > 10) throw new ImageFormatException("corrupt JPEG: more than 10 blocks per MCU");
        }
        bool any = false;
        foreach (var c in comps)
        {
            // libjpeg latches a component's quantisation table when its first scan starts.
            c.Quant ??= (short[])(_quant[c.QuantIndex] ?? throw new ImageFormatException(
                $"corrupt JPEG: component {c.Id} uses undefined quantisation table {c.QuantIndex}")).Clone();
            any |= c.Needed;
        }
        if (!any)
        {
            pos = SkipEntropyData(data, pos);
            return false;
        }

        var br = new JpegBitReader(data, pos);
        if (!Progressive) DecodeSequential(data, ref br, comps);
        else DecodeProgressive(data, ref br, comps, ss, se, ah, al);
        pos = br.MarkerPos >= 0 ? br.MarkerPos - 1 : br.Position;
        return first && ns == Components.Length;
    }

    private static JpegHuffmanTable StandardTable(bool dc, int id)
    {
        if (id > 1) throw new ImageFormatException($"corrupt JPEG: scan uses undefined {(dc ? "DC" : "AC")} Huffman table {id}");
        return JpegStandardTables.Get(dc, id);
    }

    /// <summary>Position of the first marker after a scan that is not a restart marker.</summary>
    private static int SkipEntropyData(ReadOnlySpan<byte> data, int pos)
    {
        while (true)
        {
            int m = FindMarker(data, pos);
            if (m < 0) return data.Length;
            if (data[m] is >= 0xD0 and <= 0xD7) { pos = m + 1; continue; }
            return m - 1;
        }
    }

    /// <summary>
    /// Handles a restart interval boundary the way libjpeg's <c>read_restart_marker</c> and the default
    /// <c>jpeg_resync_to_restart</c> do: the expected RSTn is consumed; a nearby later RST or any other marker is
    /// left unread (the interval then decodes as empty); an earlier or invalid marker is skipped.
    /// </summary>
    private static void Restart(ReadOnlySpan<byte> data, ref JpegBitReader br, ref int nextRst, ref bool insufficient)
    {
        int m = br.MarkerPos >= 0 ? br.MarkerPos : FindMarker(data, br.Position);
        br.DiscardBits();
        while (true)
        {
            if (m < 0) { br.StopAt(-1); break; }
            int code = data[m];
            int action;
            if (code == 0xD0 + nextRst) action = 1;
            else if (code < 0xC0) action = 2;
            else if (code is < 0xD0 or > 0xD7) action = 3;
            else if (code == 0xD0 + ((nextRst + 1) & 7) || code == 0xD0 + ((nextRst + 2) & 7)) action = 3;
            else if (code == 0xD0 + ((nextRst - 1) & 7) || code == 0xD0 + ((nextRst - 2) & 7)) action = 2;
            else action = 1;
            if (action == 1) { br.ResetTo(m + 1); insufficient = false; break; }
            if (action == 3) { br.StopAt(m); break; }
            m = FindMarker(data, m + 1);
        }
        nextRst = (nextRst + 1) & 7;
    }

    private void DecodeSequential(ReadOnlySpan<byte> data, ref JpegBitReader br, JpegComponent[] comps)
    {
        Span<short> blk = stackalloc short[64];
        blk.Clear();
        foreach (var c in comps) c.DcPred = 0;
        bool single = comps.Length == 1;
        int mcusW = single ? comps[0].CompBlocksW : McusX, mcusH = single ? comps[0].CompBlocksH : McusY;
        int restartsToGo = _restartInterval, nextRst = 0;
        bool insufficient = false;
        for (int my = 0; my < mcusH; my++)
        {
            for (int mx = 0; mx < mcusW; mx++)
            {
                if (_restartInterval != 0)
                {
                    if (restartsToGo == 0)
                    {
                        Restart(data, ref br, ref nextRst, ref insufficient);
                        foreach (var c in comps) c.DcPred = 0;
                        restartsToGo = _restartInterval;
                    }
                    restartsToGo--;
                }
                foreach (var c in comps)
                {
                    int bh = single ? 1 : c.H, bv = single ? 1 : c.V;
                    for (int v = 0; v < bv; v++)
                    {
                        for (int h = 0; h < bh; h++)
                        {
                            int bx = mx * bh + h, by = my * bv + v;
                            bool store = c.Needed && bx < c.CompBlocksW && by < c.CompBlocksH;
                            if (!insufficient)
                            {
                                DecodeBlock(ref br, blk, c);
                                if (store) JpegIdct.Transform(blk, c.Quant, c.Plane.AsSpan(by * 8 * c.PlaneStride + bx * 8), c.PlaneStride);
                                blk.Clear();
                            }
                            else if (store)
                            {
                                // An empty block: the transform of all-zero coefficients is mid-gray.
                                for (int r = 0; r < 8; r++) c.Plane.AsSpan((by * 8 + r) * c.PlaneStride + bx * 8, 8).Fill(128);
                            }
                        }
                    }
                }
                if (!insufficient && br.Exhausted) insufficient = true;
            }
        }
    }

    /// <summary>Decodes one sequential block. The bit buffer lives in locals for the whole block (the JIT keeps them
    /// in registers) and is written back only around refills.</summary>
    private static void DecodeBlock(ref JpegBitReader br, scoped Span<short> blk, JpegComponent c)
    {
        var ac = c.Ac!;
        var dc = c.Dc!;
        if (br.Count < 32) br.Refill();
        ulong buf = br.Buf;
        int cnt = br.Count;

        int s = DecodeSymbol(dc, ref buf, ref cnt);
        if (s != 0)
        {
            int v = (int)(buf >> (64 - s));
            buf <<= s;
            cnt -= s;
            c.DcPred += JpegBitReader.Extend(v, s);
        }
        blk[0] = unchecked((short)c.DcPred);

        ReadOnlySpan<byte> natural = NaturalOrder;
        int[] fast = ac.FastAc;
        for (int k = 1; k < 64; k++)
        {
            if (cnt < 32)
            {
                br.Buf = buf; br.Count = cnt;
                br.Refill();
                buf = br.Buf; cnt = br.Count;
            }
            int f = fast[(int)(buf >> (64 - JpegHuffmanTable.LookaheadBits))];
            if (f != 0)
            {
                k += (f >> 4) & 15;
                int l = f & 15;
                buf <<= l;
                cnt -= l;
                blk[natural[k]] = (short)(f >> 8);
                continue;
            }
            int rs = DecodeSymbol(ac, ref buf, ref cnt);
            int r = rs >> 4;
            s = rs & 15;
            if (s != 0)
            {
                k += r;
                int v = (int)(buf >> (64 - s));
                buf <<= s;
                cnt -= s;
                blk[natural[k]] = (short)JpegBitReader.Extend(v, s);
            }
            else
            {
                if (r != 15) break;
                k += 15;
            }
        }
        br.Buf = buf;
        br.Count = cnt;
    }

    /// <summary>Huffman symbol from local bit state; an invalid code yields 0 after 17 bits, as in libjpeg.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static int DecodeSymbol(JpegHuffmanTable t, ref ulong buf, ref int cnt)
    {
        int e = t.Lookup[(int)(buf >> (64 - JpegHuffmanTable.LookaheadBits))];
        if (e != 0)
        {
            int len = e >> 8;
            buf <<= len;
            cnt -= len;
            return e & 0xFF;
        }
        int l = JpegHuffmanTable.LookaheadBits + 1;
        int code = (int)(buf >> (64 - l));
        int[] max = t.MaxCode;
        while (code > max[l])
        {
            l++;
            code = (int)(buf >> (64 - l));
        }
        buf <<= l;
        cnt -= l;
        return l > 16 ? 0 : t.Values[(code + t.ValOffset[l]) & 0xFF];
    }

    private void DecodeProgressive(ReadOnlySpan<byte> data, ref JpegBitReader br, JpegComponent[] comps, int ss, int se, int ah, int al)
    {
        Span<short> scratch = stackalloc short[64];
        foreach (var c in comps) c.DcPred = 0;
        bool single = comps.Length == 1;
        int mcusW = single ? comps[0].CompBlocksW : McusX, mcusH = single ? comps[0].CompBlocksH : McusY;
        int restartsToGo = _restartInterval, nextRst = 0, eobrun = 0;
        bool insufficient = false;
        ReadOnlySpan<byte> natural = NaturalOrder;
        for (int my = 0; my < mcusH; my++)
        {
            for (int mx = 0; mx < mcusW; mx++)
            {
                if (_restartInterval != 0)
                {
                    if (restartsToGo == 0)
                    {
                        Restart(data, ref br, ref nextRst, ref insufficient);
                        foreach (var c in comps) c.DcPred = 0;
                        eobrun = 0;
                        restartsToGo = _restartInterval;
                    }
                    restartsToGo--;
                }
                if (insufficient) continue; // libjpeg leaves the coefficients of such MCUs untouched
                foreach (var c in comps)
                {
                    int bh = single ? 1 : c.H, bv = single ? 1 : c.V;
                    for (int v = 0; v < bv; v++)
                    {
                        for (int h = 0; h < bh; h++)
                        {
                            int bx = mx * bh + h, by = my * bv + v;
                            Span<short> blk = c.Coefs is null ? scratch : c.Coefs.AsSpan((by * c.BlocksW + bx) * 64, 64);
                            if (ss == 0)
                            {
                                br.EnsureBits();
                                if (ah == 0)
                                {
                                    int s = br.Decode(c.Dc!);
                                    if (s != 0) c.DcPred += JpegBitReader.Extend(br.GetBits(s), s);
                                    blk[0] = unchecked((short)(c.DcPred << al));
                                }
                                else if (br.GetBit() != 0) blk[0] |= (short)(1 << al);
                            }
                            else if (ah == 0) AcFirst(ref br, blk, c.Ac!, ss, se, al, ref eobrun, natural);
                            else AcRefine(ref br, blk, c.Ac!, ss, se, al, ref eobrun, natural);
                        }
                    }
                }
                if (br.Exhausted) insufficient = true;
            }
        }
    }

    private static void AcFirst(ref JpegBitReader br, scoped Span<short> blk, JpegHuffmanTable ac, int ss, int se, int al,
        ref int eobrun, ReadOnlySpan<byte> natural)
    {
        if (eobrun > 0) { eobrun--; return; }
        ulong buf = br.Buf;
        int cnt = br.Count;
        for (int k = ss; k <= se; k++)
        {
            if (cnt < 32)
            {
                br.Buf = buf; br.Count = cnt;
                br.Refill();
                buf = br.Buf; cnt = br.Count;
            }
            int rs = DecodeSymbol(ac, ref buf, ref cnt);
            int r = rs >> 4, s = rs & 15;
            if (s != 0)
            {
                k += r;
                int v = (int)(buf >> (64 - s));
                buf <<= s;
                cnt -= s;
                blk[natural[k]] = unchecked((short)(JpegBitReader.Extend(v, s) << al));
            }
            else if (r == 15) k += 15;
            else
            {
                eobrun = 1 << r;
                if (r != 0)
                {
                    eobrun += (int)(buf >> (64 - r));
                    buf <<= r;
                    cnt -= r;
                }
                eobrun--;
                break;
            }
        }
        br.Buf = buf;
        br.Count = cnt;
    }

    private static void AcRefine(ref JpegBitReader br, scoped Span<short> blk, JpegHuffmanTable ac, int ss, int se, int al,
        ref int eobrun, ReadOnlySpan<byte> natural)
    {
        int p1 = 1 << al, m1 = -1 << al;
        int k = ss;
        ulong buf = br.Buf;
        int cnt = br.Count;
        if (eobrun == 0)
        {
            for (; k <= se; k++)
            {
                if (cnt < 32)
                {
                    br.Buf = buf; br.Count = cnt;
                    br.Refill();
                    buf = br.Buf; cnt = br.Count;
                }
                int rs = DecodeSymbol(ac, ref buf, ref cnt);
                int r = rs >> 4, s = rs & 15;
                if (s != 0)
                {
                    s = (long)buf < 0 ? p1 : m1;
                    buf <<= 1;
                    cnt--;
                }
                else if (r != 15)
                {
                    eobrun = 1 << r;
                    if (r != 0)
                    {
                        eobrun += (int)(buf >> (64 - r));
                        buf <<= r;
                        cnt -= r;
                    }
                    break;
                }
                // Skip r zero-history coefficients, refining the nonzero ones passed on the way.
                do
                {
                    ref short co = ref blk[natural[k]];
                    if (co != 0)
                    {
                        if (cnt < 1)
                        {
                            br.Buf = buf; br.Count = cnt;
                            br.Refill();
                            buf = br.Buf; cnt = br.Count;
                        }
                        bool bit = (long)buf < 0;
                        buf <<= 1;
                        cnt--;
                        if (bit && (co & p1) == 0) co = unchecked((short)(co + (co >= 0 ? p1 : m1)));
                    }
                    else if (--r < 0) break;
                    k++;
                } while (k <= se);
                if (s != 0) blk[natural[k]] = unchecked((short)s);
            }
        }
        if (eobrun > 0)
        {
            for (; k <= se; k++)
            {
                ref short co = ref blk[natural[k]];
                if (co != 0)
                {
                    if (cnt < 1)
                    {
                        br.Buf = buf; br.Count = cnt;
                        br.Refill();
                        buf = br.Buf; cnt = br.Count;
                    }
                    bool bit = (long)buf < 0;
                    buf <<= 1;
                    cnt--;
                    if (bit && (co & p1) == 0) co = unchecked((short)(co + (co >= 0 ? p1 : m1)));
                }
            }
            eobrun--;
        }
        br.Buf = buf;
        br.Count = cnt;
    }

    /// <summary>Inverse-transforms every stored block of a progressive image, block rows in parallel.</summary>
    private void TransformCoefficients()
    {
        foreach (var c in Components)
        {
            if (!c.Needed || c.Coefs is null) continue;
            var quant = c.Quant ?? new short[64];
            var comp = c;
            Parallelism.ForBands(c.CompBlocksH, (long)c.CompBlocksW * 64 * 8, (start, end) =>
            {
                for (int by = start; by < end; by++)
                    for (int bx = 0; bx < comp.CompBlocksW; bx++)
                        JpegIdct.Transform(comp.Coefs.AsSpan((by * comp.BlocksW + bx) * 64, 64), quant,
                            comp.Plane.AsSpan(by * 8 * comp.PlaneStride + bx * 8), comp.PlaneStride);
            }, minRowsPerBand: 2);
        }
    }
}
