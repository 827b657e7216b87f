namespace SegmentSharp.Codecs;

/// <summary>
/// The example Huffman tables of ITU-T T.81 Annex K.3. libjpeg-turbo falls back to them when a scan uses table 0 or 1
/// without a DHT segment (common in Motion-JPEG frames), so we do too.
/// </summary>
internal static class JpegStandardTables
{
    internal static readonly byte[] DcLumaCounts = Convert.FromHexString("0000010501010101010100000000000000");
    internal static readonly byte[] DcLumaValues = Convert.FromHexString(
        "000102030405060708090A0B");
    internal static readonly byte[] AcLumaCounts = Convert.FromHexString("000002010303020403050504040000017D");
    internal static readonly byte[] AcLumaValues = Convert.FromHexString(
        "01020300041105122131410613516107227114328191A1082342B1C11552D1F02433627282090A161718191A25262728292A3435363738393A434445464748494A535455565758595A636465666768696A737475767778797A838485868788898A92939495969798999AA2A3A4A5A6A7A8A9AAB2B3B4B5B6B7B8B9BAC2C3C4C5C6C7C8C9CAD2D3D4D5D6D7D8D9DAE1E2E3E4E5E6E7E8E9EAF1F2F3F4F5F6F7F8F9FA");
    internal static readonly byte[] DcChromaCounts = Convert.FromHexString("0000030101010101010101010000000000");
    internal static readonly byte[] DcChromaValues = Convert.FromHexString(
        "000102030405060708090A0B");
    internal static readonly byte[] AcChromaCounts = Convert.FromHexString("0000020102040403040705040400010277");
    internal static readonly byte[] AcChromaValues = Convert.FromHexString(
        "000102031104052131061241510761711322328108144291A1B1C109233352F0156272D10A162434E125F11718191A262728292A35363738393A434445464748494A535455565758595A636465666768696A737475767778797A82838485868788898A92939495969798999AA2A3A4A5A6A7A8A9AAB2B3B4B5B6B7B8B9BAC2C3C4C5C6C7C8C9CAD2D3D4D5D6D7D8D9DAE2E3E4E5E6E7E8E9EAF2F3F4F5F6F7F8F9FA");

    internal static JpegHuffmanTable Get(bool dc, int id) => (dc, id) switch
    {
        (true, 0) => new JpegHuffmanTable(DcLumaCounts, DcLumaValues, true),
        (true, _) => new JpegHuffmanTable(DcChromaCounts, DcChromaValues, true),
        (false, 0) => new JpegHuffmanTable(AcLumaCounts, AcLumaValues, false),
        _ => new JpegHuffmanTable(AcChromaCounts, AcChromaValues, false),
    };
}
