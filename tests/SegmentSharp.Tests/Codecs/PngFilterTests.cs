using SegmentSharp.Codecs;

namespace SegmentSharp.Tests.Codecs;

/// <summary>The vectorised PNG filters against their scalar twins, and filter/unfilter inverses.</summary>
public class PngFilterTests
{
    public static TheoryData<int, int> Cases()
    {
        var d = new TheoryData<int, int>();
        var seen = new HashSet<(int, int)>();
        // Lengths around the 16-byte register and 32-byte Vector<byte>, rounded up to whole pixels.
        foreach (int bpp in new[] { 1, 2, 3, 4, 6, 8 })
            foreach (int len in new[] { 0, 1, 15, 16, 17, 19, 20, 31, 32, 33, 53, 3 * 32 + 5, 1000 })
            {
                int l = len % bpp == 0 ? len : len - len % bpp + bpp;
                if (seen.Add((bpp, l))) d.Add(bpp, l);
            }
        return d;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void VectorUnfilterEqualsScalar(int bpp, int len)
    {
        var rng = new Random(bpp * 1000 + len);
        var prev = new byte[len];
        var raw = new byte[len];
        for (int trial = 0; trial < 4; trial++)
        {
            rng.NextBytes(prev); rng.NextBytes(raw);
            if (trial == 1) Array.Fill(raw, (byte)255);
            for (int f = 0; f <= 4; f++)
            {
                var a = (byte[])raw.Clone();
                var b = (byte[])raw.Clone();
                PngFilters.Unfilter(f, a, prev, bpp);
                PngFilters.UnfilterScalar(f, b, prev, bpp);
                Assert.True(a.AsSpan().SequenceEqual(b), $"filter {f}, bpp {bpp}, length {len}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void FilterThenUnfilterIsIdentity(int bpp, int len)
    {
        var rng = new Random(len * 7 + bpp);
        var prev = new byte[len];
        var cur = new byte[len];
        rng.NextBytes(prev); rng.NextBytes(cur);
        for (int f = 0; f <= 4; f++)
        {
            var filtered = new byte[len];
            PngFilters.Filter(f, cur, prev, bpp, filtered);
            PngFilters.Unfilter(f, filtered, prev, bpp);
            Assert.Equal(cur, filtered);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void VectorFilterEqualsScalar(int bpp, int len)
    {
        var rng = new Random(len * 13 + bpp);
        var prev = new byte[len];
        var cur = new byte[len];
        for (int trial = 0; trial < 3; trial++)
        {
            rng.NextBytes(prev); rng.NextBytes(cur);
            if (trial == 1) { Array.Fill(prev, (byte)255); }
            for (int f = 0; f <= 4; f++)
            {
                var a = new byte[len];
                var b = new byte[len];
                long ca = PngFilters.Filter(f, cur, prev, bpp, a), cb = PngFilters.FilterScalar(f, cur, prev, bpp, b);
                Assert.True(a.AsSpan().SequenceEqual(b), $"filter {f}, bpp {bpp}, length {len}");
                Assert.Equal(cb, ca);
            }
        }
    }

    [Fact]
    public void SumAbsSignedMatchesScalar()
    {
        var rng = new Random(3);
        foreach (int len in new[] { 0, 1, 31, 32, 33, 64, 100, 4097 })
        {
            var d = new byte[len];
            rng.NextBytes(d);
            if (len > 0) d[0] = 0x80;
            long expected = 0;
            foreach (var b in d) expected += Math.Abs((int)(sbyte)b);
            Assert.Equal(expected, PngFilters.SumAbsSigned(d));
        }
    }

    [Fact]
    public void PackBitsMatchesScalar()
    {
        var rng = new Random(8);
        foreach (int len in new[] { 1, 7, 8, 9, 16, 63, 64, 65, 1001 })
        {
            var src = new byte[len];
            for (int i = 0; i < len; i++) src[i] = rng.Next(2) == 0 ? (byte)0 : (byte)255;
            var dst = new byte[(len + 7) / 8];
            PngEncoder.PackBits(src, dst);
            for (int i = 0; i < len; i++) Assert.Equal(src[i] == 255, ((dst[i >> 3] >> (7 - (i & 7))) & 1) == 1);
        }
    }
}
