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
}
