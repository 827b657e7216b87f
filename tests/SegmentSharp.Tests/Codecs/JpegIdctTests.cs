using CsCheck;
using SegmentSharp.Codecs;

namespace SegmentSharp.Tests.Codecs;

/// <summary>The vectorised ISLOW IDCT must equal its scalar twin bit for bit, including on out-of-range input.</summary>
public class JpegIdctTests
{
    private static void AssertTwinsAgree(short[] coef, short[] quant, int stride)
    {
        var a = new byte[7 * stride + 8 + 3];
        var b = new byte[a.Length];
        Array.Fill(a, (byte)7);
        Array.Fill(b, (byte)7);
        JpegIdct.TransformScalar(coef, quant, a.AsSpan(1), stride);
        JpegIdct.TransformVector(coef, quant, b.AsSpan(1), stride);
        Assert.Equal(a, b); // also checks that nothing outside the 8×8 block was written
    }

    [Fact]
    public void VectorMatchesScalarOnRealisticBlocks()
    {
        Gen.Select(Gen.Short[-1024, 1023].Array[64], Gen.Short[1, 255].Array[64], Gen.Int[0, 64], Gen.Int[8, 40])
            .Sample((coef, quant, nonZero, stride) =>
            {
                // Zero a tail of the coefficients so DC-only, sparse and dense blocks all occur.
                for (int i = nonZero; i < 64; i++) coef[i] = 0;
                AssertTwinsAgree(coef, quant, stride);
            }, iter: 3000);
    }

    [Fact]
    public void VectorMatchesScalarOnExtremeBlocks()
    {
        // Corrupt streams reach any 16-bit coefficient and quantiser; the wrap/saturate rules must agree too.
        Gen.Select(Gen.Short.Array[64], Gen.Short.Array[64], Gen.Bool)
            .Sample((coef, quant, dcOnly) =>
            {
                if (dcOnly) for (int i = 8; i < 64; i++) coef[i] = 0;
                if (dcOnly && (coef[0] & 1) == 0) for (int i = 1; i < 8; i++) coef[i] = 0; // flat (DC-only) blocks
                AssertTwinsAgree(coef, quant, 8);
            }, iter: 3000);
    }

    [Fact]
    public void ZeroBlockIsMidGray()
    {
        var dst = new byte[64];
        JpegIdct.Transform(new short[64], Enumerable.Repeat((short)16, 64).ToArray(), dst, 8);
        Assert.All(dst, v => Assert.Equal(128, v));
    }
}
