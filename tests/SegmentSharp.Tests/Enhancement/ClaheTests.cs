using CsCheck;
using SegmentSharp.Enhancement;
using SegmentSharp.Imaging;

namespace SegmentSharp.Tests.Enhancement;

public unsafe class ClaheTests
{
    [Fact]
    public void VectorBlendMatchesScalarTwin()
    {
        if (!System.Runtime.Intrinsics.X86.Avx2.IsSupported) return; // the scalar path is then the only one in use
        var rng = new Random(4);
        int tilesX = 3;
        var luts = new byte[2 * tilesX * 256 + 3];
        rng.NextBytes(luts);
        foreach (int w in new[] { 0, 1, 7, 8, 9, 16, 29, 3 * 8 + 5, 301 })
        {
            var src = new byte[w + 1]; rng.NextBytes(src);
            var i1 = new int[w + 1]; var i2 = new int[w + 1]; var xa = new float[w + 1]; var xa1 = new float[w + 1];
            for (int x = 0; x < w; x++)
            {
                i1[x] = rng.Next(tilesX) * 256; i2[x] = rng.Next(tilesX) * 256;
                xa[x] = (float)rng.NextDouble(); xa1[x] = 1f - xa[x];
            }
            foreach (float ya in new[] { 0f, 0.25f, 0.5f, 0.999f, (float)rng.NextDouble() })
            {
                var a = new byte[w + 1]; var b = new byte[w + 1];
                fixed (byte* ps = src) fixed (byte* pl = luts) fixed (byte* pa = a) fixed (byte* pb = b)
                fixed (int* p1 = i1) fixed (int* p2 = i2) fixed (float* fx = xa) fixed (float* fx1 = xa1)
                {
                    int done = ClaheCore.InterpolateRowAvx2(ps, pa, w, pl, pl + tilesX * 256, p1, p2, fx, fx1, ya, 1f - ya);
                    Assert.Equal(w - w % 8, done);
                    ClaheCore.InterpolateRowScalar(ps, pa, done, w, pl, pl + tilesX * 256, p1, p2, fx, fx1, ya, 1f - ya);
                    ClaheCore.InterpolateRowScalar(ps, pb, 0, w, pl, pl + tilesX * 256, p1, p2, fx, fx1, ya, 1f - ya);
                }
                Assert.Equal(b, a);
            }
        }
    }

    [Fact]
    public void RejectsBadArguments()
    {
        var img = new Image<byte>(20, 20);
        Assert.Throws<ArgumentException>(() => Clahe.Apply(img, 2, 0, 8));
        Assert.Throws<ArgumentException>(() => Clahe.Apply(img, 2, 8, -1));
        Assert.Throws<ArgumentException>(() => Clahe.Apply(img, double.NaN));
        Assert.Throws<ArgumentException>(() => Clahe.Apply(new Image<byte>(20, 20, 3)));
        Assert.Throws<ArgumentException>(() => Clahe.Apply(img.ReadOnlyView, new Image<byte>(20, 21).View));
    }

    [Fact]
    public void ClippingKeepsTheTotalAndSpreadsTheResidualFromBinZero()
    {
        var hist = new int[256];
        hist[10] = 1000; hist[200] = 5;
        var lut = new byte[256];
        ClaheCore.ClipAndMap(hist, lut, 20, 255f / 1005);
        Assert.Equal(1005, hist.Sum());
        // 980 clipped: 3 per bin (768) and a residual of 212 given to bins 0, 1, 2, … (step max(256/212, 1) = 1).
        Assert.Equal(20 + 3 + 1, hist[10]);
        Assert.Equal(3 + 1, hist[0]);
        Assert.Equal(3 + 1, hist[211]);
        Assert.Equal(3, hist[212]);
        Assert.Equal(5 + 3 + 1, hist[200]);
        Assert.Equal(255, lut[255]);
    }

    [Fact]
    public void OutputIsMonotoneInTheInputWithinATile()
    {
        // One tile and no blending: the result is a non-decreasing function of the pixel value.
        Gen.Select(Gen.Int[1, 40], Gen.Int[1, 40], Gen.Double[0, 10], Gen.Int[0, 1000]).Sample(t =>
        {
            var (w, h, clip, seed) = t;
            var img = new Image<byte>(w, h);
            new Random(seed).NextBytes(img.Data);
            var outImg = Clahe.Apply(img, clip, 1, 1);
            var map = new int[256];
            Array.Fill(map, -1);
            for (int i = 0; i < img.Data.Length; i++)
            {
                int v = img.Data[i];
                Assert.True(map[v] < 0 || map[v] == outImg.Data[i]);
                map[v] = outImg.Data[i];
            }
            int last = -1;
            foreach (int m in map) if (m >= 0) { Assert.True(m >= last); last = m; }
        }, iter: 100);
    }
}
