using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SegmentSharp.Codecs;

/// <summary>
/// CRC-32 as PNG uses it (ISO 3309 / ITU-T V.42, reflected polynomial 0xEDB88320), computed
/// slicing-by-8: eight 256-entry tables let one step consume eight bytes, which keeps CRC checking
/// of every IDAT chunk cheap next to inflate.
/// </summary>
internal static class PngCrc
{
    private static readonly uint[] Tables = BuildTables();

    private static uint[] BuildTables()
    {
        var t = new uint[8 * 256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        for (int n = 0; n < 256; n++)
            for (int s = 1; s < 8; s++)
                t[s * 256 + n] = (t[(s - 1) * 256 + n] >> 8) ^ t[t[(s - 1) * 256 + n] & 0xFF];
        return t;
    }

    /// <summary>Continues a running CRC (start with <c>0xFFFFFFFF</c>, finish by inverting).</summary>
    public static uint Update(uint crc, ReadOnlySpan<byte> data)
    {
        ref uint t = ref MemoryMarshal.GetArrayDataReference(Tables);
        ref byte d = ref MemoryMarshal.GetReference(data);
        int n = data.Length, i = 0;
        for (; i + 8 <= n; i += 8)
        {
            uint lo = crc ^ BinaryPrimitives.ReadUInt32LittleEndian(MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref d, i), 4));
            uint hi = BinaryPrimitives.ReadUInt32LittleEndian(MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref d, i + 4), 4));
            crc = Unsafe.Add(ref t, 7 * 256 + (int)(lo & 0xFF)) ^ Unsafe.Add(ref t, 6 * 256 + (int)((lo >> 8) & 0xFF))
                ^ Unsafe.Add(ref t, 5 * 256 + (int)((lo >> 16) & 0xFF)) ^ Unsafe.Add(ref t, 4 * 256 + (int)(lo >> 24))
                ^ Unsafe.Add(ref t, 3 * 256 + (int)(hi & 0xFF)) ^ Unsafe.Add(ref t, 2 * 256 + (int)((hi >> 8) & 0xFF))
                ^ Unsafe.Add(ref t, 256 + (int)((hi >> 16) & 0xFF)) ^ Unsafe.Add(ref t, (int)(hi >> 24));
        }
        for (; i < n; i++) crc = Unsafe.Add(ref t, (int)((crc ^ Unsafe.Add(ref d, i)) & 0xFF)) ^ (crc >> 8);
        return crc;
    }

    /// <summary>The CRC of a whole buffer.</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => Update(0xFFFFFFFFu, data) ^ 0xFFFFFFFFu;
}
