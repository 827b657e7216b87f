using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SegmentSharp.Filters;

/// <summary>
/// The few byte-vector operations the median networks need, as static abstract members so one generic kernel is
/// compiled separately (and fully inlined) for 128- and 256-bit vectors. <c>ISimdVector</c> is not public in .NET 10.
/// </summary>
internal unsafe interface IByteSimd<TV> where TV : struct, IByteSimd<TV>
{
    static abstract int Count { get; }
    static abstract TV Load(byte* p);
    static abstract void Store(TV v, byte* p);
    static abstract TV Min(TV a, TV b);
    static abstract TV Max(TV a, TV b);
}

internal readonly unsafe struct ByteV128 : IByteSimd<ByteV128>
{
    private readonly Vector128<byte> _v;
    private ByteV128(Vector128<byte> v) => _v = v;
    public static int Count => Vector128<byte>.Count;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ByteV128 Load(byte* p) => new(Vector128.Load(p));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Store(ByteV128 v, byte* p) => v._v.Store(p);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ByteV128 Min(ByteV128 a, ByteV128 b) => new(Vector128.Min(a._v, b._v));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ByteV128 Max(ByteV128 a, ByteV128 b) => new(Vector128.Max(a._v, b._v));
}

internal readonly unsafe struct ByteV256 : IByteSimd<ByteV256>
{
    private readonly Vector256<byte> _v;
    private ByteV256(Vector256<byte> v) => _v = v;
    public static int Count => Vector256<byte>.Count;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ByteV256 Load(byte* p) => new(Vector256.Load(p));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Store(ByteV256 v, byte* p) => v._v.Store(p);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ByteV256 Min(ByteV256 a, ByteV256 b) => new(Vector256.Min(a._v, b._v));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ByteV256 Max(ByteV256 a, ByteV256 b) => new(Vector256.Max(a._v, b._v));
}
