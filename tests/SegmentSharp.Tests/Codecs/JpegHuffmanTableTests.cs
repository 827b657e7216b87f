using SegmentSharp.Codecs;

namespace SegmentSharp.Tests.Codecs;

public class JpegHuffmanTableTests
{
    [Theory]
    // Three 1-bit codes cannot exist; the old check ran only after the lookahead table had been written past its end.
    [InlineData(1, 3)]
    // Two 1-bit codes use the reserved all-ones code.
    [InlineData(1, 2)]
    // 200 codes of length 5 (only 31 fit).
    [InlineData(5, 200)]
    // 200 codes of length 7 (only 127 fit).
    [InlineData(7, 200)]
    public void OverfullCodeLengthsAreAFormatError(int length, int count)
    {
        var counts = new byte[17];
        counts[length] = (byte)count;
        var values = new byte[count];
        var e = Assert.Throws<ImageFormatException>(() => new JpegHuffmanTable(counts, values, isDc: false));
        Assert.Contains("overflow", e.Message);
    }

    [Fact]
    public void ACompleteButLegalTableIsAccepted()
    {
        // One code each of lengths 1..8 leaves the all-ones code of length 8 unused, as libjpeg requires.
        var counts = new byte[17];
        for (int l = 1; l <= 8; l++) counts[l] = 1;
        var table = new JpegHuffmanTable(counts, new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 }, isDc: true);
        Assert.Equal(0, table.MaxCode[1]);
        Assert.Equal(254, table.MaxCode[8]);
    }
}
