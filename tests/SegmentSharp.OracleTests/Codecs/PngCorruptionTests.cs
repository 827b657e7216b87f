using System.Buffers.Binary;
using SegmentSharp.Codecs;

namespace SegmentSharp.OracleTests.Codecs;

/// <summary>
/// Damaged files of every colour type, depth and interlace method (made with <see cref="RawPngWriter"/>) must
/// either decode or fail with <see cref="ImageFormatException"/>; nothing else may escape.
/// </summary>
public class PngCorruptionTests
{
    [Fact]
    public void DamagedFilesOfEveryKindFailCleanly()
    {
        var rng = new Random(77);
        int[][] td = [[0, 1], [0, 2], [0, 4], [0, 8], [0, 16], [2, 8], [2, 16], [3, 1], [3, 2], [3, 4], [3, 8], [4, 8], [4, 16], [6, 8], [6, 16]];
        for (int k = 0; k < 400; k++)
        {
            var t = td[k % td.Length];
            int w = rng.Next(1, 40), h = rng.Next(1, 30);
            byte[]? pal = null;
            if (t[0] == 3) { pal = new byte[3 * (1 << t[1])]; rng.NextBytes(pal); }
            var png = new RawPngWriter
            {
                Width = w, Height = h, ColorType = t[0], BitDepth = t[1], Palette = pal, Interlaced = k % 2 == 0, Seed = k,
                Samples = RawPngWriter.RandomSamples(rng, w, h, t[0], t[1], t[0] == 3 ? 1 << t[1] : 0),
                IdatChunkSize = rng.Next(5, 200),
            }.Write();
            switch (k % 3)
            {
                case 0: png = png[..rng.Next(png.Length)]; break;
                case 1:
                    for (int f = 0; f < 1 + rng.Next(3); f++) png[rng.Next(33, png.Length)] = (byte)rng.Next(256);
                    FixCrcs(png);
                    break;
                default:
                    png[rng.Next(16, 29)] = (byte)rng.Next(256); // damage IHDR fields
                    FixCrcs(png);
                    break;
            }
            foreach (bool gray in new[] { true, false })
            {
                var e = Record.Exception(() => { if (gray) PngCodec.DecodeGray(png); else PngCodec.DecodeColor(png); });
                if (e != null) Assert.True(e is ImageFormatException, $"case {k}: {e.GetType().Name}: {e.Message}");
            }
        }
    }

    private static void FixCrcs(byte[] png)
    {
        int pos = 8;
        while (pos + 12 <= png.Length)
        {
            long len = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(pos));
            if (len > png.Length - pos - 12) return;
            uint crc = RawPngWriter.Crc(png.AsSpan(pos + 4, 4 + (int)len), 0xFFFFFFFFu) ^ 0xFFFFFFFFu;
            BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(pos + 8 + (int)len), crc);
            pos += 12 + (int)len;
        }
    }
}
