using OpenCvSharp;
using SegmentSharp.Codecs;
using SegmentSharp.Imaging;

namespace SegmentSharp.OracleTests.Codecs;

public class BmpOracleTests
{
    public static TheoryData<int, int, int, int, bool, bool> PaletteCases()
    {
        var d = new TheoryData<int, int, int, int, bool, bool>();
        foreach (var (w, h) in RasterOracle.Sizes)
            foreach (int bpp in new[] { 1, 4, 8 })
                foreach (int comp in new[] { 0, 1, 2 })
                {
                    if ((comp == 1 && bpp != 8) || (comp == 2 && bpp != 4)) continue;
                    d.Add(w, h, bpp, comp, false, false);
                    d.Add(w, h, bpp, comp, true, true);
                    d.Add(w, h, bpp, comp, true, false);
                }
        return d;
    }

    [Theory]
    [MemberData(nameof(PaletteCases))]
    public void PaletteImagesMatchOpenCv(int w, int h, int bpp, int compression, bool grayPalette, bool topDown)
    {
        var rng = new Random(w * 1000 + h * 10 + bpp + compression * 7 + (grayPalette ? 3 : 0));
        int n = 1 << bpp;
        var pal = new byte[n * 3];
        if (grayPalette) for (int i = 0; i < n; i++) pal[i * 3] = pal[i * 3 + 1] = pal[i * 3 + 2] = (byte)rng.Next(256);
        else rng.NextBytes(pal);
        var bmp = new TestBmp
        {
            Width = w, Height = h, Bpp = bpp, Compression = compression, TopDown = topDown, Palette = pal,
            Indices = RasterOracle.RunnyIndices(w * h, n - 1, rng),
        };
        RasterOracle.AssertDecodesLikeOpenCv(bmp.Build(), $"{w}x{h} bpp{bpp} comp{compression} gray{grayPalette} td{topDown}");
    }

    [Theory]
    [InlineData(1, 40)]
    [InlineData(4, 12)]
    [InlineData(8, 12)]
    [InlineData(8, 108)]
    [InlineData(8, 124)]
    [InlineData(4, 64)]
    public void HeaderVariantsAndShortPalettesMatchOpenCv(int bpp, int headerSize)
    {
        var rng = new Random(bpp * 31 + headerSize);
        foreach (int clrUsed in headerSize == 12 ? new[] { 0 } : new[] { 0, 2, 3 })
        {
            int n = clrUsed == 0 ? 1 << bpp : clrUsed;
            var pal = new byte[n * 3];
            rng.NextBytes(pal);
            var bmp = new TestBmp
            {
                Width = 37, Height = 11, Bpp = bpp, HeaderSize = headerSize, ClrUsed = clrUsed, Palette = pal,
                Indices = RasterOracle.RunnyIndices(37 * 11, (1 << bpp) - 1, rng), // indices beyond clrUsed read zeros
            };
            RasterOracle.AssertDecodesLikeOpenCv(bmp.Build(), $"bpp{bpp} header{headerSize} clrUsed{clrUsed}");
        }
    }

    public static TheoryData<int, int, int, int, bool, int> DirectCases()
    {
        var d = new TheoryData<int, int, int, int, bool, int>();
        foreach (var (w, h) in RasterOracle.Sizes)
        {
            d.Add(w, h, 24, 0, false, 40);
            d.Add(w, h, 24, 0, true, 124);
            d.Add(w, h, 32, 0, false, 40);
            d.Add(w, h, 32, 3, true, 40);
            d.Add(w, h, 32, 3, false, 108);
            d.Add(w, h, 16, 0, false, 40);      // 5-5-5 without masks
            d.Add(w, h, 16, 3, true, 40);       // 5-5-5 masks
            d.Add(w, h, 16, 3 | 0x100, false, 40); // 5-6-5 masks
        }
        return d;
    }

    [Theory]
    [MemberData(nameof(DirectCases))]
    public void DirectColourImagesMatchOpenCv(int w, int h, int bpp, int compression, bool topDown, int headerSize)
    {
        var rng = new Random(w + h * 3 + bpp * 5 + compression);
        var px = new byte[w * h * bpp / 8];
        rng.NextBytes(px);
        var bmp = new TestBmp
        {
            Width = w, Height = h, Bpp = bpp, Compression = compression & 0xFF, Mask565 = (compression & 0x100) != 0,
            TopDown = topDown, HeaderSize = headerSize, Pixels = px,
        };
        RasterOracle.AssertDecodesLikeOpenCv(bmp.Build(), $"{w}x{h} bpp{bpp} comp{compression} header{headerSize}");
    }

    [Theory]
    [InlineData("camera.png")]
    [InlineData("astronaut.png")]
    [InlineData("horse.png")]
    public void OpenCvWrittenSamplesMatch(string sample)
    {
        using var src = Cv2.ImRead(RasterTestPaths.Sample(sample), ImreadModes.Unchanged);
        Cv2.ImEncode(".bmp", src, out var file);
        RasterOracle.AssertDecodesLikeOpenCv(file, sample);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(3, false)]
    [InlineData(4, false)]
    [InlineData(1, true)]
    public void OurEncodingReadsBackIdentically(int cn, bool bilevel)
    {
        foreach (var (w, h) in RasterOracle.Sizes)
        {
            var img = bilevel ? RasterOracle.RandomBilevel(w, h, w + h) : RasterOracle.Random(w, h, cn, w * h + cn);
            foreach (var mode in new[] { BilevelMode.Auto, BilevelMode.Never })
            {
                var file = ImageFile.Encode(img, ImageFormat.Bmp, new ImageWriteOptions { Bilevel = mode });
                RasterOracle.AssertOpenCvReadsBack(img, file, $"{w}x{h}x{cn} bilevel={bilevel} {mode}");
                if (bilevel && mode == BilevelMode.Auto) Assert.Equal(1, file[28]); // packed to 1 bit
            }
        }
    }

    [Fact]
    public void EightBitOutputEqualsOpenCvBytes()
    {
        // OpenCV's writer is the model for ours: same header, gray palette and padding, byte for byte.
        foreach (int cn in new[] { 1, 3, 4 })
        {
            var img = RasterOracle.Random(13, 7, cn, cn);
            using var m = Oracle.ToMat(img);
            Cv2.ImEncode(".bmp", m, out var expected);
            var ours = ImageFile.Encode(img, ImageFormat.Bmp, new ImageWriteOptions { Bilevel = BilevelMode.Never });
            Assert.Equal(expected, ours);
        }
    }

    public static TheoryData<string, int, int, int, byte[]> HandMadeRle() => new()
    {
        { "rle8 delta", 6, 3, 8, [3, 1, 0, 3, 2, 3, 4, 0, 0, 0, 0, 2, 2, 1, 4, 5, 0, 1] },
        { "rle8 early eof", 6, 4, 8, [3, 1, 0, 1] },
        { "rle8 run to row end then eol", 4, 3, 8, [4, 7, 0, 0, 2, 9, 0, 0, 4, 3, 0, 0, 0, 1] },
        { "rle8 literal to row end then eol", 3, 2, 8, [0, 3, 1, 2, 3, 0, 0, 0, 0, 3, 4, 5, 6, 0, 0, 0, 0, 1] },
        { "rle8 delta past the end", 5, 3, 8, [1, 4, 0, 2, 200, 9, 0, 1] },
        { "rle8 run past row end", 5, 2, 8, [6, 1, 0, 1] },
        { "rle4 delta and eol", 7, 2, 4, [5, 0x12, 0, 0, 0, 4, 0x34, 0x56, 0, 0, 0, 1] },
        { "rle4 delta", 9, 2, 4, [2, 0x77, 0, 2, 3, 1, 2, 0x88, 0, 0, 1, 0x11, 0, 0] },
        { "rle4 literal odd", 5, 1, 4, [0, 5, 0x12, 0x34, 0x50, 0, 0, 0] },
    };

    [Theory]
    [MemberData(nameof(HandMadeRle))]
    public void HandMadeRleMatchesOpenCvIncludingFailures(string name, int w, int h, int bpp, byte[] payload)
    {
        var pal = new byte[(1 << bpp) * 3];
        new Random(bpp).NextBytes(pal);
        var file = new TestBmp { Width = w, Height = h, Bpp = bpp, Compression = bpp == 8 ? 1 : 2, Palette = pal, Payload = payload }.Build();
        using var probe = RasterOracle.Read(file, ImreadModes.Grayscale);
        if (probe.Empty())
        {
            // OpenCV refuses the file (e.g. a run past the row end, data ending before the last row): so must we.
            Assert.Throws<ImageFormatException>(() => ImageFile.DecodeGray(file));
            Assert.Throws<ImageFormatException>(() => ImageFile.DecodeColor(file));
        }
        else RasterOracle.AssertDecodesLikeOpenCv(file, name);
    }

    [Theory]
    [InlineData(0x3FF00000u, 0x000FFC00u, 0x000003FFu, 0xC0000000u)] // 10-10-10-2
    [InlineData(0x0000F800u, 0x000007E0u, 0x0000001Fu, 0u)]          // 5-6-5 in 32 bits
    [InlineData(0xFF000000u, 0x00FF0000u, 0x0000FF00u, 0x000000FFu)] // RGBA byte order
    [InlineData(0x00000F00u, 0x000000F0u, 0x0000000Fu, 0x0000F000u)] // 4-4-4-4
    [InlineData(0x00FF0000u, 0u, 0x000000FFu, 0u)]                   // a missing mask: plain BGRA
    public void ThirtyTwoBitMasksMatchOpenCv(uint r, uint g, uint b, uint a)
    {
        foreach (int header in new[] { 56, 108, 124 })
        {
            var px = new byte[333 * 77 * 4];
            new Random((int)(r ^ g) + header).NextBytes(px);
            var file = new TestBmp { Width = 333, Height = 77, Bpp = 32, Compression = 3, HeaderSize = header, Pixels = px, Masks = [r, g, b, a] }.Build();
            RasterOracle.AssertDecodesLikeOpenCv(file, $"masks {r:X8} {g:X8} {b:X8} {a:X8} header {header}");
        }
    }

    [Theory]
    [InlineData(false, 56)]
    [InlineData(true, 108)]
    [InlineData(false, 124)]
    public void SixteenBitMasksInsideV3PlusHeaders(bool is565, int header)
    {
        var px = new byte[37 * 11 * 2];
        new Random(header).NextBytes(px);
        uint[] masks = is565 ? [0xF800, 0x7E0, 0x1F, 0] : [0x7C00, 0x3E0, 0x1F, 0];
        var file = new TestBmp { Width = 37, Height = 11, Bpp = 16, Compression = 3, HeaderSize = header, Pixels = px, Masks = masks }.Build();
        using var probe = RasterOracle.Read(file, ImreadModes.Color);
        if (!probe.Empty()) { RasterOracle.AssertDecodesLikeOpenCv(file, $"16-bit masks in a {header}-byte header"); return; }
        // OpenCV looks for the masks after the header and gives up; we use the header's own masks.
        var color = ImageFile.DecodeColor(file);
        for (int y = 0; y < 11; y++)
            for (int x = 0; x < 37; x++)
            {
                int i = (y * 37 + x) * 2, t = px[i] | (px[i + 1] << 8);
                int b = (t << 3) & 0xF8, g = is565 ? (t >> 3) & 0xFC : (t >> 2) & 0xF8, r = is565 ? (t >> 8) & 0xF8 : (t >> 7) & 0xF8;
                Assert.Equal(new byte[] { (byte)b, (byte)g, (byte)r }, color.Row(y).Slice(x * 3, 3).ToArray());
            }
    }
}
