using BitMiracle.LibTiff.Classic;

namespace SegmentSharp.OracleTests.Codecs;

/// <summary>Writes test TIFFs directly with LibTiff.NET: any bit depth, layout, compression and byte order.</summary>
internal sealed class TestTiff
{
    public int Width, Height, Bps = 8, Spp = 1;
    public Photometric Photometric = Photometric.MINISBLACK;
    public Compression Compression = Compression.NONE;
    public int Group3Options = -1;
    public bool Tiled, Separate, BigEndian, SecondPage;
    public int RowsPerStrip = 0;
    public short[]? ExtraSamples;
    public ushort[]? ColorMap; // 3 * 2^bps entries: all red, then green, then blue
    public int Predictor = 1;
    public int Orientation = 1;

    /// <summary>Samples per pixel, interleaved, row-major; one element per sample whatever the bit depth.</summary>
    public int[] Samples = [];

    public static int[] RandomSamples(int count, int bps, Random rng, bool runny = false)
    {
        var s = new int[count];
        int max = (1 << bps) - 1;
        for (int i = 0; i < count;)
        {
            int run = runny && rng.Next(3) == 0 ? rng.Next(1, 80) : 1;
            int v = bps == 16 ? rng.Next(65536) : rng.Next(max + 1);
            for (int k = 0; k < run && i < count; k++) s[i++] = v;
        }
        return s;
    }

    public byte[] Build()
    {
        var ms = new MemoryStream();
        using (var tif = Tiff.ClientOpen("test", BigEndian ? "wb" : "wl", ms, new TiffStream())!)
        {
            WritePage(tif, Samples);
            if (SecondPage)
            {
                tif.WriteDirectory();
                var other = new int[Samples.Length];
                for (int i = 0; i < other.Length; i++) other[i] = Samples[i] ^ 1;
                WritePage(tif, other);
            }
        }
        return ms.ToArray();
    }

    private void WritePage(Tiff tif, int[] samples)
    {
        tif.SetField(TiffTag.IMAGEWIDTH, Width);
        tif.SetField(TiffTag.IMAGELENGTH, Height);
        tif.SetField(TiffTag.BITSPERSAMPLE, Bps);
        tif.SetField(TiffTag.SAMPLESPERPIXEL, Spp);
        tif.SetField(TiffTag.PHOTOMETRIC, Photometric);
        tif.SetField(TiffTag.COMPRESSION, Compression);
        tif.SetField(TiffTag.PLANARCONFIG, Separate ? PlanarConfig.SEPARATE : PlanarConfig.CONTIG);
        if (Group3Options >= 0) tif.SetField(TiffTag.GROUP3OPTIONS, Group3Options);
        if (Predictor != 1) tif.SetField(TiffTag.PREDICTOR, Predictor);
        if (Orientation != 1) tif.SetField(TiffTag.ORIENTATION, (Orientation)Orientation);
        if (ExtraSamples != null) tif.SetField(TiffTag.EXTRASAMPLES, ExtraSamples.Length, ExtraSamples);
        if (ColorMap != null)
        {
            int n = 1 << Bps;
            tif.SetField(TiffTag.COLORMAP, ColorMap[..n], ColorMap[n..(2 * n)], ColorMap[(2 * n)..]);
        }
        int planes = Separate ? Spp : 1, sppIn = Separate ? 1 : Spp;
        if (Tiled)
        {
            const int tw = 16, th = 16;
            tif.SetField(TiffTag.TILEWIDTH, tw);
            tif.SetField(TiffTag.TILELENGTH, th);
            for (int p = 0; p < planes; p++)
                for (int ty = 0; ty < Height; ty += th)
                    for (int tx = 0; tx < Width; tx += tw)
                    {
                        var buf = Pack(samples, tx, ty, tw, th, p, sppIn);
                        tif.WriteEncodedTile(tif.ComputeTile(tx, ty, 0, (short)p), buf, buf.Length);
                    }
        }
        else
        {
            int rps = RowsPerStrip > 0 ? Math.Min(RowsPerStrip, Height) : Height;
            tif.SetField(TiffTag.ROWSPERSTRIP, rps);
            int perPlane = (Height + rps - 1) / rps;
            for (int p = 0; p < planes; p++)
                for (int s = 0; s < perPlane; s++)
                {
                    int rows = Math.Min(rps, Height - s * rps);
                    var buf = Pack(samples, 0, s * rps, Width, rows, p, sppIn);
                    tif.WriteEncodedStrip(p * perPlane + s, buf, buf.Length);
                }
        }
    }

    /// <summary>Packs a w×h block (clipped, zero-padded) of plane p, MSB-first below 8 bits, host-order 16-bit.</summary>
    private byte[] Pack(int[] samples, int x0, int y0, int w, int h, int plane, int sppIn)
    {
        int rowBytes = (w * Bps * sppIn + 7) / 8;
        var buf = new byte[rowBytes * h];
        for (int r = 0; r < h; r++)
        {
            int y = y0 + r;
            if (y >= Height) break;
            for (int x = 0; x < w && x0 + x < Width; x++)
                for (int c = 0; c < sppIn; c++)
                {
                    int sample = Separate ? plane : c;
                    int v = samples[((y * Width) + x0 + x) * Spp + sample];
                    int i = x * sppIn + c;
                    switch (Bps)
                    {
                        case 8: buf[r * rowBytes + i] = (byte)v; break;
                        case 16: buf[r * rowBytes + 2 * i] = (byte)v; buf[r * rowBytes + 2 * i + 1] = (byte)(v >> 8); break;
                        default:
                            int bit = i * Bps;
                            buf[r * rowBytes + (bit >> 3)] |= (byte)(v << (8 - Bps - (bit & 7)));
                            break;
                    }
                }
        }
        return buf;
    }
}
